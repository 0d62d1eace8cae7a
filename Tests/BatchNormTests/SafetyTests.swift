import BatchNorm
import Testing

/// The core's promise: bad input is an error, an index out of range traps like `Array`'s
/// subscript, and no call returns another element's value or a non-finite result.
@Suite("Nothing returns wrong data")
struct SafetyTests {
    @Test func featureIndexOutOfRangeTrapsInsteadOfReadingTheNextRow() async {
        await #expect(processExitsWith: .failure) {
            let x = try Batch<Double>(rows: [[1, 2, 3], [4, 5, 6]])
            _ = x[0, 3]  // would be x[1, 0] = 4 if unchecked
        }
    }

    @Test func negativeFeatureIndexTraps() async {
        await #expect(processExitsWith: .failure) {
            let x = try Batch<Double>(rows: [[1, 2, 3], [4, 5, 6]])
            _ = x[1, -1]
        }
    }

    @Test func rowOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            let x = try Batch<Double>(rows: [[1, 2, 3], [4, 5, 6]])
            _ = x.row(4)
        }
    }

    @Test func columnOutOfRangeTraps() async {
        await #expect(processExitsWith: .failure) {
            let x = try Batch<Double>(rows: [[1, 2, 3], [4, 5, 6]])
            _ = x.column(3)
        }
    }

    @Test func inRangeIndexingStillWorks() throws {
        let x = try Batch<Double>(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(x[1, 0] == 4)
        #expect(x.row(1) == [4, 5, 6])
        #expect(x.column(2) == [3, 6])
    }

    @Test func overflowingSizesAreErrors() {
        #expect(throws: BatchNormError.self) { try Batch<Double>(rows: Int.max, features: 2, scalars: []) }
        #expect(throws: BatchNormError.self) { try Batch<Double>(repeating: 0, rows: Int.max, features: 3) }
        var rng = SeededGenerator(seed: 1)
        #expect(throws: BatchNormError.self) {
            try Batch<Double>.gaussian(rows: Int.max / 2, features: 4, generator: &rng)
        }
    }

    @Test func overflowingStatisticsAreErrors() throws {
        let x = try Batch<Double>(rows: [[1e308], [1e308]])
        #expect(throws: BatchNormError.nonFiniteResult(what: "the batch mean")) { try x.statistics() }
        let spread = try Batch<Double>(rows: [[1e200], [-1e200]])
        #expect(throws: BatchNormError.nonFiniteResult(what: "the batch variance")) { try spread.statistics() }
        #expect(throws: BatchNormError.self) { try BatchNormForward(input: x) }
        #expect(throws: BatchNormError.self) { try NormalizationStatistics(batchOf: spread) }
        var population = PopulationStatistics<Double>()
        #expect(throws: BatchNormError.self) { try population.add(x) }
        #expect(population.batchCount == 0)
    }

    @Test func conversionThatOverflowsIsAnError() throws {
        let x = try Batch<Double>(rows: [[1e300, 1]])
        #expect(throws: BatchNormError.nonFiniteValue(what: "batch", row: 0, feature: 0)) {
            try x.converted(to: Float.self)
        }
    }

    @Test func overflowingOutputIsAnError() throws {
        let x = try Batch<Double>(rows: [[0], [1]])
        #expect(throws: BatchNormError.self) {
            try BatchNormForward(input: x, gamma: [1e308], beta: [1e308])
        }
        let fixedStatistics = try NormalizationStatistics<Double>(mean: [0], variance: [0])
        #expect(throws: BatchNormError.self) {
            try fixedStatistics.normalize(try Batch(rows: [[1e300]]), gamma: [1e300])
        }
    }

    @Test func aLayerUpdateThatFailsChangesNoEstimator() throws {
        var layer = try BatchNormLayer<Double>(features: 2, estimators: [.pytorch, .notes])
        // The second estimator no longer matches the layer: its update throws.
        layer.estimators[1] = try RunningStatistics(features: 3, estimator: .notes)
        let before = layer
        #expect(throws: BatchNormError.featureCountMismatch(expected: 3, found: 2)) {
            try layer.forwardTraining(try Batch(rows: [[1, 2], [3, 5]]))
        }
        #expect(layer == before)
        #expect(layer.estimators[0].steps == 0)
    }
}
