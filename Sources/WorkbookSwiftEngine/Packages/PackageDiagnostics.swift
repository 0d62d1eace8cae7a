import Foundation
import SwiftToolchain
import WorkbookKit

/// Turns SwiftPM's output for a failed build into errors a user can read: located lines with
/// paths relative to the workbook root (`Shapes/Sources/Shapes/A.swift:3:5: error: …`,
/// `Shapes/Package.swift:7:9: error: …`), and SwiftPM's unlocated errors placed on the package's
/// `Package.swift`, with no mention of the generated wrapper.
struct PackageDiagnostics {
    var request: PackageRequest
    /// The generated wrapper's folder, never shown to the user.
    var wrapperFolder: URL

    func errors(in output: String) -> [WorkbookError] {
        let cleaned = output
            .replacingOccurrences(of: "'\(PackageWrapper.identity)': ", with: "")
            .replacingOccurrences(of: wrapperFolder.standardizedFileURL.path + "/", with: "")
        var errors = CompilerDiagnostics(root: request.root).errors(in: cleaned, stage: "package")
        // "Invalid manifest (compiled with: [the manifest compiler's command])" says nothing
        // the located errors of `Package.swift` do not say better.
        let located = errors.contains { $0.path != "swiftc" }
        errors.removeAll { $0.path == "swiftc" && $0.message.hasPrefix("Invalid manifest") && located }
        for index in errors.indices where errors[index].path == "swiftc" {
            if errors[index].message.hasPrefix("Invalid manifest (compiled with:") {
                errors[index].message = "invalid manifest"
            }
            if let product = Self.missingProduct(in: errors[index].message) {
                errors[index].path = WorkbookLoader.configFileName
                errors[index].message = "the package '\(request.displayFolder)' has no library product '\(product)'"
            } else {
                errors[index].path = request.displayManifest
            }
        }
        if errors.isEmpty {
            errors = [WorkbookError(
                path: request.displayManifest, message: "the package '\(request.displayFolder)' failed to build",
                stage: "package", details: CompilerDiagnostics.excerpt(cleaned))]
        }
        return Self.withoutRepeats(errors)
    }

    /// The product named in SwiftPM's "product 'X' required by package … not found" error.
    static func missingProduct(in message: String) -> String? {
        guard message.contains("not found in package"), let start = message.range(of: "product '") else { return nil }
        let rest = message[start.upperBound...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    /// SwiftPM prints some errors twice (once per job that saw them).
    static func withoutRepeats(_ errors: [WorkbookError]) -> [WorkbookError] {
        var seen: [WorkbookError] = []
        for error in errors where !seen.contains(where: { $0.path == error.path && $0.line == error.line && $0.column == error.column && $0.message == error.message }) {
            seen.append(error)
        }
        return seen
    }
}
