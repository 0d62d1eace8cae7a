#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point types the library computes with: `Double` and `Float`.
///
/// Beyond `BinaryFloatingPoint` (which already provides `squareRoot()`), the
/// network needs the natural exponential and logarithm for the softmax and the
/// cross-entropy, and the random generator needs `log`, `sin` and `cos` for the
/// Box–Muller transform. They come from the C library (`exp`, `log`, `sin`,
/// `cos` and their `f` variants).
public protocol BatchNormScalar: BinaryFloatingPoint, Sendable, Codable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// eˣ.
    static func naturalExp(_ x: Self) -> Self
    /// ln x.
    static func naturalLog(_ x: Self) -> Self
}

@usableFromInline func cExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func cLog(_ x: Double) -> Double { log(x) }
@usableFromInline func cSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func cCos(_ x: Double) -> Double { cos(x) }
@usableFromInline func cExpf(_ x: Float) -> Float { expf(x) }
@usableFromInline func cLogf(_ x: Float) -> Float { logf(x) }

extension Double: BatchNormScalar {
    @inlinable public static func naturalExp(_ x: Double) -> Double { cExp(x) }
    @inlinable public static func naturalLog(_ x: Double) -> Double { cLog(x) }
}

extension Float: BatchNormScalar {
    @inlinable public static func naturalExp(_ x: Float) -> Float { cExpf(x) }
    @inlinable public static func naturalLog(_ x: Float) -> Float { cLogf(x) }
}
