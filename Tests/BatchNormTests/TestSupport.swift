import BatchNorm
import Testing

/// The scalar types every generic test runs with.
enum ScalarKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case float, double
    var testDescription: String { rawValue }
}

/// A relative-plus-absolute tolerance suited to the scalar type.
func tolerance<S: BatchNormScalar>(_: S.Type) -> Double {
    S.self == Float.self ? 1e-5 : 1e-12
}

func close<S: BatchNormScalar>(_ a: S, _ b: Double, tol: Double? = nil) -> Bool {
    let t = tol ?? tolerance(S.self)
    return abs(Double(a) - b) <= t * max(1, abs(b))
}

func close<S: BatchNormScalar>(_ a: [S], _ b: [Double], tol: Double? = nil) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tol: tol) }
}

/// Runs `body` with Float or Double.
func withScalar(_ kind: ScalarKind, _ body: (any BatchNormScalar.Type) throws -> Void) rethrows {
    switch kind {
    case .float: try body(Float.self)
    case .double: try body(Double.self)
    }
}

/// The PyTorch reference batch of the issue.
let torchRows: [[Double]] = [[1.17, -1.28, 9.95], [0.23, -5.28, 10.74], [1.51, -2.0, 9.06], [0.42, -1.44, 10.21]]

func batch<S: BatchNormScalar>(_ rows: [[Double]], as _: S.Type) throws -> Batch<S> {
    try Batch<S>(rows: rows.map { $0.map { S($0) } })
}
