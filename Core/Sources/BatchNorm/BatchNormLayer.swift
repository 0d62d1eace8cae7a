/// Which μ and σ² a ``BatchNormLayer`` normalizes with at inference.
public enum InferenceStatistics: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The batch's own μ and σ², as in training mode. On a single example σ² = 0 and
    /// the output is β whatever the input.
    case batch
    /// The running estimate `estimators[index]` of the layer.
    case running(Int)
    /// Population statistics, Ioffe & Szegedy's Algorithm 2 (needs ``BatchNormLayer/population``).
    case populationAlgorithm2
    /// Population statistics pooled over the whole training set, biased variance.
    case populationPooled

    public var description: String {
        switch self {
        case .batch: return "batch statistics"
        case let .running(i): return "running estimate #\(i)"
        case .populationAlgorithm2: return "population (Algorithm 2)"
        case .populationPooled: return "population (pooled)"
        }
    }
}

/// A batch-normalization layer: learnable γ (scale) and β (shift), ε, and any number
/// of running estimators of μ and σ², updated side by side on every training batch.
///
/// ```swift
/// var layer = try BatchNormLayer<Double>(features: 3, estimators: [.pytorch, .notes])
/// let step = try layer.forwardTraining(batch)          // μ, Z−μ, σ², Z_norm, Z̃; updates both estimates
/// let y = try layer.forward(test, using: .running(0))  // inference: no state changes
/// ```
public struct BatchNormLayer<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// Number of features n.
    public let features: Int
    /// γ per feature (starts at 1).
    public var gamma: [Scalar]
    /// β, the shift, per feature (starts at 0). Not the decay of an average.
    public var beta: [Scalar]
    /// ε added to σ² before the square root (default 1e-5).
    public let epsilon: Scalar
    /// The running estimates, all updated by ``forwardTraining(_:)``.
    public var estimators: [RunningStatistics<Scalar>]
    /// Population statistics, filled after training (see ``Network/estimatePopulationStatistics(batches:)``).
    public var population: PopulationStatistics<Scalar>?
    /// When set, training uses Batch Renormalization (``forwardTrainingRenormalized(_:)``)
    /// with `estimators[0]` as its moving μ and σ = √(σ² + ε).
    public var renormalization: BatchRenormalization?
    /// Training steps taken with batch renormalization (drives its warm-up).
    public private(set) var renormalizationSteps = 0

    /// A layer with γ = 1, β = 0.
    public init(features: Int, epsilon: Scalar = 1e-5,
                estimators: [RunningEstimator] = [.pytorch]) throws(BatchNormError) {
        guard features > 0 else { throw .emptyBatch }
        try checkEpsilon(epsilon)
        self.features = features
        self.gamma = Array(repeating: 1, count: features)
        self.beta = Array(repeating: 0, count: features)
        self.epsilon = epsilon
        var running: [RunningStatistics<Scalar>] = []
        for e in estimators { running.append(try RunningStatistics(features: features, estimator: e)) }
        self.estimators = running
    }

    /// Training mode: normalizes with the batch's own statistics and folds them into
    /// every running estimate. Throws ``BatchNormError/tooFewExamples(found:required:)``
    /// for m < 2. Atomic: when anything throws, no estimator has changed.
    @_specialize(where Scalar == Double)
    public mutating func forwardTraining(_ batch: Batch<Scalar>) throws(BatchNormError) -> BatchNormForward<Scalar> {
        guard batch.features == features else { throw .featureCountMismatch(expected: features, found: batch.features) }
        guard batch.rows >= 2 else { throw .tooFewExamples(found: batch.rows, required: 2) }
        let step = try BatchNormForward(input: batch, gamma: gamma, beta: beta, epsilon: epsilon)
        try updateEstimators(with: step.statistics)
        return step
    }

    /// Training mode with Batch Renormalization: r and d from `estimators[0]`'s estimate
    /// before this batch, clipped to the bounds of ``renormalization`` at this step; then
    /// every estimator folds in the batch's statistics. Atomic like ``forwardTraining(_:)``.
    @_specialize(where Scalar == Double)
    public mutating func forwardTrainingRenormalized(_ batch: Batch<Scalar>) throws(BatchNormError) -> BatchRenormForward<Scalar> {
        guard let renormalization else { throw .invalidArgument("the layer has no batch renormalization settings") }
        guard !estimators.isEmpty else {
            throw .invalidArgument("batch renormalization needs a running estimator (#0 gives the moving μ and σ)")
        }
        guard batch.features == features else { throw .featureCountMismatch(expected: features, found: batch.features) }
        guard batch.rows >= 2 else { throw .tooFewExamples(found: batch.rows, required: 2) }
        let moving = estimators[0].estimate
        let sigma = moving.variance.map { ($0 + epsilon).squareRoot() }
        let bounds = renormalization.bounds(afterSteps: renormalizationSteps)
        let step = try BatchRenormForward(input: batch, gamma: gamma, beta: beta, epsilon: epsilon,
                                          movingMean: moving.mean, movingStandardDeviation: sigma,
                                          rMax: Scalar(bounds.rMax), dMax: Scalar(bounds.dMax))
        try updateEstimators(with: step.statistics)
        renormalizationSteps += 1
        return step
    }

    /// Folds one batch's statistics into every estimator, all or none.
    mutating func updateEstimators(with statistics: BatchStatistics<Scalar>) throws(BatchNormError) {
        var updated = estimators
        for k in updated.indices { try updated[k].update(with: statistics) }
        estimators = updated
    }

    /// The μ and σ² that `source` designates (the batch's own ones for `.batch`).
    @_specialize(where Scalar == Double)
    public func statistics(_ source: InferenceStatistics, for batch: Batch<Scalar>) throws(BatchNormError) -> NormalizationStatistics<Scalar> {
        switch source {
        case .batch:
            return try NormalizationStatistics(batchOf: batch)
        case let .running(index):
            guard estimators.indices.contains(index) else {
                throw .invalidArgument("no running estimator #\(index); the layer has \(estimators.count)")
            }
            return estimators[index].estimate
        case .populationAlgorithm2:
            guard let population else { throw .invalidArgument("population statistics have not been computed") }
            return try population.algorithm2
        case .populationPooled:
            guard let population else { throw .invalidArgument("population statistics have not been computed") }
            return try population.pooled()
        }
    }

    /// Inference with the statistics `source` designates: y = γ (x − μ)/√(σ² + ε) + β.
    /// Never changes the layer.
    @_specialize(where Scalar == Double)
    public func forward(_ batch: Batch<Scalar>, using source: InferenceStatistics) throws(BatchNormError) -> Batch<Scalar> {
        guard batch.features == features else { throw .featureCountMismatch(expected: features, found: batch.features) }
        if source == .batch {
            return try BatchNormForward(input: batch, gamma: gamma, beta: beta, epsilon: epsilon).output
        }
        return try forward(batch, using: statistics(source, for: batch))
    }

    /// Inference with given statistics. Never changes the layer.
    @_specialize(where Scalar == Double)
    public func forward(_ batch: Batch<Scalar>, using statistics: NormalizationStatistics<Scalar>) throws(BatchNormError) -> Batch<Scalar> {
        guard statistics.features == features else {
            throw .featureCountMismatch(expected: features, found: statistics.features)
        }
        return try statistics.normalize(batch, gamma: gamma, beta: beta, epsilon: epsilon)
    }

    /// Inference on one example.
    @_specialize(where Scalar == Double)
    public func forward(example: [Scalar], using source: InferenceStatistics) throws(BatchNormError) -> [Scalar] {
        try forward(Batch(example: example), using: source).scalars
    }

    /// Inference on one example with given statistics.
    @_specialize(where Scalar == Double)
    public func forward(example: [Scalar], using statistics: NormalizationStatistics<Scalar>) throws(BatchNormError) -> [Scalar] {
        try forward(Batch(example: example), using: statistics).scalars
    }

    /// Records the per-step history of `feature` in every running estimate (nil: stop).
    public mutating func recordHistory(feature: Int?) throws(BatchNormError) {
        if let feature, !(0..<features).contains(feature) {
            throw .invalidArgument("feature \(feature) outside 0..<\(features)")
        }
        for k in estimators.indices { estimators[k].recordedFeature = feature }
    }

    /// The layer after one SGD step on γ and β (γ ← γ − rate · dγ, β ← β − rate · dβ), refused
    /// when a γ or β is no longer finite. The running estimates are left as they are.
    func stepped(gamma dGamma: [Scalar], beta dBeta: [Scalar], rate: Scalar) throws(BatchNormError) -> BatchNormLayer {
        var next = self
        for j in 0..<features {
            next.gamma[j] -= rate * dGamma[j]
            next.beta[j] -= rate * dBeta[j]
        }
        try checkFiniteResult(next.gamma, what: "an updated γ")
        try checkFiniteResult(next.beta, what: "an updated β")
        return next
    }
}
