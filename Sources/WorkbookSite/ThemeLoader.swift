import Foundation
import Mustache
import WorkbookKit

/// The templates and static files that give the site its look.
struct Theme {
    /// `page.mustache` (with partials such as `chapters.mustache`) and `index.mustache`.
    var templates: MustacheLibrary
    /// Every other theme file (`style.css`, `math.js`, images…), copied into the site.
    var files: [SiteFile]

    func render(_ name: String, _ context: [String: Any]) -> String {
        templates.render(context, withTemplate: name) ?? ""
    }
}

/// Loads the built-in theme, with any file of the workbook's `theme/` folder replacing the
/// built-in file of the same name (`theme/page.mustache`, `theme/style.css`) or adding to it.
struct ThemeLoader {
    /// The built-in theme's folder (the package resource).
    var builtInFolder: URL? = Bundle.module.url(forResource: "theme", withExtension: nil)

    func load(workbookRoot: URL) throws(WorkbookErrors) -> Theme {
        var contents: [String: (Data, String)] = [:]
        if let builtInFolder {
            for (path, data) in Self.files(in: builtInFolder) { contents[path] = (data, "built-in theme/\(path)") }
        }
        let overrides = workbookRoot.appendingPathComponent("theme", isDirectory: true)
        for (path, data) in Self.files(in: overrides) { contents[path] = (data, "theme/\(path)") }

        var templates: [String: MustacheTemplate] = [:]
        var files: [SiteFile] = []
        var errors: [WorkbookError] = []
        for path in contents.keys.sorted() {
            let (data, origin) = contents[path]!
            if path.hasSuffix(".mustache") {
                do {
                    templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
                } catch let error as MustacheTemplate.ParserError {
                    errors.append(WorkbookError(
                        path: origin, line: error.context.lineNumber, column: error.context.columnNumber,
                        message: "the template does not parse: \(Self.describe(error.error))", stage: "render"))
                } catch {
                    errors.append(WorkbookError(path: origin, message: "the template does not parse", stage: "render"))
                }
            } else {
                files.append(SiteFile(path: path, contents: data))
            }
        }
        for required in ["page", "index"] where templates[required] == nil && errors.isEmpty {
            errors.append(WorkbookError(path: "theme/\(required).mustache", message: "the theme has no '\(required).mustache' template", stage: "render"))
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return Theme(templates: MustacheLibrary(templates: templates), files: files)
    }

    /// A Mustache parse error in words.
    static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
        case .unfinishedName: "a tag is not closed ('}}' is missing)"
        case .expectedSectionEnd: "a section is never closed (a '{{/name}}' is missing)"
        case .invalidSetDelimiter: "a set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: "a transform is applied to an inherited section"
        case .illegalTokenInsideInheritSection: "an inherited section holds a tag that is not a block"
        case .textInsideInheritSection: "an inherited section holds text outside its blocks"
        case .invalidConfigVariableSyntax: "a configuration tag is malformed"
        case .unrecognisedConfigVariable: "a configuration tag names an unknown setting"
        case nil: "the template is malformed"
        }
    }

    /// Regular files under `folder` by relative path, sorted; none when the folder is missing.
    static func files(in folder: URL) -> [(String, Data)] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder.path) else { return [] }
        var result: [(String, Data)] = []
        while let relative = enumerator.nextObject() as? String {
            let url = folder.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  let data = manager.contents(atPath: url.path) else { continue }
            result.append((relative, data))
        }
        return result.sorted { $0.0 < $1.0 }
    }
}
