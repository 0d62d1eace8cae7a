import Testing
@testable import WorkbookServe

@Suite struct ContentTypeTests {
    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"),
        ("katex/fonts/KaTeX_Main-Regular.woff2", "font/woff2"),
        ("style.css", "text/css; charset=utf-8"),
        ("README", "application/octet-stream"),
    ])
    func contentTypeComesFromTheExtension(path: String, expected: String) {
        #expect(ContentType.of(path: path) == expected)
    }
}
