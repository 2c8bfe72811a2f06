import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Issue 14.1: the copy keys put a value of the lead on the clipboard (the `.copy` effect,
/// OSC 52 in the terminal) and say what was copied; never a control character; off by setting.
@Suite struct CopyTests {
    func press(_ state: inout AppState, _ command: Command) -> [Effect] {
        AppReducer.reduce(&state, .commandInvoked(command))
    }

    @Test func eachKeyCopiesItsValueOfTheSelectedLeadAndSaysSo() {
        var state = Fixtures.loaded()
        _ = press(&state, .down)
        #expect(press(&state, .copyEmail) == [.copy("lead1@example.com")])
        #expect(state.message?.text == "Copied lead1@example.com")
        #expect(press(&state, .copyPhone) == [.copy("+15550001")])
        #expect(press(&state, .copyName) == [.copy("First1 Last1")])
        #expect(press(&state, .copySlug) == [.copy("lead-1")])
        #expect(press(&state, .copyRow) == [.copy("First1 Last1\tprospect\t+15550001\tlead1@example.com\tlead-1")])
        #expect(state.message?.text == "Copied First1 Last1's row (name, status, phone, email, slug).")
    }

    @Test func theOpenDetailsLeadWhenADetailPaneIsFocused() {
        var state = Fixtures.loaded(width: 120, height: 36)
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))
        if let id = state.requests[.leadDetail] {
            _ = AppReducer.reduce(&state, .responded(id, .lead(slug: "lead-0", .success(Fixtures.detail(0)))))
        }
        _ = press(&state, .nextPane)
        #expect(state.focus != .list)
        #expect(press(&state, .copySlug) == [.copy("lead-0")])
    }

    @Test func controlCharactersNeverReachTheClipboardAndAnEmptyValueIsSaid() {
        #expect(AppReducer.clipboardText(" +1 555\u{1B}[31m 0100\r\n") == "+1 555[31m 0100")
        var lead = Fixtures.lead(0)
        lead.phone = ""
        let loaded = Fixtures.loaded()
        var empty = AppState(settings: loaded.settings, now: Fixtures.now, viewport: loaded.viewport)
        empty.list.append(Page(results: [lead], count: 1, next: nil), at: 0, pageSize: 50)
        #expect(press(&empty, .copyPhone) == [])
        #expect(empty.message?.text == "First0 Last0 has no phone: nothing copied.")
    }

    @Test func theSettingTurnsItOff() {
        var state = Fixtures.loaded()
        state.settings.clipboard = false
        #expect(press(&state, .copyEmail) == [])
        #expect(state.message?.text == "Copying is off (clipboard = false in settings.toml).")
    }
}

/// Issue 14.6: in the note form the editor key opens the user's editor on the text; what it
/// saved replaces the text (taken as a paste is), a failed editor changes nothing.
@Suite struct EditorTests {
    @Test func theNoteGoesToTheEditorAndComesBack() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        _ = AppReducer.reduce(&state, .textEdited(.insert("Called")))
        #expect(AppReducer.reduce(&state, .commandInvoked(.openEditor)) == [.editText("Called")])
        _ = AppReducer.reduce(&state, .editorFinished(.success("Called\r\nWants a demo\u{1B}[31m")))
        guard case .noteForm(let note) = state.topModal else { Issue.record("the form closed"); return }
        #expect(note.text == "Called\nWants a demo[31m")
        #expect(state.message?.text == "The note is back from the editor (23 of 499 characters).")
        _ = AppReducer.reduce(&state, .editorFinished(.failure(EditorProblem("vi exited with status 1"))))
        guard case .noteForm(let same) = state.topModal else { Issue.record("the form closed"); return }
        #expect(same.text == note.text)
        #expect(state.message?.text == "Nothing taken from the editor: vi exited with status 1; the note is as it was.")
    }
}
