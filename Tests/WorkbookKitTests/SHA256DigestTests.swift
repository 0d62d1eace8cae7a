import Foundation
import Testing
@testable import WorkbookKit

/// The cache keys' SHA-256 gives the standard's digests (FIPS 180-4 examples), however the
/// bytes are split into updates.
@Suite struct SHA256DigestTests {
    func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    func digest(_ text: String) -> String {
        var digest = SHA256Digest()
        Array(text.utf8).withUnsafeBytes { digest.update($0) }
        return hex(digest.finalize())
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardExamples(text: String, expected: String) {
        #expect(digest(text) == expected)
    }

    @Test func aMillionBytesInUnevenPieces() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        var digest = SHA256Digest()
        var start = 0
        for size in [1, 63, 64, 65, 55, 56, 57, 1000, 4096].cycled(until: bytes.count) {
            let end = min(start + size, bytes.count)
            bytes[start..<end].withUnsafeBytes { digest.update($0) }
            start = end
            if start == bytes.count { break }
        }
        #expect(hex(digest.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func aCopyHashesOnIndependentlyAndFinalizingDoesNotEndTheDigest() {
        var first = SHA256Digest()
        Array("ab".utf8).withUnsafeBytes { first.update($0) }
        var second = first
        Array("c".utf8).withUnsafeBytes { first.update($0) }
        #expect(hex(second.finalize()) == digest("ab"))
        #expect(hex(first.finalize()) == digest("abc"))
        Array("c".utf8).withUnsafeBytes { second.update($0) }
        #expect(hex(second.finalize()) == digest("abc"), "a finalized digest can still be added to")
    }

    @Test func contentHasherKeysAreTheLengthPrefixedSHA256OfTheirParts() {
        var hasher = ContentHasher()
        hasher.combine("abc")
        hasher.combine("")
        // sha256(le64(3) "abc" le64(0)), as computed by another SHA-256.
        #expect(hasher.finalize() == "3e2f8940c3a0e0fd6f6e07bbf07f015dd7c147431e5fa14bf3f225d782641540")
    }
}

extension Array {
    /// The elements repeated in order, enough times to add up to at least `total` when summed.
    fileprivate func cycled(until total: Int) -> [Element] where Element == Int {
        var result: [Int] = []
        var sum = 0
        while sum < total { for size in self { result.append(size); sum += size } }
        return result
    }
}
