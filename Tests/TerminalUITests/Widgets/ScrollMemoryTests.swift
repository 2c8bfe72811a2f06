import Testing
@testable import TerminalUI

/// One scroll model: the offset moves just enough to show the selection, and is kept between frames.
@Suite struct ScrollMemoryTests {
    @Test func theOffsetMovesOnlyAsFarAsTheSelectionNeeds() {
        var memory = ScrollMemory()
        #expect(memory.offset("list", selected: 0, count: 100, height: 10) == 0)
        #expect(memory.offset("list", selected: 9, count: 100, height: 10) == 0)
        #expect(memory.offset("list", selected: 12, count: 100, height: 10) == 3)
        #expect(memory.offset("list", selected: 8, count: 100, height: 10) == 3)    // kept: 8 is in view
        #expect(memory.offset("list", selected: 1, count: 100, height: 10) == 1)
        #expect(memory.offset("list", selected: 99, count: 100, height: 10) == 90)
        #expect(memory.offset("list", selected: 4, count: 5, height: 10) == 0)      // fewer rows than fit
        // Another list, or another identity of the same one, starts from the top.
        #expect(memory.offset("other", selected: 3, count: 100, height: 10) == 0)
        _ = memory.offset("notes", identity: 1, selected: 30, count: 40, height: 10)
        #expect(memory.offset("notes", identity: 2, selected: 5, count: 40, height: 10) == 0)
    }

    /// A jump (half the height) past the edge: the offset moves at least that far, so a held
    /// Down redraws the rows once per half screen; a move of more than the jump (a page) moves
    /// just enough, and the end still clamps.
    @Test func aJumpMovesTheOffsetAtLeastThatFarPastTheEdge() {
        var memory = ScrollMemory()
        #expect(memory.offset("list", selected: 9, count: 100, height: 10, jump: 5) == 0)
        #expect(memory.offset("list", selected: 10, count: 100, height: 10, jump: 5) == 5)   // one past: five rows
        #expect(memory.offset("list", selected: 14, count: 100, height: 10, jump: 5) == 5)   // still in view: kept
        #expect(memory.offset("list", selected: 15, count: 100, height: 10, jump: 5) == 10)
        #expect(memory.offset("list", selected: 40, count: 100, height: 10, jump: 5) == 31)  // a page: just enough
        #expect(memory.offset("list", selected: 30, count: 100, height: 10, jump: 5) == 26)  // up past the top: five
        #expect(memory.offset("list", selected: 97, count: 100, height: 10, jump: 5) == 88)
        #expect(memory.offset("list", selected: 99, count: 100, height: 10, jump: 5) == 90)  // clamped at the end
        #expect(memory.offset("list", selected: 2, count: 100, height: 10, jump: 5) == 2)
        #expect(memory.offset("list", selected: 1, count: 100, height: 10, jump: 5) == 0)    // clamped at the top
    }
}
