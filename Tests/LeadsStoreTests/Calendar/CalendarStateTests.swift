import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// The calendar's own state: the window it needs, the next free half hour.
@Suite struct CalendarStateTests {
    static let today = Day(year: 2026, month: 11, day: 24)

    func at(_ hour: Int, _ minute: Int) -> Date { Self.today.at(hour: hour, minute: minute, in: Fixtures.utc) }

    @Test func theNextFreeHalfHourIsNeverPast() {
        var calendar = CalendarState(today: Self.today)
        calendar.show([Fixtures.appointment(1, 10, 30), Fixtures.appointment(2, 19, 0)], window: Self.today...Self.today)
        #expect(calendar.nextFreeSlot(on: Self.today, now: at(8, 0), zone: Fixtures.utc) == DayTime(day: Self.today, hour: 9, minute: 0))
        #expect(calendar.nextFreeSlot(on: Self.today, now: at(10, 15), zone: Fixtures.utc) == DayTime(day: Self.today, hour: 11, minute: 0))
        // After hours: on into the evening, past what is booked.
        #expect(calendar.nextFreeSlot(on: Self.today, now: at(18, 33), zone: Fixtures.utc) == DayTime(day: Self.today, hour: 19, minute: 30))
        // Nothing left today: tomorrow morning.
        #expect(calendar.nextFreeSlot(on: Self.today, now: at(23, 45), zone: Fixtures.utc)
                == DayTime(day: Self.today.adding(days: 1), hour: 9, minute: 0))
        // Another day: business hours from 9:00.
        let tomorrow = Self.today.adding(days: 1)
        #expect(calendar.nextFreeSlot(on: tomorrow, now: at(18, 33), zone: Fixtures.utc) == DayTime(day: tomorrow, hour: 9, minute: 0))
    }
}
