import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct ServeTests {
    @Test func proseAndSnippetEditsReachThePageWithAReloadEvent() throws {
        let root = try WorkbookProcess.copy(fixture: "serve")
        let serve = try ServeProcess(root: root)
        defer { serve.stop() }
        #expect(serve.url.hasPrefix("http://127.0.0.1:"))
        #expect(try eventually(timeout: 120) { try serve.get("/01-intro.html").status == 200 }, "\(serve.stderr)")
        let first = try serve.get("/01-intro.html").body
        #expect(first.contains("The first paragraph says hello."))
        #expect(first.contains("<script src=\"/__workbook/live.js\"></script>"))
        #expect(try serve.get("/").body.contains("Serve fixture"))
        #expect(try serve.get("/__workbook/live.js").body.contains("EventSource"))
        let events = try serve.listen()
        defer { events.stop() }
        #expect(eventually(timeout: 10) { events.changes.count == 1 }, "the first event lists every page's revision")

        // Prose: the page changes, the other page does not reload, nothing runs.
        let chapter = "chapters/01-intro.md"
        try root.write(try root.text(chapter).replacingOccurrences(of: "See [the other chapter]", with: "Now see [the other chapter]"), to: chapter)
        #expect(try eventually(timeout: 30) { try serve.get("/01-intro.html").body.contains("Now see <a href=\"02-other.html\">the other chapter</a>") })
        #expect(eventually(timeout: 10) { events.changes.contains(["01-intro.html"]) }, "\(events.changes)")
        #expect(!events.changes.dropFirst().contains { $0.contains("02-other.html") })

        // Code: the chapter runs again; its new output shows with the badge of a stale recording.
        try root.write(try root.text(chapter).replacingOccurrences(of: "print(greeting)", with: "print(greeting + \" again\")"), to: chapter)
        #expect(try eventually(timeout: 120) { try serve.get("/01-intro.html").body.contains("hello again") }, "\(serve.stderr)")
        #expect(eventually(timeout: 10) { events.changes.filter { $0.contains("01-intro.html") }.count >= 2 }, "\(events.changes)")
        let edited = try serve.get("/01-intro.html").body
        #expect(edited.contains("1 output differs from the recorded one: run <code>workbook promote</code>"))
        #expect(serve.stdout.contains("Rebuilt in "))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path), "serve never writes site/")
    }

    @Test func aCompileErrorShowsAsAnOverlayAtTheChapterLineUntilFixed() throws {
        let root = try WorkbookProcess.copy(fixture: "serve")
        let serve = try ServeProcess(root: root)
        defer { serve.stop() }
        #expect(try eventually(timeout: 120) { try serve.get("/01-intro.html").status == 200 }, "\(serve.stderr)")
        let chapter = "chapters/01-intro.md"
        let good = try root.text(chapter)
        try root.write(good.replacingOccurrences(of: "let greeting = \"hello\"", with: "let greeting: Int = \"hello\""), to: chapter)
        #expect(try eventually(timeout: 120) { try serve.get("/01-intro.html").body.contains("id=\"workbook-overlay\"") }, "\(serve.stderr)")
        let broken = try serve.get("/01-intro.html").body
        #expect(broken.contains("<code class=\"workbook-location\">chapters/01-intro.md:6:21</code>: error: cannot convert value of type 'String' to specified type 'Int'"), "\(broken)")
        #expect(broken.contains("The first paragraph says hello."), "the last good page stays underneath")
        #expect(try serve.get("/02-other.html").body.contains("workbook-overlay"), "every open page shows the overlay")
        #expect(serve.stderr.contains("chapters/01-intro.md:6:21: error: cannot convert value of type 'String' to specified type 'Int'"))

        try root.write(good, to: chapter)
        #expect(try eventually(timeout: 120) { try !serve.get("/01-intro.html").body.contains("workbook-overlay") }, "\(serve.stderr)")
        #expect(try serve.get("/01-intro.html").body.contains("<samp>hello\n"))
    }

    @Test(arguments: ["/../workbook.toml", "/%2e%2e/workbook.toml", "/%2E%2E/chapters/01-intro.md", "/..%2fworkbook.toml",
                      "/katex/..%2F..%2Fworkbook.toml", "/chapters/01-intro.md", "/workbook.toml"])
    func pathsOutsideTheSiteAre404(path: String) throws {
        let serve = try ServeProcess(root: try WorkbookProcess.copy(fixture: "serve"))
        defer { serve.stop() }
        #expect(try eventually(timeout: 120) { try serve.get("/").status == 200 }, "\(serve.stderr)")
        let answer = try serve.get(path)
        #expect(answer.status == 404)
        #expect(!answer.body.contains("core = []"))
        #expect(!answer.body.contains("# Intro"))
    }

    @Test func aPortInUseIsAnErrorNamingThePort() throws {
        let first = try ServeProcess(root: try WorkbookProcess.copy(fixture: "serve"))
        defer { first.stop() }
        let port = try #require(first.url.split(separator: ":").last.map { $0.filter(\.isNumber) })
        let second = try ServeProcess(root: try WorkbookProcess.copy(fixture: "serve"), arguments: ["--port", port], waitForAddress: false)
        defer { second.stop() }
        #expect(eventually(timeout: 30) { !second.process.isRunning })
        #expect(second.process.terminationStatus == 1)
        #expect(second.stderr == "127.0.0.1:\(port): error: the port \(port) is already in use (choose another with '--port')\n", "\(second.stderr)")
    }

    @Test func ctrlCEndsTheServerAndEveryChildProcess() throws {
        // Its own cache: the slow chapter must run, whatever another test stored.
        let serve = try ServeProcess(root: try WorkbookProcess.copy(fixture: "serve-slow"), privateCache: true)
        var children: [(pid: Int32, name: String)] = []
        defer {
            serve.stop()
            for child in children where isAlive(child.pid) { kill(child.pid, SIGKILL) }
        }
        #expect(eventually(timeout: 120) {
            children = descendantProcesses(of: serve.pid)
            return children.contains { $0.name == "chapter" }
        }, "the slow chapter never started: \(serve.stderr)")
        kill(serve.pid, SIGINT)
        #expect(eventually(timeout: 20) { !serve.process.isRunning })
        #expect(serve.process.terminationStatus == 0)
        #expect(serve.stdout.contains("Stopped.\n"), "\(serve.stdout)")
        let survivors = children.filter { isAlive($0.pid) }
        #expect(survivors.isEmpty, "\(survivors)")
    }
}
