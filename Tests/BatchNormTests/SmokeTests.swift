import Testing
@testable import BatchNorm
@Test func placeholder() {}
