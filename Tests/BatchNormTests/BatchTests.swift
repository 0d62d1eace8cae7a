import BatchNorm
import Testing

@Suite("Batch storage and validation")
struct BatchTests {
    @Test(arguments: ScalarKind.allCases)
    func layoutIsRowMajor(_ kind: ScalarKind) throws {
        try withScalar(kind) { type in try check(type) }
        func check<S: BatchNormScalar>(_: S.Type) throws {
            let x = try batch([[1, 2, 3], [4, 5, 6]], as: S.self)
            #expect(x.rows == 2)
            #expect(x.features == 3)
            #expect(x.scalars == [1, 2, 3, 4, 5, 6].map { S($0) })
            #expect(x[1, 0] == 4)
            #expect(x.row(1) == [4, 5, 6])
            #expect(x.column(2) == [3, 6])
            #expect(x.nestedRows == [[1, 2, 3], [4, 5, 6]])
            #expect(try x.selecting(rows: [1, 1]).scalars == [4, 5, 6, 4, 5, 6])
            #expect(try Batch<S>(rows: 2, features: 3, scalars: x.scalars) == x)
            #expect(try Batch<S>(example: [7, 8]).rows == 1)
        }
    }

    @Test func rejectsEmptyRaggedAndNonFinite() {
        #expect(throws: BatchNormError.emptyBatch) { try Batch<Double>(rows: []) }
        #expect(throws: BatchNormError.emptyBatch) { try Batch<Double>(rows: [[]]) }
        #expect(throws: BatchNormError.emptyBatch) { try Batch<Float>(rows: 0, features: 3, scalars: []) }
        #expect(throws: BatchNormError.raggedRows(row: 1, expected: 2, found: 1)) {
            try Batch<Double>(rows: [[1, 2], [3]])
        }
        #expect(throws: BatchNormError.nonFiniteValue(what: "batch", row: 1, feature: 0)) {
            try Batch<Double>(rows: [[1, 2], [.nan, 3]])
        }
        #expect(throws: BatchNormError.nonFiniteValue(what: "batch", row: 0, feature: 1)) {
            try Batch<Float>(rows: [[1, .infinity]])
        }
        #expect(throws: BatchNormError.self) { try Batch<Double>(rows: 2, features: 2, scalars: [1, 2, 3]) }
    }

    @Test func conversionKeepsValues() throws {
        let x = try Batch<Double>(rows: [[0.5, -2]])
        #expect(try x.converted(to: Float.self).scalars == [0.5, -2])
    }
}
