import Foundation
import LeadsAPI
import TextEditing

/// What a write subcommand prints with `--json`: what was done, the fields
/// sent (by the service's names), and the record as the service has it now.
///
///     {"command": "leads create", "outcome": "created",
///      "sent": {"first_name": "Bea", …}, "record": {…lead…},
///      "lookup": "the service returns no record for a create: found afterwards as the newest lead with email bea@example.com"}
///
/// The service answers every write with no record, so the record is looked
/// up afterwards (see `RecordLookup`); `record` is null when the lookup found
/// nothing or a delete left nothing, and `lookup` says which. A failed lookup
/// never fails the command: the write was done.
struct WriteReport: Encodable {
    var command: String
    /// `created`, `updated`, `deleted` or `added`.
    var outcome: String
    var sent: [String: String]
    var record: Record?
    var lookup: String

    enum Record: Encodable {
        case lead(LeadDetail)
        case note(Note)
        case appointment(Appointment)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .lead(let lead): try lead.encode(to: encoder)
            case .note(let note): try note.encode(to: encoder)
            case .appointment(let appointment): try appointment.encode(to: encoder)
            }
        }
    }

    init(_ command: String, _ outcome: String, sent: [(String, String)], record: Record? = nil, lookup: String) {
        self.command = command
        self.outcome = outcome
        self.sent = Dictionary(sent, uniquingKeysWith: { _, last in last })
        self.record = record
        self.lookup = lookup
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(sent, forKey: .sent)
        try container.encode(record, forKey: .record)   // null, not absent, when there is none
        try container.encode(lookup, forKey: .lookup)
    }

    enum CodingKeys: String, CodingKey { case command, outcome, sent, record, lookup }
}

/// Finds what a write made or changed, since the service's answers carry no
/// record. Each returns the record and how it was found (or why not); none throws.
enum RecordLookup {
    static let noRecord = "the service returns no record for a write"

    /// The newest lead with the draft's email and names (the list filtered by email, every page).
    static func createdLead(_ draft: LeadDraft, in service: any LeadsService) async -> (WriteReport.Record?, String) {
        do {
            var best: LeadSummary?
            for try await page in service.allLeads(LeadQuery(email: draft.email)) {
                for lead in page.results where lead.email.caseInsensitiveCompare(draft.email) == .orderedSame
                    && lead.firstName == draft.firstName && lead.lastName == draft.lastName {
                    if best == nil || (lead.id ?? 0) > (best?.id ?? 0) { best = lead }
                }
            }
            guard let best else { return (nil, "\(noRecord), and no lead with email \(draft.email) was listed afterwards") }
            return (.lead(try await service.lead(slug: best.slug)),
                    "\(noRecord): found afterwards as the newest lead with email \(draft.email) and these names")
        } catch {
            return (nil, "\(noRecord), and looking it up failed: \(describe(error))")
        }
    }

    /// The lead's detail after the change.
    static func lead(slug: String, in service: any LeadsService) async -> (WriteReport.Record?, String) {
        do {
            return (.lead(try await service.lead(slug: slug)), "\(noRecord): read afterwards by its slug \(slug)")
        } catch {
            return (nil, "\(noRecord), and reading lead \(slug) afterwards failed: \(describe(error))")
        }
    }

    /// The newest note on the lead with the text sent (line breaks compared as one kind).
    static func addedNote(slug: String, text: String, in service: any LeadsService) async -> (WriteReport.Record?, String) {
        do {
            let wanted = LineBreaks.normalized(text)
            let notes = try await service.lead(slug: slug).notes.filter { LineBreaks.normalized($0.note) == wanted }
            guard let note = notes.max(by: { ($0.id ?? 0) < ($1.id ?? 0) }) else {
                return (nil, "\(noRecord), and lead \(slug) lists no note with this text afterwards")
            }
            return (.note(note), "\(noRecord): found afterwards as the newest note on lead \(slug) with this text")
        } catch {
            return (nil, "\(noRecord), and reading lead \(slug) afterwards failed: \(describe(error))")
        }
    }

    /// The appointment with `id`, or else the newest one of `slug` starting at `from`:
    /// searched on the day of `from` when it is known, else through every page.
    static func appointment(id: Int?, slug: String?, from: String?, in service: any LeadsService) async -> (WriteReport.Record?, String) {
        let start = from.flatMap(APIDate.parse)
        var query = AppointmentQuery()
        if let start, start.year > 0 {
            query.dateSetting = .on
            query.onDate = APIDate.formatFilterDate(year: start.year, month: start.month, day: start.day)
        }
        func matches(_ item: Appointment) -> Bool {
            if let id { return item.id == id }
            guard item.leadSlug == slug, let start, let at = item.from?.components else { return false }
            return (at.year, at.month, at.day, at.hour, at.minute) == (start.year, start.month, start.day, start.hour, start.minute)
        }
        do {
            var best: Appointment?
            var pages = 0
            for try await page in service.allAppointments(query) {
                for item in page.results where matches(item) && (best == nil || (item.id ?? 0) > (best?.id ?? 0)) { best = item }
                pages += 1
                if pages >= 200 { break }   // a bound on a walk through every page
            }
            let how = id.map { "appointment \($0)" } ?? "the newest appointment of \(slug ?? "?") at \(from ?? "?")"
            let searched = query.onDate.map { "the appointments on \($0)" } ?? "every page of appointments"
            guard let best else { return (nil, "\(noRecord), and \(searched) held no \(how) afterwards") }
            return (.appointment(best), "\(noRecord): found afterwards as \(how) in \(searched)")
        } catch {
            return (nil, "\(noRecord), and looking it up failed: \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        (error as? APIError).map { "\($0)" } ?? "\(error)"
    }
}
