/// Collects chapters finished in any order and reports them in reading order: a chapter is
/// reported as soon as it and every chapter before it are done.
struct ReadingOrderProgress {
    private var results: [ExecutedChapter?]
    private var reported = 0
    private let progress: @Sendable (ChapterProgress) -> Void

    init(count: Int, progress: @escaping @Sendable (ChapterProgress) -> Void) {
        results = Array(repeating: nil, count: count)
        self.progress = progress
    }

    mutating func record(_ chapter: ExecutedChapter, at index: Int) {
        results[index] = chapter
        while reported < results.count, let done = results[reported] {
            progress(ChapterProgress(position: reported + 1, count: results.count, chapter: done))
            reported += 1
        }
    }

    /// The chapters recorded so far, in reading order.
    var chapters: [ExecutedChapter] { results.compactMap { $0 } }
}
