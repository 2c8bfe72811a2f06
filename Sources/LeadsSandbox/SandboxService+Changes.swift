import Foundation
import GRDB
import LeadsAPI

/// The POST endpoints: leads, notes, appointments. Every change records a
/// recent activity on its lead.
extension SandboxService {
    // MARK: Leads

    func createLead(user: String, _ fields: Fields) async throws -> Reply {
        let found = Rules.lead(fields, requireSlug: false)
        return try await database.write { db in
            var errors = found
            if let assignee = fields["assignee"], errors["assignee"].isEmpty, !(try Self.userExists(db, assignee)) {
                errors.add("assignee", Messages.assigneeNotFound)
            }
            if !errors.isEmpty { return .validation(errors) }
            let first = fields["first_name"] ?? "", last = fields["last_name"] ?? ""
            let status = fields["status"].flatMap { $0.isEmpty ? nil : $0 } ?? LeadStatus.prospect.rawValue
            let source = fields["source"].flatMap { $0.isEmpty ? nil : $0 } ?? LeadSource.direct.rawValue
            let id = (try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) + 1 FROM leads")) ?? 1
            try db.execute(sql: """
                INSERT INTO leads(id, slug, first_name, last_name, email, phone, status, source, location, message,
                                  owner, assignee, campaign, added_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,NULL,?)
                """, arguments: [id, Slugs.make(first: first, last: last, id: id), first, last, fields["email"], fields["phone"],
                                 status, source, fields["location"], fields["message"], user, fields["assignee"], self.clock.stored(self.now())])
            try self.recordActivity(db, leadID: id, type: "lead_created", "Lead created by \(user)")
            return .ok()
        }
    }

    func updateLead(user: String, _ fields: Fields) async throws -> Reply {
        let found = Rules.lead(fields, requireSlug: true)
        return try await database.write { db in
            var errors = found
            if let assignee = fields["assignee"], errors["assignee"].isEmpty, !(try Self.userExists(db, assignee)) {
                errors.add("assignee", Messages.assigneeNotFound)
            }
            if !errors.isEmpty { return .validation(errors) }
            guard let lead = try Row.fetchOne(db, sql: "SELECT * FROM leads WHERE slug = ? AND is_deleted = 0", arguments: [fields["slug"]]) else {
                return .requestFailed(Messages.leadDoesNotExist)
            }
            guard lead["owner"] == user else { return .requestFailed(Messages.notOwner) }
            let id: Int = lead["id"]
            var changed: [String] = []
            var statusChange: String?
            for column in ["first_name", "last_name", "email", "phone", "status", "source", "location", "message", "assignee"] {
                guard let value = fields[column], !value.isEmpty || !["status", "source"].contains(column) else { continue }
                let old: String = lead[column]
                guard old != value else { continue }
                try db.execute(sql: "UPDATE leads SET \(column) = ? WHERE id = ?", arguments: [value, id])
                if column == "status" { statusChange = "Status changed from \(old) to \(value)" } else { changed.append(column) }
            }
            if let statusChange { try self.recordActivity(db, leadID: id, type: "status_changed", statusChange) }
            if !changed.isEmpty {
                try self.recordActivity(db, leadID: id, type: "lead_updated", "Lead updated: \(changed.joined(separator: ", "))")
            }
            return .ok()
        }
    }

    func deleteLead(user: String, _ fields: Fields) async throws -> Reply {
        let errors = Rules.leadDelete(fields)
        if !errors.isEmpty { return .validation(errors) }
        return try await database.write { db in
            let (found, problem) = try Self.leadForChange(db, slug: fields["slug"] ?? "")
            guard let lead = found else { return .validation("slug", problem ?? Messages.leadNotFound) }
            guard lead["owner"] == user else { return .requestFailed(Messages.cannotDeleteLead) }
            let id: Int = lead["id"]
            try db.execute(sql: "UPDATE leads SET is_deleted = 1 WHERE id = ?", arguments: [id])
            try self.recordActivity(db, leadID: id, type: "lead_deleted", "Lead deleted by \(user)")
            return .ok()
        }
    }

    // MARK: Notes

    /// The owner and the assignee may add notes.
    func createNote(user: String, _ fields: Fields) async throws -> Reply {
        let found = Rules.noteCreate(fields)
        return try await database.write { db in
            var errors = found
            var lead: Row?
            if errors["slug"].isEmpty {
                let (found, problem) = try Self.leadForChange(db, slug: fields["slug"] ?? "")
                lead = found
                if let problem { errors.add("slug", problem) }
            }
            if !errors.isEmpty { return .validation(errors) }
            guard let lead else { return .validation("slug", Messages.leadNotFound) }
            guard lead["owner"] == user || lead["assignee"] == user else { return .requestFailed(Messages.cannotAddNote) }
            let id: Int = lead["id"]
            try db.execute(sql: "INSERT INTO notes(lead_id, note, created, user) VALUES (?,?,?,?)",
                           arguments: [id, fields["note"], self.clock.stored(self.now()), user])
            try self.recordActivity(db, leadID: id, type: "note_added", "Note added by \(user)")
            return .ok()
        }
    }

