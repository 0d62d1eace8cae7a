// Renders Markdown files the way `workbook build` renders chapters (placeholders expanded, math
// protected, cmark-gfm, heading anchors) and writes the HTML to standard output.
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
        let html = try renderer.render(String(decoding: data, as: UTF8.self), path: path)
        FileHandle.standardOutput.write(Data(html.utf8))
    } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        failed = true
    }
}
exit(failed ? 1 : 0)
