/// Fixed-point text for a number, identical on every machine (no locale, no Foundation).
///
/// `fixed(3.14159, digits: 3)` is `"3.142"`; `-0` prints as `"0.000"`; non-finite values print
/// as `"nan"`, `"inf"` or `"-inf"`.
public func fixed(_ value: Double, digits: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    precondition(digits >= 0 && digits <= 15, "digits must be in 0...15")
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    guard scaled < 9.007199254740992e15 else { return String(value) }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    let whole = units / divisor
    let fraction = units % divisor
    let negative = value < 0 && units != 0
    var text = (negative ? "-" : "") + String(whole)
    if digits > 0 {
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
    return text
}

/// Fixed-point text for any binary floating-point value (`Float` included).
public func fixed<Value: BinaryFloatingPoint>(_ value: Value, digits: Int = 4) -> String {
    fixed(Double(value), digits: digits)
}

/// A list of numbers as `[a, b, c]`, each with `digits` decimals.
public func fixed<Value: BinaryFloatingPoint>(_ values: [Value], digits: Int = 4) -> String {
    "[" + values.map { fixed(Double($0), digits: digits) }.joined(separator: ", ") + "]"
}

/// A fraction as a percentage with one decimal: `percent(0.9731)` is `"97.3%"`.
public func percent<Value: BinaryFloatingPoint>(_ fraction: Value, digits: Int = 1) -> String {
    fixed(Double(fraction) * 100, digits: digits) + "%"
}
