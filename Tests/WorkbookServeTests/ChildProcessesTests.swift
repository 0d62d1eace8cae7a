import Testing
@testable import WorkbookServe

@Suite struct ChildProcessesTests {
    @Test(arguments: [
        ("1234 (swift-frontend) S 77 1234 1234 0 -1", Int32(77)),
        ("99 (a (b) c) R 5 99 99 0 -1", Int32(5)),
        ("garbage", nil),
    ])
    func theParentIsTheFieldAfterTheState(line: String, parent: Int32?) {
        #expect(ChildProcesses.parentID(fromStat: line) == parent)
    }
}
