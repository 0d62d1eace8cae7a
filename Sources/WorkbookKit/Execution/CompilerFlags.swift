/// The `swiftc` flags of the two kinds of compile, in one place: the compilers use them and
/// the cache keys hash them.
enum CompilerFlags {
    /// The module of chapter programs; runtime messages name files `WorkbookChapter/x.md`.
    static let programModuleName = "WorkbookChapter"

    /// Chapter programs are compiled in Swift 5 language mode: in Swift 6 mode, top-level
    /// variables are main-actor isolated and a plain `func` that touches one does not compile.
    static let chapterProgram = [
        "-module-name", programModuleName, "-swift-version", "5", "-Onone", "-suppress-warnings",
        "-diagnostic-style", "llvm", "-no-color-diagnostics",
    ]

    /// Core modules: optimized, whole-module, Swift 6 language mode (the mode SwiftPM builds
    /// the core in).
    static let coreModule = ["-O", "-wmo", "-parse-as-library", "-swift-version", "6", "-static", "-emit-library"]
}
