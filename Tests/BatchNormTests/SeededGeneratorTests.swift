import BatchNorm
import Testing

@Suite("Seeded generator and synthetic data")
struct SeededGeneratorTests {
    @Test func knownSequenceForSeed42() {
        // Values from an independent implementation of SplitMix64 seeding + xoshiro256**.
        var rng = SeededGenerator(seed: 42)
        #expect(rng.next() == 1_546_998_764_402_558_742)
        #expect(rng.next() == 6_990_951_692_964_543_102)
        #expect(rng.next() == 12_544_586_762_248_559_009)
        #expect(rng.nextUniform() == 0.9246929453253876)
    }

    @Test func sameSeedSameNumbers() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let xs = (0..<100).map { _ in a.nextGaussian() }
        #expect(xs == (0..<100).map { _ in b.nextGaussian() })
        #expect(xs != (0..<100).map { _ in c.nextGaussian() })
    }

    @Test func uniformAndGaussianMoments() {
        var rng = SeededGenerator(seed: 123)
        let n = 200_000
        let u = (0..<n).map { _ in rng.nextUniform() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(abs(u.reduce(0, +) / Double(n) - 0.5) < 0.005)
        let g = (0..<n).map { _ in rng.nextGaussian(mean: 2, standardDeviation: 3) }
        let mean = g.reduce(0, +) / Double(n)
        let variance = g.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
        #expect(abs(mean - 2) < 0.03)
        #expect(abs(variance - 9) < 0.15)
    }

    @Test(arguments: [1, 2, 3, 10, 1000])
    func boundedIntegersAndShuffles(_ bound: Int) {
        var rng = SeededGenerator(seed: UInt64(bound))
        var seen = Set<Int>()
        for _ in 0..<(bound * 20) {
            let k = rng.nextInt(below: bound)
            #expect((0..<bound).contains(k))
            seen.insert(k)
        }
        if bound <= 10 { #expect(seen.count == bound) }
        let p = rng.permutation(bound)
        #expect(p.sorted() == Array(0..<bound))
    }

    @Test func miniBatchesAreDeterministicAndCoverTheData() throws {
        var rng = SeededGenerator(seed: 3)
        let data = try Dataset<Double>.blobs(centers: [[0, 0], [3, 3], [-3, 3]], standardDeviation: 0.5,
                                             perClass: 10, generator: &rng)
        #expect(data.count == 30)
        #expect(data.classes == 3)
        var g1 = SeededGenerator(seed: 11), g2 = SeededGenerator(seed: 11)
        let a = try data.miniBatches(size: 8, generator: &g1)
        let b = try data.miniBatches(size: 8, generator: &g2)
        #expect(a == b)
        #expect(a.map(\.count) == [8, 8, 8, 6])
        #expect(a.flatMap(\.labels).sorted() == data.labels.sorted())
        var g3 = SeededGenerator(seed: 11)
        #expect(try data.miniBatches(size: 8, generator: &g3, dropIncomplete: true).map(\.count) == [8, 8, 8])
        var g4 = SeededGenerator(seed: 11)
        #expect(try data.inputs.shuffledMiniBatches(size: 8, generator: &g4) == a.map(\.inputs))
        var g5 = SeededGenerator(seed: 1)
        let (train, test) = try data.split(trainingFraction: 0.8, generator: &g5)
        #expect(train.count == 24)
        #expect(test.count == 6)
        #expect(throws: BatchNormError.self) { try data.miniBatches(size: 0, generator: &g5) }
    }

    @Test func blobsAndMoonsAreReproducible() throws {
        var r1 = SeededGenerator(seed: 2015), r2 = SeededGenerator(seed: 2015)
        let m1 = try Dataset<Double>.moons(count: 101, noise: 0.1, generator: &r1)
        let m2 = try Dataset<Double>.moons(count: 101, noise: 0.1, generator: &r2)
        #expect(m1 == m2)
        #expect(m1.labels.filter { $0 == 0 }.count == 51)
        // Noise-free moons lie exactly on their half circles.
        var r3 = SeededGenerator(seed: 1)
        let clean = try Dataset<Double>.moons(count: 20, noise: 0, generator: &r3)
        for i in 0..<clean.count {
            let (x, y) = (clean.inputs[i, 0], clean.inputs[i, 1])
            let r = clean.labels[i] == 0 ? (x * x + y * y) : ((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5))
            #expect(abs(r - 1) < 1e-12)
        }
        var r4 = SeededGenerator(seed: 4)
        let blobs = try Dataset<Float>.blobs(centers: [[10, -10]], standardDeviation: 0.1, perClass: 500, generator: &r4)
        #expect(close(try blobs.inputs.mean(), [10, -10], tol: 1e-2))
    }

    @Test func datasetValidation() throws {
        let x = try Batch<Double>(rows: [[1], [2]])
        #expect(throws: BatchNormError.invalidLabel(index: 1, label: 2, classes: 2)) {
            try Dataset(inputs: x, labels: [0, 2], classes: 2)
        }
        #expect(throws: BatchNormError.rowCountMismatch(expected: 2, found: 1)) {
            try Dataset(inputs: x, labels: [0], classes: 2)
        }
    }
}
