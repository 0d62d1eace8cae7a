/// Doubles `x`.
public func double(_ x: Int) -> Int { 2 * x }
