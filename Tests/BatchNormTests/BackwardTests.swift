import BatchNorm
import Testing

@Suite("Backward pass against central finite differences")
struct BackwardTests {
    /// L = Σ w ⊙ Z̃ so that dZ̃ = w.
    static func loss(_ z: Batch<Double>, _ gamma: [Double], _ beta: [Double], _ w: [Double]) throws -> Double {
        let y = try BatchNormForward(input: z, gamma: gamma, beta: beta).output.scalars
        return zip(y, w).map(*).reduce(0, +)
    }

    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        let diff = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        let norm = max(a.map { $0 * $0 }.reduce(0, +).squareRoot(), b.map { $0 * $0 }.reduce(0, +).squareRoot())
        return diff / max(norm, 1e-300)
    }

    // (m = 2 is left out: there Z_norm = ±σ/√(σ² + ε) hardly depends on Z, dZ is of order ε and a
    // relative error is meaningless.)
    @Test(arguments: [(5, 3, UInt64(1)), (8, 4, UInt64(2)), (3, 2, UInt64(3)), (16, 5, UInt64(4))])
    func doubleMatchesFiniteDifferences(rows: Int, features: Int, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let z = try Batch<Double>.gaussian(rows: rows, features: features, mean: 1, standardDeviation: 2, generator: &rng)
        let gamma = (0..<features).map { _ in rng.nextUniform(from: 0.5, to: 2) }
        let beta = (0..<features).map { _ in rng.nextGaussian() }
        let w = (0..<(rows * features)).map { _ in rng.nextGaussian() }
        let grads = try BatchNormForward(input: z, gamma: gamma, beta: beta)
            .backward(outputGradient: Batch(rows: rows, features: features, scalars: w))
        let h = 1e-5

        var numericZ: [Double] = []
        for k in 0..<(rows * features) {
            var plus = z.scalars, minus = z.scalars
            plus[k] += h
            minus[k] -= h
            let lp = try Self.loss(Batch(rows: rows, features: features, scalars: plus), gamma, beta, w)
            let lm = try Self.loss(Batch(rows: rows, features: features, scalars: minus), gamma, beta, w)
            numericZ.append((lp - lm) / (2 * h))
        }
        var numericGamma: [Double] = [], numericBeta: [Double] = []
        for j in 0..<features {
            var gp = gamma, gm = gamma, bp = beta, bm = beta
            gp[j] += h; gm[j] -= h; bp[j] += h; bm[j] -= h
            numericGamma.append((try Self.loss(z, gp, beta, w) - Self.loss(z, gm, beta, w)) / (2 * h))
            numericBeta.append((try Self.loss(z, gamma, bp, w) - Self.loss(z, gamma, bm, w)) / (2 * h))
        }
        #expect(Self.relativeError(grads.input.scalars, numericZ) < 1e-7)
        #expect(Self.relativeError(grads.gamma, numericGamma) < 1e-7)
        #expect(Self.relativeError(grads.beta, numericBeta) < 1e-7)
        // The gradient through μ makes every column of dZ sum to zero.
        for j in 0..<features { #expect(abs(grads.input.column(j).reduce(0, +)) < 1e-10) }
    }

    @Test func floatAgreesWithDouble() throws {
        var rng = SeededGenerator(seed: 9)
        let z = try Batch<Double>.gaussian(rows: 6, features: 3, generator: &rng)
        let dy = try Batch<Double>.gaussian(rows: 6, features: 3, generator: &rng)
        let d = try BatchNormForward(input: z, gamma: [1, 2, 3], beta: [0, 1, 2]).backward(outputGradient: dy)
        let f = try BatchNormForward(input: try z.converted(to: Float.self), gamma: [1, 2, 3], beta: [0, 1, 2])
            .backward(outputGradient: try dy.converted(to: Float.self))
        #expect(Self.relativeError(f.input.scalars.map(Double.init), d.input.scalars) < 1e-5)
        #expect(Self.relativeError(f.gamma.map(Double.init), d.gamma) < 1e-5)
        #expect(Self.relativeError(f.beta.map(Double.init), d.beta) < 1e-5)
    }

    @Test func rejectsMismatchedGradient() throws {
        let step = try BatchNormForward(input: Batch<Double>(rows: torchRows))
        #expect(throws: BatchNormError.rowCountMismatch(expected: 4, found: 1)) {
            try step.backward(outputGradient: Batch(example: [1, 2, 3]))
        }
        #expect(throws: BatchNormError.featureCountMismatch(expected: 3, found: 2)) {
            try step.backward(outputGradient: Batch(rows: [[1, 2], [1, 2], [1, 2], [1, 2]]))
        }
    }
}
