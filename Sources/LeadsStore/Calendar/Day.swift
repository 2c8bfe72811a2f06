import TextEditing
import Foundation
import LeadsAPI

/// A calendar day (no time, no zone): what the calendar moves between.
///
/// Arithmetic goes through a Gregorian `Calendar` in the user's zone, so
/// month ends, leap days and year ends come out right; a day never shifts
/// across a DST change because no time of day is involved.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int, month: Int, day: Int

    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    /// The day `date` falls on in `zone`.
    public init(_ date: Date, in zone: TimeZone) {
        let parts = Day.calendar(zone).dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// `2026-11-24`.
    public var description: String { "\(WholeNumber.zeroPadded(year, width: 4))-\(WholeNumber.zeroPadded(month, width: 2))-\(WholeNumber.zeroPadded(day, width: 2))" }
    /// `MM/DD/YYYY`, as the appointments filter wants it.
    public var filterText: String { APIDate.formatFilterDate(year: year, month: month, day: day) }

    static func calendar(_ zone: TimeZone, mondayFirst: Bool = true) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = mondayFirst ? 2 : 1
        return calendar
    }

    /// Midnight at the start of the day in `zone` (the first instant of the day where DST skips midnight).
    public func start(in zone: TimeZone) -> Date {
        let calendar = Day.calendar(zone)
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
        return calendar.startOfDay(for: date)
    }

    /// The instant at `hour:minute` of the day in `zone`.
    public func at(hour: Int, minute: Int, in zone: TimeZone) -> Date {
        let calendar = Day.calendar(zone)
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
            ?? start(in: zone)
    }

    /// `days` is clamped to ±1,000,000 (27 centuries): no caller's number can trap the calendar.
    public func adding(days: Int) -> Day {
        let days = min(max(days, -1_000_000), 1_000_000)
        let calendar = Day.calendar(TimeZone(identifier: "UTC") ?? .current)
        guard let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              let moved = calendar.date(byAdding: .day, value: days, to: noon) else { return self }
        return Day(moved, in: TimeZone(identifier: "UTC") ?? .current)
    }

    /// The same day of the month `months` away, clamped to that month's length (Jan 31 + 1 → Feb 28/29).
    public func adding(months: Int) -> Day {
        let index = WholeNumber.adding(WholeNumber.multiplying(year, 12) + (month - 1), min(max(months, -120_000), 120_000))
        let newYear = index / 12, newMonth = index % 12 + 1
        return Day(year: newYear, month: newMonth, day: min(day, APIDate.daysInMonth(year: newYear, month: newMonth)))
    }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let calendar = Day.calendar(TimeZone(identifier: "UTC") ?? .current)
        let date = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date()
        let sundayFirst = calendar.component(.weekday, from: date)   // 1 = Sunday
        return sundayFirst == 1 ? 7 : sundayFirst - 1
    }

    /// The first day of the week holding this day.
    public func startOfWeek(mondayFirst: Bool) -> Day {
        let back = mondayFirst ? weekday - 1 : weekday % 7
        return adding(days: -back)
    }

    public var startOfMonth: Day { Day(year: year, month: month, day: 1) }
    public var endOfMonth: Day { Day(year: year, month: month, day: APIDate.daysInMonth(year: year, month: month)) }

    /// Days from `self` to `other` (negative when `other` is earlier).
    public func days(to other: Day) -> Int {
        let calendar = Day.calendar(TimeZone(identifier: "UTC") ?? .current)
        guard let a = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              let b = calendar.date(from: DateComponents(year: other.year, month: other.month, day: other.day, hour: 12)) else { return 0 }
        return calendar.dateComponents([.day], from: a, to: b).day ?? 0
    }

    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    public static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// `Tue 24 Nov`.
    public var short: String { "\(Day.weekdayNames[weekday - 1]) \(day) \(String(Day.monthNames[month - 1].prefix(3)))" }
    /// `November 2026`.
    public var monthTitle: String { "\(Day.monthNames[month - 1]) \(year)" }
}

extension APIDate.Components {
    /// The day of a date-time the service sent.
    public var calendarDay: Day { Day(year: year, month: month, day: day) }
}
