import Foundation
import Testing
@testable import LeadsStore

/// Day arithmetic across month ends, year ends, leap days and DST, and what people type for a time.
@Suite struct CalendarDateTests {
    @Test(arguments: [
        (Day(year: 2026, month: 1, day: 31), 1, Day(year: 2026, month: 2, day: 1)),
        (Day(year: 2026, month: 12, day: 31), 1, Day(year: 2027, month: 1, day: 1)),
        (Day(year: 2027, month: 1, day: 1), -1, Day(year: 2026, month: 12, day: 31)),
        (Day(year: 2028, month: 2, day: 28), 1, Day(year: 2028, month: 2, day: 29)),   // leap year
        (Day(year: 2027, month: 2, day: 28), 1, Day(year: 2027, month: 3, day: 1)),
        (Day(year: 2100, month: 2, day: 28), 1, Day(year: 2100, month: 3, day: 1)),    // not a leap year
        (Day(year: 2026, month: 3, day: 28), 7, Day(year: 2026, month: 4, day: 4)),
    ])
    func addingDays(_ start: Day, _ days: Int, _ expected: Day) {
        #expect(start.adding(days: days) == expected)
        #expect(start.days(to: expected) == days)
    }

    @Test(arguments: [
        (Day(year: 2026, month: 1, day: 31), 1, Day(year: 2026, month: 2, day: 28)),
        (Day(year: 2028, month: 1, day: 31), 1, Day(year: 2028, month: 2, day: 29)),
        (Day(year: 2026, month: 12, day: 15), 1, Day(year: 2027, month: 1, day: 15)),
        (Day(year: 2026, month: 1, day: 15), -1, Day(year: 2025, month: 12, day: 15)),
        (Day(year: 2028, month: 2, day: 29), 12, Day(year: 2029, month: 2, day: 28)),
    ])
    func addingMonthsClampsTheDay(_ start: Day, _ months: Int, _ expected: Day) {
        #expect(start.adding(months: months) == expected)
    }

    @Test func weeksStartOnMondayOrSunday() {
        let tuesday = Day(year: 2026, month: 11, day: 24)
        #expect(tuesday.weekday == 2)
        #expect(tuesday.startOfWeek(mondayFirst: true) == Day(year: 2026, month: 11, day: 23))
        #expect(tuesday.startOfWeek(mondayFirst: false) == Day(year: 2026, month: 11, day: 22))
        let sunday = Day(year: 2026, month: 11, day: 29)
        #expect(sunday.startOfWeek(mondayFirst: true) == Day(year: 2026, month: 11, day: 23))
        #expect(sunday.startOfWeek(mondayFirst: false) == sunday)
        // A week across the year end.
        #expect(Day(year: 2027, month: 1, day: 1).startOfWeek(mondayFirst: true) == Day(year: 2026, month: 12, day: 28))
    }

