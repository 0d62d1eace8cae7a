import Foundation

/// The built-in theme, compiled into the binary by SwiftPM's `embedInCode` resources (see
/// `Package.swift`): the installed program reads no resource bundle and needs no build folder.
/// Every file of `Resources/theme/` is listed here, and a test checks that the two agree.
enum BuiltInTheme {
    /// Each file's path inside the theme folder and its bytes, sorted by path.
    static let files: [(path: String, contents: Data)] = [
        ("chapters.mustache", Data(PackageResources.chapters_mustache)),
        ("index.mustache", Data(PackageResources.index_mustache)),
        ("page.mustache", Data(PackageResources.page_mustache)),
        ("search.js", Data(PackageResources.search_js)),
        ("style.css", Data(PackageResources.style_css)),
    ]
}
