import BatchNorm
import Testing

@Suite("Population statistics: Algorithm 2 and pooled")
struct PopulationStatisticsTests {
    @Test(arguments: ScalarKind.allCases)
    func handDerived(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            // B1 = [1, 3] (μ 2, σ² 1), B2 = [4, 8] (μ 6, σ² 4); m = 2.
            let p = try PopulationStatistics<S>(batches: [batch([[1], [3]], as: S.self), batch([[4], [8]], as: S.self)])
            #expect(p.batchCount == 2)
            #expect(p.exampleCount == 4)
            // E[x] = (2 + 6)/2 = 4; Var[x] = m/(m−1) · (1 + 4)/2 = 5.
            #expect(close(try p.algorithm2.mean, [4]))
            #expect(close(try p.algorithm2.variance, [5]))
            // All of 1, 3, 4, 8: mean 4, Σ(x−4)² = 26.
            #expect(close(try p.pooled().mean, [4]))
            #expect(close(try p.pooled().variance, [6.5]))
            #expect(close(try p.pooled(variance: .unbiased).variance, [26.0 / 3]))
        }
    }

    @Test func pooledEqualsStatisticsOfTheWholeSet() throws {
        var rng = SeededGenerator(seed: 77)
        let all = try Batch<Double>.gaussian(rows: 60, features: 4, mean: 1e6, standardDeviation: 3, generator: &rng)
        let parts = try (0..<5).map { k in try all.selecting(rows: Array((k * 12)..<((k + 1) * 12))) }
        let p = try PopulationStatistics(batches: parts)
        let whole = try all.statistics()
        #expect(close(try p.pooled().mean, whole.mean.map { $0 }, tol: 1e-14))
        #expect(close(try p.pooled().variance, whole.biasedVariance, tol: 1e-9))
        // With equal batch sizes, Algorithm 2's mean equals the pooled mean.
        #expect(close(try p.algorithm2.mean, whole.mean, tol: 1e-14))
        let meanOfVariances = try parts.map { try $0.biasedVariance() }.reduce([0, 0, 0, 0]) { a, v in zip(a, v).map { $0 + $1 / 5 } }
        #expect(close(try p.algorithm2.variance, meanOfVariances.map { $0 * 12 / 11 }, tol: 1e-12))
    }

    @Test func rejectsBadInput() throws {
        #expect(throws: BatchNormError.emptyBatch) { try PopulationStatistics<Double>().algorithm2 }
        #expect(throws: BatchNormError.emptyBatch) { try PopulationStatistics<Double>().pooled() }
        var p = PopulationStatistics<Float>()
        #expect(throws: BatchNormError.tooFewExamples(found: 1, required: 2)) { try p.add(Batch(example: [1, 2])) }
        try p.add(Batch(rows: [[1, 2], [3, 4]]))
        #expect(throws: BatchNormError.featureCountMismatch(expected: 2, found: 1)) { try p.add(Batch(rows: [[1], [2]])) }
    }
}
