import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The calendar's actions: views and periods, the window fetched once, booking, status changes,
/// delete with undo, jumping to the lead, reminders, the dashboard's refresh.
@Suite struct CalendarReducerTests {
    static let today = Day(year: 2026, month: 11, day: 24)
    static let window = Day(year: 2026, month: 10, day: 26)...Day(year: 2026, month: 12, day: 6)

    /// The calendar open on its day view with `items` loaded.
    static func calendar(_ items: [Appointment] = [], width: Int = 80) -> AppState {
        var state = Fixtures.loaded(width: width, height: width == 80 ? 24 : 48)
        _ = AppReducer.reduce(&state, .commandInvoked(.viewCalendar))
        if let id = state.requests[.calendarWindow] {
            _ = AppReducer.reduce(&state, .appointmentsLoaded(id, from: window.lowerBound, to: window.upperBound, .success(items)))
        }
        return state
    }

    @Test func openingTheCalendarFetchesTheMonthWindowOnce() {
        var state = Fixtures.loaded()
        let effects = AppReducer.reduce(&state, .commandInvoked(.viewCalendar))
        #expect(effects == [.request(RequestID(.calendarWindow, 4), .appointments(from: Self.window.lowerBound, to: Self.window.upperBound))])
        #expect(state.keyContexts == ["global", "list", "calendar"])
        _ = AppReducer.reduce(&state, .appointmentsLoaded(RequestID(.calendarWindow, 4), from: Self.window.lowerBound,
                                                          to: Self.window.upperBound, .success([Fixtures.appointment(1, 9)])))
        // Moving inside the window costs nothing; the week and month views reuse it.
        for command in [Command.periodNext, .calendarWeek, .calendarMonth, .dayNext, .goToToday] {
            #expect(AppReducer.reduce(&state, .commandInvoked(command)) == [], "\(command)")
        }
        // A month later is outside it.
        let next = AppReducer.reduce(&state, .commandInvoked(.periodNext))
        #expect(state.calendar.anchor == Day(year: 2026, month: 12, day: 24))
        #expect(next == [.request(RequestID(.calendarWindow, 5), .appointments(from: Day(year: 2026, month: 11, day: 30), to: Day(year: 2027, month: 1, day: 3)))])
    }

    @Test func periodsMoveByDayWeekAndMonthAndDotComesBack() {
        var state = Self.calendar()
        _ = AppReducer.reduce(&state, .commandInvoked(.periodNext))
        #expect(state.calendar.anchor == Day(year: 2026, month: 11, day: 25))
        _ = AppReducer.reduce(&state, .commandInvoked(.calendarWeek))
        _ = AppReducer.reduce(&state, .commandInvoked(.periodPrevious))
        #expect(state.calendar.anchor == Day(year: 2026, month: 11, day: 18))
        #expect(state.calendar.days.first == Day(year: 2026, month: 11, day: 16))
        _ = AppReducer.reduce(&state, .commandInvoked(.calendarMonth))
        _ = AppReducer.reduce(&state, .commandInvoked(.calendarDown))   // a week later in the grid
        #expect(state.calendar.anchor == Day(year: 2026, month: 11, day: 25))
        _ = AppReducer.reduce(&state, .commandInvoked(.dayPrevious))
        #expect(state.calendar.anchor == Day(year: 2026, month: 11, day: 24))
        _ = AppReducer.reduce(&state, .commandInvoked(.periodPrevious))
        #expect(state.calendar.anchor == Day(year: 2026, month: 10, day: 24))
        _ = AppReducer.reduce(&state, .commandInvoked(.goToToday))
        #expect(state.calendar.anchor == Self.today)
        let upcoming = AppReducer.reduce(&state, .commandInvoked(.calendarUpcoming))
        #expect(upcoming.last == .request(RequestID(.upcoming, 6), .appointments(from: Self.today, to: Day(year: 2026, month: 12, day: 23))))
    }

    @Test func theAgendaSelectsAndEnterJumpsToTheLead() {
        var state = Self.calendar([Fixtures.appointment(1, 9, lead: 3), Fixtures.appointment(2, 14, lead: 7)])
        #expect(state.calendar.agenda.map(\.id) == [1, 2])
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        #expect(state.calendar.selected?.id == 2)
        let effects = AppReducer.reduce(&state, .commandInvoked(.open))
        #expect(state.view == .leads && state.isShowingDetail && state.focus == .notes)
        #expect(state.detail?.slug == "lead-7")
        #expect(state.list.selectedLead?.slug == "lead-7")
        #expect(effects == [.request(RequestID(.leadDetail, 5), .lead(slug: "lead-7"))])
    }

