#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches of UTF-8 buffers for a few marker bytes that skip ordinary bytes in bulk: memchr for
/// one byte, sixteen (a vector) or eight bytes (a 64-bit word) at a time for two or three.
///
/// Every search stays within the `start..<end` it is given, which callers keep inside the buffer;
/// a vector or word is read only when all its bytes lie in that range, the rest byte by byte.
enum ByteSearch {
    /// The index of the first `byte` in `bytes[start..<end]`, or `nil`.
    static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = bytes.baseAddress else { return nil }
        // memchr reads only the `end - start` bytes from `start`, inside the buffer.
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first of `first`, `second` or `third` in `bytes[start..<end]`, or `end`.
    static func firstIndex(of first: UInt8, _ second: UInt8, _ third: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            // Sixteen bytes at a time while none matches; `index + 16 <= end` keeps the vector
            // inside the range.
            let (va, vb, vc) = (SIMD16<UInt8>(repeating: first), SIMD16<UInt8>(repeating: second), SIMD16<UInt8>(repeating: third))
            while index + 16 <= end {
                let vector = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                if any((vector .== va) .| (vector .== vb) .| (vector .== vc)) { break }
                index += 16
            }
            let (a, b, c) = (broadcast(first), broadcast(second), broadcast(third))
            // `index + 8 <= end` keeps the word inside the range.
            while index + 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = zeroBytes(word ^ a) | zeroBytes(word ^ b) | zeroBytes(word ^ c)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte == first || byte == second || byte == third { return index }
            index += 1
        }
        return end
    }

    /// The index of the last `first` or `second` in `bytes[start..<end]`, or `nil`.
    static func lastIndex(of first: UInt8, _ second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = end
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let (a, b) = (broadcast(first), broadcast(second))
            // `index - 8 >= start` keeps the word inside the range.
            while index - 8 >= start {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index - 8, as: UInt64.self))
                let found = zeroBytes(word ^ a) | zeroBytes(word ^ b)
                if found != 0 { return index - 1 - found.leadingZeroBitCount / 8 }
                index -= 8
            }
        }
        while index > start {
            index -= 1
            let byte = bytes[index]
            if byte == first || byte == second { return index }
        }
        return nil
    }

    /// `byte` in each of a word's eight bytes.
    private static func broadcast(_ byte: UInt8) -> UInt64 {
        0x0101_0101_0101_0101 &* UInt64(byte)
    }

    /// The high bit of each byte of `word` that is zero (exactly those: no carry crosses bytes,
    /// since each byte's low seven bits plus 0x7F stays below 0x100).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
        return ~(((word & low) &+ low) | word | low)
    }
}
