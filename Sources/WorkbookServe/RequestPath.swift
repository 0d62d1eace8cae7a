/// What a request's path asks for.
enum RequestTarget: Equatable {
    /// A file of the site, by its path inside the site (`index.html`, `katex/katex.min.css`).
    case file(String)
    /// The reload events stream.
    case events
    /// The reload script.
    case liveScript
    /// Nothing `serve` can give: outside the site, malformed, or an encoded slash.
    case invalid
}

/// Turns a raw request target (`/02-x.html?a=1`) into a path inside the site.
///
/// Percent-escapes are decoded once; an encoded `/` or `\`, a `..` or `.` segment, a
/// backslash or a control character makes the request invalid (served as 404). A path
/// ending in `/` means the folder's `index.html`.
enum RequestPath {
    static func resolve(_ rawTarget: String) -> RequestTarget {
        var raw = Substring(rawTarget)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.hasPrefix("/") else { return .invalid }
        if raw == Substring(LiveScript.eventsPath) { return .events }
        if raw == Substring(LiveScript.scriptPath) { return .liveScript }
        guard let decoded = percentDecoded(raw) else { return .invalid }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments[segments.count - 1] = "index.html" }
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." { return .invalid }
            if segment.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) { return .invalid }
        }
        let path = segments.joined(separator: "/")
        if path.hasPrefix(String(LiveScript.prefix.dropFirst())) { return .invalid }
        return .file(path)
    }

    /// `text` with `%XX` escapes decoded, or `nil` when an escape is malformed, encodes a
    /// slash or a backslash, or the result is not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            let decoded = high << 4 | low
            if decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\") { return nil }
            bytes.append(decoded)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
