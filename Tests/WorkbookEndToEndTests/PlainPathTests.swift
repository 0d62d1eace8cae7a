import Foundation
import Testing

/// `WORKBOOK_PLAIN_SWIFTC=1` keeps no compiled program: the accelerated path stores each one
/// for the next build (`ProgramBinaryCache`), the plain path compiles every time.
@Suite struct PlainPathTests {
    /// The files under the cache's folder of compiled programs.
    func storedPrograms(in root: URL) -> [String] {
        let folder = root.appendingPathComponent(".workbook-cache/programs")
        return (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { !$0.hasPrefix(".") }
    }

    @Test func thePlainPathStoresNoCompiledProgramAndTheAcceleratedOneDoes() throws {
        let root = try WorkbookProcess.copy(fixture: "plain")
        let plain = try WorkbookProcess.run(["build", "--no-cache"], in: root, privateCache: true,
                                            environment: ["WORKBOOK_PLAIN_SWIFTC": "1"])
        #expect(plain.exitCode == 0, "\(plain.stderr)")
        #expect(storedPrograms(in: root).isEmpty, "\(storedPrograms(in: root))")
        let plainPage = try root.text("site/01-one.html")

        let accelerated = try WorkbookProcess.run(["build", "--no-cache"], in: root, privateCache: true,
                                                  environment: WorkbookProcess.withAccelerators)
        #expect(accelerated.exitCode == 0, "\(accelerated.stderr)")
        #expect(!storedPrograms(in: root).isEmpty)
        #expect(try root.text("site/01-one.html") == plainPage)
    }
}
