import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Reminders: once each, never for a cancelled appointment, today's list again after midnight.
@Suite struct RemindersFeatureTests {
    @Test func aReminderShowsOnceWithOneBell() {
        var state = Fixtures.loaded()
        state.settings.dashboardRefreshMinutes = 120   // only the reminders tick here
        var store = TestStore(state)
        store.send(.responded(RequestID(.today, 2), .appointments(from: CalendarFeatureTests.today, to: CalendarFeatureTests.today, .success(
            [Fixtures.appointment(1, 10, 30, note: "Demo"), Fixtures.appointment(2, 11, 0, status: "cancelled")]))))
        #expect(store.state.message == nil)   // 10:30 is 15 minutes away
        #expect(store.state.todayAppointments == 2)
        let near = Fixtures.now.addingTimeInterval(6 * 60)   // 10:21
        store.send(.ticked(near), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0")), .bell])
        #expect(store.state.message?.text == "⏰ In 9 min: Tue 24 Nov 10:30 First1 Last1 — Demo")
        store.send(.ticked(near.addingTimeInterval(60)))
        // The cancelled one at 11:00 never rings.
        store.send(.ticked(Fixtures.now.addingTimeInterval(40 * 60)), effects: [])
    }

    @Test func withoutTheBellSettingOnlyTheMessage() {
        var reminders = RemindersState()
        reminders.todayList = [Fixtures.appointment(1, 10, 20)]
        var settings = Fixtures.settings()
        settings.reminderBell = false
        var state = Fixtures.loaded()
        state.settings = settings
        state.reminders = reminders
        var store = TestStore(state)
        store.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))]) {
            $0.spinnerFrame = 1
            $0.isDetailStale = false
            $0.detail = Fixtures.followed(0)
            $0.requests[.leadDetail] = RequestID(.leadDetail, 4)
            $0.nextSerial = 5
            $0.reminders.reminded = ["1@2026-11-24 10:20"]
            $0.message = StatusMessage("⏰ In 5 min: Tue 24 Nov 10:20 First1 Last1 — Call", .warning, at: Fixtures.now)
        }
    }

    @Test func afterMidnightTodaysListIsAskedForAgain() {
        var reminders = RemindersState()
        let context = Fixtures.context()
        #expect(RemindersFeature.reduce(&reminders, .reload, context) == [.request(.today, .dayAppointments(CalendarFeatureTests.today))])
        #expect(RemindersFeature.reduce(&reminders, .ticked, context) == [])
        let tomorrow = Day(year: 2026, month: 11, day: 25)
        #expect(RemindersFeature.reduce(&reminders, .ticked, Fixtures.context(at: Fixtures.now.addingTimeInterval(14 * 3600)))
                == [.request(.today, .dayAppointments(tomorrow))])
        #expect(reminders.day == tomorrow)
    }
}
