import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

@Suite struct StartAndResponseTests {
    @Test func startAsksForLeadsOverviewAndTodayAtOnce() {
        var state = AppState(settings: Fixtures.settings(), now: Fixtures.now)
        assertReduce(&state, .started(drafts: []), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.overview, 2), .overview),
            .request(RequestID(.today, 3), .dayAppointments(Day(year: 2026, month: 11, day: 24))),
        ]) {
            $0.requests = [.leadsPage: RequestID(.leadsPage, 1), .overview: RequestID(.overview, 2), .today: RequestID(.today, 3)]
            $0.todayListDay = Day(year: 2026, month: 11, day: 24)
            $0.overviewLoadedAt = Fixtures.now
            $0.nextSerial = 4
            $0.isDetailStale = true
        }
    }

    @Test func aDraftFromAHangUpIsOfferedAtStart() {
        var state = AppState(settings: Fixtures.settings(), now: Fixtures.now)
        let draft = Draft(id: "draft-1", savedAt: Fixtures.now, content: .note(slug: "lead-1", leadName: "Ana Souza", text: "Called"))
        _ = AppReducer.reduce(&state, .started(drafts: [draft]))
        guard case .confirm(let confirmation) = state.topModal else { Issue.record("no question"); return }
        #expect(confirmation.kind == .resumeDraft(draft))
        #expect(confirmation.question.contains("a note on Ana Souza: “Called”"))
        assertReduce(&state, .commandInvoked(.yes), effects: [.discardDraft(id: "draft-1")]) {
            $0.modals = [.noteForm(NoteForm(slug: "lead-1", leadName: "Ana Souza", text: "Called"))]
            $0.message = StatusMessage("Resumed a note on Ana Souza: “Called”.", .info, at: Fixtures.now)
        }
    }

    @Test func firstPageFillsTheListAndDetailFollowsAtTheNextTick() {
        var state = AppState(settings: Fixtures.settings(), now: Fixtures.now)
        _ = AppReducer.reduce(&state, .started(drafts: []))
        let page = Fixtures.page(0..<50, count: 120)
        assertReduce(&state, .leadsPageLoaded(RequestID(.leadsPage, 1), offset: 0, .success(page)), effects: []) {
            $0.requests[.leadsPage] = nil
            $0.list.append(page, at: 0, pageSize: 50)
            $0.isDetailStale = true
        }
        #expect(state.list.visible.count == 50)
        #expect(state.list.nextOffset == 50)
        #expect(state.list.total == 120)
        let later = Fixtures.now.addingTimeInterval(0.1)
        assertReduce(&state, .ticked(later), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.now = later
            $0.spinnerFrame = 1
            $0.isDetailStale = false
            $0.detail = LeadDetailState(slug: "lead-0", name: "First0 Last0")
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
        }
    }

    @Test func aLateAnswerForAnotherLeadOrFilterIsDropped() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))            // detail of lead-0 requested
        let first = state.requests[.leadDetail]!
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        let effects = AppReducer.reduce(&state, .ticked(Fixtures.now))  // lead-1 supersedes lead-0
        let second = state.requests[.leadDetail]!
        #expect(effects == [.cancel(first), .request(second, .lead(slug: "lead-1"))])
        // lead-0's answer comes late: nothing changes.
        assertReduce(&state, .leadLoaded(first, slug: "lead-0", .success(Fixtures.detail(0))), effects: [])
        assertReduce(&state, .leadLoaded(second, slug: "lead-1", .success(Fixtures.detail(1))), effects: []) {
            $0.requests[.leadDetail] = nil
            $0.detail?.show(Fixtures.detail(1))
        }
        // A page asked for before the filter changed is dropped too.
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        for character in "status:customer" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        let reload = AppReducer.reduce(&state, .commandInvoked(.open))
        guard case .request(let pageID, .leads(let query)) = reload.last else { Issue.record("no reload: \(reload)"); return }
        #expect(query.status == "customer")
        let stale = RequestID(.leadsPage, pageID.serial - 1)
        assertReduce(&state, .leadsPageLoaded(stale, offset: 0, .success(Fixtures.page(0..<50, count: 120))), effects: [])
    }

    @Test func scrollingNearTheEndAsksForTheNextPageOnce() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.pageDown))
        #expect(state.requests[.leadsPage] == nil)
        let effects = AppReducer.reduce(&state, .commandInvoked(.pageDown))   // row 36 of 50: within half a page of the end
        #expect(effects == [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(limit: 50, offset: 50)))])
        #expect(AppReducer.reduce(&state, .commandInvoked(.down)) == [])     // already on its way
        _ = AppReducer.reduce(&state, .leadsPageLoaded(RequestID(.leadsPage, 4), offset: 50, .success(Fixtures.page(50..<100, count: 120))))
        #expect(state.list.visible.count == 100)
        #expect(state.list.selected == 37)
        #expect(state.list.nextOffset == 100)
    }

    @Test func aFailedPageKeepsWhatIsLoadedAndSaysWhy() {
        var state = AppState(settings: Fixtures.settings(), now: Fixtures.now)
        _ = AppReducer.reduce(&state, .started(drafts: []))
        let error = APIError.transport(.init(.cannotConnect))
        assertReduce(&state, .leadsPageLoaded(RequestID(.leadsPage, 1), offset: 0, .failure(error)), effects: []) {
            $0.requests[.leadsPage] = nil
            $0.list.loadError = "Cannot connect to the server."
            $0.message = StatusMessage("Could not load leads: Cannot connect to the server.", .error, at: Fixtures.now)
        }
    }

    @Test func overviewGivesStatusColoursAndTodayTheCount() {
        var state = AppState(settings: Fixtures.settings(), now: Fixtures.now)
        _ = AppReducer.reduce(&state, .started(drafts: []))
        let overview = Overview(json: .object([
            "total_leads": .integer(120),
            "LeadsData": .object(["status": .array([.object(["status": .string("Customer"), "count": .integer(3), "Color": .string("#28a745")])])]),
        ]))
        assertReduce(&state, .overviewLoaded(RequestID(.overview, 2), .success(overview)), effects: []) {
            $0.requests[.overview] = nil
            $0.statusColors = ["customer": "#28a745"]
            $0.totalLeads = 120
            $0.overview = overview
        }
        let today = [Fixtures.appointment(1, 9), Fixtures.appointment(2, 11, 30), Fixtures.appointment(3, 14), Fixtures.appointment(4, 16, 30)]
        assertReduce(&state, .todayAppointmentsLoaded(RequestID(.today, 3), .success(today)), effects: []) {
            $0.requests[.today] = nil
            $0.todayList = today
        }
    }
}

