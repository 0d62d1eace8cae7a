/// The gradients of a scalar loss L with respect to the input and the parameters
/// of one training-time batch-normalization transform.
public struct BatchNormGradients<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// ∂L/∂Z (m × n).
    public let input: Batch<Scalar>
    /// ∂L/∂γ per feature.
    public let gamma: [Scalar]
    /// ∂L/∂β per feature.
    public let beta: [Scalar]
}

extension BatchNormForward {
    /// The backward pass: given dZ̃ = ∂L/∂Z̃ (`outputGradient`, m × n), returns
    /// dZ, dγ and dβ. Per feature, with Ẑ = Z_norm and 1/σ̂ = 1/√(σ² + ε):
    ///
    /// - dβ = Σᵢ dZ̃⁽ⁱ⁾
    /// - dγ = Σᵢ dZ̃⁽ⁱ⁾ · Ẑ⁽ⁱ⁾
    /// - dZ⁽ⁱ⁾ = γ/(m σ̂) · (m · dZ̃⁽ⁱ⁾ − dβ − Ẑ⁽ⁱ⁾ · dγ)
    ///
    /// the compact form of the chain rule through μ and σ² (Ioffe & Szegedy 2015, §3,
    /// which differentiates through both batch statistics). It accounts for μ and σ²
    /// depending on every example of the batch.
    ///
    /// - Throws: ``BatchNormError`` when the gradient's shape differs from the output's
    ///   or it holds a non-finite value (the latter is caught by `Batch` itself).
    @inlinable
    public func backward(outputGradient: Batch<Scalar>) throws(BatchNormError) -> BatchNormGradients<Scalar> {
        guard outputGradient.features == input.features else {
            throw .featureCountMismatch(expected: input.features, found: outputGradient.features)
        }
        guard outputGradient.rows == input.rows else {
            throw .rowCountMismatch(expected: input.rows, found: outputGradient.rows)
        }
        let r = Kernels.backward(outputGradient, normalized: normalized,
                                 inverseStd: inverseStandardDeviation, gamma: gamma)
        try checkFiniteResult(r.dx, what: "the input gradient")
        try checkFiniteResult(r.dGamma, what: "the γ gradient")
        try checkFiniteResult(r.dBeta, what: "the β gradient")
        return BatchNormGradients(unchecked: Batch(unchecked: input.rows, features: input.features, scalars: r.dx),
                                  gamma: r.dGamma, beta: r.dBeta)
    }
}

extension BatchNormGradients {
    @usableFromInline
    init(unchecked input: Batch<Scalar>, gamma: [Scalar], beta: [Scalar]) {
        self.input = input
        self.gamma = gamma
        self.beta = beta
    }
}

extension Kernels {
    @inlinable
    static func backward<S: BatchNormScalar>(
        _ dy: Batch<S>, normalized: Batch<S>, inverseStd: [S], gamma: [S]
    ) -> (dx: [S], dGamma: [S], dBeta: [S]) {
        let m = dy.rows, n = dy.features, total = m * n
        var dGamma = [S](repeating: 0, count: n)
        var dBeta = [S](repeating: 0, count: n)
        var scale = [S](repeating: 0, count: n)
        let count = S(m)
        dy.storage.withUnsafeBufferPointer { g in
            normalized.storage.withUnsafeBufferPointer { z in
                dGamma.withUnsafeMutableBufferPointer { dg in
                    dBeta.withUnsafeMutableBufferPointer { db in
                        for i in 0..<m {
                            let base = i * n
                            for j in 0..<n {
                                let v = g[base + j]
                                db[j] += v
                                dg[j] += v * z[base + j]
                            }
                        }
                    }
                }
            }
        }
        for j in 0..<n { scale[j] = gamma[j] * inverseStd[j] / count }
        let dx = [S](unsafeUninitializedCapacity: total) { out, initialized in
            dy.storage.withUnsafeBufferPointer { g in
                normalized.storage.withUnsafeBufferPointer { z in
                    dGamma.withUnsafeBufferPointer { dg in
                        dBeta.withUnsafeBufferPointer { db in
                            scale.withUnsafeBufferPointer { s in
                                for i in 0..<m {
                                    let base = i * n
                                    for j in 0..<n {
                                        out[base + j] = s[j] * (count * g[base + j] - db[j] - z[base + j] * dg[j])
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return (dx, dGamma, dBeta)
    }
}
