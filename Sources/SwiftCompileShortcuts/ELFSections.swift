import Foundation
import SwiftToolchain
import WorkbookKit

/// Reads named sections of a 64-bit little-endian ELF object file (what the Swift
/// frontend writes on Linux), without starting a tool.
///
/// Only the section header table is interpreted; anything unexpected (another format, a
/// truncated file, extended section numbering) gives `nil`, and callers fall back to the
/// toolchain's own tools.
struct ELFSections {
    private let bytes: [UInt8]

    init?(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url) else { return nil }
        self.init(bytes: [UInt8](data))
    }

    init?(bytes: [UInt8]) {
        // "\x7fELF", 64-bit class, little-endian.
        guard bytes.count >= 64, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
              bytes[4] == 2, bytes[5] == 1
        else { return nil }
        self.bytes = bytes
    }

    /// The concatenated contents of every section called `name` (in header order), or `nil`
    /// when the header table cannot be read or no section has that name.
    func contents(of name: String) -> [UInt8]? {
        guard let headerOffset = integer(at: 0x28, size: 8), let entrySize = integer(at: 0x3A, size: 2),
              let count = integer(at: 0x3C, size: 2), let namesIndex = integer(at: 0x3E, size: 2),
              entrySize >= 64, count > 0, namesIndex < count
        else { return nil }
        func header(_ index: Int) -> (name: Int, offset: Int, size: Int)? {
            let start = headerOffset + index * entrySize
            guard let nameOffset = integer(at: start, size: 4), let offset = integer(at: start + 24, size: 8),
                  let size = integer(at: start + 32, size: 8), offset <= bytes.count, size <= bytes.count - offset
            else { return nil }
            return (nameOffset, offset, size)
        }
        guard let names = header(namesIndex) else { return nil }
        let wanted = Array(name.utf8)
        var found: [UInt8]?
        for index in 0..<count {
            guard let section = header(index) else { return nil }
            let nameStart = names.offset + section.name
            let nameEnd = nameStart + wanted.count
            guard nameEnd < names.offset + names.size, bytes[nameEnd] == 0,
                  bytes[nameStart..<nameEnd].elementsEqual(wanted)
            else { continue }
            found = (found ?? []) + bytes[section.offset..<(section.offset + section.size)]
        }
        return found
    }

    /// The unsigned little-endian integer of `size` bytes at `offset`, if it fits in the file.
    private func integer(at offset: Int, size: Int) -> Int? {
        guard offset >= 0, size <= bytes.count, offset <= bytes.count - size else { return nil }
        var value: UInt64 = 0
        for index in (0..<size).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        return value <= UInt64(Int.max / 2) ? Int(value) : nil
    }
}
