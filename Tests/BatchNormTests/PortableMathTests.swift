import BatchNorm
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Distance in units in the last place between two finite doubles of the same sign.
private func ulps(_ a: Double, _ b: Double) -> UInt64 {
    if a == b { return 0 }
    let x = a.bitPattern, y = b.bitPattern
    return x > y ? x - y : y - x
}

@Suite("Portable elementary functions")
struct PortableMathTests {
    /// Arguments drawn by the project's generator, so the test is the same everywhere.
    static func arguments(_ count: Int, from lower: Double, to upper: Double, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in rng.nextUniform(from: lower, to: upper) }
    }

    @Test func expIsWithinTwoUlpsOfTheCLibrary() {
        for x in Self.arguments(20_000, from: -700, to: 700, seed: 1)
            + Self.arguments(20_000, from: -2, to: 2, seed: 2) {
            #expect(ulps(PortableMath.exp(x), exp(x)) <= 2, "exp(\(x))")
        }
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(710) == .infinity)
        #expect(PortableMath.exp(-746) == 0)
        #expect(PortableMath.exp(.nan).isNaN)
        #expect(PortableMath.exp(-.infinity) == 0)
    }

    @Test func logIsWithinFourUlpsOfTheCLibrary() {
        for x in Self.arguments(20_000, from: 1e-300, to: 1, seed: 3)
            + Self.arguments(20_000, from: 0.5, to: 2, seed: 4)
            + Self.arguments(20_000, from: 1, to: 1e300, seed: 5) + [.leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude] {
            #expect(ulps(PortableMath.log(x), log(x)) <= 4, "log(\(x))")
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
        #expect(PortableMath.log(.infinity) == .infinity)
    }

    @Test func sineAndCosineAreWithinTwoUlpsOrAbsolutelyClose() {
        for x in Self.arguments(40_000, from: -10, to: 10, seed: 6) {
            for (portable, c) in [(PortableMath.sin(x), sin(x)), (PortableMath.cos(x), cos(x))] {
                // Near a zero of the function only an absolute bound is meaningful.
                #expect(ulps(portable, c) <= 2 || abs(portable - c) < 1e-17, "x = \(x)")
            }
        }
        #expect(PortableMath.sin(0) == 0)
        #expect(PortableMath.cos(0) == 1)
        #expect(PortableMath.sin(.infinity).isNaN)
    }

    /// The bits of a few results, recorded once: any IEEE-754 machine must give exactly these.
    @Test func resultsAreTheseBitsOnEveryMachine() {
        #expect(PortableMath.exp(1).bitPattern == 0x4005_BF0A_8B14_576A)
        #expect(PortableMath.log(10).bitPattern == 0x4002_6BB1_BBB5_5516)
        #expect(PortableMath.sin(1).bitPattern == 0x3FEA_ED54_8F09_0CEE)
        #expect(PortableMath.cos(1).bitPattern == 0x3FE1_4A28_0FB5_068C)
    }
}
