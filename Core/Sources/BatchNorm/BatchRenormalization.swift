/// Batch Renormalization (S. Ioffe, "Batch Renormalization: Towards Reducing Minibatch
/// Dependence in Batch-Normalized Models", NIPS 2017, Algorithm 1): training-time
/// normalization that is corrected towards the moving averages used at inference.
///
/// Per feature, with μ_B, σ_B = √(σ²_B + ε) the batch's statistics and μ, σ the moving
/// averages *before* this batch:
///
/// - r = clip(σ_B / σ, 1/r_max, r_max), d = clip((μ_B − μ) / σ, −d_max, d_max)
/// - x̂ = (x − μ_B) / σ_B, ŷ = x̂ · r + d, output γ · ŷ + β
///
/// r and d are treated as constants by the backward pass. When neither is clipped,
/// ŷ = (x − μ) / σ: training already normalizes the way inference will. With
/// r_max = 1 and d_max = 0 it is plain batch normalization. The paper starts with
/// r_max = 1, d_max = 0 and relaxes them gradually (a warm-up), here linearly.
public struct BatchRenormalization: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The final bound on r (≥ 1); the paper's experiments use 3.
    public let rMax: Double
    /// The final bound on |d| (≥ 0); the paper's experiments use 5.
    public let dMax: Double
    /// Training steps during which r_max = 1 and d_max = 0 (plain batch norm).
    public let warmUpSteps: Int
    /// Steps after the warm-up over which the bounds grow linearly to `rMax`, `dMax`.
    public let rampSteps: Int

    public init(rMax: Double = 3, dMax: Double = 5, warmUpSteps: Int = 0, rampSteps: Int = 0) throws(BatchNormError) {
        guard rMax.isFinite, rMax >= 1 else { throw .invalidArgument("r_max must be finite and at least 1, not \(rMax)") }
        guard dMax.isFinite, dMax >= 0 else { throw .invalidArgument("d_max must be finite and non-negative, not \(dMax)") }
        guard warmUpSteps >= 0, rampSteps >= 0 else { throw .invalidArgument("warm-up and ramp steps must be non-negative") }
        self.rMax = rMax
        self.dMax = dMax
        self.warmUpSteps = warmUpSteps
        self.rampSteps = rampSteps
    }

    /// The bounds for the training step that follows `completedSteps` earlier ones:
    /// (1, 0) during the warm-up, then linear growth to (r_max, d_max) over `rampSteps`.
    public func bounds(afterSteps completedSteps: Int) -> (rMax: Double, dMax: Double) {
        if completedSteps < warmUpSteps { return (1, 0) }
        let fraction = rampSteps == 0 ? 1 : min(1, Double(completedSteps - warmUpSteps + 1) / Double(rampSteps))
        return (1 + fraction * (rMax - 1), fraction * dMax)
    }

    public var description: String {
        "batch renormalization (r_max \(rMax), d_max \(dMax), warm-up \(warmUpSteps), ramp \(rampSteps))"
    }
}

