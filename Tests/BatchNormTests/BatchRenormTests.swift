import BatchNorm
import Testing

@Suite("Batch Renormalization")
struct BatchRenormTests {
    /// Z = [1, 3]: μ_B = 2, σ²_B = 1, σ_B = √(1 + ε). With moving μ = 0, σ = 0.5:
    /// r = σ_B/σ ≈ 2, d = (2 − 0)/0.5 = 4, so ŷ = x̂ r + d = (Z − μ)/σ = [2, 6].
    @Test func handDerivedUnclippedValues() throws {
        let z = try Batch<Double>(rows: [[1], [3]])
        let step = try BatchRenormForward(input: z, gamma: [2], beta: [1], epsilon: 1e-5,
                                          movingMean: [0], movingStandardDeviation: [0.5],
                                          rMax: 3, dMax: 5)
        let sigmaB = (1 + 1e-5).squareRoot()
        #expect(abs(step.r[0] - sigmaB / 0.5) < 1e-15)
        #expect(abs(step.d[0] - 4) < 1e-15)
        #expect(abs(step.renormalized[0, 0] - 2) < 1e-12)
        #expect(abs(step.renormalized[1, 0] - 6) < 1e-12)
        #expect(abs(step.output[0, 0] - 5) < 1e-12)     // 2 · 2 + 1
        #expect(abs(step.output[1, 0] - 13) < 1e-12)    // 2 · 6 + 1
    }

    /// The same batch with r_max = 1.5, d_max = 1: r = 1.5, d = 1, ŷ = ∓1/σ_B · 1.5 + 1.
    @Test func handDerivedClippedValues() throws {
        let z = try Batch<Double>(rows: [[1], [3]])
        let step = try BatchRenormForward(input: z, gamma: [1], beta: [0], epsilon: 1e-5,
                                          movingMean: [0], movingStandardDeviation: [0.5],
                                          rMax: 1.5, dMax: 1)
        let sigmaB = (1 + 1e-5).squareRoot()
        #expect(step.r == [1.5])
        #expect(step.d == [1])
        #expect(abs(step.output[0, 0] - (-1.5 / sigmaB + 1)) < 1e-15)
        #expect(abs(step.output[1, 0] - (1.5 / sigmaB + 1)) < 1e-15)
        // r is clipped from below too: σ = 10 gives σ_B/σ ≈ 0.1 < 1/1.5.
        let low = try BatchRenormForward(input: z, gamma: [1], beta: [0], movingMean: [2],
                                         movingStandardDeviation: [10], rMax: 1.5, dMax: 1)
        #expect(abs(low.r[0] - 1 / 1.5) < 1e-15)
        #expect(low.d == [0])
    }

    @Test func withUnitBoundsItIsBatchNorm() throws {
        var rng = SeededGenerator(seed: 5)
        let z = try Batch<Double>.gaussian(rows: 6, features: 3, mean: 2, standardDeviation: 3, generator: &rng)
        let renorm = try BatchRenormForward(input: z, gamma: [1, 2, 3], beta: [0, 1, -1],
                                            movingMean: [7, -1, 0], movingStandardDeviation: [0.2, 5, 1],
                                            rMax: 1, dMax: 0)
        let plain = try BatchNormForward(input: z, gamma: [1, 2, 3], beta: [0, 1, -1])
        #expect(renorm.output == plain.output)
        let dy = try Batch<Double>.gaussian(rows: 6, features: 3, generator: &rng)
        let a = try renorm.backward(outputGradient: dy), b = try plain.backward(outputGradient: dy)
        #expect(zip(a.input.scalars, b.input.scalars).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(zip(a.gamma, b.gamma).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(a.beta == b.beta)
    }

