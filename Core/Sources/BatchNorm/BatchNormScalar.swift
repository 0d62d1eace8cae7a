/// The floating-point types the library computes with: `Double` and `Float`.
///
/// Beyond `BinaryFloatingPoint` (which already provides `squareRoot()`, correctly
/// rounded), the network needs the natural exponential and logarithm for the softmax
/// and the cross-entropy. They come from ``PortableMath``, not from the C library, so
/// training gives the same bits on every machine; `Float` computes them in `Double` and
/// rounds once.
public protocol BatchNormScalar: BinaryFloatingPoint, Sendable, Codable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// eˣ.
    static func naturalExp(_ x: Self) -> Self
    /// ln x.
    static func naturalLog(_ x: Self) -> Self
}

extension Double: BatchNormScalar {
    @inlinable public static func naturalExp(_ x: Double) -> Double { PortableMath.exp(x) }
    @inlinable public static func naturalLog(_ x: Double) -> Double { PortableMath.log(x) }
}

extension Float: BatchNormScalar {
    @inlinable public static func naturalExp(_ x: Float) -> Float { Float(PortableMath.exp(Double(x))) }
    @inlinable public static func naturalLog(_ x: Float) -> Float { Float(PortableMath.log(Double(x))) }
}
