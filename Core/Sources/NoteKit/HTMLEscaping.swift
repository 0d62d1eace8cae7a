/// Escapes text for HTML (and SVG) content and double-quoted attribute values: the one escaping
/// of the project, used by plots, the site and the preview server.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"` (safe in content and in double-quoted attributes).
    @inlinable
    public static func text(_ string: some StringProtocol) -> String {
        if let escaped = string.utf8.withContiguousStorageIfAvailable(text) { return escaped }
        return Array(string.utf8).withUnsafeBufferPointer(text)
    }

    /// `text(_:)` for UTF-8 bytes; text needing no escape is returned without a copy to an array.
    @usableFromInline
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: needsEscape) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        appendText(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
    }

    /// `text(_:)`, for an attribute value written between double quotes.
    @inlinable
    public static func attribute(_ string: some StringProtocol) -> String { text(string) }

    /// Undoes the escapes cmark-gfm and `text(_:)` write in attribute values.
    public static func unescape(_ string: String) -> String {
        guard string.utf8.contains(UInt8(ascii: "&")) else { return string }
        return string.replacing("&quot;", with: "\"").replacing("&lt;", with: "<")
            .replacing("&gt;", with: ">").replacing("&#39;", with: "'")
            .replacing("&amp;", with: "&")
    }

    /// Appends UTF-8 `bytes` escaped as `text(_:)` does, copying runs without `&<>"` in bulk.
    static func appendText(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
