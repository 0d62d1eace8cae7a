import BatchNorm
import Testing

@Suite("Batch statistics: mean, biased and unbiased variance")
struct BatchStatisticsTests {
    @Test(arguments: ScalarKind.allCases)
    func matchesPyTorchReference(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let s = try batch(torchRows, as: S.self).statistics()
            #expect(s.count == 4)
            #expect(close(s.mean, [0.8325, -2.5, 9.99]))
            #expect(close(s.biasedVariance, [0.27651875, 2.6476, 0.36935]))
            let unbiased: [Double] = [0.27651875, 2.6476, 0.36935].map { $0 * 4 / 3 }
            #expect(close(s.unbiasedVariance!, unbiased))
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func handDerivedCase(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            // Column 0: 1, 3, 5 → μ = 3, Σ(x−μ)² = 8. Column 1: 10, 30, 20 → μ = 20, Σ = 200.
            let x = try batch([[1, 10], [3, 30], [5, 20]], as: S.self)
            #expect(close(try x.mean(), [3, 20]))
            #expect(close(try x.biasedVariance(), [8.0 / 3, 200.0 / 3]))
            #expect(close(try x.unbiasedVariance()!, [4, 100]))
            #expect(try x.statistics().variance(.biased) == x.biasedVariance())
        }
    }

    @Test func stableForLargeOffset() throws {
        let x = try Batch<Double>(rows: [[1e9 + 4], [1e9 + 7], [1e9 + 13], [1e9 + 16]])
        let s = try x.statistics()
        #expect(s.mean == [1e9 + 10])
        #expect(s.biasedVariance == [22.5])
        #expect(s.unbiasedVariance == [30])
        // The naive formula really does fail here, so the test means something.
        let values = x.column(0)
        let naive = values.map { $0 * $0 }.reduce(0, +) / 4 - (values.reduce(0, +) / 4) * (values.reduce(0, +) / 4)
        #expect(naive == -128)
    }

    @Test func stableForLargeOffsetInFloat() throws {
        // 1e4 + [4, 7, 13, 16] is exact in Float, and its square needs more than 24 bits.
        let x = try Batch<Float>(rows: [[10004], [10007], [10013], [10016]])
        #expect(try x.biasedVariance() == [22.5])
    }

    @Test(arguments: ScalarKind.allCases)
    func singleExampleHasZeroVarianceAndNoUnbiasedVariance(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let s = try Batch<S>(example: [3, -7]).statistics()
            #expect(s.mean == [3, -7])
            #expect(s.biasedVariance == [0, 0])
            #expect(s.unbiasedVariance == nil)
        }
    }
}
