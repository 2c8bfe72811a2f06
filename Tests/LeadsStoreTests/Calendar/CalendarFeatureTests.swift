import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The calendar in the app: views and periods, the window fetched once, the
/// agenda, status changes, delete with undo, jumping to the lead.
@Suite struct CalendarFeatureTests {
    static let today = Day(year: 2026, month: 11, day: 24)
    static let window = Day(year: 2026, month: 10, day: 26)...Day(year: 2026, month: 12, day: 6)
    static let windowRequest = Request.appointments(from: window.lowerBound, to: window.upperBound)

    /// The calendar open on its day view with `items` loaded (window request 4).
    static func calendar(_ items: [Appointment] = [], width: Int = 80) -> TestStore {
        var store = TestStore(Fixtures.loaded(width: width, height: width == 80 ? 24 : 48))
        store.press(.viewCalendar, effects: [.request(RequestID(.calendarWindow, 4), windowRequest)])
        store.send(.responded(RequestID(.calendarWindow, 4), .appointments(from: window.lowerBound, to: window.upperBound, .success(items))))
        return store
    }

    @Test func openingTheCalendarFetchesTheMonthWindowOnce() {
        var store = TestStore(Fixtures.loaded())
        store.press(.viewCalendar, effects: [.request(RequestID(.calendarWindow, 4), Self.windowRequest)]) {
            $0.view = .calendar
            $0.requests[.calendarWindow] = RequestID(.calendarWindow, 4)
            $0.nextSerial = 5
        }
        #expect(store.state.keyScope.contexts == ["global", "list", "calendar"])
        store.send(.responded(RequestID(.calendarWindow, 4), .appointments(from: Self.window.lowerBound, to: Self.window.upperBound,
                                                                           .success([Fixtures.appointment(1, 9)]))))
        // Moving inside the window costs nothing; the week and month views reuse it.
        for command in [Command.periodNext, .calendarWeek, .calendarMonth, .dayNext, .goToToday] { store.press(command) }
        // A month later is outside it.
        store.press(.periodNext, effects: [.request(RequestID(.calendarWindow, 5), .appointments(
            from: Day(year: 2026, month: 11, day: 30), to: Day(year: 2027, month: 1, day: 3)))])
        #expect(store.state.calendar.anchor == Day(year: 2026, month: 12, day: 24))
    }

    @Test func periodsMoveByDayWeekAndMonthAndDotComesBack() {
        var store = Self.calendar()
        store.press(.periodNext)
        #expect(store.state.calendar.anchor == Day(year: 2026, month: 11, day: 25))
        store.press(.calendarWeek)
        store.press(.periodPrevious)
        #expect(store.state.calendar.anchor == Day(year: 2026, month: 11, day: 18))
        #expect(store.state.calendar.days.first == Day(year: 2026, month: 11, day: 16))
        store.press(.calendarMonth)
        store.press(.calendarDown)   // a week later in the grid
        #expect(store.state.calendar.anchor == Day(year: 2026, month: 11, day: 25))
        store.press(.dayPrevious)
        #expect(store.state.calendar.anchor == Self.today)
        // October's window starts before the one loaded.
        store.press(.periodPrevious, effects: [.request(RequestID(.calendarWindow, 5), .appointments(
            from: Day(year: 2026, month: 9, day: 28), to: Day(year: 2026, month: 11, day: 1)))])
        #expect(store.state.calendar.anchor == Day(year: 2026, month: 10, day: 24))
        store.press(.goToToday)
        #expect(store.state.calendar.anchor == Self.today)
        store.press(.calendarUpcoming, effects: [.request(RequestID(.upcoming, 6), .appointments(from: Self.today, to: Day(year: 2026, month: 12, day: 23)))])
        store.press(.periodNext)   // upcoming has no period
    }

