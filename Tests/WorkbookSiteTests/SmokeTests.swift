import Testing
@testable import WorkbookSite
@Test func placeholder() {}
