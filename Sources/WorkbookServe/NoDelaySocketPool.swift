import FlyingFox
import FlyingSocks
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's socket pool with Nagle's algorithm turned off (`TCP_NODELAY`) on every socket
/// it waits on: the listening socket (Linux hands the option on to the sockets it accepts) and
/// each connection. FlyingFox writes a response's header and body in two writes; with Nagle
/// on, the body of a second request on a kept-alive connection waited for the browser's
/// delayed acknowledgement, about 40 ms per request (seen as a reload 35 ms slower).
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        try? socket.setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
