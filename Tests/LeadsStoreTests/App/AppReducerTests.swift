import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The root: start, answers routed to the feature that asked (late ones
/// dropped), sizes, ticks, the mouse, quitting and hang-up drafts.
@Suite struct AppReducerTests {
    static let today = Day(year: 2026, month: 11, day: 24)

    /// Issue 13: the first page and today's agenda at once; the overview (the service's heaviest
    /// question) once the page has come, so it never competes with the page the user waits for.
    @Test func startAsksForLeadsAndTodayAtOnceAndTheOverviewAfterThePage() {
        var store = TestStore(Fixtures.state())
        store.send(.started(drafts: []), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(Self.today)),
        ]) {
            $0.requests = [.leadsPage: RequestID(.leadsPage, 1), .today: RequestID(.today, 2)]
            $0.reminders.day = Self.today
            $0.nextSerial = 3
            $0.isDetailStale = true
        }
        let page = Fixtures.page(0..<50, count: 120)
        store.send(.responded(RequestID(.leadsPage, 1), .leadsPage(offset: 0, .success(page))),
                   effects: [.request(RequestID(.overview, 3), .overview)]) {
            $0.requests = [.today: RequestID(.today, 2), .overview: RequestID(.overview, 3)]
            $0.list.append(page, at: 0, pageSize: 50)
            $0.dashboard.loadedAt = Fixtures.now
            $0.nextSerial = 4
        }
        // A later first page (owned/assigned, a filter, a refresh) asks for no second overview.
        _ = AppReducer.reduce(&store.state, .commandInvoked(.toggleAssigned))
        guard let id = store.state.requests[.leadsPage] else { Issue.record("no reload"); return }
        let again = AppReducer.reduce(&store.state, .responded(id, .leadsPage(offset: 0, .success(page))))
        #expect(!again.contains { if case .request(_, .overview) = $0 { return true }; return false }, "\(again)")
    }

    @Test func theFirstPageFillsTheListAndTheDetailFollowsAtTheNextTick() {
        var store = TestStore(Fixtures.state())
        store.send(.started(drafts: []), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(Self.today)),
        ])
        let page = Fixtures.page(0..<50, count: 120)
        store.send(.responded(RequestID(.leadsPage, 1), .leadsPage(offset: 0, .success(page))),
                   effects: [.request(RequestID(.overview, 3), .overview)]) {
            $0.requests[.leadsPage] = nil
            $0.requests[.overview] = RequestID(.overview, 3)
            $0.dashboard.loadedAt = Fixtures.now
            $0.nextSerial = 4
            $0.list.append(page, at: 0, pageSize: 50)
        }
        let later = Fixtures.now.addingTimeInterval(0.1)
        store.send(.ticked(later), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.now = later
            $0.spinnerFrame = 1
            $0.isDetailStale = false
            $0.detail = Fixtures.followed(0)
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
        }
    }

    /// Issue 13: a burst of Down (a tick between keys) loads no detail for the leads passed; the
    /// detail follows once the selection rests (two ticks see it), showing the row's fields meanwhile.
    @Test func theDetailFollowsTheSelectionOnlyWhenItRests() {
        var state = Fixtures.loaded(width: 120, height: 36)
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))   // the first lead's detail (none was shown)
        var requested: [Request] = []
        for step in 1...5 {
            _ = AppReducer.reduce(&state, .commandInvoked(.down))
            let effects = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(Double(step) * 0.1)))
            requested += effects.compactMap { if case .request(_, let request) = $0 { return request }; return nil }
        }
        #expect(!requested.contains { if case .lead = $0 { return true }; return false }, "\(requested)")
        let rested = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(0.7)))
        #expect(rested.contains(.request(state.requests[.leadDetail] ?? RequestID(.leadDetail, 0), .lead(slug: "lead-5"))))
        #expect(state.detail?.preview?.slug == "lead-5" && state.detail?.lead == nil)
        // An answer arriving also ticks: one 5 ms after the key's tick is no rest.
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(0.8)))
        let answerTick = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(0.805)))
        #expect(!answerTick.contains { if case .request(_, .lead) = $0 { return true }; return false }, "\(answerTick)")
        let quiet = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(0.9)))
        #expect(quiet.contains { if case .request(_, .lead(slug: "lead-6")) = $0 { return true }; return false }, "\(quiet)")
    }

    @Test func aLateAnswerForAnotherLeadOrFilterIsDropped() {
        var store = TestStore(Fixtures.loaded())
        store.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        store.press(.down) { $0.list.selected = 1; $0.isDetailStale = true }
        store.send(.ticked(Fixtures.now))   // the selection seen: it follows when a tick 100 ms later sees it rest
        store.send(.ticked(Fixtures.now.addingTimeInterval(0.1)),
                   effects: [.cancel(RequestID(.leadDetail, 4)), .request(RequestID(.leadDetail, 5), .lead(slug: "lead-1"))])
        // lead-0's answer comes late: nothing changes.
        store.send(.responded(RequestID(.leadDetail, 4), .lead(slug: "lead-0", .success(Fixtures.detail(0))))) { _ in }
        store.send(.responded(RequestID(.leadDetail, 5), .lead(slug: "lead-1", .success(Fixtures.detail(1))))) {
            $0.requests[.leadDetail] = nil
            $0.detail?.show(Fixtures.detail(1))
        }
        // A page asked for before the filter changed is dropped too.
        store.press(.filter) { $0.filterBar = FilterBarState() }
        store.type("status:customer")
        store.press(.applyFilter, effects: [.request(RequestID(.leadsPage, 6), .leads(LeadQuery(status: "customer", limit: 50, offset: 0)))])
        store.send(.responded(RequestID(.leadsPage, 1), .leadsPage(offset: 0, .success(Fixtures.page(0..<50, count: 120))))) { _ in }
        #expect(store.state.list.rows.isEmpty)
    }

    @Test func anAnswerOfTheWrongShapeForItsPurposeIsIgnored() {
        var store = TestStore(Fixtures.loaded())
        store.send(.responded(RequestID(.overview, 3), .change(.success(Done())))) { $0.requests[.overview] = nil }
    }

    @Test func theUIsMeasureReachesTheStoreAndFocusStaysOnAPaneThatIsShown() {
        var store = TestStore(Fixtures.loaded(width: 160, height: 48))
        store.press(.nextPane) { $0.focus = .notes }
        store.send(.resized(Fixtures.viewport(width: 80, height: 24))) {
            $0.viewport = Fixtures.viewport(width: 80, height: 24)
            $0.focus = .list
        }
        #expect(store.state.panes == [.list])
    }

    @Test func mouseClicksSelectAndTheWheelScrolls() {
        var store = TestStore(Fixtures.loaded())
        store.send(.rowClicked(.list, 5)) { $0.list.selected = 5 }
        store.send(.wheelScrolled(.list, 3)) { $0.list.selected = 8 }
        store.send(.rowClicked(.notes, 0)) { _ in }   // no notes pane at 80 columns
    }

    @Test func redrawAndSuspendAreEffectsTheRunnerCarriesOut() {
        var store = TestStore(Fixtures.loaded())
        store.press(.redraw, effects: [.redraw]) { _ in }
        store.press(.suspend, effects: [.suspend]) { _ in }
    }

    @Test func aHalfTypedKeySequenceIsShownUntilItEnds() {
        var store = TestStore(Fixtures.loaded())
        store.send(.keySequencePending("ctrl-x ctrl-c")) { $0.pendingKeys = "ctrl-x ctrl-c" }
        store.send(.keySequencePending(nil)) { $0.pendingKeys = nil }
    }

    @Test func theKeyScopeFollowsWhatIsOnTop() {
        var store = TestStore(Fixtures.loaded())
        #expect(store.state.keyScope == KeyScope(["global", "list", "leads"]))
        store.press(.filter)
        #expect(store.state.keyScope == KeyScope(["global", "filter"], takesText: true))
        store.press(.back)
        store.press(.newNote)
        #expect(store.state.keyScope == KeyScope(["global", "form", "textarea"], takesText: true))
        store.press(.cancel)
        store.press(.palette)
        #expect(store.state.keyScope == KeyScope(["global", "palette"], takesText: true))
        store.press(.back)
        store.press(.deleteLead)
        #expect(store.state.keyScope == KeyScope(["dialog"]))
        store.press(.yes)
        #expect(store.state.keyScope == KeyScope(["global", "list", "leads", "pending"]))
    }

    // MARK: Quitting and drafts

    @Test func quitWithUnsavedInputAsksFirst() {
        var store = TestStore(Fixtures.loaded())
        store.press(.newNote)
        store.type("Called")
        store.press(.quit) { $0.modals.append(.confirm(.quitDiscarding)) }
        store.press(.yes, effects: [.quit]) { $0.modals = [] }
        var idle = TestStore(Fixtures.loaded())
        idle.press(.quit, effects: [.quit]) { _ in }
    }

    @Test func aHangUpWritesTheDraftOfWhatIsBeingTyped() {
        var store = TestStore(Fixtures.loaded())
        store.send(.hungUp) { _ in }
        store.press(.newNote)
        store.send(.textEdited(.insert("Half a thought")))
        let draft = Draft(id: "draft-1795515300000", savedAt: Fixtures.now,
                          content: .note(slug: "lead-0", leadName: "First0 Last0", text: "Half a thought"))
        store.send(.hungUp, effects: [.saveDraft(draft)]) { _ in }
    }

    @Test func aDraftFromAHangUpIsOfferedAtStart() {
        let draft = Draft(id: "draft-1", savedAt: Fixtures.now, content: .note(slug: "lead-1", leadName: "Ana Souza", text: "Called"))
        var store = TestStore(Fixtures.state())
        store.send(.started(drafts: [draft]), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(Self.today)),
        ])
        guard case .confirm(let confirmation) = store.state.topModal else { Issue.record("no question"); return }
        #expect(confirmation == .resume(draft))
        #expect(confirmation.question == "Resume a note on Ana Souza: “Called”? \(key: .yes) resumes it · \(key: .no) discards it")
        store.press(.yes, effects: [.discardDraft(id: "draft-1")]) {
            $0.modals = [.noteForm(NoteForm(slug: "lead-1", leadName: "Ana Souza", text: "Called"))]
            $0.message = StatusMessage("Resumed a note on Ana Souza: “Called”.", .info, at: Fixtures.now)
        }
        // No: the draft is discarded, and said so.
        var declined = TestStore(Fixtures.state())
        declined.send(.started(drafts: [draft]), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(Self.today)),
        ])
        declined.press(.no, effects: [.discardDraft(id: "draft-1")]) {
            $0.modals = []
            $0.message = StatusMessage("Discarded a note on Ana Souza: “Called”.", .info, at: Fixtures.now)
        }
    }

    @Test func aMessageStaysFiveSecondsThenGoesWithTheNextKey() {
        var store = TestStore(Fixtures.loaded())
        store.press(.sortNext) {
            $0.list.setSort(.name)
            $0.message = StatusMessage("Sorted by name.", .info, at: Fixtures.now)
        }
        store.press(.down) { $0.list.selected = 1; $0.isDetailStale = true }
        #expect(store.state.message != nil)
        let later = Fixtures.now.addingTimeInterval(5)
        store.send(.ticked(later), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-1"))])
        store.press(.up) { $0.message = nil; $0.list.selected = 0; $0.isDetailStale = true }
    }

    /// A dialog or form opened by a key starts a new question: the message of an earlier key
    /// is not left under it (a note's delete dialog showed "Select a note … first" beneath).
    @Test func aDialogOpenedByAKeyTakesTheOlderMessageAway() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.sortNext))
        #expect(state.message != nil)
        _ = AppReducer.reduce(&state, .commandInvoked(.help))
        #expect(state.modals.count == 1 && state.message == nil)
    }
}
