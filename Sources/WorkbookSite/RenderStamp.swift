import Foundation
import WorkbookKit

/// What the last build's site was rendered from, kept in the cache (the `site-render` area of
/// ``CacheStore``, one entry per output folder, since a cache may be shared), so that a build in
/// which none of it changed (and the site's files are as that build wrote them) renders and
/// writes nothing.
///
/// The stamp holds:
/// - the key: the SHA-256 of every value the render reads (the output folder; the
///   configuration's site settings; the day; every chapter's path, text and outputs);
/// - the identity (`FileIdentity`) of every file the render reads, taken before it read them:
///   the program's code (the executable and its libraries), KaTeX's script, cache, style sheet
///   and fonts, the workbook's `theme/` folder, the images;
/// - the identity of every file and folder of the site, taken after it was written (a folder's
///   identity changes when an entry is added, removed or renamed in it).
///
/// A stamp that is missing, unreadable or stale only costs a full render; under `--no-cache`
/// (a cache that reuses nothing) the site is always rendered, and the stamp written anew.
struct RenderStamp {
    static let header = "workbook site render 2"

    var store: CacheStore
    /// The stamp's entry: the output folder's.
    var entry: CacheKey

    /// The stamp of the site in `output`.
    init(cache: CacheFolder, output: URL) {
        store = CacheStore(cache: cache, area: "site-render")
        entry = CacheKey(["site-render-1", output.standardizedFileURL.path])
    }

    /// The key of a render of `chapters` into `output`; `nil` when a value cannot be had (the
    /// render then reports why).
    static func key(
        workbook: Workbook, chapters: [ExecutedChapter], options: SiteOptions,
        katexFolder: URL, typesetter: MathTypesetter, repositoryStart: RepositoryStart.Lookup, now: Date
    ) -> CacheKey? {
        guard let today = try? BuildDate.day(date: options.date, environment: options.environment, config: workbook.config, now: now) else { return nil }
        // Each value after its label: no two different lists of values read alike.
        var parts: [String] = []
        func add(_ label: String, _ value: String) { parts += [label, value] }
        add("output", options.outputFolder.standardizedFileURL.path)
        add("root", workbook.root.standardizedFileURL.path)
        add("katex", katexFolder.path)
        add("typesetter", [typesetter.usesKaTeX ? "katex" : "tex", typesetter.katexScript.path,
                           typesetter.cacheFolder?.path ?? "-"].joined(separator: "\n"))
        let config = workbook.config
        add("title", config.title)
        add("description", config.description)
        add("chapters-folder", config.chaptersFolder)
        add("date-format", config.dateFormat)
        add("time-zone", config.timeZone.identifier)
        add("repo-start", config.repoStart?.description ?? "-")
        add("today", today.description)
        if config.repoStart == nil, chapters.contains(where: { $0.chapter.source.containsBytes(of: RepositoryStart.placeholderName) }) {
            switch repositoryStart.value {
            case .success(let day): add("first-commit", day.description)
            case .failure: return nil
            }
        }
        for executed in chapters {
            add("chapter", executed.chapter.path)
            add("source", executed.chapter.source)
            for output in executed.outputs {
                if let output { add("output", output) } else { add("no-output", "") }
            }
        }
        return CacheKey(parts)
    }

    /// The files the render reads whatever the chapters say, with their identities now.
    static func inputFiles(root: URL, katexFolder: URL, typesetter: MathTypesetter) -> [(path: String, identity: FileIdentity?)] {
        var paths = [typesetter.katexScript.path, katexFolder.appendingPathComponent("katex.min.css").path]
        if typesetter.usesKaTeX, let cacheFolder = typesetter.cacheFolder,
           let version = KaTeXVersion(script: typesetter.katexScript, cacheFolder: cacheFolder).read() {
            paths.append(cacheFolder.appendingPathComponent("katex-\(version).json").path)
        }
        var files = programFiles() + paths.map { ($0, FileIdentity(path: $0)) }
        files += FileIdentity.tree(at: KaTeXLocation.fonts(in: katexFolder))
        files += FileIdentity.tree(at: root.appendingPathComponent("theme", isDirectory: true))
        return files
    }

    /// The page count of the site the stamp describes, when its key is `key` and every file it
    /// names is as it was.
    func unchangedSite(key: CacheKey) -> Int? {
        guard let data = store.read(entry) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Self.header, lines[1].hasPrefix("pages "),
              let pages = Int(lines[1].dropFirst("pages ".count)), lines[lines.count - 1] == "key " + key.hex else { return nil }
        for line in lines.dropFirst(2).dropLast() {
            guard let tab = line.firstIndex(of: "\t") else { return nil }
            let recorded = line[..<tab]
            let path = Self.unescape(line[line.index(after: tab)...])
            guard (FileIdentity(path: path)?.line ?? "absent") == recorded else { return nil }
        }
        return pages
    }

    /// Records a site just written into `output`, rendered with `key` from `inputs`; only into
    /// a cache folder that exists (a build that runs chapters has made it).
    func record(key: CacheKey, pages: Int, inputs: [(path: String, identity: FileIdentity?)], output: URL) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: store.folder.deletingLastPathComponent().path, isDirectory: &isFolder),
              isFolder.boolValue else { return }
        var text = Self.header + "\npages \(pages)\n"
        for (path, identity) in inputs + FileIdentity.tree(at: output) {
            text += (identity?.line ?? "absent") + "\t" + Self.escape(path) + "\n"
        }
        store.write(Data((text + "key " + key.hex).utf8), for: entry)
    }

    /// Forgets the stamp (the site is being replaced).
    func remove() {
        store.remove(entry)
    }

    /// The program's code: the executable and every library it has mapped so far, by path.
    static func programFiles() -> [(path: String, identity: FileIdentity?)] {
        guard let paths = LoadedCode.paths() else { return [(LoadedCode.source, nil)] }
        return paths.map { ($0, FileIdentity(path: $0)) }
    }

    private static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    private static func unescape(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

extension FileIdentity {
    /// `folder` itself and everything under it (links followed), by absolute path; the folder
    /// alone, as absent, when it is missing.
    static func tree(at folder: URL) -> [(path: String, identity: FileIdentity?)] {
        let root = folder.path
        guard let top = FileIdentity(path: root) else { return [(root, nil)] }
        var result: [(path: String, identity: FileIdentity?)] = [(root, top)]
        for relative in (try? FileManager.default.subpathsOfDirectory(atPath: root))?.sorted() ?? [] {
            let path = root + "/" + relative
            result.append((path, FileIdentity(path: path)))
        }
        return result
    }
}
