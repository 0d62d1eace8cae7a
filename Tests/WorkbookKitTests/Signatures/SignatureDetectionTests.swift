import Testing
@testable import WorkbookKit

/// Which snippets are signature snippets, found without an option, forced with `signature`,
/// refused with `norun`.
@Suite struct SignatureDetectionTests {
    func options(_ info: String, _ code: String) throws -> SnippetOptions {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-x.md", source: "```\(info)\n\(code)```\n")
        return try #require(chapter.snippets.first).options
    }

    @Test(arguments: [
        "extension Collection {\n    func chunked(by belongInSameGroup: (Element, Element) -> Bool) -> ChunkedByCollection<Self, Element>\n}\n",
        "func chunked(by:) -> ChunkedByCollection<Self, Element>\n",
        "func chunked<Subject>(on:) -> ChunkedByCollection<Self, Subject>\n",
        "init(_ base: Base)\n",
        "init?(_:size:)\n",
        "var count: Int { get }\n",
        "subscript(position: Index) -> Element\n",
        "subscript(offset:) -> Element\n",
        "public struct Windows<Base: Collection> {\n    public let base: Base\n    public init(_ base: Base, size: Int)\n}\n",
        "import Groups\n\nstatic func make() async throws -> Self\n",
    ])
    func declarationsWithoutBodiesAreSignatures(code: String) throws {
        let found = try options("swift", code)
        #expect(found.signature, "\(code)")
        #expect(found.norun, "a signature snippet is never run: \(code)")
    }

    @Test(arguments: [
        "print(1)\n",
        "func double(_ x: Int) -> Int { x * 2 }\n",
        "struct Point {\n    var x: Double\n    var y: Double\n}\n",
        "protocol Shape {\n    var area: Double { get }\n    func scaled(by factor: Double) -> Self\n}\n",
        "var total: Int\n",
        "let f = numbers.sorted(by:)\n",
        "func f() -> Int\nprint(f())\n",
        "var count: Int { get }\nlet x = 1\n",
        "func broken(\n",
        "let initial = 3\n",
    ])
    func codeIsNotASignature(code: String) throws {
        let found = try options("swift", code)
        #expect(!found.signature, "\(code)")
        #expect(!found.norun, "\(code)")
    }

    @Test func norunOptsOutAndOtherOptionsKeepTheSnippetRunnable() throws {
        let code = "func chunked(by:) -> ChunkedByCollection<Self, Element>\n"
        #expect(try options("swift norun", code) == SnippetOptions(norun: true))
        #expect(!(try options("swift expect=error", code)).signature)
        #expect(!(try options("swift env=a", code)).signature)
        #expect(!(try options("swift hide", code)).signature)
    }

    @Test func signatureForcesPlainDeclarations() throws {
        let found = try options("swift signature", "var all: [Base.SubSequence]\n")
        #expect(found.signature && found.norun)
    }

    @Test func aForcedSignatureThatIsCodeIsAnErrorAtItsLine() {
        #expect {
            try SnippetExtractor().extract(path: "chapters/01-x.md", source: "# T\n\n```swift signature\nvar x: Int\nprint(x)\n```\n")
        } throws: { error in
            let errors = (error as? WorkbookErrors)?.errors ?? []
            return errors.map(\.description) == [
                "chapters/01-x.md:5:1: error: a 'signature' snippet holds only declarations without bodies, "
                    + "but it holds a statement or an expression, not only declarations",
            ]
        }
    }

    @Test(arguments: [
        ("swift signature norun", "a snippet cannot be both 'signature' and 'norun'"),
        ("swift signature env=a", "a 'signature' snippet does not run, so it cannot have 'env='"),
        ("swift signature expect=error", "a 'signature' snippet does not run, so it cannot have 'expect=error'"),
    ])
    func signatureConflictsWithRunningOptions(info: String, message: String) {
        #expect {
            try SnippetExtractor().extract(path: "chapters/01-x.md", source: "```\(info)\nfunc f()\n```\n")
        } throws: { error in
            ((error as? WorkbookErrors)?.errors ?? []).map(\.message).contains(message)
        }
    }

    @Test func labelsOnlyListsAreBlankedColumnForColumn() {
        let clauses = LabelsOnlyClauses("func chunked(by:) -> X\ninit(_:size:)\nlet f = g(by:)\n")
        #expect(clauses.code == "func chunked()    -> X\ninit()       \nlet f = g(by:)\n")
        #expect(clauses.labels == [12: ["by"], 27: ["_", "size"]])
    }

    @Test func declarationsAreReadWithTheirLocations() throws {
        let reading = SignatureReader.read("extension Collection {\n    func chunked(by:) -> Chunks<Self>\n    subscript(i: Int) -> Element\n}\n")
        guard case .signatures(let declarations, isBodiless: true) = reading else {
            Issue.record("not read as signatures: \(reading)")
            return
        }
        #expect(declarations.map(\.title) == ["chunked(by:)", "subscript(_:)"])
        #expect(declarations.map(\.contextPath) == [["Collection"], ["Collection"]])
        #expect(declarations.map(\.location) == [.init(line: 2, column: 5), .init(line: 3, column: 5)])
        #expect(declarations[0].labelsOnly && !declarations[1].labelsOnly)
        #expect(declarations[0].resultLocation == .init(line: 2, column: 26))
    }
}
