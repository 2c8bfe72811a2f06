import LeadsStore
import TerminalUI
import TestSupport
import Testing
import TextEditing
@testable import LeadsUI

/// Keys to actions: through the keymap's context stack, into text where
/// text is typed, mouse events by the screen's layout.
@Suite struct KeyRouterTests {
    let keymap = ScreenSnapshotTests.keymap

    @Test func listKeysGoThroughTheKeymap() {
        var router = KeyRouter(keymap: keymap)
        let state = Fixtures.loaded()
        #expect(router.actions(for: .character("j"), state: state) == [.commandInvoked(.down)])
        #expect(router.actions(for: .character("D"), state: state) == [.commandInvoked(.deleteLead)])
        #expect(router.actions(for: .character("Z"), state: state) == [])
        #expect(router.actions(for: .ctrl("c"), state: state) == [.commandInvoked(.quit)])
    }

    @Test func inAFormLettersAreTextAndTheFormKeysAreCommands() {
        var router = KeyRouter(keymap: keymap)
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newLead))
        #expect(router.actions(for: .character("q"), state: state) == [.textEdited(.insert("q"))])
        #expect(router.actions(for: .tab, state: state) == [.commandInvoked(.nextField)])
        #expect(router.actions(for: .ctrl("s"), state: state) == [.commandInvoked(.save)])
        #expect(router.actions(for: .escape, state: state) == [.commandInvoked(.cancel)])
        #expect(router.actions(for: .enter, state: state) == [.commandInvoked(.open)])
        #expect(router.actions(for: .ctrl("w"), state: state) == [.textEdited(.killWord)])
    }

    @Test func inANoteEnterIsANewLineAndUpMovesByWrappedLine() {
        var router = KeyRouter(keymap: keymap)
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        #expect(router.actions(for: .enter, state: state) == [.textEdited(.insert("\n"))])
        _ = AppReducer.reduce(&state, .textEdited(.insert("one\ntwo")))
        #expect(router.actions(for: .up, state: state) == [.textEdited(.moveCursor(3))])
    }

    @Test func escThenAKeyTypedFastIsBothKeys() {
        var router = KeyRouter(keymap: keymap)
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.open))   // the detail, at 80 columns
        #expect(router.actions(for: .alt("a"), state: state) == [.commandInvoked(.back), .commandInvoked(.newLead)])
    }

    @Test func theDeleteWindowBindsUndoOnTop() {
        var router = KeyRouter(keymap: keymap)
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        #expect(router.actions(for: .character("u"), state: state) == [])   // the dialog's context only
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(router.actions(for: .character("u"), state: state) == [.commandInvoked(.undo)])
    }

    @Test func mouseClicksPickRowsAndTheWheelScrolls() {
        let router = KeyRouter(keymap: keymap)
        var state = Fixtures.loaded(width: 160, height: 48)
        _ = AppReducer.reduce(&state, .commandInvoked(.bottom))
        let offset = state.list.offset
        #expect(offset > 0)
        // Row 3 is the first data row: title bar, frame, header.
        #expect(router.mouse(MouseEvent(kind: .press, x: 5, y: 5), state: state) == [.rowClicked(.list, offset + 2)])
        #expect(router.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 10), state: state) == [.wheelScrolled(.list, 3)])
        #expect(router.mouse(MouseEvent(kind: .press, x: 5, y: 0), state: state) == [])           // the title bar
        let notes = DetailLayout.rows(of: DetailLayout(frame: ScreenLayout(width: 160, height: 48, state: state).detail!, lead: nil).notes)
        #expect(router.mouse(MouseEvent(kind: .press, x: notes.x + 1, y: notes.y), state: state) == [.rowClicked(.notes, 0)])
    }

    @Test func aTwoKeySequenceShowsWhatMayFollow() {
        var keys = keymap
        keys.bind(KeySequence([.ctrl("x"), .ctrl("c")]), to: "app.quit", in: "global")
        var router = KeyRouter(keymap: keys)
        let state = Fixtures.loaded()
        #expect(router.actions(for: .ctrl("x"), state: state) == [])
        #expect(router.pendingHint == "ctrl-x ctrl-c")
        var buffer = Buffer(width: 80, height: 24)
        ScreenSnapshotTests.screen().render(state, into: &buffer, pendingKeys: router.pendingHint)
        #expect(buffer.line(23).contains("ctrl-x ctrl-c …"))
        #expect(router.actions(for: .ctrl("c"), state: state) == [.commandInvoked(.quit)])
        #expect(router.pendingHint == nil)
    }
}
