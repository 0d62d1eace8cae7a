import Foundation
import Testing

/// A compile shortcut that fails (a wrong fact in the toolchain facts folder) costs a compile
/// with plain `swiftc`, counted in `--timings`, and never an error; the fact is not trusted
/// again. A real compile error is still reported once, at the chapter's line.
@Suite struct ShortcutFallbackTests {
    /// A wrong fact written into the facts folder after a first run stored the right ones.
    enum Fault: String, CaseIterable, Sendable {
        /// The plan's compiler job has a flag the compiler does not know.
        case frontendFlag
        /// The plan has no direct link, and its clang link job names an object no job makes.
        case linkJobMissingFile
        /// The plan's direct linker command names an object no job makes.
        case directLinkMissingFile
        /// The stored autolink answer names a library that does not exist.
        case wrongAutolinkAnswer

        /// The shortcut `--timings` names for the fault.
        var shortcut: String {
            switch self {
            case .frontendFlag: "compiler job"
            case .linkJobMissingFile: "link job"
            case .directLinkMissingFile: "direct link"
            case .wrongAutolinkAnswer: "stored autolink answer"
            }
        }
    }

    static let badFlag = "-workbook-no-such-flag"
    static let missingObject = "@workbook-temporary@/workbook-no-such-object.o"
    static let badLibrary = "-lworkbook-no-such-library"

    /// A workbook of one chapter (so no chapters share a compiler process) whose recorded
    /// outputs are what the plain `swiftc` path prints, and a facts folder of its own.
    func workbook() throws -> (root: URL, facts: URL) {
        let root = try WorkbookProcess.copy(fixture: "plain")
        try root.write("""
            # Fallbacks

            ```swift
            import Foundation
            print(String(format: "%.3f", 1.0 / 7.0))
            ```

            ```output
            0.143
            ```

            ```swift
            print((1...4).map { $0 * $0 })
            ```

            ```output
            [1, 4, 9, 16]
            ```

            """, to: "chapters/01-one.md")
        return (root, root.appendingPathComponent("toolchain-facts", isDirectory: true))
    }

    /// `workbook check --timings` with `facts` as the toolchain facts folder and a new
    /// workbook cache (nothing compiled or cached before).
    func check(_ root: URL, facts: URL, chapters: [String] = [], jobs: String = "1", plain: Bool = false) throws -> WorkbookRun {
        let cache = root.appendingPathComponent("cache-\(UUID().uuidString)", isDirectory: true)
        var environment = ["WORKBOOK_TOOLCHAIN_CACHE": facts.path, "WORKBOOK_CACHE_DIR": cache.path]
        // The shortcuts are what these tests exercise: on unless asked off, whatever the test run's setting.
        environment["WORKBOOK_PLAIN_SWIFTC"] = plain ? "1" : "0"
        return try WorkbookProcess.run(["check", "--timings", "--jobs", jobs] + chapters, in: root, environment: environment)
    }