    @Test func theAgendaSelectsAndEnterJumpsToTheLead() {
        var store = Self.calendar([Fixtures.appointment(1, 9, lead: 3), Fixtures.appointment(2, 14, lead: 7)])
        #expect(store.state.calendar.agenda.map(\.id) == [1, 2])
        store.press(.down) { $0.calendar.selection = 1 }
        store.press(.open, effects: [.request(RequestID(.leadDetail, 5), .lead(slug: "lead-7"))]) {
            $0.view = .leads
            $0.list.select(slug: "lead-7")
            $0.isDetailStale = false
            $0.isShowingDetail = true
            $0.focus = .notes
            $0.detail = LeadDetailState(slug: "lead-7", name: "First7 Last7")
            $0.requests[.leadDetail] = RequestID(.leadDetail, 5)
            $0.nextSerial = 6
            $0.cameFrom = .calendar
        }
        #expect(store.state.list.selectedLead?.slug == "lead-7")
        // Back means back: Esc returns to the calendar, its selection where it was.
        store.press(.back) {
            $0.view = .calendar
            $0.cameFrom = nil
            $0.isShowingDetail = false
            $0.focus = .list
        }
        #expect(store.state.calendar.selected?.id == 2)
        // Opened again and left for the leads view by its key, Esc is the list's own again.
        store.press(.open) { $0.view = .leads; $0.cameFrom = .calendar; $0.isShowingDetail = true; $0.focus = .notes }
        store.press(.viewLeads) { $0.cameFrom = nil }
        store.press(.back) { $0.isShowingDetail = false; $0.focus = .list }
        #expect(store.state.view == .leads)
    }

    @Test func statusChangesAndDeleteWithUndo() {
        // A status key acts at once on screen, and waits in the undo window before it is sent.
        var store = Self.calendar([Fixtures.appointment(9, 15)])
        store.press(.fulfilAppointment) {
            $0.calendar.mark(id: 9, status: "fullfilled")
            $0.pending.waiting = PendingChange(target: .appointmentStatus(id: 9, status: "fullfilled"), label: "First1 Last1 at Tue 24 Nov 15:00",
                                               deadline: Fixtures.now.addingTimeInterval(5))
        }
        #expect(store.state.calendar.selected?.status == "fullfilled")
        #expect(store.state.pending.waiting?.done == "Marked First1 Last1 at Tue 24 Nov 15:00 fulfilled")
        store.press(.undo) {
            $0.calendar.unmark(id: 9)
            $0.pending.waiting = nil
            $0.message = StatusMessage("Undone: First1 Last1 at Tue 24 Nov 15:00 is not marked fulfilled.", .success, at: Fixtures.now)
        }
        #expect(store.state.calendar.selected?.status == "pending")
        store.press(.cancelAppointment)
        store.send(.ticked(Fixtures.now.addingTimeInterval(6)), effects: [
            .request(RequestID(.delete, 5), .updateAppointment(AppointmentChanges(id: 9, status: "cancelled")))])
        store.send(.responded(RequestID(.delete, 5), .change(.success(Done()))), effects: [
            .cancel(RequestID(.today, 2)), .request(RequestID(.today, 6), .dayAppointments(Self.today)),
            .request(RequestID(.calendarWindow, 7), Self.windowRequest),
        ])
        #expect(store.state.message?.text == "Marked First1 Last1 at Tue 24 Nov 15:00 cancelled.")
        #expect(store.state.calendar.selected?.status == "cancelled")   // shown until the service's answer says so itself

        // A delete: confirmed, then gone from the agenda at once (the count too); u brings it back.
        store = Self.calendar([Fixtures.appointment(9, 15), Fixtures.appointment(10, 16)])
        store.press(.deleteAppointment)
        guard case .confirm(let question) = store.state.topModal else { Issue.record("no confirmation"); return }
        #expect(question.question == "Delete the appointment with First1 Last1 at Tue 24 Nov 15:00?")
        store.press(.yes) {
            $0.modals = []
            $0.calendar.hide(id: 9)
            $0.pending.waiting = PendingChange(target: .appointment(id: 9), label: "the appointment with First1 Last1 at Tue 24 Nov 15:00",
                                               deadline: Fixtures.now.addingTimeInterval(5))
        }
        #expect(store.state.calendar.agenda.map(\.id) == [10])
        store.press(.undo) {
            $0.calendar.unhide(id: 9)
            $0.pending.waiting = nil
            $0.message = StatusMessage("Undone: the appointment with First1 Last1 at Tue 24 Nov 15:00 is not deleted.", .success, at: Fixtures.now)
        }
        #expect(store.state.calendar.agenda.map(\.id) == [9, 10] && store.state.calendar.selected?.id == 9)
        store.press(.deleteAppointment)
        store.press(.yes)
        store.send(.ticked(Fixtures.now.addingTimeInterval(6)), effects: [.request(RequestID(.delete, 5), .deleteAppointment(id: 9))])
        store.send(.responded(RequestID(.delete, 5), .change(.success(Done()))), effects: [
            .cancel(RequestID(.today, 2)), .request(RequestID(.today, 6), .dayAppointments(Self.today)),
            .request(RequestID(.calendarWindow, 7), Self.windowRequest),
        ])
    }

