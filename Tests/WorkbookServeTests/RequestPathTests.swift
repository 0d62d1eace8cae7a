import Testing
@testable import WorkbookServe

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", "index.html"),
        ("/02-ewa.html", "02-ewa.html"),
        ("/02-ewa.html?x=1#top", "02-ewa.html"),
        ("/katex/katex.min.css", "katex/katex.min.css"),
        ("/katex/", "katex/index.html"),
        ("/caf%C3%A9.html", "café.html"),
    ])
    func pathsInsideTheSiteNameAFile(raw: String, expected: String) {
        #expect(RequestPath.resolve(raw) == .file(expected))
    }

    @Test(arguments: [
        "/../workbook.toml",
        "/%2e%2e/workbook.toml",
        "/%2E%2E/workbook.toml",
        "/katex/../../workbook.toml",
        "/..%2fworkbook.toml",
        "/..%2Fworkbook.toml",
        "/%2e%2e%2fworkbook.toml",
        "/..%5cworkbook.toml",
        "/a\\..\\workbook.toml",
        "/./index.html",
        "//etc/passwd",
        "/index.html%00",
        "/%zz",
        "workbook.toml",
        "/__workbook/other",
    ])
    func pathsOutsideTheSiteAreInvalid(raw: String) {
        #expect(RequestPath.resolve(raw) == .invalid)
    }

    @Test func serveHasItsOwnTwoURLs() {
        #expect(RequestPath.resolve("/__workbook/events") == .events)
        #expect(RequestPath.resolve("/__workbook/live.js?v=2") == .liveScript)
    }
}
