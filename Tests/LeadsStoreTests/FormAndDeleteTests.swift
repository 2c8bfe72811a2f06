import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

@Suite struct LeadFormTests {
    func type(_ text: String, into state: inout AppState) {
        for character in text { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
    }

    func form(_ state: AppState) -> LeadForm? {
        if case .leadForm(let form) = state.topModal { return form }
        return nil
    }

    @Test func newLeadPrefillsTheAssigneeAndValidatesAsYouType() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newLead))
        #expect(form(state)?.value(.assignee) == "demo")
        #expect(form(state)?.notes[.assignee] == "prefilled: you (signed-in user)")
        #expect(form(state)?.visibleErrors == [:])                       // nothing shown before the user types
        _ = AppReducer.reduce(&state, .commandInvoked(.nextField))
        _ = AppReducer.reduce(&state, .commandInvoked(.nextField))
        _ = AppReducer.reduce(&state, .commandInvoked(.nextField))       // on phone; first, last, email touched
        type("12ab", into: &state)
        let errors = form(state)?.visibleErrors ?? [:]
        #expect(errors[.phone] == Messages.invalidPhone)
        #expect(errors[.firstName] == Messages.blank)
        #expect(errors[.location] == nil)                                // not reached yet
        // Saving shows every problem and sends nothing.
        assertReduce(&state, .commandInvoked(.save), effects: []) {
            guard case .leadForm(var form) = $0.modals.last else { return }
            form.hasTriedSaving = true
            form.focus = .firstName
            form.message = "Not saved: fix First name, Last name, Email, Phone, Location, Message."
            form.isMessageError = true
            $0.modals[$0.modals.count - 1] = .leadForm(form)
        }
    }

    @Test func serverMessagesLandUnderTheirFieldsAndNothingTypedIsLost() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newLead))
        for (index, value) in ["Bo", "Tester", "bo@example.com", "+15551234567", "", "", "Lisbon", "Pricing"].enumerated() {
            if index > 0 { _ = AppReducer.reduce(&state, .commandInvoked(.nextField)) }
            type(value, into: &state)
        }
        let draft = LeadDraft(firstName: "Bo", lastName: "Tester", email: "bo@example.com", phone: "+15551234567",
                              location: "Lisbon", message: "Pricing", assignee: "demo")
        let save = AppReducer.reduce(&state, .commandInvoked(.save))
        #expect(save == [.request(RequestID(.saveLead, 4), .createLead(draft))])
        #expect(form(state)?.isSaving == true)
        let rejected = APIError.validation(FieldErrors([("email", ["Lead with this email already exists."])]))
        _ = AppReducer.reduce(&state, .changeFinished(RequestID(.saveLead, 4), .failure(rejected)))
        #expect(form(state)?.visibleErrors[.email] == "Lead with this email already exists.")
        #expect(form(state)?.focus == .email)
        #expect(form(state)?.draft == draft)
        // The network goes away: the form stays, with the reason.
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        _ = AppReducer.reduce(&state, .changeFinished(RequestID(.saveLead, 5), .failure(.transport(.init(.timedOut)))))
        #expect(form(state)?.message == "Not saved: The request timed out. Your input is kept; ctrl-s to retry.")
        #expect(form(state)?.draft == draft)
        // Then it works: the form closes, the list and overview reload.
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        let done = AppReducer.reduce(&state, .changeFinished(RequestID(.saveLead, 6), .success(Done())))
        #expect(state.modals.isEmpty)
        #expect(state.message?.text == "Created lead Bo Tester.")
        #expect(done == [.request(RequestID(.leadsPage, 7), .leads(LeadQuery(limit: 50, offset: 0))),
                         .cancel(RequestID(.overview, 2)), .request(RequestID(.overview, 8), .overview)])
    }

    @Test func editPrefillsWhatUpdateNeedsAndSaysWhereItCameFrom() {
        var state = Fixtures.loaded()
        state.lastUsed["lead-0"] = LeadExtras(location: "Porto", message: "Old message", assignee: "alex")
        _ = AppReducer.reduce(&state, .commandInvoked(.editLead))
        let opened = form(state)
        #expect(opened?.mode == .edit(slug: "lead-0"))
        #expect(opened?.value(.firstName) == "First0")
        #expect(opened?.value(.location) == "Porto")
        #expect(opened?.value(.assignee) == "alex")
        #expect(opened?.notes[.location] == "prefilled: last used for this lead")
        #expect(opened?.hasChanges == false)
        // With the detail loaded, its message wins over the last-used one.
        state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))
        _ = AppReducer.reduce(&state, .leadLoaded(state.requests[.leadDetail]!, slug: "lead-0", .success(Fixtures.detail(0))))
        _ = AppReducer.reduce(&state, .commandInvoked(.editLead))
        #expect(form(state)?.value(.message) == "Wants a demo")
        #expect(form(state)?.notes[.location] == "required by the service: not known for this lead")
        #expect(form(state)?.value(.assignee) == "demo")
    }

    @Test func escWithChangesAsksAndNoKeepsEverything() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newLead))
        type("Bo", into: &state)
        let before = state
        _ = AppReducer.reduce(&state, .commandInvoked(.cancel))
        guard case .confirm(let question) = state.topModal else { Issue.record("no question"); return }
        #expect(question.kind == .discardForm)
        _ = AppReducer.reduce(&state, .commandInvoked(.no))
        #expect(state == before)
        _ = AppReducer.reduce(&state, .commandInvoked(.cancel))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(state.modals.isEmpty)
    }

    @Test func aNoteIsCheckedSavedAndTheDetailReloads() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        let detailID = state.requests[.leadDetail]!
        _ = AppReducer.reduce(&state, .leadLoaded(detailID, slug: "lead-0", .success(Fixtures.detail(0))))
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        type(String(repeating: "x", count: 500), into: &state)
        #expect(AppReducer.reduce(&state, .commandInvoked(.save)) == [])
        guard case .noteForm(let tooLong) = state.topModal else { Issue.record("no note form"); return }
        #expect(tooLong.error?.hasSuffix("(500/499)") == true)
        _ = AppReducer.reduce(&state, .textEdited(.deleteBackward))
        _ = AppReducer.reduce(&state, .textEdited(.deleteBackward))
        _ = AppReducer.reduce(&state, .textEdited(.insert("\n")))        // a new line is kept in a note
        let save = AppReducer.reduce(&state, .commandInvoked(.save))
        #expect(save == [.request(RequestID(.saveNote, 5), .createNote(slug: "lead-0", text: String(repeating: "x", count: 498) + "\n"))])
        let done = AppReducer.reduce(&state, .changeFinished(RequestID(.saveNote, 5), .success(Done())))
        #expect(done == [.request(RequestID(.leadDetail, 6), .lead(slug: "lead-0"))])
        #expect(state.modals.isEmpty)
        #expect(state.message?.text == "Note added to First0 Last0.")
    }
}

