import Foundation
import Hummingbird
import Logging
import NIOCore

/// Serves a preview session over HTTP with Hummingbird.
struct PreviewServer: Sendable {
    var host: String
    var port: Int

    /// Listens on `host:port` until cancelled; `listening` gets the bound port (useful with port 0).
    func run(_ session: PreviewSession, listening: @escaping @Sendable (Int) -> Void) async throws(ServeError) {
        var logger = Logger(label: "workbook.serve")
        logger.logLevel = .critical
        let app = Application(
            responder: PreviewResponder(session: session),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in listening(channel.localAddress?.port ?? port) },
            logger: logger)
        do {
            try await app.run()
        } catch {
            throw serveError(error)
        }
    }

    func serveError(_ error: any Error) -> ServeError {
        let address = "\(host):\(port)"
        let text = String(describing: error)
        if let io = error as? IOError, io.errnoCode == EADDRINUSE || text.contains("Address already in use") {
            return ServeError(address: address, message: "the port \(port) is already in use (choose another with '--port')")
        }
        if text.contains("Address already in use") {
            return ServeError(address: address, message: "the port \(port) is already in use (choose another with '--port')")
        }
        if text.contains("Cannot assign requested address") || text.contains("EADDRNOTAVAIL") {
            return ServeError(address: address, message: "cannot listen on '\(host)': it is not an address of this machine")
        }
        if text.contains("Permission denied") {
            return ServeError(address: address, message: "not allowed to listen on the port \(port) (ports below 1024 need root)")
        }
        return ServeError(address: address, message: "cannot serve: \(text)")
    }
}

/// Answers each request from the session: a site file, the reload script or the events stream.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let session: PreviewSession

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed)
        }
        let target = RequestPath.resolve(request.head.path ?? "/")
        if target == .events { return await eventsResponse() }
        let answer = await session.response(for: target)
        let headers: HTTPFields = [.contentType: answer.contentType, .cacheControl: "no-store"]
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    private func eventsResponse() async -> Response {
        let (id, stream) = await session.subscribe()
        let session = session
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                await session.unsubscribe(id)
                try await writer.finish(nil)
            } catch {
                await session.unsubscribe(id)
                throw error
            }
        })
    }
}
