// swift-tools-version: 6.2
import PackageDescription

// The notes' core, a package of its own: the chapters' snippets import its products
// (`workbook.toml`: package = "Core"), and the tool uses NoteKit's HTML escaping. It has no
// dependencies, so building it for the notes resolves and checks out nothing: the tool's own
// dependencies (SwiftPM would fetch all of them for a product of the root package) stay out.
let package = Package(
    name: "Core",
    products: [
        .library(name: "BatchNorm", targets: ["BatchNorm"]),
        .library(name: "NoteKit", targets: ["NoteKit"]),
    ],
    targets: [
        // The numeric core: pure Swift, no I/O, no Foundation.
        .target(name: "BatchNorm", exclude: ["README.md"]),
        // Tables, plots and number formatting for chapter snippets, and the HTML escaping the
        // site shares with them: pure Swift, no I/O.
        .target(name: "NoteKit"),
    ]
)