    @Test func daysAcrossADSTChangeStayWholeDays() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let before = Day(year: 2026, month: 3, day: 28)   // the clocks go forward in the night to the 29th
        let after = before.adding(days: 1)
        #expect(after == Day(year: 2026, month: 3, day: 29))
        #expect(after.start(in: berlin).timeIntervalSince(before.start(in: berlin)) == 86_400)
        #expect(after.adding(days: 1).start(in: berlin).timeIntervalSince(after.start(in: berlin)) == 23 * 3600)
        #expect(Day(after.at(hour: 9, minute: 0, in: berlin), in: berlin) == after)
        let autumn = Day(year: 2026, month: 10, day: 25)   // the clocks go back: a 25-hour day
        #expect(autumn.adding(days: 1).start(in: berlin).timeIntervalSince(autumn.start(in: berlin)) == 25 * 3600)
    }

    static let today = Day(year: 2026, month: 11, day: 24)   // a Tuesday

    @Test(arguments: [
        ("2026-12-01 14:00", "2026-12-01 14:00"),
        ("today 14:00", "2026-11-24 14:00"),
        ("tomorrow 9", "2026-11-25 09:00"),
        ("mon 10:30", "2026-11-30 10:30"),
        ("tue 8", "2026-11-24 08:00"),           // today's weekday is today
        ("+2d 15:00", "2026-11-26 15:00"),
        ("+1w 9:00", "2026-12-01 09:00"),
        ("14:00", "2026-11-24 14:00"),
        ("2pm", "2026-11-24 14:00"),
        ("9:30am friday", "2026-11-27 09:30"),
        ("12am tomorrow", "2026-11-25 00:00"),
        ("  Tomorrow   16:45 ", "2026-11-25 16:45"),
        ("2028-02-29 9", "2028-02-29 09:00"),
        ("12/01/2026 10:00", "2026-12-01 10:00"),   // the service's MM/DD/YYYY
        ("2/3/2027 9am", "2027-02-03 09:00"),
    ])
    func resolvesWhatPeopleType(_ input: String, _ expected: String) {
        switch DateInput.parse(input, today: Self.today) {
        case .success(let value): #expect(value.description == expected)
        case .failure(let error): Issue.record("\(input): \(error.message)")
        }
    }

    @Test(arguments: [
        ("", "Enter a date and time"),
        ("tomorrow", "Add a time"),
        ("25:00", "is not a date or time"),
        ("14:5", "is not a date or time"),
        ("2027-02-29 9", "is not a day of the calendar"),
        // Numbers of any length are read in range: no trap, the field's message (issue 10's input first).
        ("+2000000000000000000w", "“+2000000000000000000w” is too far: offsets go up to 520 weeks"),
        ("+2000000000000000000w 9", "is too far: offsets go up to 520 weeks"),
        ("-99999999999999999999999999d 9", "is too far: offsets go up to 3650 days"),
        ("+3651d 9", "is too far"),
        ("+9223372036854775807d 9", "is too far"),
        ("3000-01-01 9", "the year must be from 1900 to 2999"),
        ("99999999999999999999:00", "is not a date or time"),
        ("tomorrow 99999999999999999999", "is not a date or time"),
        ("13pm", "is not a date or time"),
        ("today tomorrow 9", "Two dates"),
        ("soon", "“soon” is not a date or time"),
        ("13/01/2026 10:00", "is not a day of the calendar (MM/DD/YYYY"),
        // A past day with no time: said to be past, not given a time that would still be refused.
        ("-1d", "“-1d” is Mon 23 Nov, in the past"),
        ("yesterday", "in the past"),
    ])
    func namesWhatIsWrong(_ input: String, _ message: String) {
        guard case .failure(let error) = DateInput.parse(input, today: Self.today) else {
            Issue.record("\(input) was accepted"); return
        }
        #expect(error.message.contains(message), "\(error.message)")
    }

    /// A weekday that is today means today only while its time is still ahead.
    @Test func aWeekdayWhoseTimeHasPassedTodayIsNextWeek() throws {
        let afternoon = DayTime(day: Self.today, hour: 15, minute: 0)   // Tuesday 15:00
        #expect(try DateInput.parse("tue 10:30", today: Self.today, now: afternoon).get().description == "2026-12-01 10:30")
        #expect(try DateInput.parse("tue 16:00", today: Self.today, now: afternoon).get().description == "2026-11-24 16:00")
        #expect(try DateInput.parse("today 10:30", today: Self.today, now: afternoon).get().description == "2026-11-24 10:30")   // said: today
        #expect(try DateInput.parse("wed 10:30", today: Self.today, now: afternoon).get().description == "2026-11-25 10:30")
    }

    @Test func addingMinutesCrossesMidnight() {
        let late = DayTime(day: Day(year: 2026, month: 12, day: 31), hour: 23, minute: 45)
        #expect(late.adding(minutes: 30).description == "2027-01-01 00:15")
        #expect(late.adding(minutes: -1440).description == "2026-12-30 23:45")
    }
}
