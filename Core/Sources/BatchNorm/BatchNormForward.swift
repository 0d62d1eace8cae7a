/// The training-time batch-normalization transform of one mini-batch, with every
/// intermediate of the lesson's five steps (per feature, over the m examples):
///
/// 1. `mean`:       μ = 1/m · Σᵢ Z⁽ⁱ⁾
/// 2. `centered`:   Z⁽ⁱ⁾ − μ
/// 3. `variance`:   σ² = 1/m · Σᵢ (Z⁽ⁱ⁾ − μ)²   (biased: divided by m)
/// 4. `normalized`: Z⁽ⁱ⁾_norm = (Z⁽ⁱ⁾ − μ) / √(σ² + ε)
/// 5. `output`:     Z̃⁽ⁱ⁾ = γ · Z⁽ⁱ⁾_norm + β
///
/// γ (`gamma`, scale) and β (`beta`, shift) are the learnable parameters. This β is
/// the *shift*; the decay of a running average is called `decay` (or `momentum`)
/// everywhere in this library, never β. ε defaults to 1e-5 (PyTorch's default;
/// Ioffe & Szegedy's ε is "a constant added for numerical stability").
///
/// With a single example (m = 1), μ is the example itself, Z − μ = 0, σ² = 0 and the
/// output is exactly β whatever the input: the failure of batch statistics at test
/// time. The transform itself allows it so it can be shown; ``BatchNormLayer``
/// refuses to *train* on fewer than two examples.
///
/// ```swift
/// let z = try Batch<Double>(rows: [[1, 10], [3, 30], [5, 20]])
/// let step = try BatchNormForward(input: z, gamma: [1, 1], beta: [0, 0])
/// step.mean        // [3, 20]
/// step.variance    // [2.666…, 66.666…]
/// step.output      // Z̃, a 3 × 2 batch
/// ```
public struct BatchNormForward<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The input Z (m × n).
    public let input: Batch<Scalar>
    /// Step 1: μ per feature.
    public let mean: [Scalar]
    /// Step 2: Z − μ (m × n).
    public let centered: Batch<Scalar>
    /// Step 3: σ² = 1/m · Σ(Z − μ)² per feature (biased).
    public let variance: [Scalar]
    /// ε, added to σ² before the square root.
    public let epsilon: Scalar
    /// 1 / √(σ² + ε) per feature (kept for the backward pass).
    public let inverseStandardDeviation: [Scalar]
    /// Step 4: Z_norm = (Z − μ) / √(σ² + ε) (m × n), computed as (Z − μ) · (1 / √(σ² + ε)).
    public let normalized: Batch<Scalar>
    /// γ per feature.
    public let gamma: [Scalar]
    /// β (shift) per feature.
    public let beta: [Scalar]
    /// Step 5: Z̃ = γ · Z_norm + β (m × n).
    public let output: Batch<Scalar>

    /// Runs the five steps on `input` with scale `gamma`, shift `beta` and `epsilon`.
    ///
    /// - Throws: ``BatchNormError/featureCountMismatch(expected:found:)`` when γ or β
    ///   do not have one value per feature, ``BatchNormError/nonFiniteValue(what:row:feature:)``
    ///   for a NaN or infinite γ or β, ``BatchNormError/invalidEpsilon(_:)`` when ε ≤ 0,
    ///   ``BatchNormError/nonFiniteResult(what:)`` when an intermediate overflows.
    @inlinable
    public init(input: Batch<Scalar>, gamma: [Scalar], beta: [Scalar], epsilon: Scalar = 1e-5) throws(BatchNormError) {
        let n = input.features
        guard gamma.count == n else { throw .featureCountMismatch(expected: n, found: gamma.count) }
        guard beta.count == n else { throw .featureCountMismatch(expected: n, found: beta.count) }
        try checkFinite(gamma, what: "gamma")
        try checkFinite(beta, what: "beta")
        try checkEpsilon(epsilon)
        let k = Kernels.forward(input, gamma: gamma, beta: beta, epsilon: epsilon)
        try checkFiniteResult(k.mean, what: "the batch mean")
        try checkFiniteResult(k.variance, what: "the batch variance")
        try checkFiniteResult(k.centered, what: "Z − μ")
        try checkFiniteResult(k.output, what: "the output γ · Z_norm + β")
        self.input = input
        self.mean = k.mean
        self.centered = Batch(unchecked: input.rows, features: n, scalars: k.centered)
        self.variance = k.variance
        self.epsilon = epsilon
        self.inverseStandardDeviation = k.inverseStd
        self.normalized = Batch(unchecked: input.rows, features: n, scalars: k.normalized)
        self.gamma = gamma
        self.beta = beta
        self.output = Batch(unchecked: input.rows, features: n, scalars: k.output)
    }

    /// Runs the five steps with γ = 1 and β = 0.
    public init(input: Batch<Scalar>, epsilon: Scalar = 1e-5) throws(BatchNormError) {
        let n = input.features
        try self.init(input: input, gamma: Array(repeating: 1, count: n), beta: Array(repeating: 0, count: n), epsilon: epsilon)
    }

    /// The batch statistics μ and σ² this forward pass normalized with.
    public var statistics: BatchStatistics<Scalar> {
        BatchStatistics(count: input.rows, mean: mean, biasedVariance: variance)
    }

    /// √(σ² + ε) per feature.
    public var standardDeviation: [Scalar] {
        variance.map { ($0 + epsilon).squareRoot() }
    }
}

