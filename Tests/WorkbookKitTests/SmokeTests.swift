import Testing
@testable import WorkbookKit
@Test func placeholder() {}
