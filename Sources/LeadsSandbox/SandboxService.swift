import Foundation
import GRDB
import LeadsAPI

/// The service's behaviour, over the sandbox database.
///
/// Each endpoint takes the signed-in user and the request's fields (query
/// parameters and form fields merged, form winning) and returns a `Reply`.
/// Checks run in the order a Django view would: field validation (400),
/// then lookups that are field errors (400), then the "Request Failed"
/// business rules (401).
final class SandboxService: Sendable {
    typealias Fields = [String: String]

    let database: DatabaseQueue
    let clock: WallClock
    let now: @Sendable () -> Date

    static let defaultLimit = 50
    static let maximumLimit = 1000

    /// Description and colour of each lead status, as the overview sends them.
    static let statusInfo: [(LeadStatus, String, String)] = [
        (.prospect, "New lead, not yet contacted", "#3498db"),
        (.contact, "First contact made", "#9b59b6"),
        (.tentative, "Interested, nothing agreed", "#f1c40f"),
        (.potential, "Likely to buy", "#e67e22"),
        (.customer, "Bought", "#2ecc71"),
        (.closed, "Closed without a sale", "#95a5a6"),
    ]

    /// Conversion percentage by status.
    static let conversion: [String: Int] = [
        "prospect": 10, "contact": 25, "tentative": 40, "potential": 65, "customer": 100, "closed": 0,
    ]

    init(database: DatabaseQueue, clock: WallClock, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
        self.now = now
    }

    // MARK: Overview

    /// Counts cover the leads the user owns or is assigned, not deleted.
    /// Without an `appointment` parameter the appointments are the upcoming ones.
    func overview(user: String, _ fields: Fields) async throws -> Reply {
        var filter = OverviewAppointmentFilter.upcoming
        if let text = fields["appointment"], !text.isEmpty {
            guard let value = OverviewAppointmentFilter(rawValue: text) else {
                return .validation("appointment", Messages.invalidOverviewFilter)
            }
            filter = value
        }
        let now = self.now()
        let range = clock.range(filter, around: now)
        return try await database.read { db in
            let scope = "is_deleted = 0 AND (owner = ? OR assignee = ?)"
            var statusCounts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM leads WHERE \(scope) GROUP BY status", arguments: [user, user]) {
                statusCounts[row["status"]] = row["n"]
            }
            var statuses: [JSONValue] = Self.statusInfo.map { status, description, color in
                .object(["status": .string(status.rawValue), "count": .integer(Int64(statusCounts[status.rawValue] ?? 0)),
                         "Description": .string(description), "Color": .string(color)])
            }
            for (status, count) in statusCounts.sorted(by: { $0.key < $1.key }) where LeadStatus(rawValue: status) == nil {
                statuses.append(.object(["status": .string(status), "count": .integer(Int64(count)), "Description": .string(""), "Color": .string("")]))
            }
            var sourceCounts: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT source, COUNT(*) AS n FROM leads WHERE \(scope) GROUP BY source", arguments: [user, user]) {
                sourceCounts[row["source"]] = row["n"]
            }
            let sources: [JSONValue] = LeadSource.allCases.map { source in
                .object(["source": .string(source.rawValue), "count": .integer(Int64(sourceCounts[source.rawValue] ?? 0))])
            }
            let total = statusCounts.values.reduce(0, +)

