import BatchNorm
import Testing

@Suite("Training-time transform: the five steps")
struct BatchNormForwardTests {
    @Test(arguments: ScalarKind.allCases)
    func everyIntermediateMatchesHandComputation(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let z = try batch([[1, 10], [3, 30], [5, 20]], as: S.self)
            let step = try BatchNormForward(input: z, gamma: [2, 0.5], beta: [1, -1], epsilon: 1e-5)
            #expect(close(step.mean, [3, 20]))
            #expect(close(step.centered.scalars, [-2, -10, 0, 10, 2, 0]))
            let variance = [8.0 / 3, 200.0 / 3]
            #expect(close(step.variance, variance))
            #expect(step.epsilon == S(1e-5))
            let sd = variance.map { ($0 + 1e-5).squareRoot() }
            #expect(close(step.standardDeviation, sd))
            let normalized = [-2 / sd[0], -10 / sd[1], 0, 10 / sd[1], 2 / sd[0], 0]
            #expect(close(step.normalized.scalars, normalized))
            let gamma = [2.0, 0.5], beta = [1.0, -1]
            let output = normalized.enumerated().map { k, v in gamma[k % 2] * v + beta[k % 2] }
            #expect(close(step.output.scalars, output))
            #expect(step.statistics.biasedVariance == step.variance)
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func normalizedColumnsHaveZeroMeanAndNearUnitVariance(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let step = try BatchNormForward(input: batch(torchRows, as: S.self))
            let s = try step.normalized.statistics()
            let sigma2 = [0.27651875, 2.6476, 0.36935]
            #expect(close(s.mean, [0, 0, 0], tol: 1e-6))
            #expect(close(s.biasedVariance, sigma2.map { $0 / ($0 + 1e-5) }, tol: 1e-5))
            #expect(step.output == step.normalized)  // γ = 1, β = 0
        }
    }

    @Test(arguments: ScalarKind.allCases)
    func singleExampleOutputsExactlyBeta(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let beta: [S] = [0.25, -3, 7]
            for example in [[1.0, 2, 3], [-1000, 0.001, 42], [0, 0, 0]] {
                let step = try BatchNormForward(input: Batch<S>(example: example.map { S($0) }),
                                                gamma: [1.5, 2, -4], beta: beta)
                #expect(step.variance == [0, 0, 0])
                #expect(step.centered.scalars == [0, 0, 0])
                #expect(step.normalized.scalars == [0, 0, 0])
                #expect(step.output.scalars == beta)
            }
        }
    }

    @Test func rejectsBadParameters() throws {
        let z = try Batch<Double>(rows: torchRows)
        #expect(throws: BatchNormError.featureCountMismatch(expected: 3, found: 2)) {
            try BatchNormForward(input: z, gamma: [1, 1], beta: [0, 0, 0])
        }
        #expect(throws: BatchNormError.featureCountMismatch(expected: 3, found: 4)) {
            try BatchNormForward(input: z, gamma: [1, 1, 1], beta: [0, 0, 0, 0])
        }
        #expect(throws: BatchNormError.invalidEpsilon(0)) { try BatchNormForward(input: z, epsilon: 0) }
        #expect(throws: BatchNormError.invalidEpsilon(-1e-5)) { try BatchNormForward(input: z, epsilon: -1e-5) }
        #expect(throws: BatchNormError.self) { try BatchNormForward(input: z, epsilon: .nan) }
        #expect(throws: BatchNormError.nonFiniteValue(what: "gamma", row: nil, feature: 1)) {
            try BatchNormForward(input: z, gamma: [1, .infinity, 1], beta: [0, 0, 0])
        }
    }
}
