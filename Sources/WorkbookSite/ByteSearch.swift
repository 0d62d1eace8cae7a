#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's (`memchr` for the first byte, then
    /// `memcmp`): Foundation's `contains(_:)` goes through `NSString` and is slow on a whole
    /// page or chapter.
    func containsBytes(of needle: String) -> Bool {
        if needle.isEmpty { return true }
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { bytes in
                let length = bytes.count
                guard let base = text.baseAddress, let first = bytes.first, let pattern = bytes.baseAddress else { return false }
                var start = 0
                let last = text.count - length
                while start <= last {
                    guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + offset, pattern, length) == 0 { return true }
                    start = offset + 1
                }
                return false
            }
        }
    }
}
