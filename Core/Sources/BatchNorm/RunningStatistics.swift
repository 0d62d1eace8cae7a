/// A running estimate of per-feature μ and σ² across training mini-batches, under one
/// ``RunningEstimator`` (convention, variance kind, starting values).
///
/// ```swift
/// var running = try RunningStatistics<Double>(features: 3, estimator: .pytorch)
/// try running.update(with: batch)          // one training mini-batch (m ≥ 2)
/// running.estimate.mean                    // μ to use at test time
/// running.estimate.variance                // σ² to use at test time
/// ```
///
/// Updating never happens with fewer than two examples: the error is thrown before
/// any state changes.
public struct RunningStatistics<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The convention, variance kind and start.
    public let estimator: RunningEstimator
    /// Number of features n.
    public let features: Int
    /// The stored running mean (for the bias-corrected average: v before correction).
    public private(set) var mean: [Scalar]
    /// The stored running variance (for the bias-corrected average: v before correction).
    public private(set) var variance: [Scalar]
    /// Number of batches folded in so far (t).
    public private(set) var steps: Int = 0
    /// decayᵗ, tracked by repeated multiplication for the bias correction.
    public private(set) var decayPower: Scalar = 1

    /// The feature whose per-step values are appended to ``history`` (nil: none).
    public var recordedFeature: Int?
    /// One point per update for ``recordedFeature``.
    public private(set) var history: [RunningHistoryPoint<Scalar>] = []

    /// A fresh estimate for `features` features.
    public init(features: Int, estimator: RunningEstimator = .pytorch) throws(BatchNormError) {
        guard features > 0 else { throw .emptyBatch }
        self.estimator = estimator
        self.features = features
        switch estimator.start {
        case .zeros, .firstBatch:
            mean = Array(repeating: 0, count: features)
            variance = Array(repeating: 0, count: features)
        case .zeroMeanUnitVariance:
            mean = Array(repeating: 0, count: features)
            variance = Array(repeating: 1, count: features)
        case let .constant(m, v):
            mean = Array(repeating: Scalar(m), count: features)
            variance = Array(repeating: Scalar(v), count: features)
        }
    }

    /// Shorthand: `try RunningStatistics<Double>(features: 3, convention: .cumulative)`.
    public init(features: Int, convention: RunningConvention, variance: VarianceKind? = nil,
                start: StartingValues? = nil) throws(BatchNormError) {
        try self.init(features: features, estimator: RunningEstimator(convention, variance: variance, start: start))
    }

    /// Folds in one training batch: its μ and its σ² of the estimator's variance kind.
    @_specialize(where Scalar == Double)
    public mutating func update(with batch: Batch<Scalar>) throws(BatchNormError) {
        guard batch.features == features else { throw .featureCountMismatch(expected: features, found: batch.features) }
        guard batch.rows >= 2 else { throw .tooFewExamples(found: batch.rows, required: 2) }
        try update(with: batch.statistics())
    }

    /// Folds in one batch's statistics (computed from m ≥ 2 examples).
    @_specialize(where Scalar == Double)
    public mutating func update(with statistics: BatchStatistics<Scalar>) throws(BatchNormError) {
        guard statistics.features == features else {
            throw .featureCountMismatch(expected: features, found: statistics.features)
        }
        guard statistics.count >= 2, let x = statistics.variance(estimator.varianceKind) else {
            throw .tooFewExamples(found: statistics.count, required: 2)
        }
        let mu = statistics.mean
        // Compute the new state first and commit it only when every value is finite,
        // so an update that throws leaves the estimate exactly as it was.
        var next = self
        next.steps += 1
        if next.steps == 1, estimator.start == .firstBatch {
            next.mean = mu
            next.variance = x
        } else {
            let newWeight: Scalar
            switch estimator.convention {
            case let .exponentialAverage(decay): newWeight = 1 - Scalar(decay)
            case let .pytorch(momentum): newWeight = Scalar(momentum)
            case .cumulative: newWeight = 1 / Scalar(next.steps)
            case let .biasCorrectedExponentialAverage(decay):
                newWeight = 1 - Scalar(decay)
                next.decayPower *= Scalar(decay)
            }
            let oldWeight: Scalar
            switch estimator.convention {
            case let .exponentialAverage(decay), let .biasCorrectedExponentialAverage(decay): oldWeight = Scalar(decay)
            default: oldWeight = 1 - newWeight
            }
            for j in 0..<features {
                next.mean[j] = oldWeight * mean[j] + newWeight * mu[j]
                next.variance[j] = oldWeight * variance[j] + newWeight * x[j]
            }
        }
        let e = next.estimate
        try checkFiniteResult(e.mean, what: "the running mean")
        try checkFiniteResult(e.variance, what: "the running variance")
        if let f = recordedFeature, (0..<features).contains(f) {
            next.history.append(RunningHistoryPoint(step: next.steps, batchMean: mu[f], batchVariance: x[f],
                                                    mean: e.mean[f], variance: e.variance[f]))
        }
        self = next
    }

    /// The μ and σ² to use at test time. Equal to the stored values except for the
    /// bias-corrected average, where both are divided by 1 − decayᵗ (and before any
    /// update, where the starting values are returned).
    public var estimate: NormalizationStatistics<Scalar> {
        if case .biasCorrectedExponentialAverage = estimator.convention, steps > 0 {
            let c = 1 - decayPower
            return NormalizationStatistics(unchecked: mean.map { $0 / c }, variance: variance.map { $0 / c })
        }
        return NormalizationStatistics(unchecked: mean, variance: variance)
    }

    /// Back to the starting values, keeping the estimator and ``recordedFeature``.
    public mutating func reset() {
        let feature = recordedFeature
        self = try! RunningStatistics(features: features, estimator: estimator)
        recordedFeature = feature
    }
}

/// One update of a running estimate, for one feature: the batch's statistics and
/// the estimate after folding them in.
public struct RunningHistoryPoint<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// t, starting at 1.
    public let step: Int
    /// μ_B of this batch.
    public let batchMean: Scalar
    /// σ²_B of this batch (of the estimator's variance kind).
    public let batchVariance: Scalar
    /// The estimate of μ after the update (bias-corrected where applicable).
    public let mean: Scalar
    /// The estimate of σ² after the update (bias-corrected where applicable).
    public let variance: Scalar
}
