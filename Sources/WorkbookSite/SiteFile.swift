import Foundation

/// A file of the site, by its path inside the site folder.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