/// One training-time Batch Renormalization step with its intermediates. See
/// ``BatchRenormalization``.
public struct BatchRenormForward<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The plain batch-norm step (γ = 1, β = 0): μ_B, σ²_B, x̂.
    public let batchNorm: BatchNormForward<Scalar>
    /// r per feature, after clipping.
    public let r: [Scalar]
    /// d per feature, after clipping.
    public let d: [Scalar]
    /// ŷ = x̂ · r + d.
    public let renormalized: Batch<Scalar>
    /// γ per feature.
    public let gamma: [Scalar]
    /// β per feature.
    public let beta: [Scalar]
    /// γ · ŷ + β.
    public let output: Batch<Scalar>

    /// - Parameters:
    ///   - movingMean: μ, the moving mean before this batch.
    ///   - movingStandardDeviation: σ, the moving standard deviation before this batch (> 0).
    ///   - rMax, dMax: the clipping bounds of this step (r_max ≥ 1, d_max ≥ 0).
    public init(input: Batch<Scalar>, gamma: [Scalar], beta: [Scalar], epsilon: Scalar = 1e-5,
                movingMean: [Scalar], movingStandardDeviation: [Scalar],
                rMax: Scalar, dMax: Scalar) throws(BatchNormError) {
        let n = input.features
        guard gamma.count == n else { throw .featureCountMismatch(expected: n, found: gamma.count) }
        guard beta.count == n else { throw .featureCountMismatch(expected: n, found: beta.count) }
        guard movingMean.count == n else { throw .featureCountMismatch(expected: n, found: movingMean.count) }
        guard movingStandardDeviation.count == n else {
            throw .featureCountMismatch(expected: n, found: movingStandardDeviation.count)
        }
        try checkFinite(gamma, what: "gamma")
        try checkFinite(beta, what: "beta")
        try checkFinite(movingMean, what: "moving mean")
        try checkFinite(movingStandardDeviation, what: "moving standard deviation")
        guard movingStandardDeviation.allSatisfy({ $0 > 0 }) else {
            throw .invalidArgument("the moving standard deviation must be positive")
        }
        guard rMax.isFinite, rMax >= 1 else { throw .invalidArgument("r_max must be finite and at least 1") }
        guard dMax.isFinite, dMax >= 0 else { throw .invalidArgument("d_max must be finite and non-negative") }
        let plain = try BatchNormForward(input: input, epsilon: epsilon)
        var r = [Scalar](repeating: 1, count: n)
        var d = [Scalar](repeating: 0, count: n)
        let sigmasB = plain.standardDeviation
        for j in 0..<n {
            let sigmaB = sigmasB[j]
            r[j] = min(max(sigmaB / movingStandardDeviation[j], 1 / rMax), rMax)
            d[j] = min(max((plain.mean[j] - movingMean[j]) / movingStandardDeviation[j], -dMax), dMax)
        }
        try checkFiniteResult(r, what: "r")
        try checkFiniteResult(d, what: "d")
        let m = input.rows
        var yHat = plain.normalized.scalars
        var out = yHat
        for i in 0..<m {
            for j in 0..<n {
                let value = yHat[i * n + j] * r[j] + d[j]
                yHat[i * n + j] = value
                out[i * n + j] = gamma[j] * value + beta[j]
            }
        }
        try checkFiniteResult(out, what: "the output γ · ŷ + β")
        self.batchNorm = plain
        self.r = r
        self.d = d
        self.renormalized = Batch(unchecked: m, features: n, scalars: yHat)
        self.gamma = gamma
        self.beta = beta
        self.output = Batch(unchecked: m, features: n, scalars: out)
    }

    /// The batch statistics μ_B, σ²_B (biased) of this step.
    public var statistics: BatchStatistics<Scalar> { batchNorm.statistics }

    /// The backward pass with r and d held constant: dβ = Σ dỹ, dγ = Σ dỹ · ŷ, and
    /// dZ = γ r/(m σ_B) · (m · dỹ − Σ dỹ − x̂ · Σ dỹ · x̂), batch norm's formula with γ
    /// scaled by r.
    public func backward(outputGradient: Batch<Scalar>) throws(BatchNormError) -> BatchNormGradients<Scalar> {
        let n = batchNorm.input.features
        let scaled = (0..<n).map { gamma[$0] * r[$0] }
        let inner = try BatchNormForward(unchecked: batchNorm, gamma: scaled).backward(outputGradient: outputGradient)
        let dGamma = (0..<n).map { r[$0] * inner.gamma[$0] + d[$0] * inner.beta[$0] }
        try checkFiniteResult(dGamma, what: "the γ gradient")
        return BatchNormGradients(unchecked: inner.input, gamma: dGamma, beta: inner.beta)
    }
}

extension BatchNormForward {
    /// The same step with another γ (for the backward pass of batch renormalization).
    init(unchecked step: BatchNormForward, gamma: [Scalar]) {
        self.input = step.input
        self.mean = step.mean
        self.centered = step.centered
        self.variance = step.variance
        self.epsilon = step.epsilon
        self.inverseStandardDeviation = step.inverseStandardDeviation
        self.normalized = step.normalized
        self.gamma = gamma
        self.beta = step.beta
        self.output = step.output
    }
}
