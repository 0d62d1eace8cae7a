import Foundation
import WorkbookKit

/// The chapters named on the command line (`workbook check chapters/02-x.md`), as chapter
/// paths relative to the workbook root.
public enum ChapterSelection {
    /// The chapter paths of `workbook` that `arguments` name, each argument a path relative to
    /// `folder` (the current folder) or absolute; `nil` when `arguments` is empty (every
    /// chapter). Every argument that names no chapter is an error.
    public static func resolve(
        _ arguments: [String], in workbook: Workbook, relativeTo folder: URL
    ) throws(WorkbookErrors) -> Set<String>? {
        guard !arguments.isEmpty else { return nil }
        var byLocation: [String: String] = [:]
        for chapter in workbook.chapters {
            byLocation[canonical(workbook.root.appendingPathComponent(chapter.path))] = chapter.path
        }
        var selected: Set<String> = []
        var errors: [WorkbookError] = []
        for argument in arguments {
            let url = argument.hasPrefix("/")
                ? URL(fileURLWithPath: argument) : folder.appendingPathComponent(argument)
            if let path = byLocation[canonical(url)] {
                selected.insert(path)
            } else {
                errors.append(WorkbookError(
                    path: argument,
                    message: "not a chapter of the workbook at '\(workbook.root.path)' (its chapters are the "
                        + "*.md files of its '\(workbook.config.chaptersFolder)' folder)",
                    stage: "load"))
            }
        }
        if !errors.isEmpty { throw WorkbookErrors(errors) }
        return selected
    }

    static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().standardizedFileURL.path
    }
}
