import COpenSSLCrypto

/// SHA-256, incremental: the one hash of the cache keys and checksums, computed by OpenSSL's
/// libcrypto (Debian's `libssl-dev`, seen through the system-library target `COpenSSLCrypto`),
/// so a fresh clone compiles no cryptography library and hashing is fast in a debug build too.
///
/// A value: a copy hashes on independently (the digest state is copied before it is changed).
struct SHA256Digest {
    private var state = DigestState()

    /// Adds `bytes` to what is hashed.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if !isKnownUniquelyReferenced(&state) { state = state.copy() }
        state.check(EVP_DigestUpdate(state.context, base, bytes.count), "EVP_DigestUpdate")
    }

    /// The 32 bytes of the digest of everything added; the value can still be added to.
    func finalize() -> [UInt8] {
        let finished = state.copy()
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        finished.check(EVP_DigestFinal_ex(finished.context, &digest, &length), "EVP_DigestFinal_ex")
        return Array(digest.prefix(Int(length)))
    }
}

/// One libcrypto digest context, freed with its owner.
private final class DigestState {
    let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto cannot allocate a digest context") }
        self.context = context
        check(EVP_DigestInit_ex(context, EVP_sha256(), nil), "EVP_DigestInit_ex")
    }

    private init(copying other: DigestState) {
        guard let context = EVP_MD_CTX_new() else { fatalError("libcrypto cannot allocate a digest context") }
        self.context = context
        check(EVP_MD_CTX_copy_ex(context, other.context), "EVP_MD_CTX_copy_ex")
    }

    deinit { EVP_MD_CTX_free(context) }

    func copy() -> DigestState { DigestState(copying: self) }

    /// libcrypto's SHA-256 fails only when memory runs out or the library is broken.
    func check(_ result: Int32, _ call: StaticString) {
        if result != 1 { fatalError("libcrypto's \(call) failed") }
    }
}
