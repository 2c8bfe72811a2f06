import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TestSupport
import Testing
import TextEditing
@testable import LeadsUI

/// The calendar's four views, the booking form and the overview dashboard,
/// at 80x24 and 160x48, against `Snapshots/` (see ScreenSnapshotTests).
@Suite struct CalendarSnapshotTests {
    static let window = Day(year: 2026, month: 10, day: 26)...Day(year: 2026, month: 12, day: 6)

    static var appointments: [Appointment] {
        [
            Fixtures.appointment(1, 9, lead: 1, status: "fullfilled", note: "Contract review"),
            Fixtures.appointment(2, 11, 30, minutes: 60, lead: 2, status: "confirmed", note: "Quarterly check-in"),
            Fixtures.appointment(3, 14, lead: 3, note: "Pricing; bring the deck"),
            Fixtures.appointment(4, 16, 30, lead: 4, status: "rescheduled", note: "Demo"),
            Fixtures.appointment(5, 10, lead: 5, status: "cancelled", day: "2026-11-25", note: "Intro"),
            Fixtures.appointment(6, 15, lead: 6, day: "2026-11-27", note: "Follow-up"),
            Fixtures.appointment(7, 9, 30, lead: 7, day: "2026-11-30", note: "Kick-off"),
            Fixtures.appointment(8, 13, lead: 8, day: "2026-11-10", note: "Earlier call"),
            Appointment(id: 9, lead: "First9 Last9", leadSlug: "lead-9", from: APIDate(raw: "2026-11-24 23:30"),
                        to: APIDate(raw: "2026-11-25 01:00"), note: "Late call to Tokyo", status: "confirmed"),
        ]
    }

    /// One that goes on past midnight says so where it is listed.
    @Test func anAppointmentPastMidnightIsMarked() {
        let lines = ScreenSnapshotTests.draw(Self.calendar(.calendarToday, width: 80, height: 24)).lines
        #expect(lines.contains { $0.contains("23:30–01:00 +1") && $0.contains("First9 Last9") }, "\(lines.joined(separator: "\n"))")
    }

    /// At 80 columns the month's agenda goes below the grid, its notes readable (not "C…").
    @Test func theMonthsAgendaHasRoomAt80Columns() {
        let lines = ScreenSnapshotTests.draw(Self.calendar(.calendarMonth, width: 80, height: 24)).lines
        for note in ["Contract review", "Quarterly check-in", "Pricing; bring the deck"] {
            #expect(lines.contains { $0.contains(note) }, "\(note) cut:\n\(lines.joined(separator: "\n"))")
        }
    }

