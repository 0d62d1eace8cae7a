import Foundation

/// `workbook serve`: the site from memory over HTTP, rebuilt when an input changes.
public struct WorkbookPreview: Sendable {
    public var builder: PreviewBuilder
    /// The address to listen on (loopback unless asked otherwise).
    public var host: String
    /// The port; 0 picks a free one.
    public var port: Int

    public init(builder: PreviewBuilder, host: String, port: Int) {
        self.builder = builder
        self.host = host
        self.port = port
    }

    /// Listens, builds, then rebuilds on every change until cancelled or the server fails.
    ///
    /// `listening` gets the page's URL once the port is bound (before the first build);
    /// `say` and `warn` print progress and problems.
    public func run(
        listening: @escaping @Sendable (String) -> Void,
        say: @escaping @Sendable (String) -> Void,
        warn: @escaping @Sendable (String) -> Void
    ) async throws(ServeError) {
        let session = PreviewSession(builder: builder, say: say, warn: warn)
        let server = PreviewServer(host: host, port: port)
        let urlHost = host.contains(":") ? "[\(host)]" : host
        let (bound, boundContinuation) = AsyncStream<Int>.makeStream()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await server.run(session) { port in
                        boundContinuation.yield(port)
                        boundContinuation.finish()
                    }
                }
                group.addTask {
                    for await port in bound {
                        listening("http://\(urlHost):\(port)/")
                        try await session.buildAndWatch()
                    }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: .seconds(5))
                        await session.heartbeat()
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        } catch let error as ServeError {
            throw error
        } catch is CancellationError {
            return
        } catch {
            throw ServeError(address: "\(host):\(port)", message: "cannot serve: \(error)")
        }
    }
}
