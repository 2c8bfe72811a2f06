import Foundation
import LeadsAPI

/// The calendar pane: which view, which period, the appointments of the
/// window of days around it, and the selected row of the agenda.
///
/// The window is the month of the anchor day widened to whole weeks at both
/// ends: it is fetched once and kept while the user moves inside it.
public struct CalendarState: Equatable, Sendable {
    public enum Mode: String, CaseIterable, Sendable { case upcoming, today, week, month }

    public var mode: Mode = .today
    /// The day the view is about: the day shown, in the week shown, the selected day of the month.
    public var anchor: Day
    public var mondayFirst = true
    /// Appointments of `window`, by start.
    public private(set) var appointments: [Appointment] = []
    public private(set) var window: ClosedRange<Day>?
    /// From today for `upcomingDays` days, by start.
    public private(set) var upcoming: [Appointment] = []
    public var isUpcomingLoaded = false
    public var error: String?
    /// The selected row of the agenda (appointments only, in the order shown).
    public var selection = 0
    /// An appointment just booked (its lead and start): selected when a load brings it.
    public var selectWhenLoaded: Booked?
    /// Appointments whose delete waits in its undo window: not shown, as a deleted lead is not.
    public private(set) var hidden: Set<Int> = []
    /// Statuses changed in their undo window (or sent and not yet read back): shown in place of the loaded one.
    public private(set) var marked: [Int: String] = [:]

    /// An appointment by its lead and start, before the service has given it an id.
    public struct Booked: Equatable, Sendable {
        public var leadSlug: String
        public var start: DayTime
        public init(leadSlug: String, start: DayTime) { self.leadSlug = leadSlug; self.start = start }
    }

    public static let upcomingDays = 30

    public init(today: Day) { anchor = today }

    /// The days whose appointments the view needs loaded.
    public func windowNeeded(mondayFirst: Bool) -> ClosedRange<Day> {
        let first = anchor.startOfMonth.startOfWeek(mondayFirst: mondayFirst)
        let last = anchor.endOfMonth.startOfWeek(mondayFirst: mondayFirst).adding(days: 6)
        return first...last
    }

    public var needsWindow: Bool {
        guard mode != .upcoming else { return false }
        guard let window else { return true }
        let needed = windowNeeded(mondayFirst: mondayFirst)
        return !(window.contains(needed.lowerBound) && window.contains(needed.upperBound))
    }

    mutating func show(_ items: [Appointment], window: ClosedRange<Day>) {
        let kept = selected
        forgetMarks(readBackIn: items)
        appointments = items
        self.window = window
        error = nil
        reselect(kept)
    }

    mutating func showUpcoming(_ items: [Appointment]) {
        let kept = selected
        forgetMarks(readBackIn: items)
        upcoming = items
        isUpcomingLoaded = true
        reselect(kept)
    }

    /// A mark goes once the service's answer shows that status.
    private mutating func forgetMarks(readBackIn items: [Appointment]) {
        for item in items {
            guard let id = item.id, let status = marked[id] else { continue }
            if AppointmentStatus(lenient: item.status) == AppointmentStatus(lenient: status) { marked[id] = nil }
        }
    }

    /// After a load: the appointment just booked if it came, else the one
    /// selected before (by id), else the same row, clamped.
    private mutating func reselect(_ before: Appointment?) {
        let items = agenda
        if let target = selectWhenLoaded, let index = items.firstIndex(where: { item in
            guard item.leadSlug == target.leadSlug, let c = item.from?.components else { return false }
            return c.calendarDay == target.start.day && c.hour == target.start.hour && c.minute == target.start.minute
        }) {
            selection = index
            selectWhenLoaded = nil
        } else if let id = before?.id, let index = items.firstIndex(where: { $0.id == id }) {
            selection = index
        }
        selection = min(selection, max(0, items.count - 1))
    }

    /// Drops what is loaded (after a change), keeping where the user is.
    mutating func forget() { window = nil; isUpcomingLoaded = false }

    /// The days the view shows, first to last.
    public var days: [Day] {
        switch mode {
        case .upcoming: return []
        case .today, .month: return [anchor]
        case .week:
            let first = anchor.startOfWeek(mondayFirst: mondayFirst)
            return (0..<7).map { first.adding(days: $0) }
        }
    }

