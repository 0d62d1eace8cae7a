import CSHA256

/// SHA-256 (FIPS 180-4), incremental: the one hash of the cache keys and checksums, computed by
/// the small C target `CSHA256`, so that the tool needs no cryptography library (and a fresh
/// clone builds none) and hashing stays fast in a debug build.
struct SHA256Digest {
    private var context = workbook_sha256()

    init() { workbook_sha256_init(&context) }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        workbook_sha256_update(&context, base, bytes.count)
    }

    /// The 32 bytes of the digest of everything added.
    func finalize() -> [UInt8] {
        var copy = context
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { workbook_sha256_final(&copy, $0.baseAddress!) }
        return digest
    }
}
