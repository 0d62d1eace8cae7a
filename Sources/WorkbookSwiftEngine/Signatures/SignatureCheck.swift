import Foundation
import SwiftToolchain
import WorkbookKit

/// Checks every signature snippet of a workbook against its package's products.
///
/// With a package, the products are built (or taken as built) as for the chapter programs,
/// their Swift modules' public declarations are listed once per build (``SymbolExtraction``)
/// and each snippet's declarations are compared with them (``SignatureMatcher``); every
/// difference is an error at the chapter line and column of the declaration, type or
/// parameter. Without a package the signatures are shown unchecked.
public struct SignatureCheck: Sendable {
    public var environment: [String: String]
    /// Whether a list of declarations made before may be reused (`--no-cache`: no).
    public var useCache: Bool

    public init(environment: [String: String], useCache: Bool = true) {
        self.environment = environment
        self.useCache = useCache
    }

    /// What the check found.
    public struct Outcome: Sendable, Equatable {
        /// One error per declaration the products do not declare as written.
        public var errors: [WorkbookError] = []
        /// The signature snippets of the chapters.
        public var snippets = 0
        /// Whether they were compared with products (false without a package).
        public var checked = false
        /// Seconds spent listing the products' declarations; 0 when the list was cached.
        public var extractionSeconds: Double = 0
    }

    public func check(_ workbook: Workbook) async -> Outcome {
        var outcome = Outcome()
        let snippets = workbook.chapters.flatMap { chapter in
            chapter.snippets.filter(\.options.signature).map { (chapter.path, $0) }
        }
        outcome.snippets = snippets.count
        guard !snippets.isEmpty, workbook.config.package != nil else { return outcome }
        let symbols: ProductSymbols
        do {
            var cache = CacheFolder.resolve(root: workbook.root, environment: environment)
            cache.reusesEntries = useCache
            let toolchain = try await Toolchain.locate(environment: environment, cache: cache)
            guard let preparation = PackagePreparation(workbook: workbook, toolchain: toolchain, cache: cache) else { return outcome }
            try await preparation.prepare(rebuild: false)
            guard let build = preparation.build else { return outcome }
            let start = ContinuousClock.now
            let result = try await SymbolExtraction(toolchain: toolchain, cache: cache).symbols(of: build)
            if !result.cached { outcome.extractionSeconds = (ContinuousClock.now - start) / .seconds(1) }
            symbols = result.symbols
        } catch {
            outcome.errors = error.errors
            return outcome
        }
        outcome.checked = true
        let matcher = SignatureMatcher(products: symbols)
        for (path, snippet) in snippets {
            guard case .signatures(let declarations, _) = SignatureReader.read(snippet.code) else { continue }
            for problem in matcher.problems(in: declarations) {
                outcome.errors.append(WorkbookError(
                    path: path, line: snippet.codeFirstLine + problem.location.line - 1, column: problem.location.column,
                    message: problem.message, stage: "signatures"))
            }
        }
        return outcome
    }
}
