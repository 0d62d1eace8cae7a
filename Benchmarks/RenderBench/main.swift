import WorkbookKit
// Renders Markdown files the way `workbook build` renders chapters (cmark-gfm with the math and
// placeholder extensions, placeholders expanded, heading anchors; KaTeX aside) and writes the HTML
// to standard output.
// Usage: render-bench FILE...
import Foundation
import WorkbookSite

let renderer = MarkdownFileRenderer(day: try CalendarDay.parseDay("2026-11-21"), repositoryStart: try CalendarDay.parseDay("2026-01-01"))
var failed = false
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("\(path): error: cannot read the file\n".utf8))
        failed = true
        continue
    }
    do {
        var html = try renderer.render(String(decoding: data, as: UTF8.self), path: path)
        // Written straight from the string's storage: the `Data` only wraps it (no copy, nothing
        // to free), and `write` is done with it before `withUTF8` returns.
        html.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .none))
        }
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)
