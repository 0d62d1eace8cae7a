import BatchNorm
import Testing

@Suite("Errors name the problem")
struct ErrorTests {
    @Test(arguments: [
        (BatchNormError.emptyBatch, "empty batch"),
        (.raggedRows(row: 2, expected: 3, found: 1), "row 2"),
        (.featureCountMismatch(expected: 3, found: 2), "feature-count mismatch"),
        (.rowCountMismatch(expected: 3, found: 2), "row-count mismatch"),
        (.nonFiniteValue(what: "batch", row: 1, feature: 0), "non-finite value"),
        (.invalidEpsilon(0), "epsilon"),
        (.invalidDecay(name: "momentum", value: 2, reason: "momentum must lie in [0, 1]"), "momentum"),
        (.tooFewExamples(found: 1, required: 2), "at least 2 examples"),
        (.invalidLabel(index: 0, label: 5, classes: 2), "label 5"),
        (.invalidArgument("x"), "invalid argument"),
    ])
    func descriptionsAreSpecific(_ error: BatchNormError, _ phrase: String) {
        #expect(error.description.contains(phrase))
    }

    @Test func decayErrorNamesTheValue() {
        do {
            _ = try RunningEstimator(.exponentialAverage(decay: 1.5))
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidDecay(name: "decay", value: 1.5, reason: "decay must lie in [0, 1]"))
            #expect(error.description == "invalid decay 1.5: decay must lie in [0, 1]")
        }
    }
}
