import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TestSupport
import Testing
import TextEditing
@testable import LeadsUI

/// Keys to actions through the keymap only: its contexts in effect, text
/// where text is typed, mouse events by the last frame's map.
@Suite struct KeyRouterTests {
    let keymap = ScreenSnapshotTests.keymap
    let noFrame = FrameMap()

    func state(_ commands: Command..., from state: AppState = Fixtures.loaded()) -> AppState {
        AppReducer.preview(state, commands.map(Action.commandInvoked))
    }

    @Test func listKeysGoThroughTheKeymap() {
        var router = KeyRouter(keymap: keymap)
        let state = Fixtures.loaded()
        #expect(router.actions(for: .character("j"), state: state, frame: noFrame) == [.commandInvoked(.down)])
        #expect(router.actions(for: .character("D"), state: state, frame: noFrame) == [.commandInvoked(.deleteLead)])
        #expect(router.actions(for: .character("Z"), state: state, frame: noFrame) == [])
        #expect(router.actions(for: .ctrl("c"), state: state, frame: noFrame) == [.commandInvoked(.quit)])
        #expect(router.actions(for: .ctrl("z"), state: state, frame: noFrame) == [.commandInvoked(.suspend)])
        #expect(router.actions(for: .ctrl("l"), state: state, frame: noFrame) == [.commandInvoked(.redraw)])
    }

