import FlyingFox
import FlyingSocks
import Foundation

/// Serves a preview session over HTTP with FlyingFox.
struct PreviewServer: Sendable {
    var host: String
    var port: Int

    /// Listens on `host:port` until cancelled; `listening` gets the bound port (useful with port 0).
    func run(_ session: PreviewSession, listening: @escaping @Sendable (Int) -> Void) async throws(ServeError) {
        let address: any SocketAddress
        do {
            address = try ListeningAddress.resolve(host: host, port: port)
        } catch {
            throw ServeError(address: "\(host):\(port)", message: "cannot listen on '\(host)': \(error.reason)")
        }
        let server = HTTPServer(address: address, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()),
                                logger: .disabled, handler: PreviewHandler(session: session))
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening(timeout: 60)
                    listening(ListeningAddress.port(of: await server.listeningAddress) ?? port)
                }
                // The first to end is the listening report (or the server, failing to start);
                // then the server runs until cancelled.
                try await group.next()
                try await group.next()
            }
        } catch {
            // Cancelled (Ctrl-C, or the preview ending): the server stops, nothing failed.
            if Task.isCancelled { return }
            throw serveError(error)
        }
    }

    func serveError(_ error: any Error) -> ServeError {
        let address = "\(host):\(port)"
        let text = String(describing: error)
        if case .failed(_, let errno, _)? = error as? SocketError {
            switch errno {
            case EADDRINUSE:
                return ServeError(address: address, message: "the port \(port) is already in use (choose another with '--port')")
            case EADDRNOTAVAIL:
                return ServeError(address: address, message: "cannot listen on '\(host)': it is not an address of this machine")
            case EACCES:
                return ServeError(address: address, message: "not allowed to listen on the port \(port) (ports below 1024 need root)")
            default:
                break
            }
        }
        return ServeError(address: address, message: "cannot serve: \(text)")
    }
}

/// Answers each request from the session: a site file, the reload script or the events stream.
struct PreviewHandler: HTTPHandler {
    let session: PreviewSession

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed)
        }
        let target = RequestPath.resolve(request.target.rawValue)
        if target == .events { return await eventsResponse() }
        let answer = await session.response(for: target)
        let headers: HTTPHeaders = [.contentType: answer.contentType, .cacheControl: "no-store"]
        return HTTPResponse(statusCode: Self.status(answer.status), headers: headers,
                            body: request.method == .HEAD ? Data() : Data(answer.body))
    }

    static func status(_ code: Int) -> HTTPStatusCode {
        switch code {
        case 200: .ok
        case 404: .notFound
        case 405: .methodNotAllowed
        default: HTTPStatusCode(code, phrase: "Status \(code)")
        }
    }

    /// A `text/event-stream` response, sent chunk by chunk as the session's messages come.
    private func eventsResponse() async -> HTTPResponse {
        let (id, stream) = await session.subscribe()
        let subscription = EventSubscription(session: session, id: id, messages: stream)
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: HTTPBodySequence(from: subscription))
    }
}

/// The bytes of an event stream's messages, each message handed on as soon as the session sends it.
/// The listener is removed from the session when the response is done with (the page closed: a
/// write fails, the connection ends, the response is released).
struct EventSubscription: AsyncBufferedSequence {
    typealias Element = UInt8

    final class Listener: Sendable {
        let session: PreviewSession
        let id: UUID
        init(session: PreviewSession, id: UUID) {
            self.session = session
            self.id = id
        }
        deinit {
            Task { [session, id] in await session.unsubscribe(id) }
        }
    }

    let listener: Listener
    let messages: AsyncStream<String>

    init(session: PreviewSession, id: UUID, messages: AsyncStream<String>) {
        self.listener = Listener(session: session, id: id)
        self.messages = messages
    }

    func makeAsyncIterator() -> Iterator {
        Iterator(listener: listener, messages: messages.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let listener: Listener
        var messages: AsyncStream<String>.AsyncIterator
        /// Bytes of the current message not yet handed on.
        var pending: ArraySlice<UInt8> = []

        mutating func next() async throws -> UInt8? {
            guard let byte = try await nextBuffer(suggested: 1)?.first else { return nil }
            return byte
        }

        mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let message = await messages.next() else { return nil }
                pending = ArraySlice(message.utf8)
            }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }
    }
}
