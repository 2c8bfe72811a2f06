import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// Booking and changing appointments: the next free slot, the lead picker,
/// the checks, the service's refusal, drafts.
@Suite struct AppointmentFormTests {
    func form(_ state: AppState) -> AppointmentForm? {
        if case .appointmentForm(let form) = state.topModal { return form }
        return nil
    }

    @Test func bookingPrefillsTheNextFreeHalfHourAndPicksALead() {
        // 10:15 now: 10:30 is the next half hour, but 10:30–11:00 is taken.
        var store = CalendarFeatureTests.calendar([Fixtures.appointment(1, 10, 30)])
        store.press(.newAppointment)
        #expect(form(store.state)?.form.value(.start) == "2026-11-24 11:00")
        #expect(form(store.state)?.form.focus == .lead)
        #expect(store.state.keyScope.contexts == ["global", "form"])
        store.type("first12")
        #expect(form(store.state)?.matches.map(\.slug) == ["lead-12"])
        #expect(store.state.keyScope.contexts == ["global", "form", "picker"])
        store.press(.nextField)
        #expect(form(store.state)?.lead == .init(slug: "lead-12", name: "First12 Last12"))
        #expect(form(store.state)?.form.focus == .start)
        store.press(.save, effects: [.request(RequestID(.saveAppointment, 5), .createAppointment(AppointmentDraft(
            slug: "lead-12", from: "2026-11-24 11:00", to: "2026-11-24 11:30", note: nil)))])
        store.send(.responded(RequestID(.saveAppointment, 5), .change(.success(Done()))), effects: [
            .cancel(RequestID(.today, 2)), .request(RequestID(.today, 6), .dayAppointments(CalendarFeatureTests.today)),
            .request(RequestID(.calendarWindow, 7), CalendarFeatureTests.windowRequest),
        ])
        #expect(store.state.modals.isEmpty)
        #expect(store.state.message?.text == "Booked First12 Last12 Tue 24 Nov 11:00.")
        // The day comes again with the new appointment: the selection is on it, not on row 1.
        let booked = Fixtures.appointment(9, 11, lead: 12)
        store.send(.responded(RequestID(.calendarWindow, 7), .appointments(
            from: CalendarFeatureTests.window.lowerBound, to: CalendarFeatureTests.window.upperBound,
            .success([Fixtures.appointment(1, 10, 30), booked, Fixtures.appointment(2, 15)]))))
        #expect(store.state.calendar.selected == booked)
    }

    /// Booked from the day view for another day: the calendar goes to that day, where the
    /// booking is selected when it comes (it stayed on today, the booking out of sight).
    @Test func bookingAnotherDayGoesThere() {
        var store = CalendarFeatureTests.calendar([Fixtures.appointment(1, 10, 30)])
        store.press(.calendarToday)
        store.press(.newAppointment)
        store.type("first12")
        store.press(.nextField)
        var state = store.state
        guard case .appointmentForm(var form) = state.topModal else { Issue.record("no form"); return }
        form.form.set(.start, "2026-11-27 10:00")
        state.modals[state.modals.count - 1] = .appointmentForm(form)
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        guard let id = state.requests[.saveAppointment] else { Issue.record("not sent"); return }
        _ = AppReducer.reduce(&state, .responded(id, .change(.success(Done()))))
        #expect(state.modals.isEmpty)
        #expect(state.calendar.anchor == Day(year: 2026, month: 11, day: 27))
        #expect(state.calendar.selectWhenLoaded?.leadSlug == "lead-12")
    }

    /// A reload keeps the selected appointment selected (by id), wherever it moved.
    @Test func aReloadKeepsTheSelectedAppointment() {
        var store = CalendarFeatureTests.calendar([Fixtures.appointment(1, 9), Fixtures.appointment(2, 10), Fixtures.appointment(3, 11)])
        store.press(.calendarToday)
        store.press(.down)
        store.press(.down)
        #expect(store.state.calendar.selected?.id == 3)
        var again = store.state
        again.calendar.forget()
        _ = AppReducer.reduce(&again, .commandInvoked(.refresh))
        guard let id = again.requests[.calendarWindow] else { Issue.record("no reload"); return }
        _ = AppReducer.reduce(&again, .responded(id, .appointments(from: CalendarFeatureTests.window.lowerBound, to: CalendarFeatureTests.window.upperBound,
                                                                .success([Fixtures.appointment(4, 8), Fixtures.appointment(1, 9), Fixtures.appointment(2, 10),
                                                                          Fixtures.appointment(3, 11)]))))
        #expect(again.calendar.selected?.id == 3)
    }

    @Test func upAndDownMoveThroughTheMatches() {
        var store = CalendarFeatureTests.calendar()
        store.press(.newAppointment)
        store.type("first1")
        #expect(form(store.state)?.matches.count == 11)   // first1, first10…first19: all of them, the drop-down scrolls
        store.press(.down)
        store.press(.down)
        store.press(.up)
        #expect(form(store.state)?.matchSelected == 1)
        store.press(.submit)
        #expect(form(store.state)?.lead?.slug == "lead-10")
    }

