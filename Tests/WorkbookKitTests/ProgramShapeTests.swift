import Foundation
import Testing
@testable import WorkbookKit
@testable import WorkbookSwiftEngine

/// The library-shaped chapter program behaves as the snippets did as top-level code: shared
/// declarations, run order, outputs, and errors at the chapter's lines. Needs the Swift toolchain.
@Suite struct ProgramShapeTests {
    static let sharing = """
        # Sharing

        ```swift
        var counter = 0
        let greeting = { () -> String in print("initializing greeting"); return "hello" }()
        print("before")
        func bump() -> Int { counter += 1; return counter }
        struct Box { var value: Int }
        enum Color { case red, green }
        ```

        ```swift
        extension Box { var doubled: Int { 2 * value } }
        let (left, right) = (bump(), bump())
        print(greeting, counter, left, right, Box(value: 21).doubled, Color.green)
        typealias Pair = (Int, Int)
        ```

        ```swift
        let pair: Pair = (left, right); print(pair.0 + pair.1)
        for _ in 0..<3 { _ = bump() }
        print(counter)
        ```

        ```swift
        struct Failure: Error { var code: Int }
        func parse(_ text: String) throws -> Int {
            guard let value = Int(text) else { throw Failure(code: 7) }
            return value
        }
        let parsed = try parse("41") + 1
        print("parsed", parsed)
        let broken = try parse("x")
        print("never", broken)
        ```

        """

    func execute(_ source: String, path: String = "chapters/01-sharing.md") async throws -> ExecutionReport {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("program-shape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let chapter = try SnippetExtractor().extract(path: path, source: source)
        var environment = ProcessInfo.processInfo.environment
        environment[CacheFolder.environmentVariable] = root.appendingPathComponent(".cache").path
        let workbook = Workbook(root: root, config: WorkbookConfig(), chapters: [chapter])
        return await WorkbookExecutor(options: ExecutionOptions(useCache: false, jobs: 1, environment: environment),
                                      engine: SwiftCompilerEngine(environment: environment)).execute(workbook)
    }

    @Test func laterSnippetsSeeEarlierDeclarationsInChapterOrder() async throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-sharing.md", source: Self.sharing)
        #expect(ChapterProgram(chapter: chapter, modules: []).shape == .library)
        let report = try await execute(Self.sharing)
        #expect(report.chapters.first?.outputs == ["initializing greeting\nbefore\n", "hello 2 1 2 42 green\n", "3\n5\n", nil])
        // The throwing initializer ends the program as an uncaught top-level error, in snippet 3.
        let error = try #require(report.chapters.first?.errors.first)
        #expect(error.line == 25, "the fence of the fourth snippet: \(error)")
        #expect(error.message.contains("Fatal error: Error raised at top level: WorkbookChapter.Failure(code: 7)"), "\(error)")
    }

    @Test func compileErrorsPointAtTheChaptersLinesAndColumns() async throws {
        let source = "# Errors\n\n```swift\nlet a = 1\n```\n\n```swift\nlet b = 2; print(a + missing)\n```\n"
        let report = try await execute(source)
        let error = try #require(report.chapters.first?.errors.first)
        #expect(error.path == "chapters/01-sharing.md")
        #expect(error.line == 8)
        #expect(error.column == 22)
        #expect(error.message.contains("missing"))
        // In a throwing initializer, on its first line and on a later one.
        let throwing = "# Errors\n\n```swift\nfunc f(_ x: Int) throws -> Int { x }\nlet c = try f(unknown)\nlet d = try f(\n    1 + other)\n```\n"
        let errors = try #require(try await execute(throwing).chapters.first?.errors)
        #expect(errors.map { "\($0.line):\($0.column)" } == ["5:15", "7:9"], "\(errors)")
    }

