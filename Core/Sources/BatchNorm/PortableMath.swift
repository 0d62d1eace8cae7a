// Not for exp, log, sin or cos: `rounded()` and `squareRoot()` may lower to the C library's
// `round`, `floor` or `sqrt` (exact operations, the same on every machine), and importing it
// links the maths library into every program that uses the core.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// eˣ, ln x, sin x and cos x computed with the four IEEE-754 operations only (+, −, ×, ÷,
/// each correctly rounded), in a fixed order, with constants that are exact or computed by
/// those operations: the same bits on every machine that follows IEEE-754 double precision.
///
/// The C library's `exp`, `log`, `sin` and `cos` are not correctly rounded, and different
/// libraries (glibc, Apple's libm, musl) and versions round a few arguments differently. One
/// last-bit difference in a data set or a softmax is enough to change the path of training
/// by SGD, and with it the printed accuracies. These functions stay within a few units in
/// the last place of the C library's (the tests check exp, sin and cos to 2, log to 4),
/// which is all the core needs; what they guarantee is that the result is a function of
/// the argument alone.
///
/// Swift does not fuse `a * b + c` into a fused multiply-add unless asked
/// (`addingProduct`, `fma`), and does not reassociate floating-point sums, so the order
/// written here is the order computed.
public enum PortableMath {
    /// ln 2 = `ln2High + ln2Low`: the high part has 32 significant bits, so `k · ln2High`
    /// is exact for |k| < 2²⁰ (Cody–Waite reduction).
    static let ln2High = 0x1.62E42FEEp-1
    static let ln2Low = 0x1.A39EF35793C76p-33
    /// π/2 in three parts of 33 significant bits or fewer (the last one rounded).
    static let halfPi1 = 0x1.921FB544p0
    static let halfPi2 = 0x1.0B4611A6p-34
    static let halfPi3 = 0x1.3198A2E037073p-69

    /// 1/n! for n = 0…17, each from the one before by one division.
    static let inverseFactorials: [Double] = {
        var values: [Double] = [1]
        for n in 1...17 { values.append(values[n - 1] / Double(n)) }
        return values
    }()

    /// eˣ: x = k ln 2 + r with |r| ≤ ½ ln 2, eʳ by its Taylor series to r¹⁷/17!, times 2ᵏ.
    public static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.79 { return .infinity }
        if x < -745.2 { return 0 }
        let k = (x / 0x1.62E42FEFA39EFp-1).rounded(.toNearestOrEven)
        let r = (x - k * ln2High) - k * ln2Low
        var p = inverseFactorials[17]
        for n in stride(from: 16, through: 0, by: -1) { p = p * r + inverseFactorials[n] }
        return scaled(p, byPowerOfTwo: Int(k))
    }

    /// ln x: x = m · 2ᵉ with m in [√½, √2), ln m = 2 atanh s with s = (m − 1)/(m + 1),
    /// the series 2(s + s³/3 + s⁵/5 + …) to s²⁵/25.
    public static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var m = x, e = 0
        if m < Double.leastNormalMagnitude {
            m *= 0x1p54
            e = -54
        }
        e += Int(m.exponent)
        m = Double(sign: .plus, exponent: 0, significand: m.significand)   // in [1, 2), exact
        if m > 0x1.6A09E667F3BCDp0 {                                        // √2
            m /= 2
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var series = 1.0 / 25
        for n in stride(from: 23, through: 1, by: -2) { series = series * s2 + 1.0 / Double(n) }
        let lnM = 2 * s * series
        let k = Double(e)
        return k * ln2High + (lnM + k * ln2Low)
    }

    /// sin x, accurate for |x| up to about 2²⁰ (the core needs [0, 2π]); deterministic for
    /// every x.
    public static func sin(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    /// cos x, accurate for |x| up to about 2²⁰ (the core needs [0, 2π]); deterministic for
    /// every x.
    public static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return cosKernel(r)
        case 1: return -sinKernel(r)
        case 2: return -cosKernel(r)
        default: return sinKernel(r)
        }
    }

    /// x = k π/2 + r with |r| ≤ π/4 (about), and k mod 4.
    static func reduced(_ x: Double) -> (r: Double, quadrant: Int) {
        let k = (x / 0x1.921FB54442D18p0).rounded(.toNearestOrEven)
        let r = ((x - k * halfPi1) - k * halfPi2) - k * halfPi3
        // k mod 4 in [0, 4), exact: k is an integer, k/4 a power-of-two scaling.
        let quadrant = k - 4 * (k / 4).rounded(.down)
        return (r, Int(quadrant))
    }

    /// sin r for |r| ≤ π/4: r − r³/3! + … + r¹⁷/17!, in Horner form in r².
    static func sinKernel(_ r: Double) -> Double {
        r + r * alternatingSeries(r * r, odd: true)
    }

    /// cos r for |r| ≤ π/4: 1 − r²/2! + … + r¹⁸/18!.
    static func cosKernel(_ r: Double) -> Double {
        1 + alternatingSeries(r * r, odd: false)
    }

    /// Σ_{j ≥ 1} (−1)ʲ r²ʲ/(2j + odd)!, for j up to 8 (odd) or 9 (even), highest term first.
    static func alternatingSeries(_ r2: Double, odd: Bool) -> Double {
        let terms = odd ? 8 : 9
        var p = 0.0
        for j in stride(from: terms, through: 1, by: -1) {
            let coefficient = inverseFactorial(2 * j + (odd ? 1 : 0))
            p = (j % 2 == 0 ? coefficient : -coefficient) + p * r2
        }
        return p * r2
    }

    /// 1/n! for n ≤ 18.
    static func inverseFactorial(_ n: Int) -> Double {
        n <= 17 ? inverseFactorials[n] : inverseFactorials[17] / 18
    }

    /// p · 2ᵏ, in two exact steps when 2ᵏ alone would leave the normal range.
    static func scaled(_ p: Double, byPowerOfTwo k: Int) -> Double {
        if k > 1000 { return p * 0x1p1000 * Double(sign: .plus, exponent: k - 1000, significand: 1) }
        if k < -1000 { return p * 0x1p-1000 * Double(sign: .plus, exponent: k + 1000, significand: 1) }
        return p * Double(sign: .plus, exponent: k, significand: 1)
    }
}
