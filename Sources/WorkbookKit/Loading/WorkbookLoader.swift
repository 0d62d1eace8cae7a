import Foundation

/// Reads a workbook folder: `workbook.toml` (optional) and the chapters, ordered by file name.
public struct WorkbookLoader: Sendable {
    public static let configFileName = Workbook.configFileName

    public init() {}

    /// Loads the workbook at `root`, reporting every problem of the configuration and chapters.
    public func load(from root: URL) throws(WorkbookErrors) -> Workbook {
        let root = root.standardizedFileURL
        let config = try loadConfig(root: root)
        var errors: [WorkbookError] = []
        errors += missingPackage(config: config, root: root)
        let folder = root.appendingPathComponent(config.chaptersFolder, isDirectory: true)
        var isDirectory: ObjCBool = false
        let hasFolder = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if !hasFolder && config.docComments == .check && config.keyLines["chapters"] == nil {
            // A workbook of a package's doc comments needs no chapters.
            if !errors.isEmpty { throw WorkbookErrors(errors) }
            return Workbook(root: root, config: config, chapters: [])
        }
        guard hasFolder, isDirectory.boolValue else {
            errors.append(WorkbookError(
                path: config.chaptersFolder, message: "the chapters folder '\(config.chaptersFolder)' does not exist",
                stage: "load"))
            throw WorkbookErrors(errors)
        }
        StaleTemporaryFiles.removeFileTemporaries(in: folder)
        var chapters: [Chapter] = []
        let catalog = DocCCatalog.isCatalog(config.chaptersFolder) ? DocCCatalog.read(folder) : nil
        for name in catalog?.pages ?? chapterFileNames(in: folder) {
            let path = "\(config.chaptersFolder)/\(name)"
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                errors.append(WorkbookError(path: path, message: "'\(name)' is a folder, not a chapter file; rename it so it does not end in '.md'",
                                            stage: "load"))
                continue
            }
            do {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                guard let source = String(validating: ChapterFileSet.text(of: data), as: UTF8.self) else {
                    errors.append(WorkbookError(path: path, message: "the chapter is not valid UTF-8", stage: "load"))
                    continue
                }
                var chapter = try SnippetExtractor(swifttests: config.documentation.swifttest == .check).extract(path: path, source: source)
                chapter.catalogImages = catalog?.images
                chapters.append(chapter)
            } catch let error as WorkbookErrors {
                errors += error.errors
            } catch {
                errors.append(WorkbookError(path: path, message: "cannot read the chapter: \(FileErrorWords.describe(error))", stage: "load"))
            }
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        var workbook = Workbook(root: root, config: config, chapters: chapters)
        workbook.catalogImages = catalog?.images ?? [:]
        return workbook
    }

    func loadConfig(root: URL) throws(WorkbookErrors) -> WorkbookConfig {
        let url = root.appendingPathComponent(Self.configFileName)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return WorkbookConfig() }
        if isDirectory.boolValue {
            throw WorkbookErrors([WorkbookError(path: Self.configFileName, message: "'\(Self.configFileName)' is a folder, not a file", stage: "load")])
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WorkbookErrors([WorkbookError(path: Self.configFileName, message: "cannot read the file: \(FileErrorWords.describe(error))", stage: "load")])
        }
        guard let text = String(validating: ChapterFileSet.text(of: data), as: UTF8.self) else {
            throw WorkbookErrors([WorkbookError(path: Self.configFileName, message: "the file is not valid UTF-8", stage: "load")])
        }
        return try WorkbookConfig.parse(toml: text, path: Self.configFileName)
    }

    /// Where `key` is written in the workbook's `workbook.toml`, or `(0, 0)`.
    public static func configLocation(ofKey key: String, root: URL) -> (line: Int, column: Int) {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(configFileName).path) else { return (0, 0) }
        return WorkbookConfig.location(ofKey: key, inTOML: String(decoding: data, as: UTF8.self))
    }

    /// `*.md` files of `folder`, sorted by name (byte order, so `01-…` before `02-…`).
    func chapterFileNames(in folder: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// An error at the `package` key when its folder has no `Package.swift`.
    func missingPackage(config: WorkbookConfig, root: URL) -> [WorkbookError] {
        guard let package = config.package else { return [] }
        let manifest = root.appendingPathComponent(package).appendingPathComponent("Package.swift")
        if FileManager.default.fileExists(atPath: manifest.path) { return [] }
        let location = config.location(of: "package")
        return [WorkbookError(
            path: Self.configFileName, line: location.line, column: location.column,
            message: "the package folder '\(package)' has no Package.swift (folders are relative to the workbook root)",
            stage: "load")]
    }
}