    /// Help opens at the keys of the place it was asked from, and q closes it as in less.
    @Test func helpStartsWithThePanesKeysAndQClosesIt() {
        var router = KeyRouter(keymap: keymap)
        let help = state(.help)
        #expect(router.actions(for: .character("q"), state: help, frame: noFrame) == [.commandInvoked(.back)])
        // The palette pages with PageDown/PageUp (printable keys stay its query's text).
        let palette = state(.palette)
        #expect(router.actions(for: .pageDown, state: palette, frame: noFrame) == [.commandInvoked(.pageDown)])
        #expect(router.actions(for: .character("j"), state: palette, frame: noFrame) == [.textEdited(.insert("j"))])
        for (from, heading) in [(Fixtures.loaded(), "Leads"), (state(.viewCalendar), "Calendar")] {
            let lines = ScreenSnapshotTests.draw(state(.help, from: from)).lines
            let first = lines.dropFirst(2).first { !$0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "│")).trimmingCharacters(in: .whitespaces).isEmpty }
            #expect(first?.contains(heading) == true, "help from \(from.view) starts with: \(first ?? "nothing")")
            #expect(lines.contains { $0.contains("q close") || $0.contains("esc/q close") || $0.contains("q/esc close") }, "the title names q")
        }
    }

    @Test func inAFormPrintableKeysAreTextAndTheFormsKeysAreCommands() {
        var router = KeyRouter(keymap: keymap)
        let form = state(.newLead)
        #expect(router.actions(for: .character("q"), state: form, frame: noFrame) == [.textEdited(.insert("q"))])
        #expect(router.actions(for: .character("?"), state: form, frame: noFrame) == [.textEdited(.insert("?"))])
        #expect(router.actions(for: .character("1"), state: form, frame: noFrame) == [.textEdited(.insert("1"))])
        #expect(router.actions(for: .tab, state: form, frame: noFrame) == [.commandInvoked(.nextField)])
        #expect(router.actions(for: .down, state: form, frame: noFrame) == [.commandInvoked(.nextField)])
        #expect(router.actions(for: .ctrl("s"), state: form, frame: noFrame) == [.commandInvoked(.save)])
        #expect(router.actions(for: .escape, state: form, frame: noFrame) == [.commandInvoked(.cancel)])
        #expect(router.actions(for: .enter, state: form, frame: noFrame) == [.commandInvoked(.submit)])
        #expect(router.actions(for: .ctrl("w"), state: form, frame: noFrame) == [.textEdited(.killWord)])
        #expect(router.actions(for: .ctrl("l"), state: form, frame: noFrame) == [.commandInvoked(.redraw)])   // global, not printable
        // A waiting delete's `u` is a letter in a form.
        let pending = state(.newLead, from: state(.deleteLead, .yes))
        #expect(router.actions(for: .character("u"), state: pending, frame: noFrame) == [.textEdited(.insert("u"))])
    }

    /// On status and source, up/down cycle the choices (the `choice` context over `form`); tab still moves on.
    @Test func onAChoiceFieldUpAndDownCycleTheChoices() {
        var router = KeyRouter(keymap: keymap)
        var form = state(.newLead, .nextField, .nextField, .nextField, .nextField)
        #expect(form.keyScope.contexts == ["global", "form", "choice"])
        for (key, expected) in [(Key.down, "prospect"), (.down, "tentative"), (.up, "prospect"), (.up, "customer")] {
            form = AppReducer.preview(form, router.actions(for: key, state: form, frame: noFrame))
            guard case .leadForm(let lead)? = form.modals.last else { Issue.record("the form closed"); return }
            #expect(lead.form.value(.status) == expected && lead.form.focus == .status)
        }
        #expect(router.actions(for: .tab, state: form, frame: noFrame) == [.commandInvoked(.nextField)])
        #expect(router.actions(for: .character("c"), state: form, frame: noFrame) == [.textEdited(.insert("c"))])
    }

    @Test func inANoteEnterIsANewLineAndUpMovesByTheWrappedLine() {
        var router = KeyRouter(keymap: keymap)
        var note = state(.newNote)
        #expect(router.actions(for: .enter, state: note, frame: noFrame) == [.commandInvoked(.newLine)])
        note = AppReducer.preview(note, [.textEdited(.insert("one\ntwo"))])
        var buffer = Buffer(width: 80, height: 24)
        let frame = ScreenSnapshotTests.screen().render(note, into: &buffer)
        #expect(frame.textAreaWidth == 61)
        #expect(router.actions(for: .up, state: note, frame: frame) == [.textEdited(.moveCursor(3))])
        #expect(router.actions(for: .down, state: note, frame: frame) == [.textEdited(.moveCursor(7))])
    }

    @Test func theFilterBarAndThePaletteTakeTextAndTheirOwnKeys() {
        var router = KeyRouter(keymap: keymap)
        let bar = state(.filter)
        #expect(router.actions(for: .character("q"), state: bar, frame: noFrame) == [.textEdited(.insert("q"))])
        #expect(router.actions(for: .enter, state: bar, frame: noFrame) == [.commandInvoked(.applyFilter)])
        #expect(router.actions(for: .escape, state: bar, frame: noFrame) == [.commandInvoked(.back)])
        let palette = state(.palette)
        #expect(router.actions(for: .enter, state: palette, frame: noFrame) == [.commandInvoked(.runCommand)])
        #expect(router.actions(for: .down, state: palette, frame: noFrame) == [.commandInvoked(.down)])
        #expect(router.actions(for: .character("j"), state: palette, frame: noFrame) == [.textEdited(.insert("j"))])
    }

    @Test func escThenAKeyTypedFastIsBothKeys() {
        var router = KeyRouter(keymap: keymap)
        let detail = state(.open)   // the detail, at 80 columns
        #expect(router.actions(for: .alt("a"), state: detail, frame: noFrame) == [.commandInvoked(.back), .commandInvoked(.newLead)])
    }

    @Test func theDeleteWindowBindsUndoOnTop() {
        var router = KeyRouter(keymap: keymap)
        #expect(router.actions(for: .character("u"), state: state(.deleteLead), frame: noFrame) == [])   // the dialog's context only
        #expect(router.actions(for: .character("u"), state: state(.deleteLead, .yes), frame: noFrame) == [.commandInvoked(.undo)])
    }

    @Test func mouseEventsAreResolvedAgainstWhatTheFrameDrew() {
        var router = KeyRouter(keymap: keymap)
        let state = state(.bottom, from: AppReducer.preview(Fixtures.loaded(width: 160, height: 48), [.ticked(Fixtures.now)]))
        var buffer = Buffer(width: 160, height: 48)
        let frame = ScreenSnapshotTests.screen().render(state, into: &buffer)
        let offset = 49 - (48 - 5) + 1
        // Row 3 is the first data row: title bar, frame, header.
        #expect(router.actions(for: .mouse(MouseEvent(kind: .press, x: 5, y: 3)), state: state, frame: frame) == [.rowClicked(.list, offset)])
        #expect(router.actions(for: .mouse(MouseEvent(kind: .press, x: 5, y: 5)), state: state, frame: frame) == [.rowClicked(.list, offset + 2)])
        #expect(router.actions(for: .mouse(MouseEvent(kind: .wheelDown, x: 5, y: 10)), state: state, frame: frame) == [.wheelScrolled(.list, 3)])
        #expect(router.actions(for: .mouse(MouseEvent(kind: .press, x: 5, y: 0)), state: state, frame: frame) == [])   // the title bar
        let notes = try! #require(frame.hits.rect(of: .notes))
        #expect(router.actions(for: .mouse(MouseEvent(kind: .press, x: notes.x + 1, y: notes.y)), state: state, frame: frame) == [.rowClicked(.notes, 0)])
    }

    @Test func aTwoKeySequenceShowsWhatMayFollowAndAnyOtherKeyEndsIt() {
        var keys = keymap
        keys.bind(KeySequence([.ctrl("x"), .ctrl("c")]), to: "app.quit", in: "global")
        var router = KeyRouter(keymap: keys)
        var state = Fixtures.loaded()
        #expect(router.actions(for: .ctrl("x"), state: state, frame: noFrame) == [.keySequencePending("ctrl-x ctrl-c")])
        state = AppReducer.preview(state, [.keySequencePending("ctrl-x ctrl-c")])
        var buffer = Buffer(width: 80, height: 24)
        Screen(theme: ScreenSnapshotTests.theme, keymap: keys, helpContexts: Vocabulary.contexts, descriptions: Vocabulary.descriptions)
            .render(state, into: &buffer)
        #expect(buffer.line(23).contains("ctrl-x ctrl-c …"))
        #expect(router.actions(for: .ctrl("c"), state: state, frame: noFrame) == [.keySequencePending(nil), .commandInvoked(.quit)])
        #expect(router.actions(for: .ctrl("x"), state: state, frame: noFrame) == [.keySequencePending("ctrl-x ctrl-c")])
        #expect(router.actions(for: .character("j"), state: state, frame: noFrame) == [.keySequencePending(nil)])
    }
}
