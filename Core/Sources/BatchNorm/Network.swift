/// One layer of a ``Network``.
public enum NetworkLayer<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// y = x W + b.
    case dense(DenseLayer<Scalar>)
    /// y = max(0, x), element by element.
    case relu
    /// Batch normalization (training mode during training; any ``InferenceStatistics`` at evaluation).
    case batchNorm(BatchNormLayer<Scalar>)
}

/// A small multilayer perceptron for experiments: dense → batch norm → ReLU blocks,
/// a final dense layer giving class scores (logits), softmax cross-entropy loss and SGD.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let data = try Dataset<Double>.moons(count: 400, noise: 0.15, generator: &rng)
/// let (train, test) = try data.split(trainingFraction: 0.75, generator: &rng)
/// var net = try Network<Double>(inputs: 2, hidden: [16, 16], classes: 2,
///                               estimators: [.pytorch, .notes, .cumulative], generator: &rng)
/// _ = try net.train(on: train, epochs: 20, batchSize: 32, optimizer: SGD(learningRate: 0.1), generator: &rng)
/// try net.estimatePopulationStatistics(batches: train.miniBatches(size: 32, generator: &rng, dropIncomplete: true).map(\.inputs))
/// try net.accuracy(on: test, using: .running(0))                     // PyTorch-style running averages
/// try net.accuracy(on: test, using: .batch, examplesAtATime: 1)      // batch statistics, one example at a time
/// try net.accuracy(on: test, using: .populationAlgorithm2)
/// ```
public struct Network<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The layers, applied in order.
    public var layers: [NetworkLayer<Scalar>]

    /// A network made of the given layers.
    public init(layers: [NetworkLayer<Scalar>]) {
        self.layers = layers
    }

    /// `inputs` → for each width h in `hidden`: dense(h), batch norm (if `batchNorm`), ReLU →
    /// dense(`classes`). Every batch-norm layer tracks all `estimators` side by side.
    public init(inputs: Int, hidden: [Int], classes: Int, batchNorm: Bool = true,
                estimators: [RunningEstimator] = [.pytorch], epsilon: Scalar = 1e-5,
                renormalization: BatchRenormalization? = nil,
                generator: inout SeededGenerator) throws(BatchNormError) {
        guard inputs > 0, classes > 0, hidden.allSatisfy({ $0 > 0 }) else {
            throw .invalidArgument("layer widths must be positive")
        }
        var layers: [NetworkLayer<Scalar>] = []
        var width = inputs
        for h in hidden {
            layers.append(.dense(try DenseLayer(inputs: width, outputs: h, generator: &generator)))
            if batchNorm {
                var layer = try BatchNormLayer<Scalar>(features: h, epsilon: epsilon, estimators: estimators)
                layer.renormalization = renormalization
                layers.append(.batchNorm(layer))
            }
            layers.append(.relu)
            width = h
        }
        layers.append(.dense(try DenseLayer(inputs: width, outputs: classes, generator: &generator)))
        self.init(layers: layers)
    }

    /// The positions in ``layers`` of the batch-norm layers.
    public var batchNormIndices: [Int] {
        layers.indices.filter { if case .batchNorm = layers[$0] { return true } else { return false } }
    }

    /// The batch-norm layers, in order.
    public var batchNormLayers: [BatchNormLayer<Scalar>] {
        layers.compactMap { if case let .batchNorm(b) = $0 { return b } else { return nil } }
    }

    /// Class scores (logits), m × classes, with every batch-norm layer normalizing
    /// with `statistics`. Never changes the network.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func logits(_ x: Batch<Scalar>, using statistics: InferenceStatistics) throws(BatchNormError) -> Batch<Scalar> {
        var h = x
        for layer in layers {
            switch layer {
            case let .dense(d): h = try d.forward(h)
            case .relu: h = relu(h)
            case let .batchNorm(b): h = try b.forward(h, using: statistics)
            }
        }
        return h
    }

    /// The most probable class of each example (ties: the lowest index).
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func predict(_ x: Batch<Scalar>, using statistics: InferenceStatistics) throws(BatchNormError) -> [Int] {
        let z = try logits(x, using: statistics)
        return (0..<z.rows).map { i in
            var best = 0
            for j in 1..<z.features where z[i, j] > z[i, best] { best = j }
            return best
        }
    }

    /// The fraction of `data` classified correctly. The examples are fed
    /// `examplesAtATime` at a time (all at once when nil); this matters only for
    /// `.batch`, where 1 reproduces the single-example failure of batch statistics.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func accuracy(on data: Dataset<Scalar>, using statistics: InferenceStatistics,
                         examplesAtATime: Int? = nil) throws(BatchNormError) -> Double {
        let size = examplesAtATime ?? data.count
        var correct = 0
        for c in try chunks(of: Array(0..<data.count), size: size, dropIncomplete: false) {
            let part = try data.selecting(c)
            let predicted = try predict(part.inputs, using: statistics)
            correct += zip(predicted, part.labels).filter { $0 == $1 }.count
        }
        return Double(correct) / Double(data.count)
    }

    /// The mean softmax cross-entropy on `data`, evaluated with `statistics`.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func loss(on data: Dataset<Scalar>, using statistics: InferenceStatistics) throws(BatchNormError) -> Scalar {
        try softmaxCrossEntropy(logits(data.inputs, using: statistics), labels: data.labels).loss
    }

    /// One SGD step on one mini-batch (m ≥ 2 when the network has batch norm):
    /// forward in training mode (updating every running estimate), softmax
    /// cross-entropy, backward, update. Returns the loss before the step. Atomic: when
    /// anything throws (an overflow included), the network is unchanged.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public mutating func trainStep(_ batch: Dataset<Scalar>, optimizer: SGD) throws(BatchNormError) -> Scalar {
        if !batchNormIndices.isEmpty, batch.count < 2 { throw .tooFewExamples(found: batch.count, required: 2) }
        if let first = layers.first, case let .dense(d) = first, d.inputs != batch.inputs.features {
            throw .featureCountMismatch(expected: d.inputs, found: batch.inputs.features)
        }
        var caches: [LayerCache<Scalar>] = []
        var updated = layers
        var h = batch.inputs
        for k in updated.indices {
            switch updated[k] {
            case let .dense(d):
                caches.append(.dense(h))
                h = try d.forward(h)
            case .relu:
                caches.append(.relu(h))
                h = relu(h)
            case var .batchNorm(b):
                if b.renormalization != nil {
                    let step = try b.forwardTrainingRenormalized(h)
                    caches.append(.batchRenorm(step))
                    h = step.output
                } else {
                    let step = try b.forwardTraining(h)
                    caches.append(.batchNorm(step))
                    h = step.output
                }
                updated[k] = .batchNorm(b)
            }
        }
        let (loss, gradient) = try softmaxCrossEntropy(h, labels: batch.labels)
        var g = gradient
        let rate = Scalar(optimizer.learningRate)
        for k in updated.indices.reversed() {
            switch (updated[k], caches[k]) {
            case let (.dense(d), .dense(x)):
                let grads = try d.backward(input: x, outputGradient: g)
                updated[k] = .dense(try d.stepped(weights: grads.weights, bias: grads.bias, rate: rate))
                g = grads.input
            case let (.relu, .relu(x)):
                g = reluBackward(g, input: x)
            case let (.batchNorm(b), .batchNorm(_)), let (.batchNorm(b), .batchRenorm(_)):
                let grads: BatchNormGradients<Scalar>
                switch caches[k] {
                case let .batchRenorm(step): grads = try step.backward(outputGradient: g)
                case let .batchNorm(step): grads = try step.backward(outputGradient: g)
                default: fatalError("unreachable: matched above")
                }
                updated[k] = .batchNorm(try b.stepped(gamma: grads.gamma, beta: grads.beta, rate: rate))
                g = grads.input
            default:
                fatalError("unreachable: caches follow layers")
            }
        }
        layers = updated
        return loss
    }

    /// `epochs` passes over `data` in shuffled mini-batches of `batchSize` (an
    /// incomplete last batch is dropped, so every batch has the same m). Returns the
    /// loss of every step.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public mutating func train(on data: Dataset<Scalar>, epochs: Int, batchSize: Int, optimizer: SGD,
                               generator: inout SeededGenerator) throws(BatchNormError) -> [Scalar] {
        guard batchSize >= 2 || batchNormIndices.isEmpty else { throw .tooFewExamples(found: batchSize, required: 2) }
        guard batchSize <= data.count else { throw .invalidArgument("batch size \(batchSize) exceeds the \(data.count) examples") }
        return try data.trainingSteps(epochs: epochs, size: batchSize, generator: &generator) { (batch) throws(BatchNormError) in
            try trainStep(batch, optimizer: optimizer)
        }
    }

    /// With the weights frozen, runs `batches` (training mini-batches) through the
    /// network in training mode — each batch-norm layer normalizing with the batch's
    /// own statistics, running estimates untouched — and accumulates at every
    /// batch-norm layer the ``PopulationStatistics`` of its inputs (Algorithm 2 and
    /// pooled). Replaces earlier population statistics.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public mutating func estimatePopulationStatistics(batches: [Batch<Scalar>]) throws(BatchNormError) {
        guard !batches.isEmpty else { throw .emptyBatch }
        var populations = [Int: PopulationStatistics<Scalar>]()
        for k in batchNormIndices { populations[k] = PopulationStatistics() }
        for x in batches {
            var h = x
            for (k, layer) in layers.enumerated() {
                switch layer {
                case let .dense(d): h = try d.forward(h)
                case .relu: h = relu(h)
                case let .batchNorm(b):
                    try populations[k]!.add(h)
                    h = try b.forward(h, using: .batch)
                }
            }
        }
        for (k, p) in populations {
            if case var .batchNorm(b) = layers[k] {
                b.population = p
                layers[k] = .batchNorm(b)
            }
        }
    }

    /// Records, from now on, the per-step running μ and σ² of unit `feature` of the
    /// `layer`-th batch-norm layer (0 = first), in every estimator of that layer.
    public mutating func recordHistory(batchNormLayer layer: Int, feature: Int) throws(BatchNormError) {
        let indices = batchNormIndices
        guard indices.indices.contains(layer) else {
            throw .invalidArgument("no batch-norm layer #\(layer); the network has \(indices.count)")
        }
        guard case var .batchNorm(b) = layers[indices[layer]] else { return }
        try b.recordHistory(feature: feature)
        layers[indices[layer]] = .batchNorm(b)
    }
}

