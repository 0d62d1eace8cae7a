/// Every way an input can be rejected. Functions of the library throw these
/// instead of trapping; each case describes the problem in words.
public enum BatchNormError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A batch with no examples or no features.
    case emptyBatch
    /// A row of a nested array has a different length from the first row.
    case raggedRows(row: Int, expected: Int, found: Int)
    /// An argument has a number of features different from the one expected.
    case featureCountMismatch(expected: Int, found: Int)
    /// Two arguments that must have as many rows (examples) do not.
    case rowCountMismatch(expected: Int, found: Int)
    /// A NaN or an infinity in a batch (`row`, `feature`) or in a named parameter.
    case nonFiniteValue(what: String, row: Int?, feature: Int?)
    /// ε must be a finite number greater than zero.
    case invalidEpsilon(Double)
    /// A decay or a momentum outside [0, 1] (or otherwise unusable, see `reason`).
    case invalidDecay(name: String, value: Double, reason: String)
    /// Training-mode batch normalization needs at least two examples per batch.
    case tooFewExamples(found: Int, required: Int)
    /// A class label outside `0..<classes`.
    case invalidLabel(index: Int, label: Int, classes: Int)
    /// Any other invalid argument, with an explanation.
    case invalidArgument(String)
    /// A result that is not a finite number (an overflow), named by `what`.
    case nonFiniteResult(what: String)

    public var description: String {
        switch self {
        case .emptyBatch:
            return "empty batch: a batch needs at least one example and one feature"
        case let .raggedRows(row, expected, found):
            return "ragged rows: row \(row) has \(found) features, but the first row has \(expected)"
        case let .featureCountMismatch(expected, found):
            return "feature-count mismatch: expected \(expected) features, found \(found)"
        case let .rowCountMismatch(expected, found):
            return "row-count mismatch: expected \(expected) rows (examples), found \(found)"
        case let .nonFiniteValue(what, row, feature):
            var place = ""
            if let row { place += " at row \(row)" }
            if let feature { place += (row == nil ? " at" : ",") + " feature \(feature)" }
            return "non-finite value (NaN or infinity) in \(what)\(place)"
        case let .invalidEpsilon(value):
            return "invalid epsilon \(value): epsilon must be finite and greater than 0"
        case let .invalidDecay(name, value, reason):
            return "invalid \(name) \(value): \(reason)"
        case let .tooFewExamples(found, required):
            return "too few examples: a training-mode update needs at least \(required) examples per batch, found \(found) (the variance of a single example is 0 and its normalized value is always 0)"
        case let .invalidLabel(index, label, classes):
            return "invalid label \(label) at index \(index): labels must be in 0..<\(classes)"
        case let .invalidArgument(message):
            return "invalid argument: \(message)"
        case let .nonFiniteResult(what):
            return "non-finite result: \(what) overflows (NaN or infinity); the inputs are too large for this scalar type"
        }
    }
}

@usableFromInline
func checkFinite<S: BinaryFloatingPoint>(_ values: [S], what: String) throws(BatchNormError) {
    for (j, v) in values.enumerated() where !v.isFinite {
        throw .nonFiniteValue(what: what, row: nil, feature: j)
    }
}

@usableFromInline
func checkEpsilon<S: BinaryFloatingPoint>(_ epsilon: S) throws(BatchNormError) {
    guard epsilon.isFinite, epsilon > 0 else { throw .invalidEpsilon(Double(epsilon)) }
}

@usableFromInline
func checkUnitInterval(_ value: Double, name: String) throws(BatchNormError) {
    guard (0.0...1.0).contains(value) else {
        throw .invalidDecay(name: name, value: value, reason: "\(name) must lie in [0, 1]")
    }
}

/// Throws ``BatchNormError/nonFiniteResult(what:)`` unless every value is finite.
@usableFromInline
func checkFiniteResult<S: BinaryFloatingPoint>(_ values: [S], what: String) throws(BatchNormError) {
    for v in values where !v.isFinite { throw .nonFiniteResult(what: what) }
}
