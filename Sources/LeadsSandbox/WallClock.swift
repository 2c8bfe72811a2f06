import Foundation
import LeadsAPI

/// Dates as the sandbox stores and sends them.
///
/// Stored: `yyyy-MM-dd HH:mm:ss` wall-clock text in the sandbox's zone, which
/// sorts and compares as text. Sent: appointment times as `yyyy-mm-dd hh:mm`
/// (what create takes), `added_on`/`created`/`note_created` as ISO 8601 with
/// the zone's offset, as Django REST framework writes a zone-aware datetime.
struct WallClock: Sendable {
    let timeZone: TimeZone
    let calendar: Calendar

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2   // weeks start on Monday
        self.calendar = calendar
    }

    func stored(_ date: Date) -> String {
        APIDate.format(components(date), seconds: true)
    }

    func components(_ date: Date) -> APIDate.Components {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return APIDate.Components(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1,
                                  hour: c.hour ?? 0, minute: c.minute ?? 0, second: c.second ?? 0)
    }

    func date(_ parts: APIDate.Components) -> Date {
        calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day,
                                           hour: parts.hour, minute: parts.minute, second: parts.second)) ?? Date(timeIntervalSince1970: 0)
    }

    func stored(_ parts: APIDate.Components) -> String { APIDate.format(parts, seconds: true) }

    /// `yyyy-mm-dd hh:mm` from stored text.
    func appointmentText(_ stored: String) -> String { String(stored.prefix(16)) }

    /// ISO 8601 with offset from stored text.
    func isoText(_ stored: String) -> String {
        guard let parts = APIDate.parse(stored) else { return stored }
        let offset = timeZone.secondsFromGMT(for: date(parts))
        let sign = offset < 0 ? "-" : "+"
        let hours = abs(offset) / 3600, minutes = abs(offset) % 3600 / 60
        return String(stored.prefix(10)) + "T" + String(stored.dropFirst(11).prefix(8))
            + String(format: "%@%02d:%02d", sign, hours, minutes)
    }

    func startOfDay(_ date: Date) -> Date { calendar.startOfDay(for: date) }

    func adding(days: Int, to date: Date) -> Date {
        calendar.date(byAdding: .day, value: days, to: date) ?? date.addingTimeInterval(Double(days) * 86400)
    }

    /// [start, end) of the day, Monday-first week, or month containing `date`.
    func range(_ filter: OverviewAppointmentFilter, around date: Date) -> (Date, Date)? {
        switch filter {
        case .upcoming: return nil
        case .today:
            let start = startOfDay(date)
            return (start, adding(days: 1, to: start))
        case .week:
            let interval = calendar.dateInterval(of: .weekOfYear, for: date)
            return interval.map { ($0.start, $0.end) }
        case .month:
            let interval = calendar.dateInterval(of: .month, for: date)
            return interval.map { ($0.start, $0.end) }
        }
    }
}