@Suite struct ListCommandTests {
    @Test func movingClampsAndScrollsAndMarksTheDetailStale() {
        var state = Fixtures.loaded()
        assertReduce(&state, .commandInvoked(.up), effects: [])
        assertReduce(&state, .commandInvoked(.bottom), effects: [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(limit: 50, offset: 50)))]) {
            $0.list.selected = 49
            $0.list.offset = 31
            $0.isDetailStale = true
            $0.requests[.leadsPage] = RequestID(.leadsPage, 4)
            $0.nextSerial = 5
        }
        assertReduce(&state, .commandInvoked(.top), effects: []) {
            $0.list.selected = 0
            $0.list.offset = 0
        }
    }

    @Test func narrowEnterOpensTheDetailAndEscGoesBack() {
        var state = Fixtures.loaded()
        assertReduce(&state, .commandInvoked(.open), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.isShowingDetail = true
            $0.focus = .notes
            $0.isDetailStale = false
            $0.detail = LeadDetailState(slug: "lead-0", name: "First0 Last0")
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
        }
        #expect(state.panes == [.notes, .activities])
        assertReduce(&state, .commandInvoked(.nextPane), effects: []) { $0.focus = .activities }
        assertReduce(&state, .commandInvoked(.back), effects: []) {
            $0.isShowingDetail = false
            $0.focus = .list
        }
    }

    @Test func wideTabCyclesThreePanesAndResizeKeepsFocusValid() {
        var state = Fixtures.loaded(width: 160, height: 48)
        assertReduce(&state, .commandInvoked(.nextPane), effects: []) { $0.focus = .notes }
        assertReduce(&state, .commandInvoked(.previousPane), effects: []) { $0.focus = .list }
        _ = AppReducer.reduce(&state, .commandInvoked(.nextPane))
        assertReduce(&state, .resized(width: 80, height: 24), effects: []) {
            $0.width = 80
            $0.height = 24
            $0.focus = .list
        }
    }

    @Test func freeTextFiltersAtOnceAndEscClears() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        #expect(state.filterBar == TextInput())
        for character in "first12" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        #expect(state.list.text == "first12")
        #expect(state.list.visible.map { state.list.rows[$0].slug } == ["lead-12"])
        assertReduce(&state, .commandInvoked(.back), effects: []) {
            $0.filterBar = nil
            $0.list.setText("")
        }
        #expect(state.list.visible.count == 50)
    }

    @Test func fieldTermsGoToTheServerAndAnUnknownFieldIsNamed() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        for character in "colour:red" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(state.filterBar != nil)
        #expect(state.message?.text == "Unknown filter field “colour”: use status, owner, email, phone, first, last, campaign (as field:value).")
        _ = AppReducer.reduce(&state, .textEdited(.killToStart))
        for character in "owner:bob ana" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        let effects = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(effects == [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(owner: "bob", limit: 50, offset: 0)))])
        #expect(state.list.serverFilter.owner == "bob")
        #expect(state.list.text == "ana")
        #expect(state.list.rows.isEmpty)
    }

    @Test func ownedAssignedAndSortCycle() {
        var state = Fixtures.loaded()
        let effects = AppReducer.reduce(&state, .commandInvoked(.toggleAssigned))
        #expect(effects == [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(listType: .assigned, limit: 50, offset: 0)))])
        state = Fixtures.loaded()
        assertReduce(&state, .commandInvoked(.sortNext), effects: []) {
            $0.list.setSort(.name)
            $0.message = StatusMessage("Sorted by name.", .info, at: Fixtures.now)
        }
        #expect(state.list.lead(atVisible: 1).slug == "lead-1")
        #expect(state.list.lead(atVisible: 2).slug == "lead-2")    // numbers compare as numbers: First2 before First10
        _ = AppReducer.reduce(&state, .commandInvoked(.sortNext))
        _ = AppReducer.reduce(&state, .commandInvoked(.sortNext))
        #expect(state.list.sort == .added)
        #expect(state.list.lead(atVisible: 0).addedOn?.raw == "2026-11-28 09:00")
    }

    @Test func mouseClickSelectsAndWheelScrolls() {
        var state = Fixtures.loaded()
        assertReduce(&state, .rowClicked(.list, 5), effects: []) {
            $0.list.selected = 5
            $0.isDetailStale = true
        }
        assertReduce(&state, .wheelScrolled(.list, 3), effects: []) { $0.list.selected = 8 }
        assertReduce(&state, .rowClicked(.notes, 0), effects: [])   // no notes pane at 80 columns
    }

    @Test func refreshReloadsTheFocusedPane() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        // The list: the first page again, keeping the selection; the overview too.
        #expect(AppReducer.reduce(&state, .commandInvoked(.refresh)) == [
            .request(RequestID(.leadsPage, 4), .leads(LeadQuery(limit: 50, offset: 0))),
            .cancel(RequestID(.overview, 2)), .request(RequestID(.overview, 5), .overview),
        ])
        _ = AppReducer.reduce(&state, .leadsPageLoaded(RequestID(.leadsPage, 4), offset: 0, .success(Fixtures.page(0..<50, count: 121))))
        #expect(state.list.selectedLead?.slug == "lead-1")
        #expect(state.list.total == 121)
        // The detail: its lead again.
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(AppReducer.reduce(&state, .commandInvoked(.refresh)) == [
            .cancel(RequestID(.leadDetail, 6)), .request(RequestID(.leadDetail, 7), .lead(slug: "lead-1")),
        ])
    }

    @Test func escInTheListClearsAFilterAndPageUpClamps() {
        var state = Fixtures.loaded()
        #expect(AppReducer.reduce(&state, .commandInvoked(.back)) == [])
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        _ = AppReducer.reduce(&state, .textEdited(.insert("status:closed last5")))
        _ = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(state.list.serverFilter.status == "closed")
        let effects = AppReducer.reduce(&state, .commandInvoked(.back))
        #expect(effects == [.cancel(RequestID(.leadsPage, 4)), .request(RequestID(.leadsPage, 5), .leads(LeadQuery(limit: 50, offset: 0)))])
        #expect(state.list.serverFilter.isEmpty && state.list.text.isEmpty)
        #expect(state.message?.text == "Filter cleared.")
        state = Fixtures.loaded()
        assertReduce(&state, .commandInvoked(.pageUp), effects: [])
    }

    @Test func theViewKeysSwitchAndRedrawChangesNothing() {
        var state = Fixtures.loaded()
        assertReduce(&state, .commandInvoked(.viewLeads), effects: [])
        assertReduce(&state, .commandInvoked(.redraw), effects: [])
        let overview = AppReducer.reduce(&state, .commandInvoked(.viewOverview))
        #expect(state.view == .overview)
        #expect(overview == [.cancel(RequestID(.overview, 2)), .request(RequestID(.overview, 4), .overview),
                             .request(RequestID(.appointmentCounts, 5), .appointmentCounts)])
        #expect(state.keyContexts == ["global"])
    }
}