    @Test func bothShapesPrintTheSameBytes() async throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-sharing.md", source: Self.sharing)
        let marker = "\\u{1}workbook-boundary-test"
        let library = try #require(ChapterProgram.librarySource(
            path: chapter.path, snippets: chapter.snippets, modules: [], marker: marker))
        let script = ChapterProgram.scriptSource(path: chapter.path, snippets: chapter.snippets, modules: [], marker: marker)
        let fromLibrary = try compileAndRun(library, flags: ["-parse-as-library"])
        let fromScript = try compileAndRun(script, flags: [])
        #expect(fromLibrary.contains("initializing greeting\nbefore\n\n\u{1}workbook-boundary-test end 0\n"))
        #expect(fromLibrary == fromScript)
    }

    /// A chapter of `count` snippets: a running sum, a type and a function used later, and a
    /// line `print(#line)` so moved lines would show.
    static func long(_ count: Int, extra: String = "") -> String {
        var text = "# Long\n\n```swift\nstruct Tally { var total = 0 }\nvar tally = Tally()\nfunc add(_ x: Int) -> Int { tally.total += x; return tally.total }\n\(extra)```\n"
        for index in 1..<count {
            text += "\n```swift\nlet step\(index) = add(\(index))\nprint(step\(index), #line)\n```\n"
        }
        return text
    }

    @Test func aLongChapterIsCompiledAsTwoFilesWithTheSameOutputs() async throws {
        let chapter = try SnippetExtractor().extract(path: "chapters/01-sharing.md", source: Self.long(40))
        let program = ChapterProgram(chapter: chapter, modules: [])
        #expect(program.otherSources.count == 1, "40 snippets: two files")
        #expect(program.otherSources[0].contains("@main enum _WorkbookMain"), "the entry point is in the last file")
        #expect(!program.source.contains("@main"))
        let short = try SnippetExtractor().extract(path: "chapters/01-sharing.md", source: Self.long(20))
        #expect(ChapterProgram(chapter: short, modules: []).otherSources.isEmpty, "20 snippets: one file")
        #expect(ChapterProgram(chapter: short, modules: [], files: 3).otherSources.count == 2, "three spare jobs: three files")
        #expect(ChapterProgram(chapter: short, modules: [], files: 9).otherSources.count == ChapterProgram.maximumFiles - 1)
        #expect(ChapterProgram(chapter: short, modules: [], files: 3).identity == ChapterProgram(chapter: short, modules: []).identity,
                "one identity however many files")
        let hidden = try SnippetExtractor().extract(path: "chapters/01-sharing.md", source: Self.long(40, extra: "private let secret = 1\n"))
        #expect(ChapterProgram(chapter: hidden, modules: []).otherSources.isEmpty, "private declarations keep one file")

        let report = try await execute(Self.long(40))
        let outputs = try #require(report.chapters.first?.outputs)
        #expect(report.chapters.first?.errors == [])
        var total = 0
        for index in 1..<40 {
            total += index
            // The first snippet takes lines 3-7, each later one five lines: its print is the fourth.
            #expect(outputs[index] == "\(total) \(11 + 5 * (index - 1))\n", "snippet \(index)")
        }
    }

    @Test func aProgramImportsOnlyWhatTheChapterAsksFor() throws {
        let path = "chapters/01-sharing.md"
        /// Every file of the program of `source` in the library shape (three files) and in the script shape.
        func texts(_ source: String, modules: [String] = []) throws -> [String] {
            let chapter = try SnippetExtractor().extract(path: path, source: source)
            let library = ChapterProgram(chapter: chapter, modules: modules, files: 3)
            let script = ChapterProgram(chapter: chapter, modules: modules, scriptOnly: true)
            #expect(library.shape == .library && library.otherSources.count == 2 && script.shape == .script)
            return [library.source] + library.otherSources + [script.source]
        }
        for text in try texts(Self.long(40)) {
            #expect(!text.contains("import Foundation"), "\(text)")
            // The framing's own C library, and nothing else.
            #expect(text.split(separator: "\n").filter { $0.hasPrefix("import ") } == ["import Glibc", "import Darwin"], "\(text)")
        }
        for text in try texts(Self.long(40), modules: ["Foundation"]) {
            #expect(text.components(separatedBy: "\nimport Foundation\n").count == 2, "`imports` of workbook.toml: \(text)")
        }
        // A snippet's import, hoisted into every file of the library shape at its chapter line.
        let asked = try texts(Self.long(40, extra: "import Foundation\n"))
        for text in asked {
            #expect(text.components(separatedBy: "\nimport Foundation\n").count == 2, "the snippet's import: \(text)")
        }
        for text in asked.dropLast() {
            #expect(text.contains("#sourceLocation(file: \"\(path)\", line: 7)\nimport Foundation\n"), "\(text)")
        }
    }

    @Test func filesAreCutWhereAboutAsMuchCodeLiesOnEachSide() {
        let chunks = ["aaaa", "bb", "cc", "dddd"]
        #expect(ChapterProgram.balanced(chunks, parts: 2) == [["aaaa", "bb"], ["cc", "dddd"]])
        #expect(ChapterProgram.balanced(chunks, parts: 2, leading: 4) == [["aaaa"], ["bb", "cc", "dddd"]],
                "the framing in the first file counts towards its share")
        #expect(ChapterProgram.balanced(chunks, parts: 4) == [["aaaa"], ["bb"], ["cc"], ["dddd"]])
        #expect(ChapterProgram.balanced(["x"], parts: 3) == [["x"]])
        #expect(ChapterProgram.balanced(chunks, parts: 1) == [chunks])
    }

    @Test func anErrorInTheSecondFileIsReportedOnceAtTheChaptersLine() async throws {
        let source = Self.long(40) + "\n```swift\nprint(undefinedName)\n```\n"
        let report = try await execute(source)
        let errors = try #require(report.chapters.first?.errors)
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.line == 7 + 5 * 39 + 3, "\(errors)")
        #expect(errors.first?.message.contains("undefinedName") == true)
    }

    /// The program's stdout, with the seconds of each end line taken out.
    func compileAndRun(_ source: String, flags: [String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("program-shape-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(source.utf8).write(to: folder.appendingPathComponent("main.swift"))
        let compile = Process()
        compile.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        compile.arguments = ["swiftc"] + CompilerFlags.chapterProgram + flags
            + [folder.appendingPathComponent("main.swift").path, "-o", folder.appendingPathComponent("chapter").path]
        try compile.run()
        compile.waitUntilExit()
        try #require(compile.terminationStatus == 0)
        let run = Process()
        run.executableURL = folder.appendingPathComponent("chapter")
        let pipe = Pipe()
        run.standardOutput = pipe
        try run.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.contains("workbook-boundary-test end") ? String($0[..<$0.lastIndex(of: " ")!]) : String($0) }
            .joined(separator: "\n")
    }
}