    /// The note's author and the lead's owner may delete a note.
    func deleteNote(user: String, _ fields: Fields) async throws -> Reply {
        let errors = Rules.noteDelete(fields)
        if !errors.isEmpty { return .validation(errors) }
        return try await database.write { db in
            guard let note = try Row.fetchOne(db, sql: """
                SELECT n.id, n.user, n.lead_id, l.owner FROM notes n JOIN leads l ON l.id = n.lead_id
                WHERE n.id = ? AND l.is_deleted = 0
                """, arguments: [Int(fields["note_id"]?.trimmingCharacters(in: .whitespaces) ?? "")]) else {
                return .validation("note_id", Messages.noteNotFound)
            }
            guard note["user"] == user || note["owner"] == user else { return .requestFailed(Messages.cannotDeleteNote) }
            try db.execute(sql: "DELETE FROM notes WHERE id = ?", arguments: [note["id"] as Int])
            try self.recordActivity(db, leadID: note["lead_id"], type: "note_deleted", "Note deleted by \(user)")
            return .ok()
        }
    }

    // MARK: Appointments

    func createAppointment(user: String, _ fields: Fields) async throws -> Reply {
        if fields.isEmpty { return .requestFailed(Messages.bodyNotFound) }
        let found = Rules.appointmentCreate(fields)
        let now = self.now()
        return try await database.write { db in
            var errors = found
            var leadID: Int?
            if errors["slug"].isEmpty { leadID = try self.appointmentLead(db, slug: fields["slug"] ?? "", user: user, errors: &errors) }
            if !errors.isEmpty { return .validation(errors) }
            guard let leadID, let from = Rules.appointmentTime(fields["appointment_date"] ?? ""),
                  let to = Rules.appointmentTime(fields["appointment_to"] ?? "") else { return .validation(errors) }
            let status = fields["appointment_status"] ?? AppointmentStatus.pending.rawValue
            if let failure = try self.scheduleProblem(db, user: user, from: from, to: to, checkFuture: true, now: now,
                                                      status: status, excluding: nil) {
                return .requestFailed(failure)
            }
            let note = fields["appointment_note"].flatMap { $0.isEmpty ? nil : $0 } ?? "Prospect appointment"
            try db.execute(sql: "INSERT INTO appointments(lead_id, from_date, to_date, note, status, user) VALUES (?,?,?,?,?,?)",
                           arguments: [leadID, self.clock.stored(from), self.clock.stored(to), note, status, user])
            try self.recordActivity(db, leadID: leadID, type: "appointment_created", "Appointment booked for \(APIDate.format(from))")
            return .ok()
        }
    }

    /// Only the fields sent change. The time must be in the future only when it
    /// changes, so a past appointment can still be marked fulfilled.
    func updateAppointment(user: String, _ fields: Fields) async throws -> Reply {
        if fields.isEmpty { return .requestFailed(Messages.bodyNotFound) }
        let found = Rules.appointmentUpdate(fields)
        let now = self.now()
        return try await database.write { db in
            var errors = found
            var appointment: Row?
            if errors["appointment_id"].isEmpty {
                appointment = try Row.fetchOne(db, sql: "SELECT * FROM appointments WHERE id = ?",
                                               arguments: [Int(fields["appointment_id"]?.trimmingCharacters(in: .whitespaces) ?? "")])
                if appointment == nil { errors.add("appointment_id", Messages.appointmentNotFound) }
            }
            var leadID: Int?
            if let slug = fields["slug"], errors["slug"].isEmpty {
                leadID = try self.appointmentLead(db, slug: slug, user: user, errors: &errors)
            }
            if !errors.isEmpty { return .validation(errors) }
            guard let appointment else { return .validation(errors) }
            guard appointment["user"] == user else { return .requestFailed(Messages.cannotUpdateAppointment) }
            let id: Int = appointment["id"]
            let oldFrom: String = appointment["from_date"], oldTo: String = appointment["to_date"]
            let from = fields["appointment_date"].flatMap(Rules.appointmentTime) ?? APIDate.parse(oldFrom)
            let to = fields["appointment_to"].flatMap(Rules.appointmentTime) ?? APIDate.parse(oldTo)
            guard let from, let to else { return .requestFailed(Messages.bodyNotFound) }
            let status = fields["appointment_status"] ?? appointment["status"]
            let timeChanged = self.clock.stored(from) != oldFrom || self.clock.stored(to) != oldTo
            if let failure = try self.scheduleProblem(db, user: user, from: from, to: to, checkFuture: self.clock.stored(from) != oldFrom,
                                                      now: now, status: status, excluding: id, checkOverlap: timeChanged || status != appointment["status"]) {
                return .requestFailed(failure)
            }
            let lead = leadID ?? appointment["lead_id"]
            try db.execute(sql: "UPDATE appointments SET lead_id = ?, from_date = ?, to_date = ?, note = ?, status = ? WHERE id = ?",
                           arguments: [lead, self.clock.stored(from), self.clock.stored(to),
                                       fields["appointment_note"] ?? appointment["note"], status, id])
            var change = "Appointment updated"
            if timeChanged { change = "Appointment moved to \(APIDate.format(from))" }
            if status != appointment["status"] { change += "; status \(status)" }
            try self.recordActivity(db, leadID: lead, type: "appointment_updated", change)
            return .ok()
        }
    }

