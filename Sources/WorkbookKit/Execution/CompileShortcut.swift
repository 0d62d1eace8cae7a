import Foundation

/// A shortcut of `ChapterCompiler.compile` whose failure made a program compile again with
/// one plain `swiftc` call (counted in `--timings`).
public enum CompileShortcut: String, Sendable, Equatable, Hashable, CaseIterable {
    /// A compiler job replayed from the stored `CompilePlan` failed, and not with errors of
    /// the program's own code (see `ChapterCompiler.isProgramError`).
    case compilerJob = "compiler job"
    /// The plan's `swift-autolink-extract` job failed.
    case autolinkExtraction = "autolink extraction"
    /// The link failed, and the stored `AutolinkCache` answer it read differs from what
    /// `swift-autolink-extract` writes.
    case autolinkAnswer = "stored autolink answer"
    /// The plan's clang link job failed.
    case linkJob = "link job"
    /// The linker command of `DirectLinker` failed.
    case directLink = "direct link"

    /// `direct link 2, compiler job 1` for `shortcuts`, in the order of the cases.
    public static func tally(_ shortcuts: [CompileShortcut]) -> String {
        allCases.compactMap { shortcut in
            let count = shortcuts.filter { $0 == shortcut }.count
            return count == 0 ? nil : "\(shortcut.rawValue) \(count)"
        }.joined(separator: ", ")
    }
}
