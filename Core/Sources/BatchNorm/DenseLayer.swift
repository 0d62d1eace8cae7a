/// A fully connected layer y = x W + b, with x an m × `inputs` batch, W an
/// `inputs` × `outputs` matrix (stored as a ``Batch``: row k holds the weights
/// leaving input k) and b one bias per output.
public struct DenseLayer<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// W, `inputs` × `outputs`.
    public var weights: Batch<Scalar>
    /// b, one per output. Redundant before batch norm (β takes its role), kept for simplicity.
    public var bias: [Scalar]

    /// Number of inputs.
    public var inputs: Int { weights.rows }
    /// Number of outputs.
    public var outputs: Int { weights.features }

    /// He initialization: W ~ N(0, 2/inputs), b = 0 (suited to a following ReLU).
    public init(inputs: Int, outputs: Int, generator: inout SeededGenerator) throws(BatchNormError) {
        weights = try Batch.gaussian(rows: inputs, features: outputs, standardDeviation: (2 / Double(max(inputs, 1))).squareRoot(),
                                     generator: &generator)
        bias = Array(repeating: 0, count: outputs)
    }

    /// Given weights and bias.
    public init(weights: Batch<Scalar>, bias: [Scalar]) throws(BatchNormError) {
        guard bias.count == weights.features else { throw .featureCountMismatch(expected: weights.features, found: bias.count) }
        try checkFinite(bias, what: "bias")
        self.weights = weights
        self.bias = bias
    }

    /// y = x W + b.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func forward(_ x: Batch<Scalar>) throws(BatchNormError) -> Batch<Scalar> {
        guard x.features == inputs else { throw .featureCountMismatch(expected: inputs, found: x.features) }
        let m = x.rows, k = inputs, n = outputs
        var y = [Scalar](repeating: 0, count: m * n)
        x.storage.withUnsafeBufferPointer { a in
            weights.storage.withUnsafeBufferPointer { w in
                y.withUnsafeMutableBufferPointer { out in
                    for i in 0..<m {
                        for j in 0..<n { out[i * n + j] = bias[j] }
                        for p in 0..<k {
                            let v = a[i * k + p]
                            for j in 0..<n { out[i * n + j] += v * w[p * n + j] }
                        }
                    }
                }
            }
        }
        try checkFiniteResult(y, what: "the dense layer's output")
        return Batch(unchecked: m, features: n, scalars: y)
    }

    /// Gradients for dY = ∂L/∂y: dX = dY Wᵀ, dW = xᵀ dY, db = Σᵢ dY⁽ⁱ⁾.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func backward(input x: Batch<Scalar>, outputGradient dy: Batch<Scalar>) throws(BatchNormError)
        -> (input: Batch<Scalar>, weights: Batch<Scalar>, bias: [Scalar]) {
        guard x.features == inputs else { throw .featureCountMismatch(expected: inputs, found: x.features) }
        guard dy.features == outputs else { throw .featureCountMismatch(expected: outputs, found: dy.features) }
        guard dy.rows == x.rows else { throw .rowCountMismatch(expected: x.rows, found: dy.rows) }
        let m = x.rows, k = inputs, n = outputs
        var dx = [Scalar](repeating: 0, count: m * k)
        var dw = [Scalar](repeating: 0, count: k * n)
        var db = [Scalar](repeating: 0, count: n)
        x.storage.withUnsafeBufferPointer { a in
            dy.storage.withUnsafeBufferPointer { g in
                weights.storage.withUnsafeBufferPointer { w in
                    for i in 0..<m {
                        for j in 0..<n { db[j] += g[i * n + j] }
                        for p in 0..<k {
                            let v = a[i * k + p]
                            var s: Scalar = 0
                            for j in 0..<n {
                                dw[p * n + j] += v * g[i * n + j]
                                s += g[i * n + j] * w[p * n + j]
                            }
                            dx[i * k + p] = s
                        }
                    }
                }
            }
        }
        try checkFiniteResult(dx, what: "the dense layer's input gradient")
        try checkFiniteResult(dw, what: "the dense layer's weight gradient")
        return (Batch(unchecked: m, features: k, scalars: dx), Batch(unchecked: k, features: n, scalars: dw), db)
    }

    /// W ← W − rate · dW, b ← b − rate · db.
    mutating func step(weights dw: Batch<Scalar>, bias db: [Scalar], rate: Scalar) {
        for i in weights.storage.indices { weights.storage[i] -= rate * dw.storage[i] }
        for j in bias.indices { bias[j] -= rate * db[j] }
    }

    /// The layer after ``step(weights:bias:rate:)``, refused when a weight or bias is no longer finite.
    func stepped(weights dw: Batch<Scalar>, bias db: [Scalar], rate: Scalar) throws(BatchNormError) -> DenseLayer {
        var next = self
        next.step(weights: dw, bias: db, rate: rate)
        try checkFiniteResult(next.weights.storage, what: "an updated weight")
        try checkFiniteResult(next.bias, what: "an updated bias")
        return next
    }
}
