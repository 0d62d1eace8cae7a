/// A mini-batch: `rows` examples (m) × `features` values (n), stored row-major in
/// one contiguous array, so that example `i`, feature `j` lives at `scalars[i * features + j]`.
///
/// The lesson writes the batch as Z⁽¹⁾ … Z⁽ᵐ⁾: each row is one example Z⁽ⁱ⁾, each
/// column one hidden unit (feature). Every statistic in this library is per feature,
/// that is, per column.
///
/// The public initializers reject empty batches, ragged rows, non-finite values and
/// sizes whose product `rows × features` overflows `Int` with a ``BatchNormError``.
///
/// Indexing follows `Array`: `x[i, j]`, `row(i)` and `column(j)` trap (stop the
/// program with a message) when `i` is outside `0..<rows` or `j` outside
/// `0..<features`, exactly as `array[index]` does; they never return another
/// example's value. The throwing `selecting(rows:)` is the checked alternative.
///
/// ```swift
/// let x = try Batch<Double>(rows: [[1, 2], [3, 4]])
/// x[1, 0]        // 3
/// x.row(0)       // [1, 2]
/// x.column(1)    // [2, 4]
/// ```
public struct Batch<Scalar: BatchNormScalar>: Sendable, Equatable {
    /// Number of examples m.
    public let rows: Int
    /// Number of features n.
    public let features: Int
    /// The m·n values, row-major.
    @inlinable public var scalars: [Scalar] { storage }
    @usableFromInline var storage: [Scalar]

    /// Wraps already-validated storage. Used by the kernels.
    @inlinable
    init(unchecked rows: Int, features: Int, scalars: [Scalar]) {
        self.rows = rows
        self.features = features
        self.storage = scalars
    }

    /// A batch from row-major storage: `scalars.count` must equal `rows * features`.
    public init(rows: Int, features: Int, scalars: [Scalar]) throws(BatchNormError) {
        guard rows > 0, features > 0 else { throw .emptyBatch }
        let (size, overflow) = rows.multipliedReportingOverflow(by: features)
        guard !overflow else { throw .invalidArgument("\(rows) rows × \(features) features is too many values") }
        guard scalars.count == size else {
            throw .invalidArgument("\(scalars.count) values cannot fill \(rows) rows × \(features) features")
        }
        for (k, v) in scalars.enumerated() where !v.isFinite {
            throw .nonFiniteValue(what: "batch", row: k / features, feature: k % features)
        }
        self.init(unchecked: rows, features: features, scalars: scalars)
    }

    /// A batch from nested arrays, one inner array per example.
    public init(rows nested: [[Scalar]]) throws(BatchNormError) {
        guard let first = nested.first, !first.isEmpty else { throw .emptyBatch }
        var storage: [Scalar] = []
        storage.reserveCapacity(nested.count * first.count)
        for (i, row) in nested.enumerated() {
            guard row.count == first.count else {
                throw .raggedRows(row: i, expected: first.count, found: row.count)
            }
            storage.append(contentsOf: row)
        }
        try self.init(rows: nested.count, features: first.count, scalars: storage)
    }

    /// A batch holding a single example (m = 1).
    public init(example: [Scalar]) throws(BatchNormError) {
        try self.init(rows: [example])
    }

    /// A batch with every value equal to `value`.
    public init(repeating value: Scalar, rows: Int, features: Int) throws(BatchNormError) {
        guard rows > 0, features > 0 else { throw .emptyBatch }
        let count = try checkedSize(rows: rows, features: features)
        try self.init(rows: rows, features: features, scalars: Array(repeating: value, count: count))
    }

    /// The value of example `row`, feature `feature`.
    ///
    /// - Precondition: `0 <= row < rows` and `0 <= feature < features`; otherwise the
    ///   program traps, as `Array`'s subscript does with an index out of range.
    @inlinable
    public subscript(row: Int, feature: Int) -> Scalar {
        get {
            precondition(row >= 0 && row < rows, "Batch row index \(row) out of range 0..<\(rows)")
            precondition(feature >= 0 && feature < features,
                         "Batch feature index \(feature) out of range 0..<\(features)")
            return storage[row * features + feature]
        }
    }

    /// Example `i` as an array of `features` values.
    ///
    /// - Precondition: `0 <= i < rows`; otherwise the program traps, as `Array`'s subscript does.
    public func row(_ i: Int) -> [Scalar] {
        precondition(i >= 0 && i < rows, "Batch row index \(i) out of range 0..<\(rows)")
        return Array(scalars[(i * features)..<((i + 1) * features)])
    }

    /// Feature `j` across all examples, as an array of `rows` values.
    ///
    /// - Precondition: `0 <= j < features`; otherwise the program traps, as `Array`'s subscript does.
    public func column(_ j: Int) -> [Scalar] {
        precondition(j >= 0 && j < features, "Batch feature index \(j) out of range 0..<\(features)")
        return (0..<rows).map { scalars[$0 * features + j] }
    }

    /// The batch as nested arrays, one per example.
    public var nestedRows: [[Scalar]] {
        (0..<rows).map(row)
    }

    /// The examples at `indices`, in that order, as a new batch.
    public func selecting(rows indices: [Int]) throws(BatchNormError) -> Batch {
        guard !indices.isEmpty else { throw .emptyBatch }
        var storage: [Scalar] = []
        storage.reserveCapacity(indices.count * features)
        for i in indices {
            guard (0..<rows).contains(i) else { throw .invalidArgument("row index \(i) outside 0..<\(rows)") }
            storage.append(contentsOf: scalars[(i * features)..<((i + 1) * features)])
        }
        return Batch(unchecked: indices.count, features: features, scalars: storage)
    }

    /// The same values converted to another scalar type (e.g. `Double` → `Float`).
    /// Throws when a value does not fit the other type (1e300 as a `Float` is infinite).
    public func converted<Other: BatchNormScalar>(to _: Other.Type = Other.self) throws(BatchNormError) -> Batch<Other> {
        try Batch<Other>(rows: rows, features: features, scalars: scalars.map { Other($0) })
    }
}

/// rows × features, or an error when the product overflows `Int`.
func checkedSize(rows: Int, features: Int) throws(BatchNormError) -> Int {
    let (size, overflow) = rows.multipliedReportingOverflow(by: features)
    guard !overflow else { throw .invalidArgument("\(rows) rows × \(features) features is too many values") }
    return size
}
