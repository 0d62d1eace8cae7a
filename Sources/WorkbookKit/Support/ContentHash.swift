import Foundation

/// An incremental SHA-256 of labelled parts, so that no two different inputs hash alike.
package struct ContentHasher {
    private var hasher = SHA256Digest()

    package init() {}

    /// Adds `value` preceded by its length, so part boundaries are unambiguous.
    package mutating func combine(_ value: String) {
        combine(Data(value.utf8))
    }

    package mutating func combine(_ data: Data) {
        var length = UInt64(data.count).littleEndian
        withUnsafeBytes(of: &length) { hasher.update($0) }
        data.withUnsafeBytes { hasher.update($0) }
    }

    /// The hash as 64 lowercase hexadecimal digits.
    package func finalize() -> String {
        hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
