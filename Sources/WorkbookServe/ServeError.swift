/// Why `serve` could not serve, printed `host:port: error: message`.
public struct ServeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var address: String
    public var message: String

    public var description: String { "\(address): error: \(message)" }
}
