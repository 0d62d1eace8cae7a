import Foundation
import WorkbookKit

/// Decides whether `build` may replace the output folder: only a folder `workbook` itself made
/// (it holds the marker file), an empty folder, or a path where nothing exists yet.
///
/// Everything else is refused before anything runs: a file, the workbook root or a folder above
/// it, a folder holding the chapters, a core folder, the theme or the cache, and a non-empty
/// folder without the marker.
public struct OutputFolderPolicy: Sendable {
    /// The file written into every site; its presence is what lets `build` replace a folder.
    public static let markerName = ".workbook-site"
    static let markerContents = Data("This folder is a site written by workbook; `workbook build` replaces it whole.\n".utf8)

    /// Where the output path was given, for the error's location.
    public enum Origin: Sendable, Equatable {
        /// `--output PATH` on the command line.
        case option(String)
        /// The `output` key of `workbook.toml`, at `line` and `column` (0 when unknown).
        case config(line: Int, column: Int)
    }

    public var workbook: Workbook
    /// The cache folder of this run.
    public var cache: URL

    public init(workbook: Workbook, cache: URL) {
        self.workbook = workbook
        self.cache = cache
    }

    /// The problem with writing the site to `output`, or `nil` when it is safe.
    public func problem(output: URL, origin: Origin) -> WorkbookError? {
        let target = Self.resolved(output)
        let root = Self.resolved(workbook.root)
        let name: String = switch origin {
        case .option(let path): "'--output \(path)'"
        case .config: "'output' (\(workbook.config.outputFolder))"
        }
        func error(_ message: String) -> WorkbookError {
            switch origin {
            case .option(let path): WorkbookError(path: path, message: message, stage: "write")
            case .config(let line, let column):
                WorkbookError(path: WorkbookLoader.configFileName, line: line, column: column, message: message, stage: "write")
            }
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            return error("\(name) is a file, not a folder; the site is written to a folder of its own")
        }
        if Self.contains(target, root) {
            return error("\(name) is the workbook folder or a folder above it; the site needs a folder of its own, such as 'site'")
        }
        for (role, folder) in protectedFolders() where Self.contains(target, Self.resolved(folder)) {
            return error("\(name) would replace \(role); the site needs a folder of its own, such as 'site'")
        }
        if exists && isDirectory.boolValue && !Self.isEmptyOrMarked(target) {
            return error("\(name) is a folder that workbook did not make ('\(target.path)' is not empty and has no "
                         + "\(Self.markerName) file); remove it or pick another output folder")
        }
        return nil
    }

    /// The folders a site must never replace, with the words that name them.
    func protectedFolders() -> [(String, URL)] {
        let root = workbook.root
        var folders: [(String, URL)] = [
            ("the chapters folder '\(workbook.config.chaptersFolder)'", root.appendingPathComponent(workbook.config.chaptersFolder)),
            ("the theme folder 'theme'", root.appendingPathComponent("theme")),
            ("the cache folder", cache),
            ("'\(WorkbookLoader.configFileName)'", root.appendingPathComponent(WorkbookLoader.configFileName)),
        ]
        if let package = workbook.config.package { folders.append(("the package folder '\(package)'", root.appendingPathComponent(package))) }
        for input in workbook.config.inputs {
            let fixed = input.prefix { !"*?[".contains($0) }
            let folder = fixed.contains("/") ? String(fixed[..<fixed.lastIndex(of: "/")!]) : ""
            if !folder.isEmpty { folders.append(("the inputs folder '\(folder)'", root.appendingPathComponent(folder))) }
        }
        return folders
    }

    /// Whether `folder` is empty or holds the site marker.
    static func isEmptyOrMarked(_ folder: URL) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.isEmpty || names.contains(markerName)
    }

    /// `url` made absolute, with `.`/`..` and symbolic links resolved (as far as it exists).
    static func resolved(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath().standardizedFileURL
    }

    /// Whether `folder` is `path` or one of its ancestors.
    static func contains(_ folder: URL, _ path: URL) -> Bool {
        let outer = folder.pathComponents, inner = path.pathComponents
        return outer.count <= inner.count && Array(inner.prefix(outer.count)) == outer
    }
}

extension OutputFolderPolicy {
    /// The problem with `folder`, the output given by `--output` (`option`) or else by the
    /// `output` key, for a build of `workbook` with the cache `environment` names.
    public static func check(workbook: Workbook, output option: String?, folder: URL,
                             environment: [String: String]) -> WorkbookError? {
        let cache = CacheFolder.resolve(root: workbook.root, environment: environment).url
        let origin: Origin
        if let option {
            origin = .option(option)
        } else {
            let location = WorkbookLoader.configLocation(ofKey: "output", root: workbook.root)
            origin = .config(line: location.line, column: location.column)
        }
        return OutputFolderPolicy(workbook: workbook, cache: cache).problem(output: folder, origin: origin)
    }
}