/// What the backward pass needs from each layer's forward pass.
enum LayerCache<Scalar: BatchNormScalar> {
    case dense(Batch<Scalar>)
    case relu(Batch<Scalar>)
    case batchNorm(BatchNormForward<Scalar>)
    case batchRenorm(BatchRenormForward<Scalar>)
}

/// max(0, x) element by element.
func relu<S: BatchNormScalar>(_ x: Batch<S>) -> Batch<S> {
    Batch(unchecked: x.rows, features: x.features, scalars: x.storage.map { $0 > 0 ? $0 : 0 })
}

/// The gradient through ``relu(_:)``: `g` where the layer's input `x` was positive, else 0.
func reluBackward<S: BatchNormScalar>(_ g: Batch<S>, input x: Batch<S>) -> Batch<S> {
    var values = g.storage
    for i in values.indices where x.storage[i] <= 0 { values[i] = 0 }
    return Batch(unchecked: g.rows, features: g.features, scalars: values)
}

/// Mean softmax cross-entropy of `logits` (m × classes) against `labels`, and its
/// gradient: L = 1/m Σᵢ −log softmax(zᵢ)[yᵢ], ∂L/∂zᵢ = (softmax(zᵢ) − onehot(yᵢ))/m.
/// The maximum logit is subtracted before exponentiating (log-sum-exp).
public func softmaxCrossEntropy<Scalar: BatchNormScalar>(_ logits: Batch<Scalar>, labels: [Int]) throws(BatchNormError)
    -> (loss: Scalar, gradient: Batch<Scalar>) {
    let m = logits.rows, c = logits.features
    guard labels.count == m else { throw .rowCountMismatch(expected: m, found: labels.count) }
    for (i, y) in labels.enumerated() where !(0..<c).contains(y) { throw .invalidLabel(index: i, label: y, classes: c) }
    var gradient = [Scalar](repeating: 0, count: m * c)
    var total: Scalar = 0
    for i in 0..<m {
        var top = logits[i, 0]
        for j in 1..<c { top = max(top, logits[i, j]) }
        var sum: Scalar = 0
        for j in 0..<c {
            let e = Scalar.naturalExp(logits[i, j] - top)
            gradient[i * c + j] = e
            sum += e
        }
        total += Scalar.naturalLog(sum) - (logits[i, labels[i]] - top)
        for j in 0..<c { gradient[i * c + j] /= sum * Scalar(m) }
        gradient[i * c + labels[i]] -= 1 / Scalar(m)
    }
    let loss = total / Scalar(m)
    guard loss.isFinite else { throw .nonFiniteResult(what: "the cross-entropy loss") }
    return (loss, Batch(unchecked: m, features: c, scalars: gradient))
}
