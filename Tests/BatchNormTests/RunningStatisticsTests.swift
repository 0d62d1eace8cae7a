import BatchNorm
import Testing

/// Two one-feature batches used for hand-derived running estimates:
/// B1 = [1, 3]: μ = 2, σ² = 1, s² = 2.  B2 = [4, 8]: μ = 6, σ² = 4, s² = 8.
private let b1: [[Double]] = [[1], [3]]
private let b2: [[Double]] = [[4], [8]]

@Suite("Running estimates under every convention")
struct RunningStatisticsTests {
    @Test(arguments: ScalarKind.allCases)
    func pytorchReferenceAfterOneUpdate(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            var layer = try BatchNormLayer<S>(features: 3)  // default: [.pytorch]
            let step = try layer.forwardTraining(batch(torchRows, as: S.self))
            #expect(close(step.mean, [0.8325, -2.5, 9.99]))
            #expect(close(step.variance, [0.27651875, 2.6476, 0.36935]))
            let e = layer.estimators[0].estimate
            #expect(close(e.mean, [0.08325, -0.25, 0.999]))
            #expect(close(e.variance, [0.9368691666666666, 1.2530133333333335, 0.9492466666666667]))
        }
    }

    /// (convention options, expected μ and σ² after B1, after B2).
    static let cases: [(RunningEstimator, [Double], [Double])] = {
        func e(_ c: RunningConvention, _ v: VarianceKind? = nil, _ s: StartingValues? = nil) -> RunningEstimator {
            try! RunningEstimator(c, variance: v, start: s)
        }
        return [
            // (a) notes: decay 0.9, biased, start 0.
            (e(.exponentialAverage(decay: 0.9)), [0.2, 0.1], [0.78, 0.49]),
            // (a) with unbiased variance.
            (e(.exponentialAverage(decay: 0.9), .unbiased), [0.2, 0.2], [0.78, 0.98]),
            // (a) decay 0.5 from a first-batch start.
            (e(.exponentialAverage(decay: 0.5), .biased, .firstBatch), [2, 1], [4, 2.5]),
            // (a) decay 0.5 from μ = 1, σ² = 1.
            (e(.exponentialAverage(decay: 0.5), .biased, .constant(mean: 1, variance: 1)), [1.5, 1], [3.75, 2.5]),
            // (b) PyTorch: momentum 0.1, unbiased, start 0 / 1.
            (.pytorch, [0.2, 1.1], [0.78, 1.79]),
            // (b) with biased variance and a zero start.
            (e(.pytorch(momentum: 0.1), .biased, .zeros), [0.2, 0.1], [0.78, 0.49]),
            // (b) momentum 1 keeps only the last batch.
            (e(.pytorch(momentum: 1)), [2, 2], [6, 8]),
            // (c) cumulative (momentum=None), unbiased.
            (.cumulative, [2, 2], [4, 5]),
            // (c) cumulative, biased.
            (e(.cumulative, .biased), [2, 1], [4, 2.5]),
            // (d) bias-corrected, decay 0.9: v/(1 − 0.9ᵗ).
            (.biasCorrected, [2, 1], [0.78 / 0.19, 0.49 / 0.19]),
            // (d) decay 0.5, unbiased: v₁ = (1, 1), estimate v₁/0.5; v₂ = (3.5, 4.5), estimate v₂/0.75.
            (e(.biasCorrectedExponentialAverage(decay: 0.5), .unbiased), [2, 2], [3.5 / 0.75, 4.5 / 0.75]),
        ]
    }()

    @Test(arguments: cases)
    func handDerivedDouble(_ estimator: RunningEstimator, afterFirst: [Double], afterSecond: [Double]) throws {
        try check(Double.self, estimator, afterFirst, afterSecond)
    }

    @Test(arguments: cases)
    func handDerivedFloat(_ estimator: RunningEstimator, afterFirst: [Double], afterSecond: [Double]) throws {
        try check(Float.self, estimator, afterFirst, afterSecond)
    }

    private func check<S: BatchNormScalar>(_: S.Type, _ estimator: RunningEstimator,
                                           _ first: [Double], _ second: [Double]) throws {
        var r = try RunningStatistics<S>(features: 1, estimator: estimator)
        try r.update(with: batch(b1, as: S.self))
        #expect(r.steps == 1)
        #expect(close(r.estimate.mean[0], first[0], tol: 1e-6))
        #expect(close(r.estimate.variance[0], first[1], tol: 1e-6))
        try r.update(with: batch(b2, as: S.self).statistics())
        #expect(r.steps == 2)
        #expect(close(r.estimate.mean[0], second[0], tol: S.self == Float.self ? 1e-6 : 1e-13))
        #expect(close(r.estimate.variance[0], second[1], tol: S.self == Float.self ? 1e-6 : 1e-13))
    }

    @Test func defaultsAreNamedPerConvention() throws {
        #expect(RunningEstimator.pytorch.varianceKind == .unbiased)
        #expect(RunningEstimator.pytorch.start == .zeroMeanUnitVariance)
        #expect(RunningEstimator.pytorch.convention == .pytorch(momentum: 0.1))
        #expect(RunningEstimator.notes.varianceKind == .biased)
        #expect(RunningEstimator.notes.start == .zeros)
        #expect(RunningEstimator.notes.convention == .exponentialAverage(decay: 0.9))
        #expect(RunningEstimator.cumulative.varianceKind == .unbiased)
        #expect(RunningEstimator.biasCorrected.start == .zeros)
        let torch = try RunningStatistics<Double>(features: 2)
        #expect(torch.estimate.mean == [0, 0])
        #expect(torch.estimate.variance == [1, 1])
        #expect(RunningEstimator.pytorch.description.contains("momentum 0.1"))
    }

    @Test(arguments: [-0.1, 1.5, Double.nan, -Double.infinity])
    func rejectsDecayAndMomentumOutsideUnitInterval(_ value: Double) {
        #expect(throws: BatchNormError.self) { try RunningEstimator(.exponentialAverage(decay: value)) }
        #expect(throws: BatchNormError.self) { try RunningEstimator(.pytorch(momentum: value)) }
        #expect(throws: BatchNormError.self) { try RunningEstimator(.biasCorrectedExponentialAverage(decay: value)) }
    }

    @Test func rejectsUnusableOptions() {
        #expect(throws: BatchNormError.self) { try RunningEstimator(.biasCorrectedExponentialAverage(decay: 1)) }
        #expect(throws: BatchNormError.self) {
            try RunningEstimator(.biasCorrectedExponentialAverage(decay: 0.9), start: .zeroMeanUnitVariance)
        }
        #expect(throws: BatchNormError.self) {
            try RunningEstimator(.exponentialAverage(decay: 0.9), start: .constant(mean: 0, variance: -1))
        }
        #expect(throws: Never.self) { try RunningEstimator(.exponentialAverage(decay: 0)) }
        #expect(throws: Never.self) { try RunningEstimator(.exponentialAverage(decay: 1)) }
        #expect(throws: Never.self) { try RunningEstimator(.pytorch(momentum: 0)) }
    }

    @Test(arguments: ScalarKind.allCases)
    func singleExampleUpdateIsRejectedWithoutChangingState(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            var layer = try BatchNormLayer<S>(features: 3, estimators: [.pytorch, .notes, .cumulative])
            _ = try layer.forwardTraining(batch(torchRows, as: S.self))
            let before = layer
            #expect(throws: BatchNormError.tooFewExamples(found: 1, required: 2)) {
                _ = try layer.forwardTraining(Batch<S>(example: [1, 2, 3]))
            }
            #expect(layer == before)
            var r = layer.estimators[0]
            #expect(throws: BatchNormError.tooFewExamples(found: 1, required: 2)) {
                try r.update(with: Batch<S>(example: [1, 2, 3]))
            }
            #expect(r == before.estimators[0])
            #expect(throws: BatchNormError.featureCountMismatch(expected: 3, found: 2)) {
                try r.update(with: Batch<S>(rows: [[1, 2], [3, 4]]))
            }
        }
    }

    @Test func historyRecordsOneFeaturePerStep() throws {
        var r = try RunningStatistics<Double>(features: 1, estimator: .biasCorrected)
        r.recordedFeature = 0
        try r.update(with: Batch(rows: b1))
        try r.update(with: Batch(rows: b2))
        #expect(r.history.map(\.step) == [1, 2])
        #expect(r.history.map(\.batchMean) == [2, 6])
        #expect(r.history.map(\.batchVariance) == [1, 4])
        #expect(close(r.history.map(\.mean), [2, 0.78 / 0.19]))
        #expect(close(r.history.map(\.variance), [1, 0.49 / 0.19]))
        r.reset()
        #expect(r.steps == 0)
        #expect(r.history.isEmpty)
        #expect(r.recordedFeature == 0)
    }

    @Test func cumulativeEqualsAverageOfManyBatches() throws {
        var rng = SeededGenerator(seed: 5)
        var r = try RunningStatistics<Double>(features: 2, convention: .cumulative, variance: .biased)
        var means = [0.0, 0.0], variances = [0.0, 0.0]
        for _ in 0..<10 {
            let x = try Batch<Double>.gaussian(rows: 8, features: 2, generator: &rng)
            try r.update(with: x)
            let s = try x.statistics()
            for j in 0..<2 { means[j] += s.mean[j] / 10; variances[j] += s.biasedVariance[j] / 10 }
        }
        #expect(close(r.estimate.mean, means, tol: 1e-12))
        #expect(close(r.estimate.variance, variances, tol: 1e-12))
    }
}
