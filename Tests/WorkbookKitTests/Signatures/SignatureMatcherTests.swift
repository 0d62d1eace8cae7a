import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The matching rule: tolerant of how a signature is written, strict about what it says.
@Suite struct SignatureMatcherTests {
    /// Symbols as `swift-symbolgraph-extract` lists them for a small package.
    static let products = ProductSymbols(symbols: [
        .init(path: ["ChunkedByCollection"], kind: "struct", declaration: "struct ChunkedByCollection<Base, Subject> where Base : Collection",
              genericParameters: ["Base", "Subject"], module: "Groups"),
        .init(path: ["ChunkedByCollection", "base"], kind: "property", declaration: "let base: Base", genericParameters: [], module: "Groups"),
        .init(path: ["ChunkedByCollection", "subscript(_:)"], kind: "subscript",
              declaration: "subscript(position: Base.Index) -> Base.SubSequence { get }", genericParameters: ["Base", "Subject"], module: "Groups"),
        .init(path: ["ChunkedByCollection", "index(after:)"], kind: "method",
              declaration: "func index(after i: Base.Index) -> Base.Index", genericParameters: ["Base", "Subject"], module: "Groups"),
        .init(path: ["Collection", "chunked(by:)"], kind: "method",
              declaration: "func chunked(by belongInSameGroup: @escaping (Self.Element, Self.Element) -> Bool) -> ChunkedByCollection<Self, Self.Element>",
              genericParameters: [], module: "Groups"),
        .init(path: ["Collection", "chunked(on:)"], kind: "method",
              declaration: "func chunked<Subject>(on projection: @escaping (Self.Element) -> Subject) -> ChunkedByCollection<Self, Subject> where Subject : Equatable",
              genericParameters: ["Subject"], module: "Groups"),
        .init(path: ["Windows"], kind: "struct", declaration: "struct Windows<Base> where Base : Collection",
              genericParameters: ["Base"], module: "Groups"),
        .init(path: ["Windows", "init(_:size:)"], kind: "init", declaration: "init(_ base: Base, size: Int)", genericParameters: ["Base"], module: "Groups"),
        .init(path: ["Windows", "count"], kind: "property", declaration: "var count: Int { get }", genericParameters: [], module: "Groups"),
        .init(path: ["Windows", "step"], kind: "property", declaration: "var step: Int", genericParameters: [], module: "Groups"),
        .init(path: ["Windows", "make(_:)"], kind: "type.method", declaration: "static func make(_ base: Base) throws -> Windows<Base>",
              genericParameters: ["Base"], module: "Groups"),
        .init(path: ["Windows", "all"], kind: "property", declaration: "var all: [Base.SubSequence] { get }", genericParameters: [], module: "Groups"),
        .init(path: ["Windows", "lookup(_:)"], kind: "method", declaration: "func lookup(_ key: Swift.String) -> Optional<Dictionary<String, Array<Int>>>",
              genericParameters: ["Base"], module: "Groups"),
        .init(path: ["increases(in:)"], kind: "func",
              declaration: "func increases<C>(in values: C) -> Int where C : Collection, C.Element : Comparable",
              genericParameters: ["C"], module: "Groups"),
    ], modules: ["Groups"])