            var sql = "SELECT a.from_date, a.to_date, a.note, a.status FROM appointments a JOIN leads l ON l.id = a.lead_id WHERE a.user = ? AND l.is_deleted = 0"
            var arguments: StatementArguments = [user]
            if let (start, end) = range {
                sql += " AND a.from_date >= ? AND a.from_date < ? ORDER BY a.from_date"
                arguments += [self.clock.stored(start), self.clock.stored(end)]
            } else {
                sql += " AND a.from_date >= ? AND a.status != 'cancelled' ORDER BY a.from_date LIMIT 20"
                arguments += [self.clock.stored(now)]
            }
            let appointments: [JSONValue] = try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                .object([
                    "appointment_note": .string(row["note"]), "appointment_status": .string(row["status"]),
                    "appointment_date": .string(self.clock.appointmentText(row["from_date"])),
                    "appointment_to": .string(self.clock.appointmentText(row["to_date"])),
                ])
            }
            return .ok(.object([
                "LeadsData": .object(["status": .array(statuses), "source": .array(sources)]),
                "TotalLeads": .integer(Int64(total)),
                "appointments": .array(appointments),
            ]))
        }
    }

    // MARK: Lists

    /// Text filters match case-insensitively anywhere in the field (Django's
    /// `icontains`); `status` must be one of the choices; newest first.
    func leads(user: String, _ fields: Fields, pageURL: String) async throws -> Reply {
        var conditions = ["is_deleted = 0", fields["list_type"] == "assigned" ? "assignee = ?" : "owner = ?"]
        var arguments: StatementArguments = [user]
        if let status = fields["status"], !status.isEmpty {
            guard LeadStatus(rawValue: status) != nil else { return .validation("status", Messages.notAChoice(status)) }
            conditions.append("status = ?")
            arguments += [status]
        }
        if let campaign = fields["campaign_slug"], !campaign.isEmpty {
            conditions.append("campaign = ?")
            arguments += [campaign]
        }
        for (parameter, column) in [("first_name", "first_name"), ("last_name", "last_name"), ("email", "email"), ("phone", "phone"), ("owner", "owner")] {
            if let value = fields[parameter], !value.isEmpty {
                // Case-insensitive beyond ASCII, as the service's `icontains` is (SQLite's LIKE folds ASCII only):
                // GRDB's swiftLowercaseString is String.lowercased().
                conditions.append("swiftLowercaseString(\(column)) LIKE swiftLowercaseString(?) ESCAPE '\\'")
                arguments += [Self.likePattern(value)]
            }
        }
        let (limit, offset) = Self.paging(fields)
        let whereClause = conditions.joined(separator: " AND ")
        let filterArguments = arguments
        return try await database.read { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM leads WHERE \(whereClause)", arguments: filterArguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, slug, first_name, last_name, phone, email, added_on, status, source, owner
                FROM leads WHERE \(whereClause) ORDER BY added_on DESC, id DESC LIMIT ? OFFSET ?
                """, arguments: filterArguments + [limit, offset])
            let results: [JSONValue] = rows.map { row in
                let first: String = row["first_name"], last: String = row["last_name"]
                return .object([
                    "id": .integer(row["id"]), "slug": .string(row["slug"]),
                    "first_name": .string(first), "last_name": .string(last), "name": .string("\(first) \(last)"),
                    "phone": .string(row["phone"]), "email": .string(row["email"]),
                    "added_on": .string(self.clock.isoText(row["added_on"])),
                    "status": .string(row["status"]), "source": .string(row["source"]), "owner": .string(row["owner"]),
                ])
            }
            return .ok(Self.page(results, count: count, limit: limit, offset: offset, fields: fields, pageURL: pageURL))
        }
    }

    /// `datesetting`: `on` that day, `before` strictly before it, `after`
    /// strictly after it; `lead` matches the lead's first name anywhere,
    /// case-insensitively; soonest first. Lists the user's own appointments.
    func appointments(user: String, _ fields: Fields, pageURL: String) async throws -> Reply {
        var conditions = ["a.user = ?", "l.is_deleted = 0"]
        var arguments: StatementArguments = [user]
        var errors = FieldErrors()
        if let setting = fields["datesetting"], !setting.isEmpty {
            if let dateSetting = DateSetting(rawValue: setting) {
                if let text = fields["ondate"], !text.isEmpty {
                    if AppointmentQuery.isFilterDate(text), let day = APIDate.parse(text) {
                        let start = APIDate.format(day, seconds: true)
                        let next = clock.stored(clock.adding(days: 1, to: clock.date(day)))
                        switch dateSetting {
                        case .on: conditions.append("a.from_date >= ? AND a.from_date < ?"); arguments += [start, next]
                        case .before: conditions.append("a.from_date < ?"); arguments += [start]
                        case .after: conditions.append("a.from_date >= ?"); arguments += [next]
                        }
                    } else {
                        errors.add("ondate", Messages.invalidFilterDate)
                    }
                } else {
                    errors.add("ondate", Messages.onDateRequired)
                }
            } else {
                errors.add("datesetting", Messages.invalidDateSetting)
            }
        }
        if let status = fields["status"], !status.isEmpty {
            if AppointmentStatus(rawValue: status) == nil { errors.add("status", Messages.invalidAppointmentStatus) }
            conditions.append("a.status = ?")
            arguments += [status]
        }
        if let lead = fields["lead"], !lead.isEmpty {
            conditions.append("swiftLowercaseString(l.first_name) LIKE swiftLowercaseString(?) ESCAPE '\\'")
            arguments += [Self.likePattern(lead)]
        }
        if !errors.isEmpty { return .validation(errors) }
        let (limit, offset) = Self.paging(fields)
        let whereClause = conditions.joined(separator: " AND ")
        let filterArguments = arguments
        return try await database.read { db in
            let join = "FROM appointments a JOIN leads l ON l.id = a.lead_id WHERE \(whereClause)"
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(join)", arguments: filterArguments) ?? 0
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id, a.lead_id, l.first_name, l.last_name, l.slug, l.status AS lead_status,
                       a.from_date, a.to_date, a.note, a.status \(join) ORDER BY a.from_date, a.id LIMIT ? OFFSET ?
                """, arguments: filterArguments + [limit, offset])
            let results: [JSONValue] = rows.map { row in
                let first: String = row["first_name"], last: String = row["last_name"]
                return .object([
                    "id": .integer(row["id"]), "lead_id": .integer(row["lead_id"]), "lead": .string("\(first) \(last)"),
                    "leadslug": .string(row["slug"]), "leadstatus": .string(row["lead_status"]),
                    "fromdate": .string(self.clock.appointmentText(row["from_date"])),
                    "todate": .string(self.clock.appointmentText(row["to_date"])),
                    "appointment_note": .string(row["note"]), "appointment_status": .string(row["status"]),
                ])
            }
            return .ok(Self.page(results, count: count, limit: limit, offset: offset, fields: fields, pageURL: pageURL))
        }
    }

    // MARK: Lead detail

    /// Leads the user neither owns nor is assigned, and deleted ones, are "invalid".
    func lead(user: String, _ fields: Fields) async throws -> Reply {
        guard let slug = fields["slug"], !slug.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .validation("slug", Messages.slugRequiredOrBlank)
        }
        return try await database.read { db in
            guard let lead = try Row.fetchOne(db, sql: "SELECT * FROM leads WHERE slug = ? AND is_deleted = 0 AND (owner = ? OR assignee = ?)",
                                              arguments: [slug, user, user]) else {
                return .validation("slug", Messages.invalidSlug)
            }
            let id: Int = lead["id"]
            let activities: [JSONValue] = try Row.fetchAll(db, sql: "SELECT * FROM activities WHERE lead_id = ? ORDER BY created DESC, id DESC LIMIT 20", arguments: [id]).map { row in
                .object(["id": .integer(row["id"]), "activity_type": .string(row["activity_type"]),
                         "created": .string(self.clock.isoText(row["created"])), "activity": .string(row["activity"])])
            }
            let notes: [JSONValue] = try Row.fetchAll(db, sql: "SELECT * FROM notes WHERE lead_id = ? ORDER BY created DESC, id DESC", arguments: [id]).map { row in
                .object(["id": .integer(row["id"]), "note": .string(row["note"]),
                         "note_created": .string(self.clock.isoText(row["created"])), "user": .string(row["user"])])
            }
            let first: String = lead["first_name"], last: String = lead["last_name"], status: String = lead["status"]
            return .ok(.object([
                "id": .integer(Int64(id)), "slug": .string(lead["slug"]), "first_name": .string(first),
                "name": .string("\(first) \(last)"), "last_name": .string(last), "phone": .string(lead["phone"]),
                "email": .string(lead["email"]), "status": .string(status), "source": .string(lead["source"]),
                "message": .string(lead["message"]), "added_on": .string(self.clock.isoText(lead["added_on"])),
                "recent_activities": .array(activities), "notes": .array(notes),
                "conversion": .integer(Int64(Self.conversion[status] ?? 0)),
            ]))
        }
    }

    // MARK: Helpers

    static func likePattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%\(escaped)%"
    }

    /// Django REST framework's LimitOffsetPagination: a bad number means the default.
    static func paging(_ fields: Fields) -> (limit: Int, offset: Int) {
        let limit = fields["limit"].flatMap { Int($0) }.map { min(max($0, 1), maximumLimit) } ?? defaultLimit
        let offset = fields["offset"].flatMap { Int($0) }.map { max($0, 0) } ?? 0
        return (limit, offset)
    }

    /// `{results, count, next, previous}` with absolute links that keep every other parameter.
    static func page(_ results: [JSONValue], count: Int, limit: Int, offset: Int, fields: Fields, pageURL: String) -> JSONValue {
        func link(_ newOffset: Int) -> JSONValue {
            var pairs = fields.filter { $0.key != "limit" && $0.key != "offset" }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            pairs.append(("limit", String(limit)))
            if newOffset > 0 { pairs.append(("offset", String(newOffset))) }
            return .string(pageURL + "?" + FormEncoding.encode(pairs))
        }
        return .object([
            "results": .array(results), "count": .integer(Int64(count)),
            "next": offset + limit < count ? link(offset + limit) : .null,
            "previous": offset > 0 ? link(max(0, offset - limit)) : .null,
        ])
    }

    func recordActivity(_ db: Database, leadID: Int, type: String, _ text: String) throws {
        try db.execute(sql: "INSERT INTO activities(lead_id, activity_type, activity, created) VALUES (?,?,?,?)",
                       arguments: [leadID, type, text, clock.stored(now())])
    }
}
