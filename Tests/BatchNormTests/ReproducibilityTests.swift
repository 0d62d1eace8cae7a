import BatchNorm
import Testing

/// FNV-1a over the bit patterns of `values`, in order.
private func fingerprint(_ values: [Double]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for value in values {
        var bits = value.bitPattern
        for _ in 0..<8 {
            hash = (hash ^ (bits & 0xFF)) &* 0x0100_0000_01B3
            bits >>= 8
        }
    }
    return hash
}

@Suite("Bit-reproducible training")
struct ReproducibilityTests {
    /// Data, initialization, shuffles, training steps with small batches (where one last-bit
    /// difference grows fastest), running estimates and population statistics: the bits of
    /// every parameter and estimate, recorded once. A machine or library that rounds any step
    /// differently fails here, before the notes' `check` does.
    @Test func aTrainingRunGivesTheseBits() throws {
        var generator = SeededGenerator(seed: 5)
        let data = try Dataset<Double>.moons(count: 200, noise: 0.25, generator: &generator)
        let (training, test) = try data.split(trainingFraction: 0.75, generator: &generator)
        var network = try Network<Double>(inputs: 2, hidden: [8, 8], classes: 2,
                                          estimators: [.pytorch, .notes], generator: &generator)
        let losses = try network.train(on: training, epochs: 3, batchSize: 4,
                                       optimizer: SGD(learningRate: 0.05), generator: &generator)
        try network.estimatePopulationStatistics(
            batches: training.miniBatches(size: 4, generator: &generator, dropIncomplete: true).map(\.inputs))
        var values = losses
        for layer in network.layers {
            switch layer {
            case let .dense(dense): values += dense.weights.scalars + dense.bias
            case let .batchNorm(norm):
                values += norm.gamma + norm.beta
                for estimator in norm.estimators { values += estimator.estimate.mean + estimator.estimate.variance }
                let pooled = try norm.population!.pooled()
                values += pooled.mean + pooled.variance
            case .relu: break
            }
        }
        values += try network.logits(test.inputs, using: .running(0)).scalars
        #expect(values.count == 453)
        #expect(fingerprint(values) == 12_014_503_307_848_035_120)
    }
}
