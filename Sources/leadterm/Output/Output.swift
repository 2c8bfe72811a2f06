import Foundation
import LeadsAPI
import TerminalUI

/// Writing to stdout and stderr.
enum Output {
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// `cached 10:42` (saved today), else `cached 2026-11-30 10:42`, in the local time zone.
    static func cachedMark(_ savedAt: Date, now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: savedAt)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDate(savedAt, inSameDayAs: now) { return "cached \(time)" }
        return String(format: "cached %04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
    }

    /// Seconds as typed: `2`, `0.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Says on stderr that an answer came from the cache (`--offline`, or the service unreachable).
    static func noteCached(_ savedAt: Date?) {
        guard let savedAt else { return }
        standardError("leadterm: answered from the local cache (\(cachedMark(savedAt)))")
    }

    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// CSV on stdout (`Export`): byte for byte into a file or a pipe; on a terminal, a control
    /// character of the service's text is shown escaped (`\e`), never run.
    static func csv(_ data: Data) {
        if isatty(STDOUT_FILENO) == 1 {
            standardOutput(TerminalSafeText.escapeKeepingNewlines(String(decoding: data, as: UTF8.self)))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }

    /// The data as one JSON document (sorted keys, indented).
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        standardOutput(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// An API error on stderr: one line, or one line per field, naming the
    /// command-line option that set the field. Server text is escaped.
    static func report(_ error: APIError) {
        switch error {
        case .invalidInput(let fields), .validation(let fields):
            let origin = if case .validation = error { "the server rejected the request" } else { "invalid input" }
            var lines = ["leadterm: \(origin):"]
            for entry in fields.entries {
                let name = entry.field.isEmpty ? "" : "\(entry.field)\(option(for: entry.field).map { " (\($0))" } ?? ""): "
                lines.append("  \(TerminalSafeText.escape(name))\(TerminalSafeText.escape(entry.messages.joined(separator: " ")))")
            }
            standardError(lines.joined(separator: "\n"))
        default:
            standardError("leadterm: \(TerminalSafeText.escape(error.message))")
        }
    }

    /// The option that sets an API field.
    static func option(for field: String) -> String? {
        [
            "first_name": "--first-name", "last_name": "--last-name", "email": "--email", "phone": "--phone",
            "location": "--location", "message": "--message", "assignee": "--assignee", "status": "--status",
            "source": "--source", "appointment_date": "--from", "appointment_to": "--to",
            "appointment_note": "--note", "appointment_status": "--status", "ondate": "--on/--before/--after",
        ][field]
    }

    /// Columns available to a table: the terminal's width when stdout is a
    /// terminal, else unlimited (pipes get whole values).
    /// `COLUMNS` when set (as `ls` reads it: it wins, piped or not), else the
    /// terminal's width, else nil (a pipe: tables are not fitted).
    static func terminalWidth() -> Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// `yyyy-mm-dd hh:mm` in the user's zone, or the raw text when it did not parse.
    static func dateTime(_ date: APIDate?) -> String {
        guard let date else { return "" }
        guard let components = date.components else { return date.raw }
        if components.utcOffset != nil, let instant = date.date() { return APIDate(instant).raw }
        return components.hasTime ? APIDate.format(components) : String(APIDate.format(components).prefix(10))
    }

    /// `yyyy-mm-dd` in the user's zone.
    static func day(_ date: APIDate?) -> String {
        let text = dateTime(date)
        return date?.components == nil ? text : String(text.prefix(10))
    }
}