    /// The files in `facts` whose names start with `prefix`.
    func files(_ prefix: String, in facts: URL) -> [URL] {
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: facts.path)) ?? []
        return paths.filter { URL(fileURLWithPath: $0).lastPathComponent.hasPrefix(prefix) }.sorted()
            .map { facts.appendingPathComponent($0) }
    }

    /// Rewrites each stored compile plan with `change`.
    func editPlans(in facts: URL, _ change: (inout [String: Any]) -> Void) throws {
        let plans = files("plan-", in: facts)
        #expect(!plans.isEmpty, "the first run stored a compile plan")
        for file in plans {
            var plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
            change(&plan)
            try JSONSerialization.data(withJSONObject: plan).write(to: file)
        }
    }

    func inject(_ fault: Fault, into facts: URL) throws {
        switch fault {
        case .frontendFlag:
            try editPlans(in: facts) { plan in
                var jobs = plan["jobs"] as? [[String]] ?? []
                jobs[0].insert(Self.badFlag, at: 2)
                plan["jobs"] = jobs
            }
        case .linkJobMissingFile:
            try editPlans(in: facts) { plan in
                var jobs = plan["jobs"] as? [[String]] ?? []
                jobs[jobs.count - 1].append(Self.missingObject)
                plan["jobs"] = jobs
                plan["directLink"] = nil
            }
        case .directLinkMissingFile:
            try editPlans(in: facts) { plan in
                #expect(plan["directLink"] != nil, "the plan has a direct link to break")
                plan["directLink"] = (plan["directLink"] as? [String] ?? []) + [Self.missingObject]
            }
        case .wrongAutolinkAnswer:
            let answers = files("autolink-", in: facts)
            #expect(!answers.isEmpty, "the first run stored an autolink answer")
            for file in answers { try Data((Self.badLibrary + "\n").utf8).write(to: file) }
        }
    }

    /// The text of every stored plan and autolink answer.
    func storedFacts(_ facts: URL) throws -> String {
        try (files("plan-", in: facts) + files("autolink-", in: facts)).map { try String(contentsOf: $0, encoding: .utf8) }.joined()
    }

    @Test(arguments: Fault.allCases)
    func aFailingShortcutFallsBackToPlainSwiftc(fault: Fault) throws {
        let (root, facts) = try workbook()
        let plain = try check(root, facts: facts, plain: true)
        #expect(plain.exitCode == 0, "the recorded outputs are the plain path's: \(plain.stdout)\(plain.stderr)")
        let first = try check(root, facts: facts)
        #expect(first.exitCode == 0, "\(first.stdout)\(first.stderr)")
        #expect(!first.stdout.contains("plain swiftc"), "nothing fell back: \(first.stdout)")

        try inject(fault, into: facts)
        let run = try check(root, facts: facts)
        // The same outputs as the plain path (the recorded ones), and nothing reported.
        #expect(run.exitCode == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.lines.contains("2 passed, 0 failed"), "\(run.stdout)")
        #expect(run.lines.contains { $0.hasPrefix("  chapters/01-one.md  compile ") && $0.hasSuffix(", fell back to plain swiftc (\(fault.shortcut) 1)") },
                "\(run.stdout)")
        #expect(run.lines.contains("1 program was compiled again with plain swiftc after a compile shortcut failed: \(fault.shortcut) 1."),
                "\(run.stdout)")

        // The wrong fact is gone: the plan was asked for again, or the answer replaced.
        let stored = try storedFacts(facts)
        #expect(!stored.contains(Self.badFlag) && !stored.contains("workbook-no-such-object") && !stored.contains(Self.badLibrary))
        let again = try check(root, facts: facts)
        #expect(again.exitCode == 0, "\(again.stdout)\(again.stderr)")
        #expect(!again.stdout.contains("plain swiftc"), "nothing fell back: \(again.stdout)")
        #expect(!files("plan-", in: facts).isEmpty, "a new plan was stored")
    }

    /// A compile error of the chapter's code is the compiler's report of the replayed job,
    /// once, at the chapter's line: the program is not compiled again. With a broken plan, the
    /// plain `swiftc` call reports it, once too.
    @Test(arguments: [("1", false), ("2", false), ("1", true)])
    func aCompileErrorIsReportedOnceAtItsChapterLine(jobs: String, brokenPlan: Bool) throws {
        let root = try WorkbookProcess.copy(fixture: "compile-error")
        let facts = root.appendingPathComponent("toolchain-facts", isDirectory: true)
        // The chapter alone: it is compiled through the shortcuts, not with other chapters.
        let chapter = ["chapters/01-broken.md"]
        let first = try check(root, facts: facts, chapters: chapter, jobs: jobs)
        #expect(first.exitCode == 1)
        if brokenPlan { try inject(.frontendFlag, into: facts) }
        let run = try check(root, facts: facts, chapters: chapter, jobs: jobs)
        #expect(run.exitCode == 1)
        for error in ["chapters/01-broken.md:5:18: error: cannot convert value of type 'String' to specified type 'Int'",
                      "chapters/01-broken.md:9:7: error: cannot find 'notDeclared' in scope"] {
            #expect(run.stderr.components(separatedBy: error).count == 2, "once: \(run.stderr)")
        }
        #expect(!run.stderr.contains("main.swift") && !run.stderr.contains(Self.badFlag), "\(run.stderr)")
        if brokenPlan {
            #expect(run.lines.contains("1 program was compiled again with plain swiftc after a compile shortcut failed: compiler job 1."),
                    "\(run.stdout)")
        } else {
            #expect(!run.stdout.contains("plain swiftc"), "not compiled again: \(run.stdout)")
        }
    }
}
