import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket address `serve` listens on: `--host` as an IPv4 or IPv6 address or a name the
/// system resolves (`localhost`), with `--port`.
enum ListeningAddress {
    struct Failure: Error {
        var reason: String
    }

    static func resolve(host: String, port: Int) throws(Failure) -> any SocketAddress {
        guard (0...65535).contains(port) else { throw Failure(reason: "the port \(port) is not between 0 and 65535") }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw Failure(reason: status == 0 ? "no address found" : "it is not an address of this machine (\(String(cString: gai_strerror(status))))")
        }
        defer { freeaddrinfo(list) }
        let bytes = UnsafeRawBufferPointer(start: first.pointee.ai_addr, count: Int(first.pointee.ai_addrlen))
        // The server opens its socket for the family of the address's type, so the address
        // is handed on as the type of its family.
        switch Int32(first.pointee.ai_family) {
        case AF_INET: return address(sockaddr_in(), from: bytes)
        case AF_INET6: return address(sockaddr_in6(), from: bytes)
        default: throw Failure(reason: "it is neither an IPv4 nor an IPv6 address")
        }
    }

    private static func address<Address: SocketAddress>(_ empty: Address, from bytes: UnsafeRawBufferPointer) -> Address {
        var address = empty
        withUnsafeMutableBytes(of: &address) { target in
            target.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes.prefix(target.count)))
        }
        return address
    }

    /// The port of a bound address.
    static func port(of address: Socket.Address?) -> Int? {
        switch address {
        case .ip4(_, let port)?, .ip6(_, let port)?: Int(port)
        default: nil
        }
    }
}
