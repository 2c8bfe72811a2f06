import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// Commands: the leads workspace's panes, views, help, the palette, what applies where.
@Suite struct AppCommandTests {
    @Test func narrowEnterOpensTheDetailAndEscGoesBack() {
        var store = TestStore(Fixtures.loaded())
        store.press(.open, effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.isShowingDetail = true
            $0.focus = .notes
            $0.isDetailStale = false
            $0.detail = Fixtures.followed(0)
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
        }
        #expect(store.state.panes == [.notes, .activities])
        store.press(.nextPane) { $0.focus = .activities }
        store.press(.back) { $0.isShowingDetail = false; $0.focus = .list }
    }

    @Test func wideTabCyclesThreePanes() {
        var store = TestStore(Fixtures.loaded(width: 160, height: 48))
        store.press(.nextPane) { $0.focus = .notes }
        store.press(.nextPane) { $0.focus = .activities }
        store.press(.nextPane) { $0.focus = .list }
        store.press(.previousPane) { $0.focus = .activities }
    }

    @Test func movingClampsAndPagesByTheListsHeight() {
        var store = TestStore(Fixtures.loaded())
        store.press(.up) { _ in }
        store.press(.pageDown) { $0.list.selected = 18 }   // 19 rows at 80x24: a page is 18
        // G goes to the real end: the rest is fetched (one bulk page) and the selection follows it there.
        store.press(.bottom, effects: [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(limit: 500, offset: 50)))]) {
            $0.list.selected = 49
            $0.list.owedRows = Int(Int32.max) - 31
            $0.requests[.leadsPage] = RequestID(.leadsPage, 4)
            $0.nextSerial = 5
        }
        _ = AppReducer.reduce(&store.state, .responded(RequestID(.leadsPage, 4), .leadsPage(offset: 50, .success(Fixtures.page(50..<120, count: 120)))))
        #expect(store.state.list.selected == 119 && store.state.list.owedRows == 0)
        // The detail follows the selection that moved when the page came (not the old last row).
        #expect(store.state.isDetailStale)
        _ = AppReducer.reduce(&store.state, .ticked(Fixtures.now))
        #expect(store.state.detail?.slug == "lead-119")
        store.press(.top) { $0.list.selected = 0; $0.isDetailStale = true }
    }

    /// 200 fast j presses from the top of 120 leads, 50 loaded: the moves past the
    /// loaded end wait for the next page and go on into it (row 120, not 50).
    @Test func aHeldJGoesOnIntoTheNextPages() {
        var store = TestStore(Fixtures.loaded(count: 120))
        for _ in 0..<200 { _ = AppReducer.reduce(&store.state, .commandInvoked(.down)) }
        #expect(store.state.list.selected == 49)
        var serial = store.state.requests[.leadsPage]
        while let id = serial, let offset = store.state.list.nextOffset {
            let end = min(120, offset + 50)
            _ = AppReducer.reduce(&store.state, .responded(id, .leadsPage(offset: offset, .success(Fixtures.page(offset..<end, count: 120)))))
            serial = store.state.requests[.leadsPage]
        }
        #expect(store.state.list.selected == 119)
    }

    @Test func refreshReloadsTheFocusedPane() {
        var store = TestStore(Fixtures.loaded())
        store.press(.down) { $0.list.selected = 1 }
        // The list: the first page again, keeping the selection; the overview too.
        store.press(.refresh, effects: [
            .request(RequestID(.leadsPage, 4), .leads(LeadQuery(limit: 50, offset: 0))),
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 5), .overview),
        ])
        store.send(.responded(RequestID(.leadsPage, 4), .leadsPage(offset: 0, .success(Fixtures.page(0..<50, count: 121)))))
        #expect(store.state.list.selectedLead?.slug == "lead-1")
        #expect(store.state.list.total == 121)
        // The detail: its lead again.
        store.press(.open, effects: [.request(RequestID(.leadDetail, 6), .lead(slug: "lead-1"))])
        store.press(.refresh, effects: [.cancel(RequestID(.leadDetail, 6)), .request(RequestID(.leadDetail, 7), .lead(slug: "lead-1"))])
    }

    @Test func theViewKeysSwitchAndLoadWhatTheViewNeeds() {
        var store = TestStore(Fixtures.loaded())
        store.press(.viewLeads) { _ in }
        // The overview asked for at start is on its way: only the counts are asked for.
        store.press(.viewOverview, effects: [.request(RequestID(.appointmentCounts, 4), .appointmentCounts)]) {
            $0.view = .overview
            $0.requests[.appointmentCounts] = RequestID(.appointmentCounts, 4)
            $0.nextSerial = 5
        }
        #expect(store.state.keyScope.contexts == ["global"])
        store.press(.viewCalendar, effects: [.request(RequestID(.calendarWindow, 5), .appointments(
            from: Day(year: 2026, month: 10, day: 26), to: Day(year: 2026, month: 12, day: 6)))])
        #expect(store.state.view == .calendar)
        // Esc goes back to the leads; `/` filters them from anywhere.
        store.press(.back) { $0.view = .leads }
        store.press(.viewOverview)   // both on their way: nothing asked again
        store.press(.filter) { $0.view = .leads; $0.filterBar = FilterBarState() }
    }

    @Test func helpScrollsByItsPageAndCloses() {
        var store = TestStore(Fixtures.loaded())
        store.press(.help) { $0.modals = [.help(offset: 0, contexts: ["global", "list", "leads"])] }
        store.press(.down) { $0.modals = [.help(offset: 1, contexts: ["global", "list", "leads"])] }
        store.press(.pageDown) { $0.modals = [.help(offset: 21, contexts: ["global", "list", "leads"])] }   // 20 rows of text at 80x24
        store.press(.top) { $0.modals = [.help(offset: 0, contexts: ["global", "list", "leads"])] }
        store.press(.back) { $0.modals = [] }
    }

    @Test func thePaletteRunsOnlyWhatApplies() {
        var store = TestStore(Fixtures.loaded())
        store.press(.palette)
        store.type("sort by")
        guard case .palette(let palette) = store.state.topModal else { Issue.record("no palette"); return }
        #expect(palette.matches() == [.sortNext])
        store.press(.runCommand) {
            $0.modals = []
            $0.list.setSort(.name)
            $0.message = StatusMessage("Sorted by name.", .info, at: Fixtures.now)
        }
        // "Delete the selected note" does not apply in the list.
        #expect(!AppReducer.isAvailable(.deleteNote, in: store.state))
        store.press(.palette)
        store.type("selected note")
        store.press(.runCommand) {
            $0.modals = []
            $0.message = StatusMessage("“Delete the selected note” does not apply here.", .warning, at: Fixtures.now)
        }
        // A command of another view goes there and does it.
        store.press(.palette)
        store.type("calendar month")
        _ = AppReducer.reduce(&store.state, .commandInvoked(.runCommand))
        #expect(store.state.modals.isEmpty && store.state.view == .calendar && store.state.calendar.mode == .month)
        #expect(store.state.requests[.calendarWindow] != nil)
        // PageDown and PageUp move through the matches by a page.
        store.press(.palette)
        _ = AppReducer.reduce(&store.state, .commandInvoked(.pageDown))
        guard case .palette(let paged) = store.state.topModal else { Issue.record("no palette"); return }
        #expect(paged.selected == PaletteState.page)
    }

    @Test func leadCommandsActOnTheDetailWhenItIsFocused() {
        var store = TestStore(Fixtures.loaded(width: 160, height: 48))
        store.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        store.press(.nextPane)
        store.press(.newNote)
        guard case .noteForm(let form) = store.state.topModal else { Issue.record("no note form"); return }
        #expect(form.slug == "lead-0" && form.leadName == "First0 Last0")
        store.press(.cancel) { $0.modals = [] }
        // Sorting from the detail goes back to the list.
        store.press(.sortNext) {
            $0.focus = .list
            $0.list.setSort(.name)
            $0.message = StatusMessage("Sorted by name.", .info, at: Fixtures.now)
        }
    }

    @Test func deleteNoteNeedsTheNotesListFocused() {
        var store = TestStore(Fixtures.loaded())
        store.press(.deleteNote) {
            $0.message = StatusMessage("Select a note in the notes list first (\(key: .nextPane) to it).", .warning, at: Fixtures.now)
        }
    }

    @Test(arguments: [
        (Command.editLead, true), (.deleteNote, false), (.viewCalendar, true), (.newAppointment, false), (.undo, false),
        (.save, false), (.yes, false), (.sortNext, true),
    ])
    func whatAppliesInTheList(_ command: Command, _ applies: Bool) {
        #expect(AppReducer.isAvailable(command, in: Fixtures.loaded()) == applies)
    }
}
