import Foundation
import WorkbookKit
import WorkbookSite

/// What `check` found: the execution and the comparison of actual with recorded outputs.
public struct CheckOutcome: Sendable, Equatable {
    public var execution: ExecutionReport
    public var comparison: ComparisonReport
    /// Broken links and missing images, as `build` reports them.
    public var siteErrors: [WorkbookError] = []
    /// The doc comment examples per source file (`doc_comments = "check"`), or `nil`.
    public var docComments: DocCommentReport? = nil

    /// Every snippet matched, every chapter ran, and every link and image resolves.
    public var succeeded: Bool { comparison.failed == 0 && execution.errors.isEmpty && siteErrors.isEmpty }
}

/// What `promote` wrote.
public struct PromoteOutcome: Sendable, Equatable {
    public var execution: ExecutionReport
    /// The chapters rewritten, relative to the root, in reading order.
    public var written: [String]
    /// The chapters left untouched (they did not compile, crashed, or a snippet did not fail
    /// as its `expect=` says), with the reason; the others are promoted all the same.
    public var skipped: [PromotionResult.Skipped] = []
    /// Every error: those of the run, those behind a chapter left untouched, and why nothing
    /// was written (a chapter changed on disk during the run, a file that cannot be written);
    /// empty on success.
    public var errors: [WorkbookError]
    /// The `swifttest` blocks and tested listings that do not pass (`swifttest = "check"`):
    /// reported, never rewritten (they are the book's tests).
    public var swifttestMismatches: [SnippetMismatch] = []
    /// Doc comment examples whose output differs from their `// Prints` comments, or that did
    /// not fail as marked: reported, never written (source files are not rewritten).
    public var docCommentMismatches: [SnippetMismatch] = []

    public var succeeded: Bool { errors.isEmpty && skipped.isEmpty && docCommentMismatches.isEmpty }
}

/// What `build` wrote.
public struct BuildOutcome: Sendable, Equatable {
    public var execution: ExecutionReport
    /// The site folder (absolute).
    public var folder: URL
    /// The site written, or `nil` when errors stopped the build.
    public var site: SiteSummary?
    /// Why no site was written: chapter errors, or rendering errors; empty on success.
    public var errors: [WorkbookError]
    /// Seconds from the start of execution to the site written.
    public var seconds: Double

    public var succeeded: Bool { errors.isEmpty }
}
