/// Text put into an HTML page.
enum HTMLText {
    /// The bytes with `insertion` put before the last `</body>`, or at the end without one.
    static func insert(_ insertion: String, beforeBodyEndOf html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == marker[0], Array(html[index..<index + marker.count]) == marker {
                return Array(html[..<index]) + Array(insertion.utf8) + Array(html[index...])
            }
            index -= 1
        }
        return html + Array(insertion.utf8)
    }
}