    @Test func bookingPrefillsTheNextFreeHalfHourAndPicksALead() {
        // 10:15 now: 10:30 is the next half hour, but 10:30–11:00 is taken.
        var state = Self.calendar([Fixtures.appointment(1, 10, 30)])
        _ = AppReducer.reduce(&state, .commandInvoked(.newAppointment))
        guard case .appointmentForm(var form) = state.topModal else { Issue.record("no form"); return }
        #expect(form.value(.start) == "2026-11-24 11:00")
        #expect(form.focus == .lead)
        for character in "first12" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        guard case .appointmentForm(let typed) = state.topModal else { return }
        #expect(typed.matches.map(\.slug) == ["lead-12"])
        _ = AppReducer.reduce(&state, .commandInvoked(.nextField))
        guard case .appointmentForm(let picked) = state.topModal else { return }
        #expect(picked.lead == .init(slug: "lead-12", name: "First12 Last12"))
        form = picked
        #expect(form.focus == .start)
        let save = AppReducer.reduce(&state, .commandInvoked(.save))
        #expect(save == [.request(RequestID(.saveAppointment, 5), .createAppointment(AppointmentDraft(
            slug: "lead-12", from: "2026-11-24 11:00", to: "2026-11-24 11:30", note: nil)))])
    }

    @Test func theFormChecksAndKeepsWhatWasTypedWhenTheServerSaysNo() {
        var state = Self.calendar()
        _ = AppReducer.reduce(&state, .commandInvoked(.newAppointment))
        #expect(AppReducer.reduce(&state, .commandInvoked(.save)) == [])
        guard case .appointmentForm(let empty) = state.topModal else { Issue.record("no form"); return }
        #expect(empty.visibleErrors(now: Fixtures.now, zone: Fixtures.utc)[.lead] == "Pick a lead.")
        // A start in the past, by what people type.
        state.modals[0] = .appointmentForm(AppointmentForm(mode: .create, lead: .init(slug: "lead-1", name: "First1 Last1"), start: nil))
        for character in "today 8:00" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        guard case .appointmentForm(let past) = state.topModal else { return }
        #expect(past.visibleErrors(now: Fixtures.now, zone: Fixtures.utc)[.start] == "Tue 24 Nov 08:00 is in the past.")
        for _ in 0..<4 { _ = AppReducer.reduce(&state, .textEdited(.deleteBackward)) }
        for character in "15:00" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        let save = AppReducer.reduce(&state, .commandInvoked(.save))
        #expect(save.count == 1)
        _ = AppReducer.reduce(&state, .changeFinished(RequestID(.saveAppointment, 5), .failure(.requestFailed(["Appointment schedule exists for this time."]))))
        guard case .appointmentForm(let refused) = state.topModal else { Issue.record("the form closed"); return }
        #expect(refused.message == "Not saved: Appointment schedule exists for this time.")
        #expect(refused.value(.start) == "today 15:00")
        #expect(!refused.isSaving)
    }

    @Test func statusChangesAndDeleteWithUndo() {
        var state = Self.calendar([Fixtures.appointment(9, 15)])
        #expect(AppReducer.reduce(&state, .commandInvoked(.fulfilAppointment)) == [
            .request(RequestID(.saveAppointment, 5), .updateAppointment(AppointmentChanges(id: 9, status: "fullfilled")))])
        let done = AppReducer.reduce(&state, .changeFinished(RequestID(.saveAppointment, 5), .success(Done())))
        #expect(state.message?.text == "Appointment updated.")
        #expect(done.contains(.request(RequestID(.calendarWindow, 7), .appointments(from: Self.window.lowerBound, to: Self.window.upperBound))))
        state = Self.calendar([Fixtures.appointment(9, 15)])
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteAppointment))
        guard case .confirm(let question) = state.topModal else { Issue.record("no confirmation"); return }
        #expect(question.question == "Delete the appointment with First1 Last1 at Tue 24 Nov 15:00?")
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        #expect(state.pendingDelete?.target == .appointment(id: 9))
        _ = AppReducer.reduce(&state, .commandInvoked(.undo))
        #expect(state.pendingDelete == nil)
        _ = AppReducer.reduce(&state, .commandInvoked(.deleteAppointment))
        _ = AppReducer.reduce(&state, .commandInvoked(.yes))
        let sent = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(6)))
        #expect(sent.first == .request(RequestID(.delete, 5), .deleteAppointment(id: 9)))
    }

    @Test func aReminderShowsOnceWithOneBell() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .todayAppointmentsLoaded(state.requests[.today]!, .success(
            [Fixtures.appointment(1, 10, 30, note: "Demo"), Fixtures.appointment(2, 11, 0, status: "cancelled")])))
        #expect(state.message == nil)   // 10:30 is 15 minutes away
        let near = Fixtures.now.addingTimeInterval(6 * 60)   // 10:21
        #expect(AppReducer.reduce(&state, .ticked(near)).contains(.bell))
        #expect(state.message?.text == "⏰ In 9 min: Tue 24 Nov 10:30 First1 Last1 — Demo")
        #expect(!AppReducer.reduce(&state, .ticked(near.addingTimeInterval(60))).contains(.bell))
        // The cancelled one at 11:00 never rings.
        #expect(!AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(40 * 60))).contains(.bell))
    }

    @Test func theDashboardRefreshesItselfEveryFewMinutes() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.viewOverview))
        _ = AppReducer.reduce(&state, .appointmentCountsLoaded(state.requests[.appointmentCounts]!, .success(["today": 4, "week": 9, "month": 20])))
        #expect(state.appointmentCounts["week"] == 9)
        #expect(AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(60))).isEmpty)
        let due = AppReducer.reduce(&state, .ticked(Fixtures.now.addingTimeInterval(5 * 60)))
        #expect(due.contains { if case .request(_, .appointmentCounts) = $0 { return true }; return false })
        #expect(state.view == .overview && state.modals.isEmpty)
    }

    @Test func bookingFromTheLeadsPaneUsesTheSelectedLead() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.newAppointmentForLead))
        guard case .appointmentForm(let form) = state.topModal else { Issue.record("no form"); return }
        #expect(form.lead == .init(slug: "lead-0", name: "First0 Last0"))
        #expect(form.value(.start) == "2026-11-24 10:30")
        #expect(form.focus == .start)
    }

    @Test func aHangUpMidBookingKeepsTheFormAsADraft() {
        var state = Self.calendar()
        _ = AppReducer.reduce(&state, .commandInvoked(.newAppointment))
        for character in "first3" { _ = AppReducer.reduce(&state, .textEdited(.insert(String(character)))) }
        _ = AppReducer.reduce(&state, .commandInvoked(.nextField))
        let effects = AppReducer.reduce(&state, .hungUp)
        guard case .saveDraft(let draft)? = effects.first else { Issue.record("no draft: \(effects)"); return }
        #expect(draft.content == .appointment(id: nil, leadSlug: "lead-3", values: [
            "lead": "First3 Last3", "start": "2026-11-24 10:30", "duration": "30", "note": ""]))
        // Resumed: the form is back as it was.
        var next = Fixtures.loaded()
        _ = AppReducer.reduce(&next, .started(drafts: [draft]))
        _ = AppReducer.reduce(&next, .commandInvoked(.yes))
        guard case .appointmentForm(let form) = next.topModal else { Issue.record("no form"); return }
        #expect(form.lead?.slug == "lead-3" && form.value(.start) == "2026-11-24 10:30")
    }

    @Test func escGoesBackToTheLeadsAndSlashFiltersThem() {
        var state = Self.calendar()
        _ = AppReducer.reduce(&state, .commandInvoked(.back))
        #expect(state.view == .leads && state.filterBar == nil)
        state = Self.calendar()
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        #expect(state.view == .leads && state.filterBar != nil)
    }

    @Test(arguments: [(Command.confirmAppointment, "confirmed"), (.cancelAppointment, "cancelled"), (.fulfilAppointment, "fullfilled")])
    func statusKeysSendTheServicesSpelling(_ command: Command, _ status: String) {
        var state = Self.calendar([Fixtures.appointment(4, 15)])
        #expect(AppReducer.reduce(&state, .commandInvoked(command)) == [
            .request(RequestID(.saveAppointment, 5), .updateAppointment(AppointmentChanges(id: 4, status: status)))])
    }

    @Test func editOpensTheAppointmentAsItIsAndRefreshReloads() {
        var state = Self.calendar([Fixtures.appointment(4, 15, minutes: 45, lead: 2, note: "Demo")])
        _ = AppReducer.reduce(&state, .commandInvoked(.editAppointment))
        guard case .appointmentForm(let form) = state.topModal else { Issue.record("no form"); return }
        #expect(form.mode == .edit(id: 4) && form.focus == .start)
        #expect(form.lead == .init(slug: "lead-2", name: "First2 Last2"))
        #expect([form.value(.start), form.value(.duration), form.value(.note)] == ["2026-11-24 15:00", "45", "Demo"])
        _ = AppReducer.reduce(&state, .commandInvoked(.cancel))   // nothing changed: closes at once
        #expect(state.modals.isEmpty)
        let refresh = AppReducer.reduce(&state, .commandInvoked(.refresh))
        #expect(refresh.first == .request(RequestID(.calendarWindow, 5), .appointments(from: Self.window.lowerBound, to: Self.window.upperBound)))
        // Up and down move the agenda outside the month view.
        state = Self.calendar([Fixtures.appointment(1, 15), Fixtures.appointment(2, 16)])
        _ = AppReducer.reduce(&state, .commandInvoked(.calendarDown))
        #expect(state.calendar.selection == 1 && state.calendar.anchor == Self.today)
        _ = AppReducer.reduce(&state, .commandInvoked(.calendarUp))
        #expect(state.calendar.selection == 0)
    }
}
