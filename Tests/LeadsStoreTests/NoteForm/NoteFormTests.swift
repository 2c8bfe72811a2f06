import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The add-note form, in the app.
@Suite struct NoteFormTests {
    func note(_ state: AppState) -> NoteForm? {
        if case .noteForm(let form) = state.topModal { return form }
        return nil
    }

    @Test func aNoteIsCheckedAgainstTheLimitSavedAndTheDetailReloads() {
        var store = TestStore(Fixtures.loaded())
        store.press(.open, effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        store.send(.responded(RequestID(.leadDetail, 4), .lead(slug: "lead-0", .success(Fixtures.detail(0)))))
        store.press(.newNote)
        store.send(.textEdited(.insert(String(repeating: "x", count: 500))))
        // Shown as you type, with the count as the service counts it.
        #expect(note(store.state)?.visibleErrors(store.state.context)[.note]
                == "Ensure this field has no more than 499 characters. (500/499)")
        store.press(.save)
        #expect(note(store.state)?.form.message == "Not saved: fix Note.")
        store.send(.textEdited(.deleteBackward))
        store.send(.textEdited(.deleteBackward))
        store.press(.newLine)   // a new line is kept in a note
        store.press(.save, effects: [.request(RequestID(.saveNote, 5), .createNote(slug: "lead-0", text: String(repeating: "x", count: 498) + "\n"))])
        store.send(.responded(RequestID(.saveNote, 5), .change(.success(Done()))), effects: [.request(RequestID(.leadDetail, 6), .lead(slug: "lead-0"))])
        #expect(store.state.modals.isEmpty)
        #expect(store.state.message?.text == "Note added to First0 Last0.")
    }

    @Test func onlyTextThatIsNotBlankCountsAsTyped() {
        var form = NoteForm(slug: "lead-1", leadName: "Ana")
        #expect(!form.hasUnsavedInput && form.draft(id: "d", at: Fixtures.now) == nil)
        #expect(FormFeature.reduce(&form, .edited(.insert(" \n ")), Fixtures.context()) == [])
        #expect(!form.hasUnsavedInput)
        #expect(FormFeature.reduce(&form, .pasted("Called\r\nno answer"), Fixtures.context()) == [])
        #expect(form.text == " \n Called\nno answer")
        #expect(form.draft(id: "d", at: Fixtures.now)?.content == .note(slug: "lead-1", leadName: "Ana", text: " \n Called\nno answer"))
    }

    @Test func theServicesRefusalIsShownUnderTheNote() {
        var form = NoteForm(slug: "lead-1", leadName: "Ana", text: "Hi")
        #expect(FormFeature.reduce(&form, .command(.save), Fixtures.context()) == [.request(.saveNote, .createNote(slug: "lead-1", text: "Hi"))])
        #expect(FormFeature.reduce(&form, .saved(.failure(.validation(FieldErrors([("note", ["Too rude."])])))), Fixtures.context()) == [])
        #expect(form.visibleErrors(Fixtures.context())[.note] == "Too rude.")
        #expect(form.text == "Hi")
    }
}
