import Foundation

/// A file of the site, by its path inside the site folder.
struct SiteFile: Sendable, Equatable {
    var path: String
    var contents: Data

    init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
