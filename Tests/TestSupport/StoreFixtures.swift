import Foundation
import LeadsAPI
import LeadsStore
import Testing

/// Leads, details and states for reducer and screen tests.
public enum Fixtures {
    public static let now = Date(timeIntervalSince1970: 1_795_515_300)   // 2026-11-24 10:15 UTC
    public static let utc = TimeZone(identifier: "UTC")!

    public static func settings(undo: Double = 5) -> Settings {
        Settings(serverLabel: "demo", undoSeconds: undo, pageSize: 50, defaultAssignee: nil, signedInUser: "demo", timeZone: utc)
    }

    /// The detail as the list's selection opens it: loading, its row's fields shown meanwhile.
    public static func followed(_ index: Int) -> LeadDetailState {
        var detail = LeadDetailState(slug: "lead-\(index)", name: "First\(index) Last\(index)")
        detail.preview = lead(index)
        return detail
    }

    public static func lead(_ index: Int, status: String = "prospect") -> LeadSummary {
        LeadSummary(id: index, slug: "lead-\(index)", firstName: "First\(index)", lastName: "Last\(index)",
                    phone: "+1555000\(index)", email: "lead\(index)@example.com",
                    addedOn: APIDate(raw: String(format: "2026-11-%02d 09:00", 1 + index % 28)), status: status,
                    source: "website", owner: "demo")
    }

    public static func page(_ range: Range<Int>, count: Int) -> Page<LeadSummary> {
        let next = range.upperBound < count ? URL(string: "http://127.0.0.1/leads/list/?offset=\(range.upperBound)&limit=50") : nil
        return Page(results: range.map { lead($0) }, count: count, next: next)
    }

    public static func detail(_ index: Int, notes: [(Int, String, String)] = []) -> LeadDetail {
        var json: [String: JSONValue] = [
            "slug": .string("lead-\(index)"), "first_name": .string("First\(index)"), "last_name": .string("Last\(index)"),
            "email": .string("lead\(index)@example.com"), "phone": .string("+1555000\(index)"), "status": .string("prospect"),
            "source": .string("website"), "message": .string("Wants a demo"),
        ]
        json["notes"] = .array(notes.map { id, text, created in
            .object(["id": .integer(Int64(id)), "note": .string(text), "note_created": .string(created), "user": .string("demo")])
        })
        return LeadDetail(json: .object(json))
    }

    /// An appointment on the fixtures' day (2026-11-24) at `hour:minute` for `minutes`.
    public static func appointment(_ id: Int, _ hour: Int, _ minute: Int = 0, minutes: Int = 30, lead: Int = 1,
                                   status: String = "pending", day: String = "2026-11-24", note: String = "Call") -> Appointment {
        let end = hour * 60 + minute + minutes
        return Appointment(id: id, lead: "First\(lead) Last\(lead)", leadSlug: "lead-\(lead)",
                           from: APIDate(raw: String(format: "%@ %02d:%02d", day, hour, minute)),
                           to: APIDate(raw: String(format: "%@ %02d:%02d", day, end / 60, end % 60)), note: note, status: status)
    }

    /// The sizes the screen's layout gives a terminal of `width` x `height`
    /// (a UI test checks they agree with `ScreenLayout.viewport`).
    public static func viewport(width: Int = 80, height: Int = 24) -> Viewport {
        Viewport(width: width, height: height, listRows: height - 5, helpRows: height - 4, isWide: width >= 120)
    }

    /// What a feature reads at the fixtures' "now", at 80x24.
    public static func context(inFlight: Set<Purpose> = [], at date: Date = now) -> Context {
        Context(now: date, settings: settings(), viewport: viewport(), inFlight: inFlight)
    }

    /// A new state at `width` x `height`.
    public static func state(width: Int = 80, height: Int = 24) -> AppState {
        AppState(settings: settings(), now: now, viewport: viewport(width: width, height: height))
    }

    /// A state that has started and shows the first page of 120 leads at 80x24
    /// (leads page 1, overview 2, today 3 asked for; the page answered).
    public static func loaded(width: Int = 80, height: Int = 24, count: Int = 120) -> AppState {
        var store = TestStore(state(width: width, height: height))
        // A page is page_size (50) rows, and at least two screenfuls.
        let limit = max(50, 2 * store.state.viewport.listRows)
        store.send(.started(drafts: []), effects: [
            .request(RequestID(.leadsPage, 1), .leads(LeadQuery(limit: limit, offset: 0))),
            .request(RequestID(.today, 2), .dayAppointments(Day(now, in: utc))),
        ])
        // The overview is asked for once the first page has come.
        store.send(.responded(RequestID(.leadsPage, 1), .leadsPage(offset: 0, .success(page(0..<50, count: count)))),
                   effects: [.request(RequestID(.overview, 3), .overview)])
        return store.state
    }
}

