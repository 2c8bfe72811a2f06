import Foundation
import LeadsAPI

/// Appointments as an iCalendar (RFC 5545) document that calendar programs import.
///
/// One VEVENT per appointment: a stable UID (`appointment-<id>@<host>`), times
/// in UTC (the service's wall-clock times read in the user's zone), SUMMARY
/// with the lead's name, DESCRIPTION with the note, STATUS mapped (confirmed →
/// CONFIRMED, cancelled → CANCELLED, the rest → TENTATIVE). Text is escaped
/// (`\\`, `;`, `,`, new lines); lines are folded at 75 octets without
/// splitting a UTF-8 sequence; lines end in CRLF.
enum ICalendar {
    static func document(_ appointments: [Appointment], zone: TimeZone, host: String, stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//leadterm//Leads CRM appointments//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH"]
        for item in appointments {
            guard let start = item.from?.date(in: zone) else { continue }
            let end = item.to?.date(in: zone).flatMap { $0 > start ? $0 : nil } ?? start.addingTimeInterval(1800)
            lines += [
                "BEGIN:VEVENT",
                "UID:" + escape("appointment-\(item.id.map(String.init) ?? item.leadSlug + "-" + (item.from?.raw ?? ""))@\(host)"),
                "DTSTAMP:" + utc(stamp),
                "DTSTART:" + utc(start),
                "DTEND:" + utc(end),
                "SUMMARY:" + escape(item.lead.isEmpty ? "Appointment" : "Appointment with \(item.lead)"),
                "DESCRIPTION:" + escape(item.note),
                "STATUS:" + status(item.status),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func status(_ status: String) -> String {
        switch AppointmentStatus(lenient: status) {
        case .confirmed: return "CONFIRMED"
        case .cancelled: return "CANCELLED"
        default: return "TENTATIVE"
        }
    }

    /// `20261124T140000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// TEXT value escaping (RFC 5545 3.3.11); other control characters are dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after CRLF and a space,
    /// cut between characters, never inside one.
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = parts.isEmpty ? 75 : 74   // a continuation line starts with the space
            if octets + size > limit {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
