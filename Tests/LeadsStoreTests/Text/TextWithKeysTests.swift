import Testing
@testable import LeadsStore

/// Text that names keys by their commands.
@Suite struct TextWithKeysTests {
    @Test func partsJoinAndKeysAreWrittenByTheCaller() {
        let count = 3
        let text: TextWithKeys = "Deleted \(count) — \(key: .undo) to undo"
        #expect(text.parts == [.text("Deleted 3 — "), .key(.undo), .text(" to undo")])
        #expect(text == "Deleted \(count) — \(key: .undo) to undo")
        #expect(text.rendered { $0 == .undo ? "ctrl-z" : "?" } == "Deleted 3 — ctrl-z to undo")
        #expect(text.description == "Deleted 3 — ⟨delete.undo⟩ to undo")
        let plain: TextWithKeys = "Filter cleared."
        #expect(plain.parts == [.text("Filter cleared.")] && plain == "Filter \("cleared").")
        #expect(("a" as TextWithKeys) + "\(key: .save)b" == TextWithKeys([.text("a"), .key(.save), .text("b")]))
        #expect(TextWithKeys().isEmpty && TextWithKeys([.text("")]).isEmpty)
    }
}
