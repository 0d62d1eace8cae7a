import SwiftToolchain
import WorkbookKit

/// The `swiftc` flags of chapter programs, in one place: the compiler uses them and
/// the cache keys hash them.
package enum CompilerFlags {
    /// The module of chapter programs; runtime messages name files `WorkbookChapter/x.md`.
    static let programModuleName = "WorkbookChapter"

    /// Chapter programs are compiled in Swift 5 language mode: in Swift 6 mode, top-level
    /// variables are main-actor isolated and a plain `func` that touches one does not compile.
    static let chapterProgram = [
        "-module-name", programModuleName, "-swift-version", "5", "-Onone", "-suppress-warnings",
        "-diagnostic-style", "llvm", "-no-color-diagnostics",
    ]
}
