import Foundation
import Testing

/// SwiftPM packages as the snippet core, through the `workbook` binary: the `packages`
/// fixture (a C target, a resource, a define, a custom path with excludes, path dependencies,
/// a Swift 5-mode dependency and swift-numerics from the mirror) passes `check`; a define in
/// the manifest, an edit in a dependency and a file added to it reach the chapters; `--no-cache` runs SwiftPM
/// and compiles the chapters again; a package that does not compile is reported at its own lines.
@Suite struct PackageTests {
    /// Each chapter's word on its progress line (`compiled`, `cached`).
    func provenances(_ run: WorkbookRun) -> [String] {
        run.lines.filter { $0.hasPrefix("[") }.map { line in
            String(line.split(separator: ":", maxSplits: 2).dropFirst().first ?? "").trimmingCharacters(in: .whitespaces)
                .split(separator: " ").first.map(String.init) ?? ""
        }
    }

    @Test func aPackageBuildsOnceAndItsEditsReachTheChapters() throws {
        let root = try WorkbookProcess.copy(fixture: "packages")
        let first = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(first.exitCode == 0, "\(first.stdout)\n\(first.stderr)")
        #expect(first.lines.first == "Building package products Shapes, Geometry…", "\(first.stdout)")
        #expect(first.lines.contains {
            $0.range(of: #"^Built package products Shapes, Geometry in \d+\.\d\d s$"#, options: .regularExpression) != nil
        }, "\(first.stdout)")
        #expect(first.stdout.contains("5 passed, 0 failed"), "\(first.stdout)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Shapes/.build").path),
                "the package's own build folder is left alone")

        let warm = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(warm.exitCode == 0, "\(warm.stderr)")
        #expect(!warm.stdout.contains("Building"), "a built package is not built again: \(warm.stdout)")
        #expect(provenances(warm) == ["cached"], "\(warm.stdout)")

        let again = try WorkbookProcess.run(["check", "--no-cache"], in: root, privateCache: true)
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(again.lines.first == "Building package products Shapes, Geometry…", "--no-cache runs SwiftPM again: \(again.stdout)")
        #expect(provenances(again) == ["compiled"], "--no-cache compiles the program again, though it is stored: \(again.stdout)")

        // A define in the manifest changes a printed value.
        let manifest = "Shapes/Package.swift"
        try root.write(try root.text(manifest).replacingOccurrences(of: "swiftSettings: [.define(\"IMPERIAL\")]", with: "swiftSettings: []"),
                       to: manifest)
        let metric = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(metric.exitCode == 1, "\(metric.stdout)")
        #expect(metric.stdout.contains("-side: 2.0 in\n+side: 2.0 cm"), "\(metric.stdout)")

        // An edit in a path dependency runs the chapter again, against the new code.
        let format = "Units/Sources/Units/Format.swift"
        try root.write(try root.text(format).replacingOccurrences(of: "\"\\(value) \\(unit)\"", with: "\"\\(value) [\\(unit)]\""),
                       to: format)
        let edited = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(edited.exitCode == 1, "\(edited.stdout)")
        #expect(edited.lines.first == "Building package products Shapes, Geometry…", "\(edited.stdout)")
        #expect(provenances(edited) == ["compiled"], "\(edited.stdout)")
        #expect(edited.stdout.contains("+side: 2.0 [cm]"), "\(edited.stdout)")

        // A file added to a path dependency is built too: SwiftPM alone keeps its old plan
        // and leaves the new file out ("cannot find 'bracketed' in scope").
        try root.write("func bracketed(_ text: String) -> String { \"<\" + text + \">\" }\n", to: "Units/Sources/Units/Brackets.swift")
        try root.write(try root.text(format).replacingOccurrences(of: "\"\\(value) [\\(unit)]\"", with: "\"\\(value) \" + bracketed(unit)"),
                       to: format)
        let added = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(added.exitCode == 1, "\(added.stdout)\n\(added.stderr)")
        #expect(added.stdout.contains("+side: 2.0 <cm>"), "\(added.stdout)\n\(added.stderr)")
    }

    @Test func aPackageThatDoesNotCompileIsReportedAtItsLines() throws {
        let root = try WorkbookProcess.copy(fixture: "packages")
        try root.write("package = \"Broken\"\nproducts = [\"Broken\"]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("Broken/Sources/Broken/Broken.swift:2:12: error: "), "\(run.stderr)")
        #expect(!run.stderr.contains("Stack dump") && !run.stderr.contains("NSError"))
    }

    @Test func anUnknownProductIsAnErrorInWorkbookToml() throws {
        let root = try WorkbookProcess.copy(fixture: "packages")
        try root.write("package = \"Units\"\nproducts = [\"Nope\"]\n", to: "workbook.toml")
        let run = try WorkbookProcess.run(["check"], in: root, privateCache: true)
        #expect(run.exitCode == 1)
        #expect(run.stderr.contains("workbook.toml: error: the package 'Units' has no library product 'Nope'"), "\(run.stderr)")
    }
}
