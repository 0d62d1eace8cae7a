import Foundation

/// One file of a new workbook: its path relative to the workbook folder and its text.
public struct StarterFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// The starter workbook `workbook init [DIR]` writes: a commented `workbook.toml`, one chapter
/// with a snippet and its recorded output (so `workbook check` passes at once), and a
/// `.gitignore` for the cache and the site.
public enum WorkbookStarter {
    /// The starter's files, in the order they are written.
    public static let files: [StarterFile] = [
        StarterFile(path: WorkbookLoader.configFileName, text: configuration),
        StarterFile(path: "chapters/01-first.md", text: chapter),
        StarterFile(path: ".gitignore", text: gitignore),
    ]

    static let configuration = """
        # workbook settings. Every key is optional; see the README's `workbook.toml` section.

        # The title shown on every page.
        title = "My notes"

        # A short introduction on the index page (Markdown).
        # description = ""

        # Snippets are plain Swift and import what they use, as any Swift file does
        # (`import Foundation` for `String(format:)` or `Date`). To import modules of your own
        # Swift package, name the package folder and its library products:
        # package = "."
        # products = ["MyLibrary"]
        # Modules every snippet imports without showing it (your library, as guides assume,
        # or Foundation when most chapters use it):
        # imports = ["MyLibrary"]

        # Snippets of a chapter run like the cells of a REPL session: each sees what the
        # earlier ones declared, may declare a name again, and fails alone. "shared" makes a
        # chapter one plain program; "isolated" makes every snippet its own.
        snippets = "notebook"

        # Seconds a chapter's program may run.
        # timeout = 60

        """

    static let chapter = """
        # First notes

        Each `swift` block is run when the workbook is checked or built, and what it prints is
        recorded below it. Change the numbers, then run `workbook promote` to record the new
        output.

        The mean, $\\mu = \\frac{1}{m}\\sum_i x_i$:

        ```swift
        let xs = [1.0, 2.0, 4.0]
        let mean = xs.reduce(0, +) / Double(xs.count)
        print("mean:", mean)
        ```

        ```output
        mean: 2.3333333333333335
        ```

        """

    static let gitignore = """
        # Written by workbook: the build cache and the generated site.
        /.workbook-cache/
        /site/

        """

    /// Writes the starter files into `folder` (created when missing) and returns their paths.
    /// Refuses, writing nothing, when any of them already exists; each file is created
    /// atomically and never replaces a file that appears meanwhile.
    public static func create(in folder: URL) throws(WorkbookErrors) -> [String] {
        let existing = files.filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.path).path) }
        if !existing.isEmpty {
            throw WorkbookErrors(existing.map {
                WorkbookError(
                    path: folder.appendingPathComponent($0.path).path,
                    message: "refusing to overwrite an existing file: init writes only new files", stage: "init")
            })
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try createNew(Data(file.text.utf8), at: url)
            } catch {
                throw WorkbookErrors([WorkbookError(path: url.path, message: "cannot create the file: \(error)", stage: "init")])
            }
        }
        return files.map(\.path)
    }

    /// Writes `data` to a temporary file beside `url`, then links it into place: the link
    /// fails if `url` exists, so no file is ever replaced, and readers never see a partial file.
    package static func createNew(_ data: Data, at url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try data.write(to: temporary)
        defer { FileLinks.remove(temporary.path) }
        do throws(FileLinks.Failure) {
            try FileLinks.hardLink(temporary.path, at: url.path)
        } catch {
            throw StarterWriteError(reason: error.alreadyExists ? "it already exists" : error.systemWords)
        }
    }
}

struct StarterWriteError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
