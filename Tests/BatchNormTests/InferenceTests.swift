import BatchNorm
import Testing

@Suite("Inference with any estimate")
struct InferenceTests {
    @Test(arguments: ScalarKind.allCases)
    func normalizesWithGivenStatistics(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let stats = try NormalizationStatistics<S>(mean: [1, -2], variance: [4, 0.25])
            var layer = try BatchNormLayer<S>(features: 2, epsilon: 1e-5)
            layer.gamma = [2, 3]
            layer.beta = [0.5, -1]
            let y = try layer.forward(example: [5, -1], using: stats)
            // γ (x − μ)/√(σ² + ε) + β
            let first: Double = 2 * 4 / (4 + 1e-5).squareRoot() + 0.5
            let second: Double = 3 * 1 / (0.25 + 1e-5).squareRoot() - 1
            #expect(close(y, [first, second]))
            let b = try layer.forward(batch([[5, -1], [1, -2]], as: S.self), using: stats)
            #expect(b.row(0) == y)
            #expect(b.row(1) == [0.5, -1])
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func inferenceNeverChangesState(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            var layer = try BatchNormLayer<S>(features: 3, estimators: [.pytorch, .notes])
            let x = try batch(torchRows, as: S.self)
            _ = try layer.forwardTraining(x)
            layer.population = try PopulationStatistics(batches: [x])
            let before = layer
            for source in [InferenceStatistics.batch, .running(0), .running(1), .populationAlgorithm2, .populationPooled] {
                _ = try layer.forward(x, using: source)
                _ = try layer.forward(example: [1, 2, 3], using: source)
            }
            #expect(layer == before)
            #expect(throws: BatchNormError.self) { try layer.forward(x, using: .running(2)) }
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func batchStatisticsOnSingleExampleGiveBeta(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            var layer = try BatchNormLayer<S>(features: 3)
            layer.gamma = [2, -1, 0.5]
            layer.beta = [0.1, 0.2, 0.3]
            for example in torchRows {
                let y = try layer.forward(example: example.map { S($0) }, using: .batch)
                #expect(y == layer.beta)
                let own = try layer.statistics(.batch, for: Batch<S>(example: example.map { S($0) }))
                #expect(own.variance == [0, 0, 0])
            }
        }
    }

    @Test func runningEstimateMatchesPyTorchEvalOutput() throws {
        // After one update the PyTorch layer in eval mode computes (x − running_mean)/√(running_var + ε).
        var layer = try BatchNormLayer<Double>(features: 3)
        _ = try layer.forwardTraining(Batch(rows: torchRows))
        let y = try layer.forward(example: [1, 1, 1], using: .running(0))
        let mean = [0.08325, -0.25, 0.999]
        let variance = [0.9368691666666666, 1.2530133333333335, 0.9492466666666667]
        #expect(close(y, (0..<3).map { (1 - mean[$0]) / (variance[$0] + 1e-5).squareRoot() }))
    }

    @Test func rejectsBadStatisticsAndShapes() throws {
        #expect(throws: BatchNormError.featureCountMismatch(expected: 2, found: 1)) {
            try NormalizationStatistics<Double>(mean: [0, 0], variance: [1])
        }
        #expect(throws: BatchNormError.self) { try NormalizationStatistics<Double>(mean: [0], variance: [-1]) }
        #expect(throws: BatchNormError.self) { try NormalizationStatistics<Double>(mean: [.nan], variance: [1]) }
        let layer = try BatchNormLayer<Double>(features: 2)
        #expect(throws: BatchNormError.featureCountMismatch(expected: 2, found: 3)) {
            try layer.forward(example: [1, 2, 3], using: .batch)
        }
        #expect(throws: BatchNormError.self) { try layer.forward(example: [1, 2], using: .populationPooled) }
        #expect(throws: BatchNormError.invalidEpsilon(0)) { try BatchNormLayer<Double>(features: 2, epsilon: 0) }
        #expect(throws: BatchNormError.emptyBatch) { try BatchNormLayer<Float>(features: 0) }
    }
}
