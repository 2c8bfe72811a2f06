import Foundation
import LeadsAPI
import TextEditing

/// Comma-separated values as RFC 4180 writes them, made safe to open in a spreadsheet.
///
/// Records end with CRLF; a field holding a comma, a double quote, CR or LF is quoted, its
/// quotes doubled; text is UTF-8 (no byte-order mark). A field starting with `=`, `+`, `-`,
/// `@`, a tab or CR would be run as a formula by Excel, LibreOffice or Google Sheets (CSV
/// injection): it gets a leading `'`, the OWASP rule, which spreadsheets show as text —
/// a phone `+44…` stays `+44…` on screen instead of becoming a number.
public enum CSV {
    /// The characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// One field as written: neutralised, then quoted when RFC 4180 requires it.
    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, formulaStarts.contains(first) || first == "\r\n" { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A header and rows as one document, every record ended by CRLF.
    public static func document(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// What an export writes, by the file's extension.
public enum ExportFormat: String, Sendable, Equatable, CaseIterable {
    case csv, json

    /// The format a file name asks for (`.csv`, `.json`, any case), or nil.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(rawValue: name[name.index(after: dot)...].lowercased())
    }
}

/// Leads and appointments as CSV or JSON: the app's `:export` and the command line's `--csv`.
public enum Export {
    /// The CSV columns of a lead, in order: the list's columns and the lead's identifiers.
    public static let leadHeader = ["name", "first_name", "last_name", "status", "source", "phone", "email", "owner", "added_on", "slug"]

    public static func leadFields(_ lead: LeadSummary) -> [String] {
        [lead.name, lead.firstName, lead.lastName, lead.status, lead.source, lead.phone, lead.email, lead.owner,
         lead.addedOn?.description ?? "", lead.slug]
    }

    public static let appointmentHeader = ["from", "to", "lead", "lead_slug", "status", "note", "id"]

    public static func appointmentFields(_ appointment: Appointment) -> [String] {
        [appointment.from?.description ?? "", appointment.to?.description ?? "", appointment.lead, appointment.leadSlug,
         AppointmentStatus(rawValue: appointment.status).map(\.displayName) ?? appointment.status,   // as shown: "fulfilled"
         appointment.note, appointment.id.map(String.init) ?? ""]
    }

    /// The leads as a file's bytes: CSV (`leadHeader`) or a JSON array of the service's lead objects.
    public static func leads(_ leads: [LeadSummary], as format: ExportFormat) -> Data {
        switch format {
        case .csv: return Data(CSV.document(header: leadHeader, rows: leads.map(leadFields)).utf8)
        case .json: return json(leads)
        }
    }

    /// The appointments as a file's bytes: CSV (`appointmentHeader`) or a JSON array of the service's objects.
    public static func appointments(_ appointments: [Appointment], as format: ExportFormat) -> Data {
        switch format {
        case .csv: return Data(CSV.document(header: appointmentHeader, rows: appointments.map(appointmentFields)).utf8)
        case .json: return json(appointments)
        }
    }

    static func json<T: Encodable>(_ values: [T]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(values)) ?? Data("[]".utf8)) + Data("\n".utf8)
    }
}

/// What an export writes, serialised only when written (off the UI's thread: `EffectRunner`).
public enum ExportRows: Equatable, Sendable {
    case leads([LeadSummary], ExportFormat)
    case appointments([Appointment], ExportFormat)

    public var count: Int {
        switch self {
        case .leads(let leads, _): return leads.count
        case .appointments(let appointments, _): return appointments.count
        }
    }

    /// "3 leads", "1 appointment".
    public var summary: String {
        switch self {
        case .leads(let leads, _): return "\(WholeNumber.grouped(leads.count)) lead\(leads.count == 1 ? "" : "s")"
        case .appointments(let items, _): return "\(WholeNumber.grouped(items.count)) appointment\(items.count == 1 ? "" : "s")"
        }
    }

    /// The file's bytes.
    public func data() -> Data {
        switch self {
        case .leads(let leads, let format): return Export.leads(leads, as: format)
        case .appointments(let appointments, let format): return Export.appointments(appointments, as: format)
        }
    }
}
