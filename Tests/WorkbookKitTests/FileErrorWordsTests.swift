import Foundation
import Testing
@testable import WorkbookKit

@Suite struct FileErrorWordsTests {
    @Test func aFullDiskIsSaidInWords() throws {
        #expect(FileErrorWords.describe(POSIXError(.ENOSPC)) == "the disk is full")
        #expect(FileErrorWords.describe(CocoaError(.fileWriteOutOfSpace)) == "the disk is full")
        let wrapped = NSError(domain: NSCocoaErrorDomain, code: 512,
                              userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(FileErrorWords.describe(wrapped) == "the disk is full")
    }

    @Test func writingToAFullDeviceIsSaidInWords() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        do {
            try Data(count: 1 << 16).write(to: URL(fileURLWithPath: "/dev/full"))
            Issue.record("writing to /dev/full succeeded")
        } catch {
            #expect(FileErrorWords.describe(error) == "the disk is full")
        }
    }

    @Test(arguments: [CocoaError.Code.fileWriteUnknown, .fileReadUnknown, .fileNoSuchFile, .fileWriteNoPermission])
    func cocoaErrorsNeverShowTheirDomainOrNumber(code: CocoaError.Code) {
        let words = FileErrorWords.describe(CocoaError(code))
        #expect(!words.contains("Domain") && !words.contains("256") && !words.contains("512"))
        #expect(!words.isEmpty)
    }
}
