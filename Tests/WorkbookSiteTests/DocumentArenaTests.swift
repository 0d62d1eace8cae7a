import CMarkMath
import Testing

@Suite struct DocumentArenaTests {
    @Test func blocksKeepTheirBytesThroughGrowthChunksAndLargeBlocks() throws {
        let arena = workbook_arena_new()
        defer { workbook_arena_free(arena) }
        let memory = workbook_arena_allocator()!.pointee
        var blocks: [(UnsafeMutableRawPointer, Int, UInt8)] = []
        // Small, growing and large blocks interleaved, across several chunks.
        for index in 0..<2_000 {
            let size = index % 97 == 0 ? 70_000 + index : 8 + index % 300
            let block = try #require(memory.calloc(1, size))
            #expect(UnsafeRawBufferPointer(start: block, count: size).allSatisfy { $0 == 0 })
            let fill = UInt8(truncatingIfNeeded: index)
            block.initializeMemory(as: UInt8.self, repeating: fill, count: size)
            blocks.append((block, size, fill))
            if index % 5 == 0, let (last, lastSize, lastFill) = blocks.popLast() {
                let grown = try #require(memory.realloc(last, lastSize * 3))
                #expect(UnsafeRawBufferPointer(start: grown, count: lastSize).allSatisfy { $0 == lastFill })
                grown.advanced(by: lastSize).initializeMemory(as: UInt8.self, repeating: lastFill, count: lastSize * 2)
                blocks.append((grown, lastSize * 3, lastFill))
            }
            if index % 7 == 0, let (last, _, _) = blocks.popLast() {
                memory.free(last)
            }
        }
        for (block, size, fill) in blocks {
            #expect(UnsafeRawBufferPointer(start: block, count: size).allSatisfy { $0 == fill })
        }
        #expect(workbook_arena_reserved(arena) > 0)
    }

    @Test func aFreedBlockGivenBackIsClearedForTheNextCalloc() throws {
        let arena = workbook_arena_new()
        defer { workbook_arena_free(arena) }
        let memory = workbook_arena_allocator()!.pointee
        let first = try #require(memory.calloc(1, 64))
        first.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 64)
        memory.free(first)
        let second = try #require(memory.calloc(1, 64))
        #expect(second == first)
        #expect(UnsafeRawBufferPointer(start: second, count: 64).allSatisfy { $0 == 0 })
    }

    @Test func withoutAnArenaBlocksComeFromTheCLibrary() throws {
        // An arena exists but is not in use: blocks are the C library's, zeroed by `calloc`,
        // kept by `realloc`, and the arena reserves nothing for them.
        let arena = workbook_arena_new()
        defer { workbook_arena_free(arena) }
        workbook_arena_use(nil)
        let memory = workbook_arena_allocator()!.pointee
        let block = try #require(memory.calloc(4, 8))
        #expect(UnsafeRawBufferPointer(start: block, count: 32).allSatisfy { $0 == 0 })
        block.initializeMemory(as: UInt8.self, repeating: 0x5A, count: 32)
        let grown = try #require(memory.realloc(block, 1 << 20))
        #expect(UnsafeRawBufferPointer(start: grown, count: 32).allSatisfy { $0 == 0x5A })
        #expect(workbook_arena_reserved(arena) == 0)
        memory.free(grown)
        #expect(workbook_arena_reserved(arena) == 0)
    }
}
