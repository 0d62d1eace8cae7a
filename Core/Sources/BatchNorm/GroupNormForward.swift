/// Group normalization (Wu & He, 2018) of one batch: each example's n features are cut into
/// `groups` consecutive groups of n/groups features, and each group is normalized with its
/// own mean and (biased) variance, computed over that example only:
///
/// μ_{i,g} = 1/s Σ_{j ∈ g} Z⁽ⁱ⁾_j,  σ²_{i,g} = 1/s Σ_{j ∈ g} (Z⁽ⁱ⁾_j − μ_{i,g})²,  s = n/groups,
/// Z_norm = (Z − μ_{i,g})/√(σ²_{i,g} + ε),  output γ_j · Z_norm + β_j (γ, β per feature).
///
/// `groups = 1` is layer normalization (Ba, Kiros & Hinton, 2016): all features of an example
/// together. No statistic crosses examples, so training and inference compute the same thing,
/// whatever the batch size (even one example).
public struct GroupNormForward<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The input Z (m × n).
    public let input: Batch<Scalar>
    /// The number of groups (divides n).
    public let groups: Int
    /// μ per example and group (m × groups).
    public let mean: Batch<Scalar>
    /// σ² (biased) per example and group (m × groups).
    public let variance: Batch<Scalar>
    /// ε, added to σ² before the square root.
    public let epsilon: Scalar
    /// 1/√(σ² + ε) per example and group (m × groups).
    public let inverseStandardDeviation: Batch<Scalar>
    /// Z_norm (m × n).
    public let normalized: Batch<Scalar>
    /// γ per feature.
    public let gamma: [Scalar]
    /// β per feature.
    public let beta: [Scalar]
    /// γ · Z_norm + β (m × n).
    public let output: Batch<Scalar>

    /// Normalizes `input` in `groups` groups per example.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public init(input: Batch<Scalar>, groups: Int, gamma: [Scalar], beta: [Scalar],
                epsilon: Scalar = 1e-5) throws(BatchNormError) {
        let m = input.rows, n = input.features
        guard groups > 0, n % groups == 0 else {
            throw .invalidArgument("\(groups) groups do not divide \(n) features")
        }
        guard gamma.count == n else { throw .featureCountMismatch(expected: n, found: gamma.count) }
        guard beta.count == n else { throw .featureCountMismatch(expected: n, found: beta.count) }
        try checkFinite(gamma, what: "gamma")
        try checkFinite(beta, what: "beta")
        try checkEpsilon(epsilon)
        let size = n / groups
        var means = [Scalar](repeating: 0, count: m * groups)
        var variances = means, inverse = means
        var z = [Scalar](repeating: 0, count: m * n), y = z
        for i in 0..<m {
            for g in 0..<groups {
                let start = i * n + g * size
                var sum: Scalar = 0
                for j in 0..<size { sum += input.storage[start + j] }
                let mu = sum / Scalar(size)
                var squares: Scalar = 0
                for j in 0..<size {
                    let d = input.storage[start + j] - mu
                    squares += d * d
                }
                let sigma2 = squares / Scalar(size)
                let inv = 1 / (sigma2 + epsilon).squareRoot()
                means[i * groups + g] = mu
                variances[i * groups + g] = sigma2
                inverse[i * groups + g] = inv
                for j in 0..<size {
                    let k = start + j, feature = g * size + j
                    z[k] = (input.storage[k] - mu) * inv
                    y[k] = gamma[feature] * z[k] + beta[feature]
                }
            }
        }
        try checkFiniteResult(variances, what: "a group variance")
        try checkFiniteResult(y, what: "the group-normalized output")
        self.input = input
        self.groups = groups
        self.mean = Batch(unchecked: m, features: groups, scalars: means)
        self.variance = Batch(unchecked: m, features: groups, scalars: variances)
        self.epsilon = epsilon
        self.inverseStandardDeviation = Batch(unchecked: m, features: groups, scalars: inverse)
        self.normalized = Batch(unchecked: m, features: n, scalars: z)
        self.gamma = gamma
        self.beta = beta
        self.output = Batch(unchecked: m, features: n, scalars: y)
    }

    /// The backward pass, the batch-norm formula taken within each example's group of s
    /// features instead of down each feature's m examples. With dẐ = γ · dZ̃:
    /// dZ_j = 1/(s σ̂) · (s · dẐ_j − Σ_{group} dẐ − Ẑ_j · Σ_{group} dẐ · Ẑ); dγ = Σᵢ dZ̃ · Ẑ, dβ = Σᵢ dZ̃.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public func backward(outputGradient dy: Batch<Scalar>) throws(BatchNormError) -> BatchNormGradients<Scalar> {
        let m = input.rows, n = input.features
        guard dy.features == n else { throw .featureCountMismatch(expected: n, found: dy.features) }
        guard dy.rows == m else { throw .rowCountMismatch(expected: m, found: dy.rows) }
        let size = n / groups
        var dGamma = [Scalar](repeating: 0, count: n), dBeta = dGamma
        var dx = [Scalar](repeating: 0, count: m * n)
        var dz = [Scalar](repeating: 0, count: size)
        for i in 0..<m {
            for g in 0..<groups {
                let start = i * n + g * size
                var sumDz: Scalar = 0, sumDzZ: Scalar = 0
                for j in 0..<size {
                    let k = start + j, feature = g * size + j
                    dBeta[feature] += dy.storage[k]
                    dGamma[feature] += dy.storage[k] * normalized.storage[k]
                    dz[j] = gamma[feature] * dy.storage[k]
                    sumDz += dz[j]
                    sumDzZ += dz[j] * normalized.storage[k]
                }
                let scale = inverseStandardDeviation.storage[i * groups + g] / Scalar(size)
                for j in 0..<size {
                    let k = start + j
                    dx[k] = scale * (Scalar(size) * dz[j] - sumDz - normalized.storage[k] * sumDzZ)
                }
            }
        }
        try checkFiniteResult(dx, what: "the group norm's input gradient")
        return BatchNormGradients(input: Batch(unchecked: m, features: n, scalars: dx), gamma: dGamma, beta: dBeta)
    }
}
