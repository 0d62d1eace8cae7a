/// Population statistics gathered after training, with frozen weights, over training
/// mini-batches: both Ioffe & Szegedy's estimate and the pooled ("precise") one.
///
/// - ``algorithm2``: Ioffe & Szegedy 2015, §3.1 and Algorithm 2, step 10:
///   E[x] = E_B[μ_B] (the mean of the batch means) and
///   Var[x] = m/(m−1) · E_B[σ²_B] (the unbiased mean of the biased batch variances).
///   With batches of different sizes each batch contributes its own m/(m−1) · σ²_B.
/// - ``pooled(variance:)``: the mean and variance of all the examples seen, as if the
///   whole training set were one batch (the notes' "run the whole training set through
///   the network"; "precise BN" in Wu & Johnson 2021). Batches are merged with Chan,
///   Golub & LeVeque's pairwise update, so no example is stored.
///
/// ```swift
/// var population = PopulationStatistics<Double>()
/// for batch in trainingBatches { try population.add(batch) }
/// let paper = try population.algorithm2        // E[x], Var[x]
/// let precise = try population.pooled()        // whole-set μ, σ² (biased)
/// ```
public struct PopulationStatistics<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// Number of features (0 before the first batch).
    public private(set) var features = 0
    /// Number of batches added.
    public private(set) var batchCount = 0
    /// Number of examples added (N).
    public private(set) var exampleCount = 0
    private var sumOfBatchMeans: [Scalar] = []
    private var sumOfUnbiasedBatchVariances: [Scalar] = []
    private var pooledMean: [Scalar] = []
    private var pooledSquares: [Scalar] = []  // M2 = Σ (x − mean)²

    /// An empty accumulator.
    public init() {}

    /// Accumulates all of `batches`.
    public init(batches: [Batch<Scalar>]) throws(BatchNormError) {
        for b in batches { try add(b) }
    }

    /// Adds one batch of m ≥ 2 examples (Algorithm 2's unbiased factor needs m − 1 > 0).
    @_specialize(where Scalar == Double)
    public mutating func add(_ batch: Batch<Scalar>) throws(BatchNormError) {
        if batchCount > 0, batch.features != features {
            throw .featureCountMismatch(expected: features, found: batch.features)
        }
        guard batch.rows >= 2 else { throw .tooFewExamples(found: batch.rows, required: 2) }
        let statistics = try batch.statistics()
        guard statistics.unbiasedVariance != nil else { throw .nonFiniteResult(what: "the unbiased batch variance") }
        var next = self
        next.add(statistics)
        try checkFiniteResult(next.sumOfBatchMeans, what: "the sum of batch means")
        try checkFiniteResult(next.sumOfUnbiasedBatchVariances, what: "the sum of batch variances")
        try checkFiniteResult(next.pooledSquares, what: "the pooled sum of squares")
        self = next
    }

    private mutating func add(_ s: BatchStatistics<Scalar>) {
        let n = s.features
        if batchCount == 0 {
            features = n
            sumOfBatchMeans = Array(repeating: 0, count: n)
            sumOfUnbiasedBatchVariances = Array(repeating: 0, count: n)
            pooledMean = Array(repeating: 0, count: n)
            pooledSquares = Array(repeating: 0, count: n)
        }
        let unbiased = s.unbiasedVariance!
        let nb = Scalar(s.count), na = Scalar(exampleCount), total = na + nb
        for j in 0..<n {
            sumOfBatchMeans[j] += s.mean[j]
            sumOfUnbiasedBatchVariances[j] += unbiased[j]
            let delta = s.mean[j] - pooledMean[j]
            pooledMean[j] += delta * nb / total
            pooledSquares[j] += s.biasedVariance[j] * nb + delta * delta * na * nb / total
        }
        batchCount += 1
        exampleCount += s.count
    }

    /// Algorithm 2: E[x] = mean of the batch means, Var[x] = m/(m−1) · mean of the batch variances.
    public var algorithm2: NormalizationStatistics<Scalar> {
        get throws(BatchNormError) {
            guard batchCount > 0 else { throw .emptyBatch }
            let k = Scalar(batchCount)
            return NormalizationStatistics(unchecked: sumOfBatchMeans.map { $0 / k },
                                           variance: sumOfUnbiasedBatchVariances.map { $0 / k })
        }
    }

    /// The pooled mean and variance of every example added: biased (1/N, default) or
    /// unbiased (1/(N−1)).
    @_specialize(where Scalar == Double)
    public func pooled(variance kind: VarianceKind = .biased) throws(BatchNormError) -> NormalizationStatistics<Scalar> {
        guard batchCount > 0 else { throw .emptyBatch }
        let divisor = Scalar(kind == .biased ? exampleCount : exampleCount - 1)
        return NormalizationStatistics(unchecked: pooledMean, variance: pooledSquares.map { max($0, 0) / divisor })
    }
}
