/// The μ and σ² (per feature) that inference normalizes with:
/// x̂ = (x − μ) / √(σ² + ε), then y = γ · x̂ + β.
///
/// At test time they come from a batch's own statistics (``init(batchOf:)``, the
/// failure case on single examples), from a running estimate (``RunningStatistics/estimate``),
/// or from population statistics (``PopulationStatistics/algorithm2`` and
/// ``PopulationStatistics/pooled(variance:)``).
public struct NormalizationStatistics<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// μ per feature.
    public let mean: [Scalar]
    /// σ² per feature (≥ 0).
    public let variance: [Scalar]

    @usableFromInline
    init(unchecked mean: [Scalar], variance: [Scalar]) {
        self.mean = mean
        self.variance = variance
    }

    /// Fixed statistics; rejects mismatched lengths, non-finite values and negative variances.
    public init(mean: [Scalar], variance: [Scalar]) throws(BatchNormError) {
        guard !mean.isEmpty else { throw .emptyBatch }
        guard variance.count == mean.count else {
            throw .featureCountMismatch(expected: mean.count, found: variance.count)
        }
        try checkFinite(mean, what: "mean")
        try checkFinite(variance, what: "variance")
        if let j = variance.firstIndex(where: { $0 < 0 }) {
            throw .invalidArgument("variance of feature \(j) is negative (\(variance[j]))")
        }
        self.init(unchecked: mean, variance: variance)
    }

    /// The batch's own μ and biased σ² (what training mode uses). On a single example
    /// σ² = 0 and every normalized value is 0, so the output is β.
    public init(batchOf batch: Batch<Scalar>) throws(BatchNormError) {
        let s = try batch.statistics()
        self.init(unchecked: s.mean, variance: s.biasedVariance)
    }

    /// Number of features n.
    public var features: Int { mean.count }

    /// y = γ · (x − μ)/√(σ² + ε) + β for every example of `batch`. Pure: changes nothing.
    public func normalize(_ batch: Batch<Scalar>, gamma: [Scalar]? = nil, beta: [Scalar]? = nil,
                          epsilon: Scalar = 1e-5) throws(BatchNormError) -> Batch<Scalar> {
        let n = features
        guard batch.features == n else { throw .featureCountMismatch(expected: n, found: batch.features) }
        let g = gamma ?? Array(repeating: 1, count: n)
        let b = beta ?? Array(repeating: 0, count: n)
        guard g.count == n else { throw .featureCountMismatch(expected: n, found: g.count) }
        guard b.count == n else { throw .featureCountMismatch(expected: n, found: b.count) }
        try checkFinite(g, what: "gamma")
        try checkFinite(b, what: "beta")
        try checkEpsilon(epsilon)
        let scale = (0..<n).map { g[$0] / (variance[$0] + epsilon).squareRoot() }
        var out = batch.scalars
        let m = batch.rows
        out.withUnsafeMutableBufferPointer { y in
            for i in 0..<m {
                let base = i * n
                for j in 0..<n { y[base + j] = (y[base + j] - mean[j]) * scale[j] + b[j] }
            }
        }
        try checkFiniteResult(out, what: "the normalized output")
        return Batch(unchecked: m, features: n, scalars: out)
    }

    /// Normalizes one example (an array of n values).
    public func normalize(example: [Scalar], gamma: [Scalar]? = nil, beta: [Scalar]? = nil,
                          epsilon: Scalar = 1e-5) throws(BatchNormError) -> [Scalar] {
        try normalize(Batch(example: example), gamma: gamma, beta: beta, epsilon: epsilon).scalars
    }
}
