import BatchNorm
import Testing

@Suite("Minimal network: dense, ReLU, batch norm, softmax cross-entropy, SGD")
struct NetworkTests {
    @Test func denseBackwardMatchesFiniteDifferences() throws {
        var rng = SeededGenerator(seed: 21)
        let layer = try DenseLayer<Double>(inputs: 3, outputs: 2, generator: &rng)
        let x = try Batch<Double>.gaussian(rows: 4, features: 3, generator: &rng)
        let w = try Batch<Double>.gaussian(rows: 4, features: 2, generator: &rng)
        func loss(_ l: DenseLayer<Double>, _ x: Batch<Double>) throws -> Double {
            zip(try l.forward(x).scalars, w.scalars).map(*).reduce(0, +)
        }
        let g = try layer.backward(input: x, outputGradient: w)
        let h = 1e-6
        for k in 0..<x.scalars.count {
            var p = x.scalars, m = x.scalars
            p[k] += h; m[k] -= h
            let numeric = (try loss(layer, Batch(rows: 4, features: 3, scalars: p)) - loss(layer, Batch(rows: 4, features: 3, scalars: m))) / (2 * h)
            #expect(abs(numeric - g.input.scalars[k]) < 1e-8)
        }
        for k in 0..<layer.weights.scalars.count {
            var p = layer.weights.scalars, m = layer.weights.scalars
            p[k] += h; m[k] -= h
            let lp = try DenseLayer(weights: Batch(rows: 3, features: 2, scalars: p), bias: layer.bias)
            let lm = try DenseLayer(weights: Batch(rows: 3, features: 2, scalars: m), bias: layer.bias)
            #expect(abs((try loss(lp, x) - loss(lm, x)) / (2 * h) - g.weights.scalars[k]) < 1e-8)
        }
        #expect(close(g.bias, [w.column(0).reduce(0, +), w.column(1).reduce(0, +)]))
    }

    @Test func softmaxCrossEntropyValuesAndGradient() throws {
        let z = try Batch<Double>(rows: [[0, 0], [1000, 0]])
        let (loss, grad) = try softmaxCrossEntropy(z, labels: [0, 1])
        // Example 1: −log ½ = ln 2; example 2: −log softmax = 1000 (stable, no overflow).
        #expect(close(loss, (0.6931471805599453 + 1000) / 2))
        let expected: [Double] = [-0.25, 0.25, 0.5, -0.5]
        #expect(close(grad.scalars, expected))
        #expect(throws: BatchNormError.invalidLabel(index: 0, label: 2, classes: 2)) {
            try softmaxCrossEntropy(z, labels: [2, 0])
        }
    }

    static func experiment<S: BatchNormScalar>(_: S.Type, seed: UInt64 = 2015) throws
        -> (net: Network<S>, train: Dataset<S>, test: Dataset<S>, losses: [S]) {
        var rng = SeededGenerator(seed: seed)
        let data = try Dataset<S>.blobs(centers: [[0, 0], [3, 0], [0, 3]], standardDeviation: 0.7, perClass: 100, generator: &rng)
        let (train, test) = try data.split(trainingFraction: 0.7, generator: &rng)
        var net = try Network<S>(inputs: 2, hidden: [16, 16], classes: 3,
                                 estimators: [.pytorch, .notes, .cumulative, .biasCorrected,
                                              try RunningEstimator(.exponentialAverage(decay: 0.99))],
                                 generator: &rng)
        try net.recordHistory(batchNormLayer: 0, feature: 3)
        let losses = try net.train(on: train, epochs: 15, batchSize: 16, optimizer: SGD(learningRate: 0.1), generator: &rng)
        try net.estimatePopulationStatistics(
            batches: train.miniBatches(size: 16, generator: &rng, dropIncomplete: true).map(\.inputs))
        return (net, train, test, losses)
    }

    @Test(arguments: ScalarKind.allCases)
    func trainsAndComparesEstimates(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let (net, _, test, losses) = try Self.experiment(S.self)
            let steps = 15 * (210 / 16)
            #expect(losses.count == steps)
            #expect(Double(losses.suffix(13).reduce(0, +)) / 13 < Double(losses.prefix(13).reduce(0, +)) / 13 / 2)
            for source in [InferenceStatistics.running(0), .running(2), .running(3), .populationAlgorithm2, .populationPooled] {
                #expect(try net.accuracy(on: test, using: source) > 0.9, "\(source)")
                #expect(try net.accuracy(on: test, using: source, examplesAtATime: 1) == net.accuracy(on: test, using: source))
            }
            // The whole test set as one batch works; single examples with their own statistics
            // produce β at every unit, hence one constant prediction.
            #expect(try net.accuracy(on: test, using: .batch) > 0.9)
            let single = try (0..<test.count).map { try net.predict(test.inputs.selecting(rows: [$0]), using: .batch)[0] }
            #expect(Set(single).count == 1)
            #expect(try net.accuracy(on: test, using: .batch, examplesAtATime: 1) < 0.5)
            // History: one point per training step for each estimator of the first layer.
            let bn = net.batchNormLayers[0]
            #expect(bn.estimators.count == 5)
            for e in bn.estimators { #expect(e.history.count == steps) }
            #expect(bn.estimators[0].history.map(\.batchMean) == bn.estimators[2].history.map(\.batchMean))
            #expect(net.batchNormLayers.allSatisfy { $0.population?.batchCount == 13 })
        }
    }

    @Test func trainingIsReproducible() throws {
        let a = try Self.experiment(Double.self, seed: 9)
        let b = try Self.experiment(Double.self, seed: 9)
        #expect(a.net == b.net)
        #expect(a.losses == b.losses)
    }

    @Test func populationStatisticsUseFrozenWeights() throws {
        var (net, train, _, _) = try Self.experiment(Double.self)
        let before = net.layers
        var rng = SeededGenerator(seed: 1)
        let batches = try train.miniBatches(size: 16, generator: &rng, dropIncomplete: true).map(\.inputs)
        try net.estimatePopulationStatistics(batches: batches)
        // Weights, γ, β and running estimates are untouched; only `population` changes.
        for (old, new) in zip(before, net.layers) {
            switch (old, new) {
            case let (.batchNorm(a), .batchNorm(b)):
                #expect(a.gamma == b.gamma && a.beta == b.beta && a.estimators == b.estimators)
            default:
                #expect(old == new)
            }
        }
        // The first batch-norm layer sees the first dense layer's outputs directly.
        guard case let .dense(first) = net.layers[0] else { Issue.record("first layer is not dense"); return }
        let p = try PopulationStatistics(batches: batches.map { try first.forward($0) })
        #expect(net.batchNormLayers[0].population == p)
    }

    @Test func rejectsBadTrainingInput() throws {
        var rng = SeededGenerator(seed: 1)
        let data = try Dataset<Double>.moons(count: 20, generator: &rng)
        var net = try Network<Double>(inputs: 2, hidden: [4], classes: 2, generator: &rng)
        let one = try data.selecting([0])
        let before = net
        #expect(throws: BatchNormError.tooFewExamples(found: 1, required: 2)) {
            try net.trainStep(one, optimizer: SGD(learningRate: 0.1))
        }
        #expect(net == before)
        #expect(throws: BatchNormError.self) { try SGD(learningRate: 0) }
        #expect(throws: BatchNormError.self) {
            try net.train(on: data, epochs: 1, batchSize: 1, optimizer: SGD(learningRate: 0.1), generator: &rng)
        }
        #expect(throws: BatchNormError.featureCountMismatch(expected: 2, found: 3)) {
            try net.predict(Batch(example: [1, 2, 3]), using: .running(0))
        }
    }
}
