/// What `promote` did: the chapters it wrote, and those it left untouched and why.
public struct PromotionResult: Sendable, Equatable {
    /// A chapter left as it is.
    public struct Skipped: Sendable, Equatable {
        /// The chapter, relative to the workbook root.
        public var path: String
        /// Why, in words: `it did not compile`, `a snippet did not fail as its 'expect=' says`.
        public var reason: String
        /// The located errors behind the reason (printed before the summary).
        public var errors: [WorkbookError]

        public init(path: String, reason: String, errors: [WorkbookError]) {
            self.path = path
            self.reason = reason
            self.errors = errors
        }

        /// Why `executed` cannot be promoted, or `nil` when every program of it ran and
        /// every `expect=` snippet failed as it says.
        public init?(_ executed: ExecutedChapter) {
            let chapter = executed.chapter
            if !executed.errors.isEmpty {
                self.init(path: chapter.path, reason: Self.reason(executed.errors), errors: executed.errors)
            } else if executed.provenance == .notRun {
                self.init(path: chapter.path, reason: "it did not run", errors: [])
            } else if !executed.unmetExpectations.isEmpty {
                let errors = executed.unmetExpectations.sorted { $0.key < $1.key }.map { index, reason in
                    WorkbookError(path: chapter.path, line: chapter.snippets[index].fenceLine, column: 0,
                                  message: reason, stage: "promote")
                }
                let count = errors.count
                self.init(path: chapter.path,
                          reason: count == 1 ? "a snippet did not fail as its 'expect=' says"
                              : "\(count) snippets did not fail as their 'expect=' says",
                          errors: errors)
            } else {
                return nil
            }
        }

        /// `it did not run`, `it did not compile`, `it crashed`, `it timed out`, or `it did not run to the end`,
        /// from the stages of `errors`.
        static func reason(_ errors: [WorkbookError]) -> String {
            let stages = Set(errors.map(\.stage))
            if errors.allSatisfy({ $0.message.hasPrefix("not run") }) { return "it did not run" }
            if stages == ["compile"] { return "it did not compile" }
            if errors.contains(where: { $0.message.contains(" timed out after ") }) { return "it timed out" }
            if errors.contains(where: { $0.message.contains("crashed") }) { return "it crashed" }
            return "it did not run to the end"
        }
    }

    /// The chapters rewritten, relative to the root, in reading order.
    public var written: [String] = []
    /// The chapters left untouched, in reading order.
    public var skipped: [Skipped] = []

    public init(written: [String] = [], skipped: [Skipped] = []) {
        self.written = written
        self.skipped = skipped
    }
}
