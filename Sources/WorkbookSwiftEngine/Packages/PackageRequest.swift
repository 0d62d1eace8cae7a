import Foundation
import SwiftToolchain
import WorkbookKit

/// What a workbook asks of a SwiftPM package: which library products its chapters can import.
public struct PackageRequest: Sendable, Equatable {
    /// The package folder (holding `Package.swift`), absolute.
    public var packageFolder: URL
    /// Library products of that package, by name.
    public var products: [String]
    /// The workbook root: errors name files relative to it.
    public var root: URL
    /// Folders never part of the package's content hash, such as the workbook's chapters, site
    /// and cache when the package is the workbook's own folder (`package = "."`).
    public var ignoredFolders: [URL]
    /// SwiftPM's build configuration, `release` (optimized, like a real client's release build) or `debug`.
    public var configuration: String
    /// SwiftPM's `-j` (parallel jobs); `nil` leaves SwiftPM's default.
    public var jobs: Int?

    public init(
        packageFolder: URL, products: [String], root: URL, ignoredFolders: [URL] = [],
        configuration: String = "release", jobs: Int? = nil
    ) {
        self.packageFolder = packageFolder.standardizedFileURL
        self.products = products
        self.root = root.standardizedFileURL
        self.ignoredFolders = ignoredFolders.map(\.standardizedFileURL)
        self.configuration = configuration
        self.jobs = jobs
    }

    /// The package folder as a user wrote it, relative to the workbook root where possible.
    var displayFolder: String {
        let prefix = root.path + "/"
        let path = packageFolder.path
        if path == root.path { return "." }
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// `Package.swift` of the package, relative to the workbook root where possible.
    var displayManifest: String {
        displayFolder == "." ? "Package.swift" : "\(displayFolder)/Package.swift"
    }
}
