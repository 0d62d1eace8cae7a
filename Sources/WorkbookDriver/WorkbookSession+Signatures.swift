import WorkbookKit
import WorkbookSwiftEngine

extension WorkbookSession {
    /// The errors of the signature snippets of `workbook` (the chapters `check` ran), unless
    /// the package did not build: that error is already reported and nothing can be compared.
    func signatureErrors(_ workbook: Workbook, after execution: ExecutionReport, _ settings: RunSettings) async -> [WorkbookError] {
        guard !execution.errors.contains(where: { $0.stage == "package" }) else { return [] }
        return await SignatureCheck(environment: inputs.environment, useCache: settings.useCache).check(workbook).errors
    }
}
