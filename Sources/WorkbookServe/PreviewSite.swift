import NoteKit

/// The site as `serve` shows it: the last good files, the current problems, and a revision
/// per page that changes exactly when the page's served bytes change.
public struct PreviewSite: Sendable {
    /// Every file of the site as rendered, by path inside the site.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The problems of the last build, shown over every page.
    public private(set) var problems: [PreviewProblem] = []
    /// How many outputs differ from the recorded ones, shown as a badge.
    public private(set) var mismatchCount = 0
    /// Each page's revision; a page whose revision changed must be reloaded.
    public private(set) var revisions: [String: Int] = [:]
    /// Each page with the overlay and the badge, as last compared.
    private var decoratedPages: [String: [UInt8]] = [:]
    private var lastRevision = 0

    public init() {}

    /// Takes in a new build and returns the pages that changed (sorted), deleted ones included.
    ///
    /// A site that could not be rendered leaves the files as they were; the page of a chapter
    /// that failed to run keeps its last good version. When a file other than a page changed
    /// (the style sheet, a script), every page changed; the search index alone does not count,
    /// as every prose edit changes it and a page searches the index it loaded.
    public mutating func apply(_ build: PreviewBuild) -> [String] {
        if var newFiles = build.files {
            for page in build.stalePages {
                if let previous = files[page] { newFiles[page] = previous }
            }
            let sharedChanged = Self.sharedFiles(of: files) != Self.sharedFiles(of: newFiles)
            files = newFiles
            if sharedChanged { decoratedPages = [:] }
        }
        problems = build.problems
        mismatchCount = build.mismatchCount

        let decoration = PageDecoration(problems: problems, mismatchCount: mismatchCount)
        var newDecorated: [String: [UInt8]] = [:]
        for (path, bytes) in files where Self.isPage(path) {
            newDecorated[path] = decoration.decorate(bytes)
        }
        let changed = Set(newDecorated.keys).union(decoratedPages.keys)
            .filter { newDecorated[$0] != decoratedPages[$0] }
            .sorted()
        if !changed.isEmpty { lastRevision += 1 }
        for path in changed {
            revisions[path] = newDecorated[path] == nil ? nil : lastRevision
        }
        decoratedPages = newDecorated
        return changed
    }

    /// The bytes to send for `path` (a page carries the overlay, the badge and the reload
    /// script), or `nil` when the site has no such file.
    public func served(_ path: String) -> [UInt8]? {
        if let page = decoratedPages[path] {
            return LiveScript.insert(into: page, page: path, revision: revisions[path] ?? 0)
        }
        return Self.isPage(path) ? nil : files[path]
    }

    /// A page for a missing `.html` path: the overlay when there are problems, a note
    /// otherwise, and the reload script so that the page appears once it builds.
    public func missingPage(_ path: String, note: String? = nil) -> [UInt8] {
        let text = note ?? (problems.isEmpty
            ? "There is no page '\(path)' in this workbook."
            : "The workbook did not build; the page will appear once it does.")
        let note = "<p>\(HTMLEscaping.text(text)) <a href=\"/\">The index</a>.</p>"
        let html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n"
            + "<body>\n\(note)\n</body>\n</html>\n"
        let decorated = PageDecoration(problems: problems, mismatchCount: mismatchCount).decorate(Array(html.utf8))
        return LiveScript.insert(into: decorated, page: path, revision: LiveScript.missingRevision)
    }

    static func isPage(_ path: String) -> Bool { path.hasSuffix(".html") }

    /// Files whose change reloads no page.
    static let dataFiles: Set<String> = ["search-index.js"]

    private static func sharedFiles(of files: [String: [UInt8]]) -> [String: [UInt8]] {
        files.filter { !isPage($0.key) && !dataFiles.contains($0.key) }
    }
}