    func problems(_ code: String) throws -> [String] {
        guard case .signatures(let declarations, _) = SignatureReader.read(code) else {
            Issue.record("not read as signatures: \(code)")
            return []
        }
        return SignatureMatcher(products: Self.products).problems(in: declarations)
            .map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test(arguments: [
        // As the products declare it, and as people write it.
        "extension Collection {\n    func chunked(by belongInSameGroup: @escaping (Element, Element) -> Bool) -> ChunkedByCollection<Self, Element>\n}\n",
        "extension Swift.Collection {\n  public func chunked(\n      by  test : (Self.Element,Element)->Bool\n  ) -> ChunkedByCollection< Self , Self.Element >\n}\n",
        "func chunked(by:) -> ChunkedByCollection<Self, Element>\n",
        "func chunked(by:)\n",
        "func chunked<T: Equatable>(on projection: @escaping (Element) -> T) -> ChunkedByCollection<Self, T>\n",
        "init(_ base: Base, size: Int)\n",
        "init(_:size:)\n",
        "struct Windows<Base: Collection> {\n    var count: Int { get }\n    var step: Int { get set }\n    init(_ b: Base, size: Int)\n}\n",
        "extension Windows {\n    static func make(_ base: Base) throws -> Self\n    var all: Array<SubSequence> { get }\n}\n",
        "extension Windows {\n    static func make(_ base: Base) throws -> Windows\n    func lookup(_ key: String) -> [String: [Int]]?\n}\n",
        "struct ChunkedByCollection<Base: Collection, Subject> {\n    let base: Base\n    subscript(position: Index) -> SubSequence\n    func index(after i: Index) -> Index\n}\n",
        "func increases<Values: Collection>(in values: Values) -> Int where Values.Element: Comparable\n",
        "var count: Int { get }\n",
    ])
    func writtenAnotherWayStillMatches(code: String) throws {
        let found = try problems(code)
        #expect(found == [], "\(code)")
    }

    @Test func aMissingMethodIsNamedWithItsExtension() throws {
        #expect(try problems("extension Collection {\n    func chunked(after:) -> Int\n}\n") == [
            "2:5: the products declare no 'chunked(after:)' in an extension of 'Collection' (they declare 'chunked(by:)', 'chunked(on:)')",
        ])
    }

    @Test func aMemberDeclaredElsewhereSaysWhere() throws {
        #expect(try problems("extension Sequence {\n    func chunked(by:)\n}\n") == [
            "2:5: the products declare no 'chunked(by:)' in an extension of 'Sequence' (they declare it in 'Collection')",
        ])
    }

    @Test func aWrongReturnTypeIsReportedAtTheType() throws {
        #expect(try problems("func chunked(by:) -> [SubSequence]\n") == [
            "1:22: 'chunked(by:)' returns '[SubSequence]' in the snippet, but the products declare "
                + "'func chunked(by belongInSameGroup: @escaping (Self.Element, Self.Element) -> Bool) -> ChunkedByCollection<Self, Self.Element>'",
        ])
        #expect(try problems("func increases<C: Collection>(in values: C) -> Double\n") == [
            "1:48: 'increases(in:)' returns 'Double' in the snippet, but the products declare "
                + "'func increases<C>(in values: C) -> Int where C : Collection, C.Element : Comparable'",
        ])
    }

    @Test func aTypeTheProductsNoLongerHaveIsReportedOnce() throws {
        #expect(try problems("struct SlidingWindows<Base> {\n    var base: Base { get }\n}\n") == [
            "1:1: the products declare no type 'SlidingWindows'",
        ])
        #expect(try problems("extension Collection {\n    func chunked(by:) -> Chunks<Self>\n}\n").count == 1)
    }

    @Test func parametersEffectsStaticAndSettersAreCompared() throws {
        #expect(try problems("init(_ base: Base, size: Double)\n") == [
            "1:20: parameter 2 of 'init(_:size:)' has type 'Double' in the snippet, but the products declare 'init(_ base: Base, size: Int)'",
        ])
        #expect(try problems("extension Windows {\n    func make(_ base: Base) throws -> Self\n}\n") == [
            "2:5: 'make(_:)' is not static in the snippet, but the products declare 'static func make(_ base: Base) throws -> Windows<Base>'",
        ])
        let notThrowing = try problems("extension Windows {\n    static func make(_ base: Base) -> Self\n}\n")
        #expect(notThrowing == [
            "2:12: 'make(_:)' does not throw in the snippet, but the products declare 'static func make(_ base: Base) throws -> Windows<Base>'",
        ])
        #expect(try problems("extension Windows {\n    var count: Int { get set }\n}\n") == [
            "2:5: 'count' is settable in the snippet, but the products declare 'var count: Int { get }'",
        ])
        #expect(try problems("extension Windows {\n    var count: Double { get }\n}\n") == [
            "2:16: 'count' has type 'Double' in the snippet, but the products declare 'var count: Int { get }'",
        ])
    }

    @Test func fullParametersWithoutAResultMeanVoid() throws {
        #expect(try problems("func increases<C: Collection>(in values: C)\n") == [
            "1:1: 'increases(in:)' returns nothing in the snippet, but the products declare "
                + "'func increases<C>(in values: C) -> Int where C : Collection, C.Element : Comparable'",
        ])
    }

    @Test func aStructThatIsAClassIsReported() throws {
        #expect(try problems("class Windows<Base> {\n}\n") == [
            "1:1: 'Windows' is a class in the snippet, but the products declare 'struct Windows<Base> where Base : Collection'",
        ])
    }
}
