import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Issue 14.5: marks and a change to several leads at once — one undo window for all, at most
/// four requests in flight, a summary naming each lead that failed and why, failed rows still marked.
@Suite struct BulkChangeTests {
    func press(_ state: inout AppState, _ command: Command) -> [Effect] { AppReducer.reduce(&state, .commandInvoked(command)) }

    func requests(_ effects: [Effect]) -> [(RequestID, Request)] {
        effects.compactMap { if case .request(let id, let request) = $0, id.purpose == .bulk { return (id, request) }; return nil }
    }

    /// The state with the first `count` leads marked (space on each, the selection going down).
    func marked(_ count: Int, undo: Double = 5) -> AppState {
        var state = Fixtures.loaded(count: 120)
        state.settings.undoSeconds = undo
        for _ in 0..<count { _ = press(&state, .toggleMark) }
        return state
    }

    @Test func marksAreCountedRangedAndToggled() {
        var state = Fixtures.loaded()
        _ = press(&state, .toggleMark)
        #expect(state.list.markedSlugs == ["lead-0"] && state.list.selected == 1)
        #expect(state.message?.text.description.hasPrefix("Marked: ") == true)
        _ = press(&state, .down)
        _ = press(&state, .down)
        _ = press(&state, .markRange)
        #expect(state.list.markedLeads.map(\.slug) == ["lead-0", "lead-1", "lead-2", "lead-3"])
        // Every lead of the list: the 50 loaded at once, the other 70 as their page comes.
        let effects = press(&state, .markAll)
        #expect(state.list.marks.count == 50 && state.list.marksEveryPage)
        guard case .request(let id, .leads(let query))? = effects.first else { Issue.record("no page asked for: \(effects)"); return }
        _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 50, .success(Fixtures.page(50..<120, count: 120)))))
        #expect(query.offset == 50 && state.list.marks.count == 120 && !state.list.marksEveryPage)
        _ = press(&state, .markAll)
        #expect(state.list.marks.isEmpty)
        _ = press(&state, .toggleMark)
        _ = press(&state, .back)
        #expect(state.list.marks.isEmpty && state.message?.text == "1 mark cleared.")
    }

    @Test func aStatusWaitsItsWindowThenGoesFourAtATimeAndNamesWhatFailed() throws {
        var state = marked(6)
        var effects = AppReducer.perform(&state, .setStatus, argument: #"customer location:"Aarhus, DK" assignee:ana"#)
        #expect(requests(effects).isEmpty && state.bulk?.sendAt != nil)
        #expect(state.keyScope.contexts.last == "pending")
        effects = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(2)))
        #expect(requests(effects).isEmpty)
        effects = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(6)))
        var inFlight = requests(effects)
        #expect(inFlight.count == BulkChange.concurrency)
        let extras = LeadExtras(location: "Aarhus, DK", message: "", assignee: "ana")
        #expect(inFlight.first?.1 == .setLeadStatus(slug: "lead-0", status: "customer", extras: extras))
        var answered = 0
        while let (id, request) = inFlight.first {
            inFlight.removeFirst()
            guard case .setLeadStatus(let slug, _, _) = request else { continue }
            let result: Result<Done, APIError> = slug == "lead-3" ? .failure(.requestFailed(["The lead does not esixt."])) : .success(Done())
            let next = AppReducer.reduce(&state, .responded(id, .change(result)))
            inFlight += requests(next)
            answered += 1
            #expect(state.bulk == nil || (state.bulk?.inFlight.count ?? 0) <= BulkChange.concurrency)
        }
        #expect(answered == 6 && state.bulk == nil)
        #expect(state.list.markedLeads.map(\.slug) == ["lead-3"])
        #expect(state.list.rows.first { $0.slug == "lead-0" }?.status == "customer")
        #expect(state.message?.text == "Status customer set on 5 of 6 leads; 1 failed and stay marked.")
        guard case .report(let report)? = state.topModal else { Issue.record("no report"); return }
        #expect(report.lines == ["First3 Last3 (lead-3): The lead does not esixt."])
        _ = press(&state, .back)
        #expect(state.topModal == nil)
        #expect(state.lastUsed["lead-0"] == extras)
    }

    @Test func undoSendsNothingAndBringsDeletedLeadsBack() {
        var state = marked(3)
        _ = press(&state, .deleteLead)
        guard case .confirm(let confirmation)? = state.topModal else { Issue.record("no confirmation"); return }
        #expect(confirmation.kind == .deleteMarked(count: 3))
        #expect(confirmation.question.description.hasPrefix("Delete the 3 marked leads (First0 Last0, First1 Last1, First2 Last2)?"))
        _ = press(&state, .yes)
        #expect(state.list.hidden == ["lead-0", "lead-1", "lead-2"] && state.list.visible.count == 47)
        _ = press(&state, .undo)
        #expect(state.bulk == nil && state.list.hidden.isEmpty && state.list.marks.count == 3)
        #expect(state.message?.text == "Undone: nothing sent for the 3 leads.")
        #expect(requests(AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(10)))).isEmpty)
    }

    @Test func aStatusAsksForWhatTheServiceDoesNotSay() {
        var state = marked(2)
        #expect(AppReducer.perform(&state, .setStatus, argument: "customer").isEmpty)
        guard case .palette(let palette)? = state.topModal else { Issue.record("no palette"); return }
        #expect(palette.query.text == "status customer ")
        #expect(state.bulk == nil && state.message?.text.description.contains("does not say them for 2 leads (First0 Last0, First1 Last1)") == true)
        state.modals = []
        #expect(AppReducer.perform(&state, .setStatus, argument: "won").isEmpty)
        #expect(state.message?.text.description.hasPrefix("“won” is not a status") == true)
        // What was typed stays, to be corrected.
        guard case .palette(let again)? = state.topModal else { Issue.record("the palette closed"); return }
        #expect(again.query.text == "status won")
        #expect(AppReducer.perform(&state, .setStatus, argument: "customer colour:red").isEmpty)
        #expect(state.message?.level == .error)
    }

    @Test func theSameNoteOnEveryMarkedLead() {
        var state = marked(2, undo: 0)
        _ = press(&state, .newNote)
        guard case .noteForm(let form)? = state.topModal else { Issue.record("no note form"); return }
        #expect(form.title == "Note on 2 marked leads" && form.targets.map(\.slug) == ["lead-0", "lead-1"])
        #expect(AppReducer.reduce(&state, .pasted("Called: wants the pricing sheet")).isEmpty)
        // A hang-up now keeps it as a draft for the same leads.
        #expect(AppReducer.draft(of: state)?.content == .markedNote(leads: form.targets, text: "Called: wants the pricing sheet"))
        let effects = press(&state, .save)
        #expect(requests(effects).map(\.1) == [.createNote(slug: "lead-0", text: "Called: wants the pricing sheet"),
                                               .createNote(slug: "lead-1", text: "Called: wants the pricing sheet")])
        #expect(state.topModal == nil)
    }

    /// Quitting in the undo window sends the change (as a single delete is) and ends with its last answer.
    @Test func quittingSendsTheChangeAndWaitsForIt() {
        var state = marked(2)
        _ = AppReducer.perform(&state, .setStatus, argument: "contact location:Oslo assignee:demo")
        let effects = press(&state, .quit)
        let sent = requests(effects)
        #expect(sent.count == 2 && !effects.contains(.quit) && state.isQuitting)
        #expect(!AppReducer.reduce(&state, .responded(sent[0].0, .change(.success(Done())))).contains(.quit))
        #expect(AppReducer.reduce(&state, .responded(sent[1].0, .change(.failure(.requestFailed(["No."]))))).contains(.quit))
        #expect(state.message?.text == "Status contact set on 1 of 2 leads; 1 failed and stay marked.")
    }
}
