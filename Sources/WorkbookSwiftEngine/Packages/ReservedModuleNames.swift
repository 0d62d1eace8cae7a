import SwiftToolchain
import WorkbookKit

/// Modules a package may not have: the modules chapter programs import (the C library, and
/// Foundation when a snippet or `imports` asks for it) and the chapter program's own module. A
/// package module with one of these names shadows it, and the chapters would fail in code the
/// user never wrote.
enum ReservedModuleNames {
    static let all: Set<String> = [
        "Swift", "Foundation", "FoundationEssentials", "FoundationInternationalization", "Glibc", "Darwin", "Musl",
        "Dispatch", "_Concurrency", "_StringProcessing", "SwiftShims", "CoreFoundation", CompilerFlags.programModuleName,
    ]

    /// An error at `workbook.toml` for each of `modules` (a build's modules) that is reserved.
    static func errors(in modules: [String], request: PackageRequest) -> [WorkbookError] {
        modules.filter(all.contains).sorted().map { name in
            WorkbookError(
                path: WorkbookLoader.configFileName,
                message: "the package '\(request.displayFolder)' has a module named '\(name)', "
                    + "which every chapter program uses; rename its target",
                stage: "package")
        }
    }
}