    @Test(arguments: [(Command.confirmAppointment, "confirmed"), (.cancelAppointment, "cancelled"), (.fulfilAppointment, "fullfilled")])
    func statusKeysSendTheServicesSpelling(_ command: Command, _ status: String) {
        var store = Self.calendar([Fixtures.appointment(4, 15)])
        store.press(command)
        store.send(.ticked(Fixtures.now.addingTimeInterval(6)), effects: [
            .request(RequestID(.delete, 5), .updateAppointment(AppointmentChanges(id: 4, status: status)))])
    }

    /// A lead opened from the calendar that the filtered list does not show: back on the
    /// list, the detail follows the list's selection again (never one lead beside another's row).
    @Test func backOnTheListTheDetailIsTheSelectedLeadAgain() {
        var store = Self.calendar([Fixtures.appointment(1, 9, lead: 3)])
        store.state.list.setText("first1")   // lead-3 is not among the matches
        store.press(.calendarToday)
        _ = AppReducer.reduce(&store.state, .commandInvoked(.open))
        #expect(store.state.detail?.slug == "lead-3" && store.state.list.selectedLead?.slug == "lead-1")
        _ = AppReducer.reduce(&store.state, .commandInvoked(.back))
        _ = AppReducer.reduce(&store.state, .commandInvoked(.viewLeads))
        _ = AppReducer.reduce(&store.state, .ticked(Fixtures.now))
        _ = AppReducer.reduce(&store.state, .ticked(Fixtures.now.addingTimeInterval(0.1)))   // once the selection rests
        #expect(store.state.detail?.slug == store.state.list.selectedLead?.slug)
    }

    @Test func nothingSelectedIsSaid() {
        var store = Self.calendar()
        store.press(.editAppointment) { $0.message = StatusMessage("No appointment selected.", .warning, at: Fixtures.now) }
        store.press(.open) { _ in }
    }

    @Test func escGoesBackToTheLeadsAndSlashFiltersThem() {
        var store = Self.calendar()
        store.press(.back) { $0.view = .leads }
        store = Self.calendar()
        store.press(.filter) { $0.view = .leads; $0.filterBar = FilterBarState() }
    }

    @Test func refreshReloadsAndUpDownMoveTheAgendaOutsideTheMonth() {
        var store = Self.calendar([Fixtures.appointment(1, 15), Fixtures.appointment(2, 16)])
        store.press(.refresh, effects: [
            .request(RequestID(.calendarWindow, 5), Self.windowRequest),
            .cancel(RequestID(.today, 2)), .request(RequestID(.today, 6), .dayAppointments(Self.today)),
        ])
        store.press(.calendarDown) { $0.calendar.selection = 1 }
        #expect(store.state.calendar.anchor == Self.today)
        store.press(.calendarUp) { $0.calendar.selection = 0 }
        store.press(.bottom) { $0.calendar.selection = 1 }
        store.press(.top) { $0.calendar.selection = 0 }
    }

    @Test func aFailedWindowSaysWhy() {
        var store = TestStore(Fixtures.loaded())
        store.press(.viewCalendar, effects: [.request(RequestID(.calendarWindow, 4), Self.windowRequest)])
        store.send(.responded(RequestID(.calendarWindow, 4), .appointments(from: Self.window.lowerBound, to: Self.window.upperBound,
                                                                           .failure(.transport(.init(.timedOut)))))) {
            $0.requests[.calendarWindow] = nil
            $0.calendar.error = "The request timed out."
            $0.message = StatusMessage("Could not load appointments: The request timed out.", .error, at: Fixtures.now)
        }
    }
}
