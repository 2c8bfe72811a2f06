import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Deletes with an undo window, in the app: the row goes, `u` brings it
/// back, the delete is sent when the window ends, a failure restores it.
@Suite struct UndoWindowFeatureTests {
    @Test func aDeleteWaitsForTheUndoWindowThenSends() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteLead)
        guard case .confirm(let question) = store.state.topModal else { Issue.record("no confirmation"); return }
        #expect(question.question == "Delete lead First0 Last0?")
        store.press(.yes) {
            $0.modals = []
            $0.pending.waiting = PendingChange(target: .lead(slug: "lead-0"), label: "First0 Last0", deadline: Fixtures.now.addingTimeInterval(5))
            $0.list.hide("lead-0")
        }
        #expect(store.state.keyScope.contexts == ["global", "list", "leads", "pending"])
        #expect(store.state.list.selectedLead?.slug == "lead-1")
        store.send(.ticked(Fixtures.now.addingTimeInterval(4.9)), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-1"))])
        store.send(.ticked(Fixtures.now.addingTimeInterval(5)), effects: [.request(RequestID(.delete, 5), .deleteLead(slug: "lead-0"))])
        #expect(store.state.pending.sending.map(\.label) == ["First0 Last0"])
        store.press(.undo) { _ in }   // too late to undo
        store.send(.responded(RequestID(.delete, 5), .change(.success(Done()))), effects: [
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 6), .overview),
        ])
        #expect(store.state.pending.isEmpty)
        #expect(!store.state.list.rows.contains { $0.slug == "lead-0" })
        #expect(store.state.list.total == 119)
        #expect(store.state.message?.text == "Deleted First0 Last0.")
    }

    @Test func undoInsideTheWindowBringsTheLeadBack() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteLead)
        store.press(.yes)
        store.press(.undo, effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.pending.waiting = nil
            $0.list.unhide("lead-0")
            $0.list.select(slug: "lead-0")
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
            $0.detail = Fixtures.followed(0)
            $0.isDetailStale = false
            $0.message = StatusMessage("Undone: First0 Last0 is not deleted.", .success, at: Fixtures.now)
        }
        #expect(store.state.list.selectedLead?.slug == "lead-0")   // the lead restored is the one selected
        #expect(store.state.list.visible.count == 50)
    }

    @Test func aFailedDeleteRestoresTheLeadAndSaysWhy() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteLead)
        store.press(.yes)
        let later = Fixtures.now.addingTimeInterval(6)
        store.send(.ticked(later), effects: [.request(RequestID(.delete, 4), .deleteLead(slug: "lead-0")),
                                             .request(RequestID(.leadDetail, 5), .lead(slug: "lead-1"))])
        _ = AppReducer.reduce(&store.state, .responded(RequestID(.delete, 4), .change(.failure(.requestFailed(["Only the owner can delete this lead."])))))
        #expect(store.state.list.visible.count == 50)
        #expect(store.state.list.selectedLead?.slug == "lead-0")
        #expect(store.state.message == StatusMessage("Could not delete First0 Last0: Only the owner can delete this lead.", .error, at: later))
    }

    @Test func aSecondDeleteSendsTheFirstAndEachAnswerMeetsItsOwnDelete() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteLead)
        store.press(.yes)
        store.press(.deleteLead)
        store.press(.yes, effects: [.request(RequestID(.delete, 4), .deleteLead(slug: "lead-0"))])
        #expect(store.state.pending.waiting?.label == "First1 Last1")
        // The first answer is the first delete's, whatever waits now.
        store.send(.responded(RequestID(.delete, 4), .change(.success(Done()))), effects: [
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 5), .overview),
        ])
        #expect(store.state.message?.text == "Deleted First0 Last0.")
        #expect(store.state.pending.waiting?.label == "First1 Last1" && store.state.pending.sending.isEmpty)
        // A third while the second is on its way: it waits its turn.
        store.send(.ticked(Fixtures.now.addingTimeInterval(5)), effects: [
            .request(RequestID(.delete, 6), .deleteLead(slug: "lead-1")), .request(RequestID(.leadDetail, 7), .lead(slug: "lead-2")),
        ])
        store.press(.deleteLead)
        store.press(.yes, effects: [.cancel(RequestID(.leadDetail, 7))])   // its detail was loading
        store.press(.quit, effects: [])
        #expect(store.state.isQuitting && store.state.pending.sending.map(\.label) == ["First1 Last1", "First2 Last2"])
        store.send(.responded(RequestID(.delete, 6), .change(.success(Done()))), effects: [
            .cancel(RequestID(.overview, 5)), .request(RequestID(.overview, 8), .overview),
            .request(RequestID(.delete, 9), .deleteLead(slug: "lead-2")),
        ])
        store.send(.responded(RequestID(.delete, 9), .change(.success(Done()))), effects: [
            .cancel(RequestID(.overview, 8)), .request(RequestID(.overview, 10), .overview), .quit,
        ])
    }

    @Test func quittingSendsTheWaitingDeleteFirst() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteLead)
        store.press(.yes)
        store.press(.quit, effects: [.request(RequestID(.delete, 4), .deleteLead(slug: "lead-0"))])
        #expect(store.state.isQuitting)
        #expect(store.state.message?.text == "Sending the delete of First0 Last0 before quitting…")
        store.send(.responded(RequestID(.delete, 4), .change(.success(Done()))), effects: [
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 5), .overview), .quit,
        ])
    }

    @Test func deletingANoteNeedsTheNotesListAndCanBeUndone() {
        var store = TestStore(Fixtures.loaded())
        store.press(.open, effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        let detail = Fixtures.detail(0, notes: [(7, "Older", "2026-11-20 10:00"), (8, "Newest", "2026-11-23 10:00")])
        store.send(.responded(RequestID(.leadDetail, 4), .lead(slug: "lead-0", .success(detail))))
        store.press(.deleteNote)
        guard case .confirm(let question) = store.state.topModal else { Issue.record("no confirmation"); return }
        #expect(question.question == "Delete the note “Newest” on First0 Last0?")
        store.press(.yes)
        #expect(store.state.detail?.notes.map(\.note) == ["Older"])
        #expect(store.state.pending.waiting?.target == .note(id: 8, slug: "lead-0"))
        store.press(.undo)
        #expect(store.state.detail?.notes.map(\.note) == ["Newest", "Older"])
    }

    @Test func theFeatureOnItsOwnSendsOneAtATime() {
        var queue = UndoQueue()
        let context = Fixtures.context()
        #expect(UndoWindowFeature.reduce(&queue, .start(.appointment(id: 1), label: "one"), context) == [])
        #expect(UndoWindowFeature.reduce(&queue, .start(.appointment(id: 2), label: "two"), context)
                == [.request(.delete, .deleteAppointment(id: 1))])
        #expect(UndoWindowFeature.reduce(&queue, .flush, context) == [])   // one is on its way: two waits its turn
        #expect(UndoWindowFeature.reduce(&queue, .finished(.failure(.transport(.init(.timedOut)))), context) == [
            .message("Could not delete one: The request timed out.", .error), .delegate(.failed(.appointment(id: 1))),
            .request(.delete, .deleteAppointment(id: 2)),
        ])
        #expect(UndoWindowFeature.reduce(&queue, .finished(.success(Done())), context) == [
            .message("Deleted two.", .success), .delegate(.deleted(.appointment(id: 2))),
        ])
        #expect(queue.isEmpty)
        #expect(UndoWindowFeature.reduce(&queue, .finished(.success(Done())), context) == [])
    }
}
