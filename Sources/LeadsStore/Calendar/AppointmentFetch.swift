import TextEditing
import Foundation
import LeadsAPI

/// Appointments of a range of days, from the list endpoint's day filters.
///
/// The API filters by one day (`on`, strictly `before` or `after` it), so a
/// range is `after` the day before it, paged until an appointment starts
/// past the range (the service lists them by start; a service that did not
/// would be read to the end, at most `maxPages` pages) — then cut to the range.
public enum AppointmentFetch {
    public static let pageSize = 100
    public static let maxPages = 50

    public static func range(_ service: any LeadsService, from: Day, to: Day) async throws -> [Appointment] {
        var query = AppointmentQuery(dateSetting: .after, onDate: from.adding(days: -1).filterText, limit: pageSize, offset: 0)
        var found: [Appointment] = []
        for _ in 0..<maxPages {
            let page = try await service.appointments(query)
            found += page.results
            let last = page.results.last?.from?.components?.calendarDay
            let offset = WholeNumber.adding(query.offset ?? 0, page.results.count + page.skippedRecords)
            if page.next == nil || page.results.isEmpty || offset >= page.count || (last.map { $0 > to } ?? false) { break }
            query.offset = offset
        }
        return found.filter { item in
            guard let day = item.from?.components?.calendarDay else { return false }
            return day >= from && day <= to
        }.sorted(by: startsEarlier)
    }

    /// One day's appointments (`datesetting=on`), every page.
    public static func day(_ service: any LeadsService, _ day: Day) async throws -> [Appointment] {
        var found: [Appointment] = []
        for try await page in service.allAppointments(AppointmentQuery(dateSetting: .on, onDate: day.filterText, limit: pageSize)) {
            found += page.results
        }
        return found.sorted(by: startsEarlier)
    }

    public static func startsEarlier(_ a: Appointment, _ b: Appointment) -> Bool {
        switch (a.from?.components, b.from?.components) {
        case let (x?, y?): return x == y ? (a.id ?? 0) < (b.id ?? 0) : x < y
        case (_?, nil): return true
        default: return false
        }
    }
}
