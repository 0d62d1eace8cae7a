/// Per-feature statistics of one mini-batch of m examples.
///
/// With Z⁽ⁱ⁾ the i-th example (row) and every operation per feature (column):
///
/// - `mean`: μ = 1/m · Σᵢ Z⁽ⁱ⁾
/// - `biasedVariance`: σ² = 1/m · Σᵢ (Z⁽ⁱ⁾ − μ)², the variance the lesson (and every
///   library) uses to *normalize* a batch in training mode.
/// - `unbiasedVariance`: s² = 1/(m−1) · Σᵢ (Z⁽ⁱ⁾ − μ)² = m/(m−1) · σ², Bessel's correction,
///   what PyTorch feeds into its running variance and what Ioffe & Szegedy's Algorithm 2
///   averages. `nil` when m = 1 (division by zero).
///
/// Computed with the corrected two-pass algorithm (Björck; Chan, Golub & LeVeque 1983):
/// first μ, then Σ(x−μ)² − (Σ(x−μ))²/m, which is exact where the naive E[x²] − E[x]²
/// cancels catastrophically (1e9 + [4, 7, 13, 16] gives 22.5, not −128).
public struct BatchStatistics<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The number of examples m the statistics were computed from.
    public let count: Int
    /// μ per feature.
    public let mean: [Scalar]
    /// σ² = 1/m · Σ(x − μ)² per feature.
    public let biasedVariance: [Scalar]

    @inlinable
    init(count: Int, mean: [Scalar], biasedVariance: [Scalar]) {
        self.count = count
        self.mean = mean
        self.biasedVariance = biasedVariance
    }

    /// The statistics of `batch`. Throws ``BatchNormError/nonFiniteResult(what:)`` when
    /// μ or σ² overflows (values near the scalar type's largest magnitude).
    @inlinable
    public init(of batch: Batch<Scalar>) throws(BatchNormError) {
        let (mean, variance) = Kernels.meanAndBiasedVariance(batch)
        try checkFiniteResult(mean, what: "the batch mean")
        try checkFiniteResult(variance, what: "the batch variance")
        self.init(count: batch.rows, mean: mean, biasedVariance: variance)
    }

    /// s² = m/(m−1) · σ² per feature, or `nil` when m = 1 (or when the correction
    /// overflows, which needs σ² within a factor m/(m−1) of the largest finite value).
    public var unbiasedVariance: [Scalar]? {
        guard count > 1 else { return nil }
        let scale = Scalar(count) / Scalar(count - 1)
        let values = biasedVariance.map { $0 * scale }
        return values.allSatisfy(\.isFinite) ? values : nil
    }

    /// The variance of the requested kind (`nil` for `.unbiased` when m = 1).
    public func variance(_ kind: VarianceKind) -> [Scalar]? {
        switch kind {
        case .biased: return biasedVariance
        case .unbiased: return unbiasedVariance
        }
    }

    /// Number of features n.
    public var features: Int { mean.count }
}

/// Which variance estimator a convention uses.
public enum VarianceKind: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
    /// 1/m · Σ(x − μ)²: the one used to normalize in training mode.
    case biased
    /// 1/(m−1) · Σ(x − μ)²: Bessel-corrected (PyTorch's running variance, Algorithm 2).
    case unbiased

    public var description: String { rawValue }
}

extension Batch {
    /// Per-feature μ, σ² (biased) and s² (unbiased) of this batch. See ``BatchStatistics``.
    /// Throws when μ or σ² overflows.
    @inlinable
    public func statistics() throws(BatchNormError) -> BatchStatistics<Scalar> { try BatchStatistics(of: self) }

    /// μ per feature.
    public func mean() throws(BatchNormError) -> [Scalar] { try statistics().mean }

    /// σ² = 1/m · Σ(x − μ)² per feature.
    public func biasedVariance() throws(BatchNormError) -> [Scalar] { try statistics().biasedVariance }

    /// s² = 1/(m−1) · Σ(x − μ)² per feature (`nil` when m = 1).
    public func unbiasedVariance() throws(BatchNormError) -> [Scalar]? { try statistics().unbiasedVariance }
}

/// The tight loops. Everything walks the row-major storage row by row with the
/// inner loop over features, so per-feature accumulators stay in cache and the
/// inner loop vectorizes.
@usableFromInline
enum Kernels {
    /// Corrected two-pass mean and biased variance.
    @inlinable
    static func meanAndBiasedVariance<S: BatchNormScalar>(_ batch: Batch<S>) -> ([S], [S]) {
        let m = batch.rows, n = batch.features
        var mean = [S](repeating: 0, count: n)
        var variance = [S](repeating: 0, count: n)
        var correction = [S](repeating: 0, count: n)
        batch.storage.withUnsafeBufferPointer { x in
            mean.withUnsafeMutableBufferPointer { mu in
                for i in 0..<m {
                    let base = i * n
                    for j in 0..<n { mu[j] += x[base + j] }
                }
                let count = S(m)
                for j in 0..<n { mu[j] /= count }
                variance.withUnsafeMutableBufferPointer { v in
                    correction.withUnsafeMutableBufferPointer { c in
                        for i in 0..<m {
                            let base = i * n
                            for j in 0..<n {
                                let d = x[base + j] - mu[j]
                                c[j] += d
                                v[j] += d * d
                            }
                        }
                        for j in 0..<n {
                            let value = (v[j] - c[j] * c[j] / count) / count
                            v[j] = max(value, 0)
                        }
                    }
                }
            }
        }
        return (mean, variance)
    }
}