extension Kernels {
    @usableFromInline
    struct ForwardResult<S: BatchNormScalar> {
        @usableFromInline var mean: [S]
        @usableFromInline var variance: [S]
        @usableFromInline var inverseStd: [S]
        @usableFromInline var centered: [S]
        @usableFromInline var normalized: [S]
        @usableFromInline var output: [S]

        @inlinable
        init(mean: [S], variance: [S], inverseStd: [S], centered: [S], normalized: [S], output: [S]) {
            self.mean = mean
            self.variance = variance
            self.inverseStd = inverseStd
            self.centered = centered
            self.normalized = normalized
            self.output = output
        }
    }

    /// Three sweeps over the batch: sums for μ; Z − μ stored while accumulating
    /// Σ(Z − μ) and Σ(Z − μ)² (corrected two-pass σ²); Z_norm and Z̃.
    @inlinable
    static func forward<S: BatchNormScalar>(_ batch: Batch<S>, gamma: [S], beta: [S], epsilon: S) -> ForwardResult<S> {
        let m = batch.rows, n = batch.features, total = m * n
        let count = S(m)
        var mean = [S](repeating: 0, count: n)
        var sum = [S](repeating: 0, count: n)
        var squares = [S](repeating: 0, count: n)
        var variance = [S](repeating: 0, count: n)
        var inverseStd = [S](repeating: 0, count: n)
        let centered = [S](unsafeUninitializedCapacity: total) { buffer, initialized in
            batch.storage.withUnsafeBufferPointer { x in
                mean.withUnsafeMutableBufferPointer { mu in
                    for i in 0..<m {
                        let base = i * n
                        for j in 0..<n { mu[j] += x[base + j] }
                    }
                    for j in 0..<n { mu[j] /= count }
                    sum.withUnsafeMutableBufferPointer { c in
                        squares.withUnsafeMutableBufferPointer { v in
                            for i in 0..<m {
                                let base = i * n
                                for j in 0..<n {
                                    let d = x[base + j] - mu[j]
                                    buffer[base + j] = d
                                    c[j] += d
                                    v[j] += d * d
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        for j in 0..<n {
            let value = (squares[j] - sum[j] * sum[j] / count) / count
            variance[j] = max(value, 0)
            inverseStd[j] = 1 / (variance[j] + epsilon).squareRoot()
        }
        var normalized = [S](repeating: 0, count: 0)
        let output = [S](unsafeUninitializedCapacity: total) { out, outCount in
            normalized = [S](unsafeUninitializedCapacity: total) { norm, normCount in
                centered.withUnsafeBufferPointer { d in
                    inverseStd.withUnsafeBufferPointer { inv in
                        gamma.withUnsafeBufferPointer { g in
                            beta.withUnsafeBufferPointer { b in
                                for i in 0..<m {
                                    let base = i * n
                                    for j in 0..<n {
                                        let z = d[base + j] * inv[j]
                                        norm[base + j] = z
                                        out[base + j] = g[j] * z + b[j]
                                    }
                                }
                            }
                        }
                    }
                }
                normCount = total
            }
            outCount = total
        }
        return ForwardResult(mean: mean, variance: variance, inverseStd: inverseStd,
                             centered: centered, normalized: normalized, output: output)
    }
}