    @Test func theFormChecksAndKeepsWhatWasTypedWhenTheServiceSaysNo() {
        var store = CalendarFeatureTests.calendar()
        store.press(.newAppointment)
        store.press(.save)
        #expect(form(store.state)?.visibleErrors(store.state.context)[.lead] == "Pick a lead.")
        // A start in the past, by what people type.
        store.state.modals[0] = .appointmentForm(AppointmentForm(mode: .create, lead: .init(slug: "lead-1", name: "First1 Last1"), start: nil))
        store.type("today 8:00")
        store.press(.save)
        #expect(form(store.state)?.visibleErrors(store.state.context)[.start] == "Tue 24 Nov 08:00 is in the past.")
        for _ in 0..<4 { store.send(.textEdited(.deleteBackward)) }
        store.type("15:00")
        store.press(.save, effects: [.request(RequestID(.saveAppointment, 5), .createAppointment(AppointmentDraft(
            slug: "lead-1", from: "2026-11-24 15:00", to: "2026-11-24 15:30", note: nil)))])
        store.send(.responded(RequestID(.saveAppointment, 5), .change(.failure(.requestFailed(["Appointment schedule exists for this time."])))))
        guard let refused = form(store.state) else { Issue.record("the form closed"); return }
        #expect(refused.form.message == "Not saved: Appointment schedule exists for this time.")
        #expect(refused.form.value(.start) == "today 15:00")
        #expect(!refused.form.isSaving)
        // The service's field errors sit under the fields they name.
        store.press(.save, effects: [.request(RequestID(.saveAppointment, 6), .createAppointment(AppointmentDraft(
            slug: "lead-1", from: "2026-11-24 15:00", to: "2026-11-24 15:30", note: nil)))])
        store.send(.responded(RequestID(.saveAppointment, 6), .change(.failure(.validation(FieldErrors([("appointment_to", ["Too long."])]))))))
        #expect(form(store.state)?.visibleErrors(store.state.context)[.duration] == "Too long.")
        #expect(form(store.state)?.form.focus == .duration)
    }

    @Test func aNameThatPicksNoLeadSaysWhichKeysPickOne() {
        var store = CalendarFeatureTests.calendar()
        store.press(.newAppointment)
        store.type("nobody")
        #expect(form(store.state)?.visibleErrors(store.state.context)[.lead] == nil)   // not while still typing it
        store.press(.nextField)
        #expect(form(store.state)?.visibleErrors(store.state.context)[.lead]
                == "No lead matches “nobody”: type part of a first or last name.")
        // While the picker is open the pages not loaded yet are fetched, 500 at a time.
        #expect(AppReducer.reduce(&store.state, .ticked(Fixtures.now)).contains { effect in
            if case .request(_, .leads(LeadQuery(limit: 500, offset: 50))) = effect { return true }
            return false
        })
    }

    /// Leads not loaded yet join the picker's matches as their pages come; the marked one stays marked.
    @Test func thePickerSearchesLeadsLoadedWhileItIsOpen() {
        var store = CalendarFeatureTests.calendar()
        store.press(.newAppointment)
        store.type("first11")
        #expect(form(store.state)?.matches.map(\.slug) == ["lead-11"])
        _ = AppReducer.reduce(&store.state, .ticked(Fixtures.now))
        guard let id = store.state.requests[.leadsPage] else { Issue.record("the rest is not asked for"); return }
        _ = AppReducer.reduce(&store.state, .responded(id, .leadsPage(offset: 50, .success(Fixtures.page(50..<120, count: 120)))))
        #expect(form(store.state)?.matches.map(\.slug) == ["lead-11"] + (110...119).map { "lead-\($0)" })
        #expect(form(store.state)?.matchSelected == 0)
    }

    @Test func bookingFromTheLeadsPaneUsesTheSelectedLead() {
        var store = TestStore(Fixtures.loaded())
        store.press(.newAppointmentForLead)
        #expect(form(store.state)?.lead == .init(slug: "lead-0", name: "First0 Last0"))
        #expect(form(store.state)?.form.value(.start) == "2026-11-24 10:30")
        #expect(form(store.state)?.form.focus == .start)
    }

    @Test func editOpensTheAppointmentAsItIs() {
        var store = CalendarFeatureTests.calendar([Fixtures.appointment(4, 15, minutes: 45, lead: 2, note: "Demo")])
        store.press(.editAppointment)
        guard let opened = form(store.state) else { Issue.record("no form"); return }
        #expect(opened.mode == .edit(id: 4) && opened.form.focus == .start)
        #expect(opened.lead == .init(slug: "lead-2", name: "First2 Last2"))
        #expect([opened.form.value(.start), opened.form.value(.duration), opened.form.value(.note)] == ["2026-11-24 15:00", "45", "Demo"])
        store.press(.cancel) { $0.modals = [] }   // nothing changed: closes at once
    }

    @Test func aHangUpMidBookingKeepsTheFormAsADraft() {
        var store = CalendarFeatureTests.calendar()
        store.press(.newAppointment)
        store.type("first3")
        store.press(.nextField)
        let draft = Draft(id: "draft-1795515300000", savedAt: Fixtures.now, content: .appointment(id: nil, leadSlug: "lead-3", values: [
            "lead": "First3 Last3", "start": "2026-11-24 10:30", "duration": "30", "note": ""]))
        store.send(.hungUp, effects: [.saveDraft(draft)])
        // Resumed: the form is back as it was.
        var next = TestStore(Fixtures.state())
        next.send(.started(drafts: [draft]), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: 50, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(CalendarFeatureTests.today)),
        ])
        next.press(.yes, effects: [.discardDraft(id: draft.id)])
        #expect(form(next.state)?.lead?.slug == "lead-3" && form(next.state)?.form.value(.start) == "2026-11-24 10:30")
        #expect(form(next.state)?.hasUnsavedInput == true)
    }
}