    public func appointments(on day: Day) -> [Appointment] {
        let shown = appointments.filter { $0.from?.components?.calendarDay == day && !isHidden($0) }.map(withMark)
        let booked = waiting.filter { $0.from?.components?.calendarDay == day }
        return booked.isEmpty ? shown : (shown + booked).sorted(by: AppointmentFetch.startsEarlier)
    }

    /// The appointments of the agenda, in the order shown.
    public var agenda: [Appointment] {
        guard mode == .upcoming else { return days.flatMap { appointments(on: $0) } }
        let shown = upcoming.filter { !isHidden($0) }.map(withMark)
        return waiting.isEmpty ? shown : (shown + waiting).sorted(by: AppointmentFetch.startsEarlier)
    }

    /// Bookings made offline, waiting in the outbox (status `to send`): shown on their days.
    public var waiting: [Appointment] = []

    func withMark(_ item: Appointment) -> Appointment {
        guard let id = item.id, marked[id] != nil || changedIDs.contains(id) else { return item }
        var shown = item
        if let status = marked[id] { shown.status = status }
        if changedIDs.contains(id) { shown.lead = "* " + shown.lead }   // its change waits in the outbox
        return shown
    }

    /// Appointments whose change waits in the outbox: their lead shows marked `*`.
    public var changedIDs: Set<Int> = []

    /// Shows `status` for the appointment at once (its change waits in the undo window).
    public mutating func mark(id: Int, status: String) { marked[id] = status }
    /// Its loaded status again (undone, or refused).
    public mutating func unmark(id: Int) { marked[id] = nil }

    func isHidden(_ item: Appointment) -> Bool { item.id.map(hidden.contains) ?? false }

    /// Hides an appointment while its delete waits (the selection stays on the row below it).
    public mutating func hide(id: Int) {
        hidden.insert(id)
        selection = min(selection, max(0, agenda.count - 1))
    }

    /// Shows it again (undone, or the delete failed), selected.
    public mutating func unhide(id: Int) {
        hidden.remove(id)
        if let index = agenda.firstIndex(where: { $0.id == id }) { selection = index }
    }

    public var selected: Appointment? {
        let items = agenda
        return items.indices.contains(selection) ? items[selection] : nil
    }

    /// Appointment counts per day of the anchor's month (for the month grid).
    public var monthCounts: [Int: Int] {
        var counts: [Int: Int] = [:]
        for item in appointments where !isHidden(item) {
            guard let day = item.from?.components?.calendarDay, day.year == anchor.year, day.month == anchor.month else { continue }
            counts[day.day, default: 0] += 1
        }
        return counts
    }

    /// The period's title: `Tue 24 Nov 2026`, `23 – 29 Nov 2026`, `November 2026`, `Next 30 days`.
    public var title: String {
        switch mode {
        case .upcoming: return "Next \(Self.upcomingDays) days"
        case .today: return "\(anchor.short) \(anchor.year)"
        case .month: return anchor.monthTitle
        case .week:
            let days = self.days
            guard let first = days.first, let last = days.last else { return "" }
            return "\(first.short) – \(last.short) \(last.year)"
        }
    }

    /// The next half hour with nothing booked on `day`, from 9:00 until 18:00; today from the
    /// next half hour, and after 18:00 on into the evening, so the start is never past: when
    /// today has no such half hour left, tomorrow 9:00. Another day that is full: its 9:00.
    public func nextFreeSlot(on day: Day, now: Date, zone: TimeZone, minutes: Int = 30) -> DayTime {
        let isToday = day == Day(now, in: zone)
        var start = 9 * 60
        if isToday {
            let parts = Day.calendar(zone).dateComponents([.hour, .minute], from: now)
            start = max(start, ((parts.hour ?? 0) * 60 + (parts.minute ?? 0)) / 30 * 30 + 30)
        }
        let busy = appointments(on: day).filter { AppointmentStatus(lenient: $0.status) != .cancelled }.compactMap { item -> (Int, Int)? in
            guard let from = item.from?.components, let to = item.to?.components else { return nil }
            return (from.hour * 60 + from.minute, to.day == from.day ? to.hour * 60 + to.minute : 1440)
        }
        let end = isToday ? 24 * 60 : 18 * 60
        while start + minutes <= end {
            if !busy.contains(where: { start < $0.1 && start + minutes > $0.0 }) {
                return DayTime(day: day, hour: start / 60, minute: start % 60)
            }
            start += 30
        }
        return DayTime(day: isToday ? day.adding(days: 1) : day, hour: 9, minute: 0)
    }
}

extension DayTime: Comparable {}
