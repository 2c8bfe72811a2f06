import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The palette on its own.
@Suite struct PaletteFeatureTests {
    @Test func matchesFollowTheQueryAndTheHighlightStaysInThem() {
        var palette = PaletteState()
        #expect(palette.matches().allSatisfy { $0.isListedInPalette })
        #expect(!palette.matches().contains(.save))
        #expect(PaletteFeature.reduce(&palette, .edited(.insert("calendar"))) == [])
        let matches = palette.matches()
        #expect(matches.first == .viewCalendar && matches.count > 3)
        for _ in 0..<(matches.count + 3) { #expect(PaletteFeature.reduce(&palette, .command(.down)) == []) }
        #expect(palette.selected == matches.count - 1)
        #expect(PaletteFeature.reduce(&palette, .command(.runCommand)) == [.delegate(.run(matches[matches.count - 1]))])
        #expect(PaletteFeature.reduce(&palette, .pasted("zzz")) == [])
        #expect(palette.selected == 0 && palette.matches().isEmpty)
        #expect(PaletteFeature.reduce(&palette, .command(.runCommand)) == [])
        #expect(PaletteFeature.reduce(&palette, .command(.back)) == [.delegate(.close)])
    }
}
