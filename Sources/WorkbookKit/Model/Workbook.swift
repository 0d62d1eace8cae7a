import Foundation

/// A workbook: its root folder, its configuration and its chapters in reading order.
public struct Workbook: Sendable, Equatable {
    /// The name of the settings file at the root.
    public static let configFileName = "workbook.toml"

    /// The workbook's root folder (the one holding `workbook.toml` and `chapters/`).
    public var root: URL
    public var config: WorkbookConfig
    /// Chapters ordered by file name.
    public var chapters: [Chapter]
    /// When the chapters folder is a DocC catalog: its images by bare name (`UTF8`), paths
    /// relative to the catalog folder; empty otherwise.
    public var catalogImages: [String: CatalogImage] = [:]

    public init(root: URL, config: WorkbookConfig, chapters: [Chapter]) {
        self.root = root
        self.config = config
        self.chapters = chapters
    }
}
