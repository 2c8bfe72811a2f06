import Testing
@testable import TerminalUI

/// What a frame drew where, for the mouse.
@Suite struct HitMapTests {
    @Test func aCellGivesTheRowDrawnThereAndTheLastRegionWins() {
        var map = HitMap<String>()
        map.addRows(Rect(x: 1, y: 3, width: 40, height: 10), "list", firstRow: 20)
        map.addRows(Rect(x: 50, y: 3, width: 30, height: 5), "notes", firstRow: 0)
        map.addRows(Rect(x: 0, y: 0, width: 0, height: 5), "empty", firstRow: 0)
        #expect(map.row(atX: 5, y: 3)! == ("list", 20))
        #expect(map.row(atX: 40, y: 12)! == ("list", 29))
        #expect(map.row(atX: 41, y: 12) == nil)
        #expect(map.row(atX: 55, y: 7)! == ("notes", 4))
        #expect(map.rect(of: "notes") == Rect(x: 50, y: 3, width: 30, height: 5))
        map.addRows(Rect(x: 0, y: 0, width: 80, height: 24), "dialog", firstRow: 0)
        #expect(map.row(atX: 5, y: 3)! == ("dialog", 3))
    }
}