    static func calendar(_ mode: Command, width: Int, height: Int) -> AppState {
        var state = Fixtures.loaded(width: width, height: height)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.viewCalendar))
        ScreenSnapshotTests.answer(&state, .calendarWindow, .appointments(from: window.lowerBound, to: window.upperBound, .success(appointments)))
        ScreenSnapshotTests.apply(&state, .commandInvoked(mode))
        let today = Day(year: 2026, month: 11, day: 24)
        let upcoming = appointments.filter { ($0.from?.components?.calendarDay ?? today) >= today }.sorted(by: AppointmentFetch.startsEarlier)
        ScreenSnapshotTests.answer(&state, .upcoming, .appointments(from: today, to: today.adding(days: 29), .success(upcoming)))
        return state
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func everyView(width: Int, height: Int) {
        for (command, name) in [(Command.calendarUpcoming, "upcoming"), (.calendarToday, "day"), (.calendarWeek, "week"), (.calendarMonth, "month")] {
            ScreenSnapshotTests.assertSnapshot("calendar-\(name)-\(width)x\(height)", Self.calendar(command, width: width, height: height))
        }
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func bookingFormWithMatchesAndAServerMessage(width: Int, height: Int) {
        var state = Self.calendar(.calendarToday, width: width, height: height)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.newAppointment))
        for character in "first1" { ScreenSnapshotTests.apply(&state, .textEdited(.insert(String(character)))) }
        ScreenSnapshotTests.assertSnapshot("appointment-form-matches-\(width)x\(height)", state)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.nextField))
        ScreenSnapshotTests.apply(&state, .textEdited(.killToStart))
        ScreenSnapshotTests.apply(&state, .textEdited(.insert("today 14:00")))
        ScreenSnapshotTests.apply(&state, .commandInvoked(.save))
        ScreenSnapshotTests.answer(&state, .saveAppointment, .change(.failure(.requestFailed(["Appointment schedule exists for this time."]))))
        ScreenSnapshotTests.assertSnapshot("appointment-form-refused-\(width)x\(height)", state)
    }

    /// The picker shows every candidate it can pick: the marked one is always drawn
    /// (the drop-down scrolls), and Tab picks exactly the marked, seen one.
    @Test(arguments: [(80, 24), (120, 36)]) func thePickerNeverPicksAnUnseenLead(width: Int, height: Int) {
        var state = Self.calendar(.calendarToday, width: width, height: height)
        var router = KeyRouter(keymap: ScreenSnapshotTests.keymap)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.newAppointment))
        for character in "first" { ScreenSnapshotTests.apply(&state, .textEdited(.insert(String(character)))) }
        for step in 0..<14 {
            let lines = ScreenSnapshotTests.draw(state).lines
            guard case .appointmentForm(let form) = state.topModal else { Issue.record("the form closed"); return }
            let marked = lines.filter { $0.contains("▸ ") }
            #expect(marked.count == 1, "step \(step): \(marked.count) marked rows")
            let name = form.matches[form.matchSelected].name
            #expect(marked.first?.contains("▸ \(name) ") == true, "step \(step): \(name) is not the one drawn marked")
            #expect(lines.contains { $0.contains("\(form.matchSelected + 1) of \(form.matches.count)") })
            for action in router.actions(for: .down, state: state, frame: FrameMap()) { ScreenSnapshotTests.apply(&state, action) }
        }
        guard case .appointmentForm(let before) = state.topModal else { return }
        let shown = before.matches[before.matchSelected]
        for action in router.actions(for: .tab, state: state, frame: FrameMap()) { ScreenSnapshotTests.apply(&state, action) }
        guard case .appointmentForm(let after) = state.topModal else { Issue.record("the form closed"); return }
        #expect(after.lead == shown)
    }

    @Test(arguments: ScreenSnapshotTests.sizes) func dashboard(width: Int, height: Int) {
        var state = Fixtures.loaded(width: width, height: height)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.viewOverview))
        let statuses: [(String, Int, String, String)] = [
            ("prospect", 50, "New lead, not yet contacted", "#6c757d"), ("contact", 34, "First contact made", "#17a2b8"),
            ("tentative", 22, "Interested, nothing agreed", "#ffc107"), ("potential", 11, "Likely to buy", "#fd7e14"),
            ("customer", 8, "Bought", "#28a745"), ("closed", 19, "Closed without a sale", "#dc3545"),
        ]
        let overview = Overview(json: .object([
            "TotalLeads": .integer(144),
            "LeadsData": .object([
                "status": .array(statuses.map { .object(["status": .string($0.0), "count": .integer(Int64($0.1)),
                                                         "Description": .string($0.2), "Color": .string($0.3)]) }),
                "source": .array([("website", 40), ("direct", 30), ("reddit", 12)].map {
                    .object(["source": .string($0.0), "count": .integer(Int64($0.1))]) }),
            ]),
        ]))
        ScreenSnapshotTests.answer(&state, .overview, .overview(.success(overview)))
        ScreenSnapshotTests.answer(&state, .appointmentCounts, .appointmentCounts(.success(["today": 4, "week": 9, "month": 23])))
        ScreenSnapshotTests.assertSnapshot("dashboard-\(width)x\(height)", state)
        // Each count says what it counts: the title the list's (owned), the overview the service's.
        let buffer = ScreenSnapshotTests.draw(state)
        #expect(buffer.line(0).contains("120 owned"))
        #expect(buffer.lines.contains { $0.contains("(yours, owned or assigned; the list shows 120 owned)") })
        // Every status by its name, as everywhere else; the description where it fits.
        for (status, _, _, _) in statuses { #expect(buffer.lines.contains { $0.contains("│ \(status) ") }, "\(status) not named") }
        // Where the rows allow, every description is read whole (issue 11.9: only "customer — Bought" was, at 160x48).
        if height >= 36 {
            for (status, _, description, _) in statuses {
                #expect(buffer.lines.contains { $0.contains("\(status) — \(description)") }, "\(status)'s description not shown whole")
            }
        }
        // Each status bar is in the colour the API gives it (nearest of 256).
        guard let row = (0..<buffer.height).first(where: { buffer.line($0).contains("customer") }),
              let x = (0..<buffer.width).first(where: { buffer[$0, row].grapheme == "█" }) else {
            Issue.record("no Bought bar"); return
        }
        #expect(buffer[x, row].style.foreground == .index(Palette.nearest256(0x28, 0xa7, 0x45)))
    }
}
