/// A seeded pseudo-random generator that gives the same numbers on every machine:
/// xoshiro256** (Blackman & Vigna 2018) with its state filled by SplitMix64 from the
/// seed. Uniform, Gaussian (Box–Muller), bounded integers and shuffles are written
/// out here rather than taken from the standard library, whose algorithms may change.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// rng.nextUniform()        // in [0, 1)
/// rng.nextGaussian()       // N(0, 1)
/// rng.nextInt(below: 10)   // in 0..<10
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var spareGaussian: Double?
    /// The seed the generator started from.
    public let seed: UInt64

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1): the top 53 bits times 2⁻⁵³.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in [lower, upper).
    public mutating func nextUniform(from lower: Double, to upper: Double) -> Double {
        lower + (upper - lower) * nextUniform()
    }

    /// Normal with the given mean and standard deviation, by the Box–Muller transform:
    /// with u₁ ∈ (0, 1] and u₂ ∈ [0, 1), r = √(−2 ln u₁), z₀ = r cos 2πu₂, z₁ = r sin 2πu₂;
    /// z₁ is kept for the next call. ln, cos and sin are ``PortableMath``'s, so the numbers
/// are the same bits on every machine.
    public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        let z: Double
        if let spare = spareGaussian {
            spareGaussian = nil
            z = spare
        } else {
            let u1 = 1 - nextUniform()
            let u2 = nextUniform()
            let r = (-2 * PortableMath.log(u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            z = r * PortableMath.cos(angle)
            spareGaussian = r * PortableMath.sin(angle)
        }
        return mean + standardDeviation * z
    }

    /// Uniform in 0..<bound without modulo bias (Lemire's multiply-and-reject).
    ///
    /// - Precondition: `bound > 0`; otherwise the program traps, as `Int.random(in: 0..<0)`
    ///   does with an empty range.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// A Fisher–Yates shuffle of `elements` (from the last position down).
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var a = elements
        var i = a.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            a.swapAt(i, j)
            i -= 1
        }
        return a
    }

    /// A random permutation of 0..<count.
    public mutating func permutation(_ count: Int) -> [Int] {
        shuffled(Array(0..<max(0, count)))
    }
}

extension Batch {
    /// A batch of independent N(mean, standardDeviation²) values, drawn row by row.
    public static func gaussian(rows: Int, features: Int, mean: Double = 0, standardDeviation: Double = 1,
                                generator: inout SeededGenerator) throws(BatchNormError) -> Batch {
        guard rows > 0, features > 0 else { throw .emptyBatch }
        guard mean.isFinite, standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument("Gaussian needs a finite mean and a finite, non-negative standard deviation")
        }
        let count = try checkedSize(rows: rows, features: features)
        var values: [Scalar] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            values.append(Scalar(generator.nextGaussian(mean: mean, standardDeviation: standardDeviation)))
        }
        return try Batch(rows: rows, features: features, scalars: values)
    }

    /// The rows shuffled deterministically and cut into consecutive mini-batches of
    /// `size` rows; the last one is smaller unless `dropIncomplete` is set.
    public func shuffledMiniBatches(size: Int, generator: inout SeededGenerator,
                                    dropIncomplete: Bool = false) throws(BatchNormError) -> [Batch] {
        let order = generator.permutation(rows)
        return try chunks(of: order, size: size, dropIncomplete: dropIncomplete).map { (c) throws(BatchNormError) in
            try selecting(rows: c)
        }
    }
}

func chunks(of order: [Int], size: Int, dropIncomplete: Bool) throws(BatchNormError) -> [[Int]] {
    guard size > 0 else { throw .invalidArgument("mini-batch size must be positive, not \(size)") }
    var result: [[Int]] = []
    var start = 0
    while start < order.count {
        let end = min(start + size, order.count)
        if end - start == size || !dropIncomplete { result.append(Array(order[start..<end])) }
        start = end
    }
    return result
}