    func deleteAppointment(user: String, _ fields: Fields) async throws -> Reply {
        let errors = Rules.appointmentID(fields)
        if !errors.isEmpty { return .validation(errors) }
        return try await database.write { db in
            guard let appointment = try Row.fetchOne(db, sql: "SELECT * FROM appointments WHERE id = ?",
                                                     arguments: [Int(fields["appointment_id"]?.trimmingCharacters(in: .whitespaces) ?? "")]) else {
                return .validation("appointment_id", Messages.appointmentNotFound)
            }
            guard appointment["user"] == user else { return .requestFailed(Messages.cannotDeleteAppointment) }
            try db.execute(sql: "DELETE FROM appointments WHERE id = ?", arguments: [appointment["id"] as Int])
            try self.recordActivity(db, leadID: appointment["lead_id"], type: "appointment_deleted",
                                    "Appointment of \(self.clock.appointmentText(appointment["from_date"])) deleted")
            return .ok()
        }
    }

    // MARK: Rules that need the database

    /// The lead an appointment may be taken under: it exists, is not deleted,
    /// and is the user's own or assigned to them.
    private func appointmentLead(_ db: Database, slug: String, user: String, errors: inout FieldErrors) throws -> Int? {
        guard let lead = try Row.fetchOne(db, sql: "SELECT id, owner, assignee FROM leads WHERE slug = ? AND is_deleted = 0", arguments: [slug]) else {
            errors.add("slug", Messages.invalidSlug)
            return nil
        }
        guard lead["owner"] == user || lead["assignee"] == user else {
            errors.add("slug", Messages.cannotTakeAppointment)
            return nil
        }
        return lead["id"]
    }

    /// End before start, a start in the past, or an overlap with another of
    /// the user's appointments that is not cancelled ([from, to) intervals).
    private func scheduleProblem(_ db: Database, user: String, from: APIDate.Components, to: APIDate.Components,
                                 checkFuture: Bool, now: Date, status: String, excluding id: Int?,
                                 checkOverlap: Bool = true) throws -> String? {
        if to < from { return Messages.endBeforeStart }
        if checkFuture, clock.date(from) < now { return Messages.dateInPast }
        guard checkOverlap, status != AppointmentStatus.cancelled.rawValue else { return nil }
        let start = clock.stored(from), end = clock.stored(to)
        let overlapping = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM appointments a JOIN leads l ON l.id = a.lead_id
            WHERE a.user = ? AND a.status != 'cancelled' AND l.is_deleted = 0 AND a.id != ?
              AND a.from_date < ? AND ? < a.to_date
            """, arguments: [user, id ?? -1, start == end ? clock.stored(clock.date(to).addingTimeInterval(1)) : end, start]) ?? 0
        return overlapping > 0 ? Messages.scheduleExists : nil
    }

    /// A lead for delete or note: 400 "not found", or "already has a deleted status".
    static func leadForChange(_ db: Database, slug: String) throws -> (row: Row?, problem: String?) {
        guard let lead = try Row.fetchOne(db, sql: "SELECT * FROM leads WHERE slug = ?", arguments: [slug]) else {
            return (nil, Messages.leadNotFound)
        }
        if lead["is_deleted"] as Int != 0 { return (nil, Messages.leadAlreadyDeleted) }
        return (lead, nil)
    }

    static func userExists(_ db: Database, _ username: String) throws -> Bool {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users WHERE username = ?", arguments: [username]) ?? 0 > 0
    }
}
