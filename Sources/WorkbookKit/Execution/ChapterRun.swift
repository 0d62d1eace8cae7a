import Foundation

/// What running one chapter produced.
public struct ChapterRun: Sendable, Equatable {
    /// The printed text of each snippet that finished, by snippet index (raw, not normalized).
    public var outputs: [Int: String]
    /// Compile errors, or the crash, timeout or overflow that stopped the program.
    public var errors: [WorkbookError]
    public var compileSeconds: Double
    public var runSeconds: Double
    /// The seconds each finished snippet ran, measured by the program itself, by snippet index.
    public var snippetSeconds: [Int: Double] = [:]
    /// Whether the program was compiled before and taken from `ProgramBinaryCache`.
    public var reusedProgram = false
    /// For each compile of the run's programs that fell back to plain `swiftc`, the compile
    /// shortcut that failed (`ChapterCompiler.compileOutcome`).
    public var compileFallbacks: [CompileShortcut] = []
    /// How many other chapters were compiled in the same program (`ChapterBundle`); 0 when the
    /// chapter was compiled alone.
    public var bundledWith = 0
    /// Whether the program was stopped by the workbook's `timeout`.
    public var timedOut = false
    /// The snippet that was running when the program crashed or exited early: what it printed
    /// and the program's stderr (for `expect=crash`).
    public var stoppedSnippet: StoppedSnippet? = nil

    package init(outputs: [Int: String], errors: [WorkbookError], compileSeconds: Double, runSeconds: Double) {
        self.outputs = outputs
        self.errors = errors
        self.compileSeconds = compileSeconds
        self.runSeconds = runSeconds
    }
}

/// A snippet during which the program stopped.
public struct StoppedSnippet: Sendable, Equatable {
    public var index: Int
    public var printed: String
    public var standardError: String
    /// The module the program was compiled as, which runtime messages put before the
    /// chapter's file name (`WorkbookChapter/x.md:3: Fatal error`); empty when none.
    public var moduleName: String

    public init(index: Int, printed: String, standardError: String, moduleName: String = "") {
        self.index = index
        self.printed = printed
        self.standardError = standardError
        self.moduleName = moduleName
    }
}

extension ContinuousClock.Instant {
    package func seconds(since start: Self) -> Double {
        let duration = self - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
