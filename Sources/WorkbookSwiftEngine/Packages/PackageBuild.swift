import Foundation
import SwiftToolchain
import WorkbookKit

/// The built products of a package, as a chapter program needs them.
public struct PackageBuild: Sendable, Equatable, Codable {
    /// The content hash the products were built from: it decides whether SwiftPM runs.
    public var contentHash: String
    /// A hash of what was built (the library, the module interfaces, the resources): the part
    /// of a chapter's cache key that stands for the package. An edit that builds to the same
    /// bytes (a README, a test, a comment-only change SwiftPM skips) keeps chapter results.
    public var outputHash: String
    /// Modules a snippet may `import`: the Swift and C modules of the products and of their
    /// dependencies, sorted. None is imported implicitly.
    public var modules: [String]
    /// `swiftc` arguments that make the modules importable: `-I` for Swift modules, and
    /// `-Xcc -fmodule-map-file=…` with `-Xcc -I -Xcc …` for C modules.
    public var compilerArguments: [String]
    /// `swiftc` arguments that link a program against the products: `-L`, `-l`, and an rpath
    /// so the program finds the library (and the products' resource bundles) when it runs.
    public var linkerArguments: [String]
    /// The local package folders whose files the content hash covers (the package and its
    /// path dependencies, recursively), absolute, sorted.
    public var localPackages: [String]

    public init(
        contentHash: String, outputHash: String, modules: [String], compilerArguments: [String], linkerArguments: [String],
        localPackages: [String]
    ) {
        self.contentHash = contentHash
        self.outputHash = outputHash
        self.modules = modules
        self.compilerArguments = compilerArguments
        self.linkerArguments = linkerArguments
        self.localPackages = localPackages
    }

    /// Every argument a chapter program's `swiftc` needs.
    public var swiftcArguments: [String] { compilerArguments + linkerArguments }
}
