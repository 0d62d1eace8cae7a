/// A multilayer perceptron like ``Network``, with group normalization (or, with one group,
/// layer normalization) where ``Network`` has batch norm: dense → group norm → ReLU blocks, a
/// final dense layer, softmax cross-entropy and SGD. For the same seed it draws the same
/// initial weights as ``Network/init(inputs:hidden:classes:batchNorm:estimators:epsilon:renormalization:generator:)``,
/// so runs with the two normalizations can be paired.
///
/// Nothing is estimated from training batches: an example's output depends on that example
/// only, in training and at inference alike, so there is no inference mode to choose.
public struct GroupNormNetwork<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The hidden dense layers, in order.
    public var hidden: [DenseLayer<Scalar>]
    /// γ per unit of each hidden layer.
    public var gamma: [[Scalar]]
    /// β per unit of each hidden layer.
    public var beta: [[Scalar]]
    /// The last dense layer, giving the class scores.
    public var output: DenseLayer<Scalar>
    /// Groups per hidden layer (1: layer normalization).
    public let groups: Int
    /// ε of every group norm.
    public let epsilon: Scalar

    /// `inputs` → for each width h in `hidden`: dense(h), group norm in `groups` groups, ReLU →
    /// dense(`classes`). Every width must be a multiple of `groups`.
    public init(inputs: Int, hidden widths: [Int], classes: Int, groups: Int, epsilon: Scalar = 1e-5,
                generator: inout SeededGenerator) throws(BatchNormError) {
        guard inputs > 0, classes > 0, widths.allSatisfy({ $0 > 0 }) else {
            throw .invalidArgument("layer widths must be positive")
        }
        guard groups > 0, widths.allSatisfy({ $0 % groups == 0 }) else {
            throw .invalidArgument("\(groups) groups must divide every hidden width")
        }
        try checkEpsilon(epsilon)
        var layers: [DenseLayer<Scalar>] = []
        var width = inputs
        for h in widths {
            layers.append(try DenseLayer(inputs: width, outputs: h, generator: &generator))
            width = h
        }
        hidden = layers
        gamma = widths.map { Array(repeating: 1, count: $0) }
        beta = widths.map { Array(repeating: 0, count: $0) }
        output = try DenseLayer(inputs: width, outputs: classes, generator: &generator)
        self.groups = groups
        self.epsilon = epsilon
    }

    /// Class scores (m × classes). The same for any batch size: no statistic crosses examples.
    @_specialize(where Scalar == Double)
    public func logits(_ x: Batch<Scalar>) throws(BatchNormError) -> Batch<Scalar> {
        var h = x
        for k in hidden.indices {
            h = try hidden[k].forward(h)
            h = relu(try GroupNormForward(input: h, groups: groups, gamma: gamma[k], beta: beta[k], epsilon: epsilon).output)
        }
        return try output.forward(h)
    }

    /// The most probable class of each example (ties: the lowest index).
    @_specialize(where Scalar == Double)
    public func predict(_ x: Batch<Scalar>) throws(BatchNormError) -> [Int] {
        let z = try logits(x)
        return (0..<z.rows).map { i in
            var best = 0
            for j in 1..<z.features where z[i, j] > z[i, best] { best = j }
            return best
        }
    }

    /// The fraction of `data` classified correctly.
    @_specialize(where Scalar == Double)
    public func accuracy(on data: Dataset<Scalar>) throws(BatchNormError) -> Double {
        let predicted = try predict(data.inputs)
        return Double(zip(predicted, data.labels).filter { $0 == $1 }.count) / Double(data.count)
    }

    /// One SGD step on one mini-batch (any m ≥ 1). Returns the loss before the step.
    /// Atomic: when anything throws, the network is unchanged.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    public mutating func trainStep(_ batch: Dataset<Scalar>, optimizer: SGD) throws(BatchNormError) -> Scalar {
        var inputs: [Batch<Scalar>] = [], norms: [GroupNormForward<Scalar>] = [], activations: [Batch<Scalar>] = []
        var h = batch.inputs
        for k in hidden.indices {
            inputs.append(h)
            let norm = try GroupNormForward(input: try hidden[k].forward(h), groups: groups,
                                            gamma: gamma[k], beta: beta[k], epsilon: epsilon)
            norms.append(norm)
            h = relu(norm.output)
            activations.append(h)
        }
        let (loss, gradient) = try softmaxCrossEntropy(try output.forward(h), labels: batch.labels)
        let rate = Scalar(optimizer.learningRate)
        var updated = self
        let last = try output.backward(input: h, outputGradient: gradient)
        updated.output.step(weights: last.weights, bias: last.bias, rate: rate)
        var g = last.input
        for k in hidden.indices.reversed() {
            let grads = try norms[k].backward(outputGradient: reluBackward(g, input: activations[k]))
            for j in gamma[k].indices {
                updated.gamma[k][j] -= rate * grads.gamma[j]
                updated.beta[k][j] -= rate * grads.beta[j]
            }
            let dense = try hidden[k].backward(input: inputs[k], outputGradient: grads.input)
            updated.hidden[k].step(weights: dense.weights, bias: dense.bias, rate: rate)
            g = dense.input
        }
        for k in hidden.indices {
            try checkFiniteResult(updated.hidden[k].weights.storage, what: "an updated weight")
            try checkFiniteResult(updated.gamma[k] + updated.beta[k], what: "an updated γ or β")
        }
        try checkFiniteResult(updated.output.weights.storage, what: "an updated weight")
        self = updated
        return loss
    }

    /// `epochs` passes over `data` in shuffled mini-batches of `batchSize`, the incomplete last
    /// one dropped (shuffled exactly as ``Network/train(on:epochs:batchSize:optimizer:generator:)``
    /// does). Returns the loss of every step.
    @_specialize(where Scalar == Double)
    public mutating func train(on data: Dataset<Scalar>, epochs: Int, batchSize: Int, optimizer: SGD,
                               generator: inout SeededGenerator) throws(BatchNormError) -> [Scalar] {
        guard batchSize >= 1, batchSize <= data.count else {
            throw .invalidArgument("batch size \(batchSize) must lie in 1…\(data.count)")
        }
        return try data.trainingSteps(epochs: epochs, size: batchSize, generator: &generator) { (batch) throws(BatchNormError) in
            try trainStep(batch, optimizer: optimizer)
        }
    }
}