    /// Where r and d are clipped they are locally constant, so the analytic gradient
    /// (r, d held constant) must equal the full function's central finite differences.
    @Test func gradientsMatchCentralFiniteDifferences() throws {
        var rng = SeededGenerator(seed: 11)
        let z = try Batch<Double>.gaussian(rows: 5, features: 2, mean: 3, standardDeviation: 2, generator: &rng)
        let weights = try Batch<Double>.gaussian(rows: 5, features: 2, generator: &rng)
        let gamma = [1.3, -0.7], beta = [0.2, 0.4]
        let moving = (mean: [-2.0, 9.0], sigma: [0.5, 0.4])  // σ_B/σ > 1.2 and |d| > 0.5: both clipped
        func loss(_ x: Batch<Double>, _ g: [Double], _ b: [Double]) throws -> Double {
            let y = try BatchRenormForward(input: x, gamma: g, beta: b, movingMean: moving.mean,
                                           movingStandardDeviation: moving.sigma, rMax: 1.2, dMax: 0.5).output
            return zip(y.scalars, weights.scalars).map { $0 * $1 }.reduce(0, +)
        }
        let step = try BatchRenormForward(input: z, gamma: gamma, beta: beta, movingMean: moving.mean,
                                          movingStandardDeviation: moving.sigma, rMax: 1.2, dMax: 0.5)
        #expect(step.r.allSatisfy { $0 == 1.2 } && step.d.allSatisfy { abs($0) == 0.5 })
        let grads = try step.backward(outputGradient: weights)
        let h = 1e-6
        for k in z.scalars.indices {
            var plus = z.scalars, minus = z.scalars
            plus[k] += h; minus[k] -= h
            let numeric = (try loss(Batch(rows: 5, features: 2, scalars: plus), gamma, beta)
                - loss(Batch(rows: 5, features: 2, scalars: minus), gamma, beta)) / (2 * h)
            #expect(abs(numeric - grads.input.scalars[k]) < 1e-7)
        }
        for j in 0..<2 {
            var gp = gamma, gm = gamma, bp = beta, bm = beta
            gp[j] += h; gm[j] -= h; bp[j] += h; bm[j] -= h
            let dGamma = (try loss(z, gp, beta) - loss(z, gm, beta)) / (2 * h)
            let dBeta = (try loss(z, gamma, bp) - loss(z, gamma, bm)) / (2 * h)
            #expect(abs(dGamma - grads.gamma[j]) < 1e-7)
            #expect(abs(dBeta - grads.beta[j]) < 1e-7)
        }
    }

    @Test func warmUpThenLinearRamp() throws {
        let schedule = try BatchRenormalization(rMax: 3, dMax: 5, warmUpSteps: 10, rampSteps: 4)
        func bounds(_ steps: Int) -> [Double] {
            let b = schedule.bounds(afterSteps: steps)
            return [b.rMax, b.dMax]
        }
        #expect(bounds(0) == [1, 0])
        #expect(bounds(9) == [1, 0])
        #expect(bounds(10) == [1.5, 1.25])
        #expect(bounds(13) == [3, 5])
        #expect(bounds(1000) == [3, 5])
        #expect(throws: BatchNormError.self) { try BatchRenormalization(rMax: 0.5) }
        #expect(throws: BatchNormError.self) { try BatchRenormalization(dMax: -1) }
    }

    @Test func layerUsesTheMovingEstimateBeforeTheBatchAndUpdatesIt() throws {
        var layer = try BatchNormLayer<Double>(features: 1, estimators: [.pytorch])
        layer.renormalization = try BatchRenormalization(rMax: 3, dMax: 5)
        let step = try layer.forwardTrainingRenormalized(try Batch(rows: [[1], [3]]))
        // Before the batch PyTorch's estimate is μ = 0, σ² = 1, so σ = √(1 + ε).
        let sigma = (1 + 1e-5).squareRoot()
        #expect(abs(step.d[0] - 2 / sigma) < 1e-12)
        #expect(abs(step.r[0] - 1) < 1e-12)
        #expect(layer.renormalizationSteps == 1)
        #expect(abs(layer.estimators[0].estimate.mean[0] - 0.2) < 1e-12)
    }

    @Test func networkTrainsWithRenormalization() throws {
        var rng = SeededGenerator(seed: 3)
        let data = try Dataset<Double>.moons(count: 200, noise: 0.1, generator: &rng)
        var net = try Network<Double>(inputs: 2, hidden: [8], classes: 2,
                                      renormalization: BatchRenormalization(warmUpSteps: 20, rampSteps: 20),
                                      generator: &rng)
        let losses = try net.train(on: data, epochs: 10, batchSize: 4,
                                   optimizer: SGD(learningRate: 0.1), generator: &rng)
        #expect(losses.suffix(50).reduce(0, +) < losses.prefix(50).reduce(0, +))
        #expect(try net.accuracy(on: data, using: .running(0)) > 0.8)
    }
}
