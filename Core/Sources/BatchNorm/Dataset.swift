/// Labeled examples for classification: `inputs` (m × n) and one class label in
/// `0..<classes` per row.
public struct Dataset<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// The examples, one per row.
    public let inputs: Batch<Scalar>
    /// The class of each example.
    public let labels: [Int]
    /// The number of classes.
    public let classes: Int

    /// Validates one label per row, each in `0..<classes`.
    public init(inputs: Batch<Scalar>, labels: [Int], classes: Int) throws(BatchNormError) {
        guard labels.count == inputs.rows else { throw .rowCountMismatch(expected: inputs.rows, found: labels.count) }
        guard classes >= 1 else { throw .invalidArgument("a data set needs at least one class") }
        for (i, y) in labels.enumerated() where !(0..<classes).contains(y) {
            throw .invalidLabel(index: i, label: y, classes: classes)
        }
        self.inputs = inputs
        self.labels = labels
        self.classes = classes
    }

    /// Number of examples.
    public var count: Int { inputs.rows }

    /// The examples at `indices`, in that order.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func selecting(_ indices: [Int]) throws(BatchNormError) -> Dataset {
        let x = try inputs.selecting(rows: indices)
        return try Dataset(inputs: x, labels: indices.map { labels[$0] }, classes: classes)
    }

    /// Shuffles deterministically and cuts into mini-batches of `size` examples; the
    /// last one is smaller unless `dropIncomplete` is set.
    @_specialize(exported: true, where Scalar == Double)
    @_specialize(where Scalar == Double)
    @_specialize(exported: true, where Scalar == Float)
    public func miniBatches(size: Int, generator: inout SeededGenerator,
                            dropIncomplete: Bool = false) throws(BatchNormError) -> [Dataset] {
        let order = generator.permutation(count)
        var result: [Dataset] = []
        for c in try chunks(of: order, size: size, dropIncomplete: dropIncomplete) {
            result.append(try selecting(c))
        }
        return result
    }

    /// Shuffles deterministically and splits into a training part with
    /// round(fraction · count) examples and a test part with the rest.
    public func split(trainingFraction fraction: Double,
                      generator: inout SeededGenerator) throws(BatchNormError) -> (training: Dataset, test: Dataset) {
        guard fraction > 0, fraction < 1 else { throw .invalidArgument("training fraction must lie in (0, 1), not \(fraction)") }
        let order = generator.permutation(count)
        let cut = Int((fraction * Double(count)).rounded())
        guard cut > 0, cut < count else { throw .invalidArgument("split leaves an empty part") }
        return (try selecting(Array(order[..<cut])), try selecting(Array(order[cut...])))
    }
}

extension Dataset {
    /// Gaussian blobs: `perClass` points around each center (class k around
    /// `centers[k]`), each coordinate N(center, standardDeviation²), then shuffled.
    public static func blobs(centers: [[Double]], standardDeviation: Double = 1, perClass: Int,
                             generator: inout SeededGenerator) throws(BatchNormError) -> Dataset {
        guard let dimension = centers.first?.count, dimension > 0, perClass > 0 else { throw .emptyBatch }
        guard standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument("standard deviation must be finite and non-negative")
        }
        var values: [Scalar] = []
        var labels: [Int] = []
        for (k, center) in centers.enumerated() {
            guard center.count == dimension else { throw .featureCountMismatch(expected: dimension, found: center.count) }
            for _ in 0..<perClass {
                for c in center { values.append(Scalar(generator.nextGaussian(mean: c, standardDeviation: standardDeviation))) }
                labels.append(k)
            }
        }
        let data = try Dataset(inputs: Batch(rows: labels.count, features: dimension, scalars: values),
                               labels: labels, classes: centers.count)
        return try data.selecting(generator.permutation(data.count))
    }

    /// Two interleaving half circles (as scikit-learn's `make_moons`): class 0 at
    /// (cos t, sin t), class 1 at (1 − cos t, 1/2 − sin t), t evenly spaced on [0, π],
    /// plus N(0, noise²) on each coordinate, then shuffled. `count` is split as evenly
    /// as possible (class 0 gets the extra point).
    public static func moons(count: Int, noise: Double = 0.1,
                             generator: inout SeededGenerator) throws(BatchNormError) -> Dataset {
        guard count >= 2 else { throw .invalidArgument("two moons need at least 2 points") }
        guard noise.isFinite, noise >= 0 else { throw .invalidArgument("noise must be finite and non-negative") }
        let outer = count - count / 2, inner = count / 2
        var values: [Scalar] = []
        var labels: [Int] = []
        for (label, n) in [(0, outer), (1, inner)] {
            for i in 0..<n {
                let t = n == 1 ? 0 : Double.pi * Double(i) / Double(n - 1)
                let x = label == 0 ? PortableMath.cos(t) : 1 - PortableMath.cos(t)
                let y = label == 0 ? PortableMath.sin(t) : 0.5 - PortableMath.sin(t)
                values.append(Scalar(x + generator.nextGaussian(standardDeviation: noise)))
                values.append(Scalar(y + generator.nextGaussian(standardDeviation: noise)))
                labels.append(label)
            }
        }
        let data = try Dataset(inputs: Batch(rows: count, features: 2, scalars: values), labels: labels, classes: 2)
        return try data.selecting(generator.permutation(count))
    }
}

extension Dataset {
    /// `epochs` shuffled passes in mini-batches of `size`, the incomplete last batch dropped (so
    /// every batch has the same m): `step` runs on each batch in order, and what it returns
    /// (the loss) is collected. The one training loop of every network in the core.
    func trainingSteps(epochs: Int, size: Int, generator: inout SeededGenerator,
                       _ step: (Dataset) throws(BatchNormError) -> Scalar) throws(BatchNormError) -> [Scalar] {
        guard epochs >= 0 else { throw .invalidArgument("epochs must be non-negative") }
        var losses: [Scalar] = []
        for _ in 0..<epochs {
            for batch in try miniBatches(size: size, generator: &generator, dropIncomplete: true) {
                losses.append(try step(batch))
            }
        }
        return losses
    }
}
