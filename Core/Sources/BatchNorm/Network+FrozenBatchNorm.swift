extension Network {
    /// One SGD step with every batch-norm layer **frozen**: it normalizes with the fixed μ, σ²
    /// that `statistics` designates (as at inference), its running estimates are not updated,
    /// and only the weights, biases, γ and β learn. A frozen layer is the affine map
    /// y = γ (x − μ)/√(σ² + ε) + β, so dγ = Σᵢ dy · x̂, dβ = Σᵢ dy and dx = dy · γ/√(σ² + ε):
    /// no gradient through μ and σ², which are constants. Any m ≥ 1. Returns the loss before
    /// the step; atomic like ``trainStep(_:optimizer:)``. `.batch` is refused: that is
    /// training mode, ``trainStep(_:optimizer:)``.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public mutating func trainStep(_ batch: Dataset<Scalar>, optimizer: SGD,
                                   frozen statistics: InferenceStatistics) throws(BatchNormError) -> Scalar {
        guard statistics != .batch else {
            throw .invalidArgument("frozen batch norm needs fixed statistics, not the batch's own")
        }
        var inputs: [Batch<Scalar>] = []
        var frozen: [Int: NormalizationStatistics<Scalar>] = [:]
        var h = batch.inputs
        for k in layers.indices {
            inputs.append(h)
            switch layers[k] {
            case let .dense(d): h = try d.forward(h)
            case .relu: h = relu(h)
            case let .batchNorm(b):
                let fixed = try b.statistics(statistics, for: h)
                frozen[k] = fixed
                h = try b.forward(h, using: fixed)
            }
        }
        let (loss, gradient) = try softmaxCrossEntropy(h, labels: batch.labels)
        var g = gradient
        var updated = layers
        let rate = Scalar(optimizer.learningRate)
        for k in layers.indices.reversed() {
            let x = inputs[k]
            switch layers[k] {
            case let .dense(d):
                let grads = try d.backward(input: x, outputGradient: g)
                updated[k] = .dense(try d.stepped(weights: grads.weights, bias: grads.bias, rate: rate))
                g = grads.input
            case .relu:
                g = reluBackward(g, input: x)
            case let .batchNorm(b):
                let fixed = frozen[k]!
                let n = b.features
                let inverse = fixed.variance.map { 1 / ($0 + b.epsilon).squareRoot() }
                var dGamma = [Scalar](repeating: 0, count: n), dBeta = dGamma
                var dx = g.storage
                for i in 0..<g.rows {
                    for j in 0..<n {
                        let v = g.storage[i * n + j]
                        dBeta[j] += v
                        dGamma[j] += v * (x.storage[i * n + j] - fixed.mean[j]) * inverse[j]
                        dx[i * n + j] = v * b.gamma[j] * inverse[j]
                    }
                }
                updated[k] = .batchNorm(try b.stepped(gamma: dGamma, beta: dBeta, rate: rate))
                g = Batch(unchecked: g.rows, features: n, scalars: dx)
            }
        }
        layers = updated
        return loss
    }

    /// `epochs` passes over `data` in shuffled mini-batches of `batchSize` (incomplete last
    /// batch dropped) with batch norm frozen at `statistics` (see ``trainStep(_:optimizer:frozen:)``).
    @_specialize(where Scalar == Double)
    public mutating func train(on data: Dataset<Scalar>, epochs: Int, batchSize: Int, optimizer: SGD,
                               frozen statistics: InferenceStatistics,
                               generator: inout SeededGenerator) throws(BatchNormError) -> [Scalar] {
        guard batchSize >= 1, batchSize <= data.count else {
            throw .invalidArgument("batch size \(batchSize) must lie in 1…\(data.count)")
        }
        return try data.trainingSteps(epochs: epochs, size: batchSize, generator: &generator) { (batch) throws(BatchNormError) in
            try trainStep(batch, optimizer: optimizer, frozen: statistics)
        }
    }
}
