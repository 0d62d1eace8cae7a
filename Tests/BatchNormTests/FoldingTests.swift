import BatchNorm
import Testing

@Suite("Folding batch norm into the previous dense layer")
struct FoldingTests {
    @Test(arguments: ScalarKind.allCases)
    func foldedLayerMatchesHandComputedWeights(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let dense = try DenseLayer<S>(weights: batch([[1, 2], [3, -4]], as: S.self), bias: [0.5, -1])
            var norm = try BatchNormLayer<S>(features: 2, epsilon: 1e-5)
            norm.gamma = [2, -0.5]
            norm.beta = [0.25, 3]
            let stats = try NormalizationStatistics<S>(mean: [1, -2], variance: [4, 0.25])
            let folded = try dense.folding(norm, using: stats)
            let s0 = 2 / (4 + 1e-5).squareRoot(), s1 = -0.5 / (0.25 + 1e-5).squareRoot()
            // W′ = W diag(s), b′ = s (b − μ) + β
            #expect(close(folded.weights.scalars, [1 * s0, 2 * s1, 3 * s0, -4 * s1]))
            #expect(close(folded.bias, [s0 * (0.5 - 1) + 0.25, s1 * (-1 + 2) + 3]))
            let x = try batch([[0.3, -1.2], [2, 5], [-7, 0.1]], as: S.self)
            let unfolded = try norm.forward(dense.forward(x), using: stats)
            #expect(close(try folded.forward(x).scalars, unfolded.scalars.map { Double($0) }))
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func foldedNetworkGivesTheSameLogits(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            var generator = SeededGenerator(seed: 7)
            let data = try Dataset<S>.moons(count: 200, noise: 0.2, generator: &generator)
            var network = try Network<S>(inputs: 2, hidden: [8, 8], classes: 2,
                                         estimators: [.pytorch, .notes], generator: &generator)
            _ = try network.train(on: data, epochs: 3, batchSize: 16, optimizer: SGD(learningRate: 0.1),
                                  generator: &generator)
            try network.estimatePopulationStatistics(
                batches: data.miniBatches(size: 16, generator: &generator, dropIncomplete: true).map(\.inputs))
            for source in [InferenceStatistics.running(0), .running(1), .populationAlgorithm2, .populationPooled] {
                let folded = try network.foldingBatchNorm(using: source)
                #expect(folded.batchNormIndices.isEmpty)
                #expect(folded.layers.count == network.layers.count - 2)
                let expected = try network.logits(data.inputs, using: source)
                // No batch-norm layer is left, so the statistics argument is unused.
                for unused in [InferenceStatistics.batch, source] {
                    let got = try folded.logits(data.inputs, using: unused)
                    #expect(close(got.scalars, expected.scalars.map { Double($0) },
                                  tol: S.self == Float.self ? 1e-4 : 1e-12))
                }
                // One example at a time: the folded network has no batch dependence either.
                let one = try folded.logits(data.inputs.selecting(rows: [5]), using: .batch)
                #expect(close(one.row(0), try network.logits(data.inputs.selecting(rows: [5]), using: source).row(0).map { Double($0) },
                              tol: S.self == Float.self ? 1e-4 : 1e-12))
            }
        }
    }

    @Test func foldingNeverChangesTheNetwork() throws {
        var generator = SeededGenerator(seed: 3)
        let network = try Network<Double>(inputs: 2, hidden: [4], classes: 2, generator: &generator)
        let before = network
        _ = try network.foldingBatchNorm(using: .running(0))
        #expect(network == before)
    }

    @Test func rejectsWhatCannotBeFolded() throws {
        var generator = SeededGenerator(seed: 3)
        let network = try Network<Double>(inputs: 2, hidden: [4], classes: 2, generator: &generator)
        // Batch statistics change with every batch.
        #expect(throws: BatchNormError.self) { try network.foldingBatchNorm(using: .batch) }
        // Population statistics not computed yet; a running estimator that does not exist.
        #expect(throws: BatchNormError.self) { try network.foldingBatchNorm(using: .populationAlgorithm2) }
        #expect(throws: BatchNormError.self) { try network.foldingBatchNorm(using: .running(1)) }
        // A batch-norm layer that does not follow a dense layer.
        let norm = try BatchNormLayer<Double>(features: 2)
        let odd = Network<Double>(layers: [.relu, .batchNorm(norm)])
        #expect(throws: BatchNormError.self) { try odd.foldingBatchNorm(using: .running(0)) }
        // Mismatched widths.
        let dense = try DenseLayer<Double>(weights: batch([[1, 2, 3]], as: Double.self), bias: [0, 0, 0])
        #expect(throws: BatchNormError.self) { try dense.folding(norm, using: .running(0)) }
        // A network without batch norm folds to itself.
        let plain = try Network<Double>(inputs: 2, hidden: [4], classes: 2, batchNorm: false, generator: &generator)
        #expect(try plain.foldingBatchNorm(using: .running(0)) == plain)
    }
}