@Suite struct DeleteUndoQuitTests {
    @Test func deleteWaitsForTheUndoWindowThenSends() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        guard case .confirm(let question) = state.topModal else { Issue.record("no confirmation"); return }
        #expect(question.question == "Delete lead First0 Last0?")
        assertReduce(&state, .commandInvoked(.yes), effects: []) {
            $0.modals = []
            $0.pendingDelete = PendingDelete(target: .lead(slug: "lead-0"), label: "First0 Last0", deadline: Fixtures.now.addingTimeInterval(5))
            $0.list.hide("lead-0")
        }
        #expect(state.keyContexts == ["global", "list", "leads", "pending"])
        #expect(state.list.selectedLead?.slug == "lead-1")
        let early = Fixtures.now.addingTimeInterval(4.9)
        #expect(AppReducer.reduce(&state, .ticked(early)) == [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-1"))])
        let due = Fixtures.now.addingTimeInterval(5)
        #expect(AppReducer.reduce(&state, .ticked(due)) == [.request(RequestID(.delete, 5), .deleteLead(slug: "lead-0"))])
        #expect(state.pendingDelete?.isSent == true)
        #expect(AppReducer.reduce(&state, .commandInvoked(.undo)) == [])  // too late to undo
        _ = AppReducer.reduce(&state, .changeFinished(RequestID(.delete, 5), .success(Done())))
        #expect(state.pendingDelete == nil)
        #expect(!state.list.rows.contains { $0.slug == "lead-0" })
        #expect(state.list.total == 119)
    }

    @Test func undoInsideTheWindowBringsTheLeadBack() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        assertReduce(&state, .commandInvoked(.undo), effects: []) {
            $0.pendingDelete = nil
            $0.list.unhide("lead-0")
            $0.isDetailStale = true
            $0.message = StatusMessage("Undone: First0 Last0 is not deleted.", .success, at: Fixtures.now)
        }
        #expect(state.list.selectedLead?.slug == "lead-1")   // the selection stayed where it was
        #expect(state.list.visible.count == 50)
    }

    @Test func aFailedDeleteRestoresTheLeadAndSaysWhy() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(6)))
        let id = state.requests[.delete]!
        _ = AppReducer.reduce(&state, .changeFinished(id, .failure(.requestFailed(["Only the owner can delete this lead."]))))
        #expect(state.list.visible.count == 50)
        #expect(state.message == StatusMessage("Could not delete First0 Last0: Only the owner can delete this lead.", .error, at: Fixtures.now.addingTimeInterval(6)))
    }

    @Test func quittingSendsThePendingDeleteFirst() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        let quit = AppReducer.reduce(&state, .commandInvoked(.quit))
        #expect(quit == [.request(RequestID(.delete, 4), .deleteLead(slug: "lead-0"))])
        #expect(state.isQuitting)
        #expect(AppReducer.reduce(&state, .changeFinished(RequestID(.delete, 4), .success(Done()))) == [.quit])
    }

    @Test func quitWithUnsavedInputAsksFirst() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        _ = AppReducer.reduce(&state, .textEdited(.insert("Called")))
        #expect(AppReducer.reduce(&state, .commandInvoked(.quit)) == [])
        guard case .confirm(let question) = state.topModal else { Issue.record("no question"); return }
        #expect(question.kind == .quitDiscarding)
        #expect(AppReducer.reduce(&state, .commandInvoked(.yes)) == [.quit])
        var idle = Fixtures.loaded()
        #expect(AppReducer.reduce(&idle, .commandInvoked(.quit)) == [.quit])
    }

    @Test func aHangUpWritesTheDraftOfWhatIsBeingTyped() {
        var state = Fixtures.loaded()
        #expect(AppReducer.reduce(&state, .hungUp) == [])
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        _ = AppReducer.reduce(&state, .textEdited(.insert("Half a thought")))
        let draft = Draft(id: "draft-1795515300000", savedAt: Fixtures.now,
                          content: .note(slug: "lead-0", leadName: "First0 Last0", text: "Half a thought"))
        #expect(AppReducer.reduce(&state, .hungUp) == [.saveDraft(draft)])
    }

    @Test func deletingANoteNeedsTheNotesListAndCanBeUndone() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteNote))
        #expect(state.modals.isEmpty)
        #expect(state.message?.text == "Select a note in the notes list first (tab to it).")
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        let detail = Fixtures.detail(0, notes: [(7, "Older", "2026-11-20 10:00"), (8, "Newest", "2026-11-23 10:00")])
        _ = AppReducer.reduce(&state, .leadLoaded(state.requests[.leadDetail]!, slug: "lead-0", .success(detail)))
        #expect(state.detail?.notes.map(\.note) == ["Newest", "Older"])
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteNote))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(state.detail?.notes.map(\.note) == ["Older"])
        #expect(state.pendingDelete?.target == .note(id: 8, slug: "lead-0"))
        _ = AppReducer.reduce(&state, .commandInvoked(.undo))
        #expect(state.detail?.notes.map(\.note) == ["Newest", "Older"])
    }
}

@Suite struct HelpAndPaletteTests {
    @Test func helpScrollsAndCloses() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.help))
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        #expect(state.modals == [.help(offset: 1)])
        _ = AppReducer.reduce(&state, .commandInvoked(.back))
        #expect(state.modals.isEmpty)
    }

    @Test func paletteFiltersAndRunsOnlyWhatApplies() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.palette))
        for character in "sort" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        guard case .palette(let palette) = state.topModal else { Issue.record("no palette"); return }
        #expect(palette.matches() == [.sortNext])
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(state.list.sort == .name)
        #expect(state.modals.isEmpty)
        // "Delete the selected note" does not apply in the list.
        #expect(!AppReducer.isAvailable(.deleteNote, in: state))
        _ = AppReducer.reduce(&state, .commandInvoked(.palette))
        for character in "selected note" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(state.modals.isEmpty)
        #expect(state.message?.text == "“Delete the selected note” does not apply here.")
    }
}
