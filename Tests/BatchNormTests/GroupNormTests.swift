import BatchNorm
import Testing

@Suite("Group and layer normalization")
struct GroupNormTests {
    static func loss(_ z: Batch<Double>, groups: Int, _ gamma: [Double], _ beta: [Double], _ w: [Double]) throws -> Double {
        let y = try GroupNormForward(input: z, groups: groups, gamma: gamma, beta: beta).output.scalars
        return zip(y, w).map(*).reduce(0, +)
    }

    @Test(arguments: [(4, 8, 2, UInt64(1)), (3, 6, 1, UInt64(2)), (5, 12, 4, UInt64(3)), (1, 6, 3, UInt64(4))])
    func backwardMatchesFiniteDifferences(rows: Int, features: Int, groups: Int, seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let z = try Batch<Double>.gaussian(rows: rows, features: features, mean: 1, standardDeviation: 2, generator: &rng)
        let gamma = (0..<features).map { _ in rng.nextUniform(from: 0.5, to: 2) }
        let beta = (0..<features).map { _ in rng.nextGaussian() }
        let w = (0..<(rows * features)).map { _ in rng.nextGaussian() }
        let grads = try GroupNormForward(input: z, groups: groups, gamma: gamma, beta: beta)
            .backward(outputGradient: Batch(rows: rows, features: features, scalars: w))
        let h = 1e-5
        var numericZ: [Double] = []
        for k in z.scalars.indices {
            var plus = z.scalars, minus = z.scalars
            plus[k] += h; minus[k] -= h
            numericZ.append((try Self.loss(Batch(rows: rows, features: features, scalars: plus), groups: groups, gamma, beta, w)
                - Self.loss(Batch(rows: rows, features: features, scalars: minus), groups: groups, gamma, beta, w)) / (2 * h))
        }
        var numericGamma: [Double] = [], numericBeta: [Double] = []
        for j in 0..<features {
            var gp = gamma, gm = gamma, bp = beta, bm = beta
            gp[j] += h; gm[j] -= h; bp[j] += h; bm[j] -= h
            numericGamma.append((try Self.loss(z, groups: groups, gp, beta, w) - Self.loss(z, groups: groups, gm, beta, w)) / (2 * h))
            numericBeta.append((try Self.loss(z, groups: groups, gamma, bp, w) - Self.loss(z, groups: groups, gamma, bm, w)) / (2 * h))
        }
        #expect(BackwardTests.relativeError(grads.input.scalars, numericZ) < 1e-7)
        #expect(BackwardTests.relativeError(grads.gamma, numericGamma) < 1e-7)
        #expect(BackwardTests.relativeError(grads.beta, numericBeta) < 1e-7)
    }

    @Test func layerNormIsBatchNormOfTheTransposedExample() throws {
        // One group: each row normalized over its own features, which is batch norm of that
        // row read as a column.
        var rng = SeededGenerator(seed: 5)
        let z = try Batch<Double>.gaussian(rows: 3, features: 5, generator: &rng)
        let layer = try GroupNormForward(input: z, groups: 1, gamma: Array(repeating: 1, count: 5),
                                         beta: Array(repeating: 0, count: 5))
        for i in 0..<3 {
            let column = try Batch<Double>(rows: 5, features: 1, scalars: z.row(i))
            let reference = try BatchNormForward(input: column, gamma: [1], beta: [0]).normalized.scalars
            #expect(close(layer.normalized.row(i), reference, tol: 1e-12))
        }
    }

    @Test func anExampleIsNormalizedAloneWhateverTheBatch() throws {
        var rng = SeededGenerator(seed: 6)
        let z = try Batch<Double>.gaussian(rows: 4, features: 8, generator: &rng)
        let gamma = (0..<8).map { _ in rng.nextGaussian() }, beta = (0..<8).map { _ in rng.nextGaussian() }
        let whole = try GroupNormForward(input: z, groups: 2, gamma: gamma, beta: beta).output
        for i in 0..<4 {
            let alone = try GroupNormForward(input: Batch(example: z.row(i)), groups: 2, gamma: gamma, beta: beta).output
            #expect(alone.scalars == whole.row(i))
        }
    }

    @Test func rejectsGroupsThatDoNotDivideTheFeatures() throws {
        let z = try Batch<Double>(rows: [[1, 2, 3]])
        #expect(throws: BatchNormError.self) { try GroupNormForward(input: z, groups: 2, gamma: [1, 1, 1], beta: [0, 0, 0]) }
    }

    @Test func networkStepMatchesFiniteDifferencesOfTheLoss() throws {
        var rng = SeededGenerator(seed: 7)
        let data = try Dataset<Double>.moons(count: 12, noise: 0.2, generator: &rng)
        let net = try GroupNormNetwork<Double>(inputs: 2, hidden: [8, 8], classes: 2, groups: 2, generator: &rng)
        let rate = 1e-3
        var stepped = net
        _ = try stepped.trainStep(data, optimizer: SGD(learningRate: rate))
        func loss(_ n: GroupNormNetwork<Double>) throws -> Double {
            try softmaxCrossEntropy(n.logits(data.inputs), labels: data.labels).loss
        }
        let h = 1e-6
        for (k, j) in [(0, 3), (1, 10), (1, 60)] {
            var plus = net, minus = net
            plus.hidden[k].weights = try Batch(rows: net.hidden[k].weights.rows, features: net.hidden[k].weights.features,
                                               scalars: net.hidden[k].weights.scalars.enumerated().map { $0 == j ? $1 + h : $1 })
            minus.hidden[k].weights = try Batch(rows: net.hidden[k].weights.rows, features: net.hidden[k].weights.features,
                                                scalars: net.hidden[k].weights.scalars.enumerated().map { $0 == j ? $1 - h : $1 })
            let numeric = (try loss(plus) - loss(minus)) / (2 * h)
            let analytic = (net.hidden[k].weights.scalars[j] - stepped.hidden[k].weights.scalars[j]) / rate
            #expect(abs(numeric - analytic) < 1e-6 * max(1, abs(numeric)))
        }
        for j in [0, 5] {
            var plus = net, minus = net
            plus.gamma[0][j] += h; minus.gamma[0][j] -= h
            let numeric = (try loss(plus) - loss(minus)) / (2 * h)
            #expect(abs(numeric - (net.gamma[0][j] - stepped.gamma[0][j]) / rate) < 1e-6 * max(1, abs(numeric)))
        }
    }

    @Test func drawsTheSameInitialWeightsAsTheBatchNormNetwork() throws {
        var a = SeededGenerator(seed: 8), b = SeededGenerator(seed: 8)
        let gn = try GroupNormNetwork<Double>(inputs: 2, hidden: [16, 16], classes: 3, groups: 4, generator: &a)
        let bn = try Network<Double>(inputs: 2, hidden: [16, 16], classes: 3, generator: &b)
        guard case let .dense(first) = bn.layers[0], case let .dense(last) = bn.layers.last! else {
            Issue.record("unexpected layers"); return
        }
        #expect(gn.hidden[0] == first)
        #expect(gn.output == last)
    }
}
