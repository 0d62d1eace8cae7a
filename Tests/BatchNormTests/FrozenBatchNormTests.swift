import BatchNorm
import Testing

@Suite("Training with batch norm frozen")
struct FrozenBatchNormTests {
    static func setUp() throws -> (Network<Double>, Dataset<Double>) {
        var rng = SeededGenerator(seed: 11)
        let data = try Dataset<Double>.moons(count: 40, noise: 0.2, generator: &rng)
        var net = try Network<Double>(inputs: 2, hidden: [8, 8], classes: 2, generator: &rng)
        _ = try net.train(on: data, epochs: 2, batchSize: 8, optimizer: SGD(learningRate: 0.1), generator: &rng)
        return (net, try data.selecting(Array(0..<6)))
    }

    func loss(_ net: Network<Double>, _ batch: Dataset<Double>) throws -> Double {
        try softmaxCrossEntropy(net.logits(batch.inputs, using: .running(0)), labels: batch.labels).loss
    }

    @Test func stepIsTheGradientOfTheInferenceModeLoss() throws {
        let (net, batch) = try Self.setUp()
        let rate = 1e-3
        var stepped = net
        let reported = try stepped.trainStep(batch, optimizer: SGD(learningRate: rate), frozen: .running(0))
        #expect(abs(reported - (try loss(net, batch))) < 1e-12)
        let h = 1e-6
        // A weight of each dense layer.
        for (layer, index) in [(0, 5), (3, 20), (6, 7)] {
            guard case let .dense(d) = net.layers[layer], case let .dense(after) = stepped.layers[layer] else {
                Issue.record("layer \(layer) is not dense"); return
            }
            func with(_ delta: Double) throws -> Network<Double> {
                var copy = net, values = d.weights.scalars
                values[index] += delta
                copy.layers[layer] = .dense(try DenseLayer(weights: Batch(rows: d.weights.rows, features: d.weights.features,
                                                                          scalars: values), bias: d.bias))
                return copy
            }
            let numeric = (try loss(with(h), batch) - loss(with(-h), batch)) / (2 * h)
            let analytic = (d.weights.scalars[index] - after.weights.scalars[index]) / rate
            #expect(abs(numeric - analytic) < 1e-6 * max(1, abs(numeric)))
        }
        // γ and β of the first batch-norm layer.
        guard case let .batchNorm(b) = net.layers[1], case let .batchNorm(after) = stepped.layers[1] else {
            Issue.record("layer 1 is not batch norm"); return
        }
        for j in [0, 4] {
            var plus = net, minus = net, bPlus = b, bMinus = b
            bPlus.gamma[j] += h; bMinus.gamma[j] -= h
            plus.layers[1] = .batchNorm(bPlus); minus.layers[1] = .batchNorm(bMinus)
            let numericGamma = (try loss(plus, batch) - loss(minus, batch)) / (2 * h)
            #expect(abs(numericGamma - (b.gamma[j] - after.gamma[j]) / rate) < 1e-6 * max(1, abs(numericGamma)))
            bPlus = b; bMinus = b
            bPlus.beta[j] += h; bMinus.beta[j] -= h
            plus.layers[1] = .batchNorm(bPlus); minus.layers[1] = .batchNorm(bMinus)
            let numericBeta = (try loss(plus, batch) - loss(minus, batch)) / (2 * h)
            #expect(abs(numericBeta - (b.beta[j] - after.beta[j]) / rate) < 1e-6 * max(1, abs(numericBeta)))
        }
    }

    @Test func leavesTheRunningEstimatesAloneAndAcceptsOneExample() throws {
        let (net, batch) = try Self.setUp()
        var stepped = net
        _ = try stepped.trainStep(batch.selecting([0]), optimizer: SGD(learningRate: 0.1), frozen: .running(0))
        #expect(stepped.batchNormLayers.map(\.estimators) == net.batchNormLayers.map(\.estimators))
        #expect(stepped != net)
    }

    @Test func refusesBatchStatistics() throws {
        let (trained, batch) = try Self.setUp()
        var net = trained
        #expect(throws: BatchNormError.self) { try net.trainStep(batch, optimizer: SGD(learningRate: 0.1), frozen: .batch) }
    }
}
