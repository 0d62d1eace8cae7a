/// The executed chapters of a workbook, in reading order, and every error met.
public struct ExecutionReport: Sendable, Equatable {
    public var chapters: [ExecutedChapter]
    /// Problems that stopped chapters (or the core build), in chapter order.
    public var errors: [WorkbookError]

    public init(chapters: [ExecutedChapter], errors: [WorkbookError]) {
        self.chapters = chapters
        self.errors = errors
    }
}

/// A chapter finished executing: the `position`-th of `count`, reported in reading order.
public struct ChapterProgress: Sendable {
    public var position: Int
    public var count: Int
    public var chapter: ExecutedChapter
}
