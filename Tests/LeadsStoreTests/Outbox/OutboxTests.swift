import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// The outbox (issue 12, points 7–8): changes made while the service cannot be
/// reached wait, shown where they belong, and go in order when it answers; a
/// refusal reopens the form; a create whose answer was lost is looked for first.
@Suite struct OutboxTests {
    static func requests(_ effects: [Effect]) -> [(RequestID, Request)] {
        effects.compactMap { if case .request(let id, let request) = $0 { return (id, request) }; return nil }
    }

    static func stored(_ effects: [Effect]) -> [OutboxEntry]? {
        effects.compactMap { if case .saveOutbox(let entries) = $0 { return entries }; return nil }.last
    }

    /// Offline, with the first lead's detail shown.
    static func offline() -> AppState {
        var state = Fixtures.loaded(width: 120, height: 36)
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))   // the detail follows the selection
        _ = AppReducer.reduce(&state, .connectivity(offlineSince: Fixtures.now))
        if let id = state.requests[.leadDetail] {
            _ = AppReducer.reduce(&state, .responded(id, .lead(slug: "lead-0", .success(Fixtures.detail(0)))))
        }
        state.message = nil
        return state
    }

    static func addNote(_ state: inout AppState, _ text: String) -> [Effect] {
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        for character in text { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        return AppReducer.reduce(&state, .commandInvoked(.save))
    }

    @Test func aNoteSavedOfflineWaitsShownOnItsLeadAndGoesWhenTheServiceAnswers() {
        var state = Self.offline()
        let effects = Self.addNote(&state, "Called from the train")
        #expect(Self.requests(effects).isEmpty, "nothing is sent while offline")
        #expect(state.modals.isEmpty)
        #expect(Self.stored(effects)?.map(\.write) == [.createNote(slug: "lead-0", text: "Called from the train")])
        #expect(state.message?.text.description == "Kept to send when the service answers: a note on First0 Last0: “Called from the train” (1 to send).")
        #expect(state.detail?.notes.first?.note == "Called from the train" && state.detail?.waitingNotes.count == 1)
        #expect(state.outbox.titleText == "1 to send")

        // Back: sent; the answer takes it out, says so, and loads the lead again.
        let back = AppReducer.reduce(&state, .connectivity(offlineSince: nil))
        guard let (id, request) = Self.requests(back).first(where: { $0.0.purpose == .outbox }) else { Issue.record("not sent"); return }
        #expect(request == .createNote(slug: "lead-0", text: "Called from the train"))
        #expect(Self.stored(back)?.first?.mayHaveArrived == true, "stored as possibly there before it goes")
        let sent = AppReducer.reduce(&state, .responded(id, .change(.success(Done()))))
        #expect(Self.stored(sent) == [])
        #expect(state.outbox.isEmpty && state.message?.text.description == "Sent: a note on First0 Last0: “Called from the train”.")
        #expect(Self.requests(sent).contains { $0.1 == .lead(slug: "lead-0") })
        #expect(state.detail?.waitingNotes.isEmpty == true)
    }

    @Test func changesGoInTheOrderTheyWereMadeOneAtATime() {
        var state = Self.offline()
        _ = Self.addNote(&state, "first")
        _ = Self.addNote(&state, "second")
        #expect(state.outbox.titleText == "2 to send")
        var effects = AppReducer.reduce(&state, .connectivity(offlineSince: nil))
        var sent: [Request] = []
        while let (id, request) = Self.requests(effects).first(where: { $0.0.purpose == .outbox }) {
            sent.append(request)
            effects = AppReducer.reduce(&state, .responded(id, .change(.success(Done()))))
        }
        #expect(sent == [.createNote(slug: "lead-0", text: "first"), .createNote(slug: "lead-0", text: "second")])
        #expect(state.outbox.isEmpty)
    }

    /// Point 8: the connection lost while waiting for the answer. Before sending again the
    /// service is asked whether the note is there; it is, so it is not sent twice.
    @Test func aCreateWhoseAnswerWasLostIsLookedForBeforeItIsSentAgain() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        for character in "Deal!" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        guard let (saveID, _) = Self.requests(AppReducer.reduce(&state, .commandInvoked(.save))).first else { Issue.record("not sent"); return }
        let lost = AppReducer.reduce(&state, .responded(saveID, .change(.failure(.transport(.init(.connectionLost, "reset"))))))
        #expect(state.modals.isEmpty && state.outbox.entries.first?.mayHaveArrived == true)
        #expect(Self.stored(lost)?.count == 1)
        // The retry, 5 s later: a look, not a send.
        let retry = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(6)))
        guard let (lookID, look) = Self.requests(retry).first(where: { $0.0.purpose == .outbox }) else { Issue.record("no retry"); return }
        #expect(look == .lookFor(.createNote(slug: "lead-0", text: "Deal!")))
        _ = AppReducer.reduce(&state, .responded(lookID, .found(.success(true))))
        #expect(state.outbox.isEmpty)
        #expect(state.message?.text.description.hasPrefix("Already there: a note on First0 Last0") == true)

        // Not there: sent then.
        var again = Fixtures.loaded()
        _ = AppReducer.reduce(&again, .outboxRestored([{
            var entry = OutboxEntry(id: 3, write: .createNote(slug: "lead-0", text: "x"), origin: .change(.note(id: 1, slug: "lead-0")),
                                    label: "a note", madeAt: Fixtures.now)
            entry.mayHaveArrived = true
            return entry
        }()]))
        guard let id = again.requests[.outbox] else { Issue.record("restored, not looked for"); return }
        let send = AppReducer.reduce(&again, .responded(id, .found(.success(false))))
        #expect(Self.requests(send).map(\.1) == [.createNote(slug: "lead-0", text: "x")])
    }

    @Test func aRefusedBookingComesBackAsItsFormWithTheServicesMessageAtItsField() {
        var state = Self.offline()
        let draft = Draft(id: "d", savedAt: Fixtures.now, content: .appointment(id: nil, leadSlug: "lead-1",
                                                                                 values: ["lead": "First1 Last1", "start": "2026-11-25 15:00", "duration": "30"]))
        let write = OutboxEntry.Write.createAppointment(AppointmentDraft(slug: "lead-1", from: "2026-11-25 15:00", to: "2026-11-25 15:30"))
        _ = AppReducer.reduce(&state, .outboxRestored([OutboxEntry(id: 1, write: write, origin: .form(draft), label: "a booking", madeAt: Fixtures.now)]))
        #expect(state.calendar.waiting.first?.status == OutboxFeature.waitingStatus && state.calendar.waiting.first?.leadSlug == "lead-1")
        guard let id = state.requests[.outbox] else { Issue.record("not sent"); return }
        _ = AppReducer.reduce(&state, .responded(id, .change(.failure(.requestFailed(["Appointment schedule exists for this time."])))))
        guard case .appointmentForm(let form) = state.topModal else { Issue.record("no form"); return }
        #expect(form.form.value(.start) == "2026-11-25 15:00" && form.form.value(.lead) == "First1 Last1")
        #expect(form.form.serverErrors[.start] == ["Appointment schedule exists for this time."])
        #expect(state.outbox.isEmpty && state.calendar.waiting.isEmpty)
        #expect(state.message?.text.description.contains("The service refused a booking") == true)
    }

    @Test func aDeleteConfirmedOfflineWaitsWithItsRowHiddenAndARefusalBringsItBack() {
        var state = Self.offline()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        let flushed = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(state.settings.undoSeconds + 1)))
        #expect(Self.requests(flushed).filter { $0.0.purpose == .delete }.isEmpty, "not sent while offline")
        #expect(state.outbox.entries.map(\.write) == [.deleteLead(slug: "lead-0")])
        #expect(state.pending.isEmpty && state.list.hidden.contains("lead-0"))
        let back = AppReducer.reduce(&state, .connectivity(offlineSince: nil))
        guard let (id, _) = Self.requests(back).first(where: { $0.0.purpose == .outbox }) else { Issue.record("not sent"); return }
        _ = AppReducer.reduce(&state, .responded(id, .change(.failure(.validation(FieldErrors([("slug", ["Lead is locked."])]))))))
        #expect(!state.list.hidden.contains("lead-0"))
        #expect(state.message?.text.description.hasPrefix("The service refused the delete of First0 Last0") == true)
    }

    @Test func aDiscardedDeleteShowsItsRowAgain() {
        var state = Self.offline()
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteLead))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(state.settings.undoSeconds + 1)))
        #expect(state.list.hidden.contains("lead-0") && state.outbox.count == 1)
        _ = AppReducer.reduce(&state, .commandInvoked(.showOutbox))
        _ = AppReducer.reduce(&state, .commandInvoked(.discardOutboxEntry))
        let discarded = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(Self.stored(discarded) == [])
        #expect(!state.list.hidden.contains("lead-0") && state.outbox.isEmpty)
    }

    /// Found by a newcomer: `s` moved the entry first but left the selection where it was, so `d` aimed at another one.
    @Test func sendNowTakesTheSelectionWithItAndAWaitingNoteSaysWhereItCanBeDiscarded() {
        var state = Self.offline()
        _ = Self.addNote(&state, "one")
        _ = Self.addNote(&state, "two")
        _ = AppReducer.reduce(&state, .commandInvoked(.showOutbox))
        _ = AppReducer.reduce(&state, .commandInvoked(.bottom))
        _ = AppReducer.reduce(&state, .commandInvoked(.sendOutboxEntry))
        #expect(state.outbox.entries.first?.write == .createNote(slug: "lead-0", text: "two"))
        #expect(state.outbox.selected == 0)
        guard let id = state.requests[.outbox] else { Issue.record("not sent"); return }
        _ = AppReducer.reduce(&state, .responded(id, .change(.failure(.transport(.init(.cannotConnect))))))
        _ = AppReducer.reduce(&state, .commandInvoked(.discardOutboxEntry))
        guard case .confirm(let question) = state.topModal else { Issue.record("no question"); return }
        #expect(question.kind == .discardOutboxEntry(id: 2))
        _ = AppReducer.reduce(&state, .commandInvoked(.no))
        _ = AppReducer.reduce(&state, .commandInvoked(.back))
        // x on a note that waits: said where it can be changed or discarded.
        _ = AppReducer.reduce(&state, .commandInvoked(.nextPane))
        #expect(state.focus == .notes && state.detail?.selectedNote?.id == nil)
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteNote))
        #expect(state.message?.text.description.hasPrefix("This note waits to be sent") == true)
    }

    @Test func anAppointmentWhoseChangeWaitsIsMarked() {
        var state = Self.offline()
        state.calendar.show([Fixtures.appointment(4, 15, 0)], window: Day(Fixtures.now, in: Fixtures.utc)...Day(Fixtures.now, in: Fixtures.utc))
        _ = AppReducer.reduce(&state, .outboxRestored([OutboxEntry(id: 1, write: .updateAppointment(AppointmentChanges(id: 4, status: "fullfilled")),
                                                                   origin: .change(.appointmentStatus(id: 4, status: "fullfilled")),
                                                                   label: "First4 Last4 marked fulfilled", madeAt: Fixtures.now)]))
        #expect(state.calendar.changedIDs == [4])
        #expect(state.calendar.agenda.first?.lead.hasPrefix("* ") == true && state.calendar.agenda.first?.status == "fullfilled")
        // Where the outbox is kept is said when quitting.
        state.settings.outboxFile = "/home/ana/.cache/leadterm/work.sqlite"
        _ = AppReducer.reduce(&state, .commandInvoked(.quit))
        guard case .confirm(let quit) = state.topModal else { Issue.record("no question"); return }
        #expect(quit.question.description.contains("kept in /home/ana/.cache/leadterm/work.sqlite and sent at the next start"))
    }

    @Test func aLeadEditWaitingShowsAsItWillBe() {
        var state = Self.offline()
        let draft = LeadDraft(firstName: "Zoë", lastName: "Ångström", email: "zoe@example.com", phone: "+4412345", location: "Oslo",
                              message: "m", assignee: "demo", status: "customer", source: "website")
        let draftForm = Draft(id: "d", savedAt: Fixtures.now, content: .lead(slug: "lead-0", values: ["first_name": "Zoë"]))
        _ = AppReducer.reduce(&state, .outboxRestored([OutboxEntry(id: 1, write: .updateLead(slug: "lead-0", draft), origin: .form(draftForm),
                                                                   label: "changes to a lead (Zoë Ångström)", madeAt: Fixtures.now)]))
        #expect(state.outbox.leadEdits["lead-0"] == draft)
        let row = state.list.selectedLead.map { $0.applying(draft) }
        #expect(row?.name == "Zoë Ångström" && row?.status == "customer" && row?.slug == "lead-0")
        let detail = state.detail?.lead.map { $0.applying(draft) }
        #expect(detail?.email == "zoe@example.com" && detail?.location == "Oslo")
    }

    @Test func theOutboxViewOpensSendsAndDiscardsAndQuittingSaysWhatWaits() {
        var state = Self.offline()
        _ = Self.addNote(&state, "one")
        _ = Self.addNote(&state, "two")
        _ = AppReducer.reduce(&state, .commandInvoked(.showOutbox))
        #expect(state.topModal == .outbox && state.keyScope.contexts == ["global", "list", "outbox"])
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        _ = AppReducer.reduce(&state, .commandInvoked(.discardOutboxEntry))
        guard case .confirm(let confirmation) = state.topModal else { Issue.record("no confirmation"); return }
        #expect(confirmation.kind == .discardOutboxEntry(id: 2))
        let discarded = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(Self.stored(discarded)?.map(\.write) == [.createNote(slug: "lead-0", text: "one")])
        // Enter opens it in its form; saved offline, it replaces the entry in its place.
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        guard case .noteForm(let form) = state.topModal else { Issue.record("no form"); return }
        #expect(form.text == "one" && state.outbox.editing == 1)
        _ = AppReducer.reduce(&state, .textEdited(.insert("!")))
        let changed = AppReducer.reduce(&state, .commandInvoked(.save))
        #expect(Self.stored(changed)?.map(\.write) == [.createNote(slug: "lead-0", text: "one!")])
        #expect(state.outbox.editing == nil && state.modals.isEmpty)
        // Quitting with a change waiting asks, and says it is kept for the next start.
        _ = AppReducer.reduce(&state, .commandInvoked(.quit))
        guard case .confirm(let quit) = state.topModal else { Issue.record("no question"); return }
        #expect(quit.kind == .quitWithOutbox && quit.question.description.contains("could not be sent yet, and the demo keeps nothing"))
        #expect(AppReducer.reduce(&state, .commandInvoked(.yes)) == [.quit])
    }
}
