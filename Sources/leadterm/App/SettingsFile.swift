import Foundation
import LeadsStore
import TerminalUI

/// `settings.toml` in the user's config directory:
///
///     [leads]
///     undo_seconds = 5          # how long a delete waits for `u` (0–60)
///     default_assignee = "alex" # prefilled as a lead's assignee
///     page_size = 50            # leads per page (10–500)
///     user = "alex"             # your username on the server (prefill fallback)
///
/// A bad value is reported as `file:line: problem` and the default kept.
enum SettingsFile {
    static func apply(_ url: URL?, to settings: inout Settings) -> [ConfigWarning] {
        guard let url else { return [] }
        let text: String
        switch ConfigLocator.read(url) {
        case .success(let contents): text = contents
        case .failure(let warning): return [warning]
        }
        let tables: [TOMLTable]
        switch TOMLReader.read(text) {
        case .success(let read): tables = read
        case .failure(let error): return [ConfigWarning(file: url.path, line: error.line, message: error.message)]
        }
        var warnings: [ConfigWarning] = []
        func warn(_ line: Int, _ message: String) { warnings.append(ConfigWarning(file: url.path, line: line, message: message)) }
        for table in tables {
            guard table.name == "leads" else {
                if !(table.name.isEmpty && table.entries.isEmpty) {
                    warn(table.line, table.name.isEmpty ? "settings go under [leads]" : "unknown table [\(table.name)] (known: [leads])")
                }
                continue
            }
            for entry in table.entries {
                switch (entry.key, entry.value) {
                case ("undo_seconds", .integer(let seconds)) where (0...60).contains(seconds):
                    settings.undoSeconds = Double(seconds)
                case ("page_size", .integer(let size)) where (10...500).contains(size):
                    settings.pageSize = size
                case ("default_assignee", .string(let name)) where !name.trimmingCharacters(in: .whitespaces).isEmpty:
                    settings.defaultAssignee = name
                case ("user", .string(let name)) where !name.trimmingCharacters(in: .whitespaces).isEmpty:
                    settings.signedInUser = name
                case ("undo_seconds", _): warn(entry.line, "undo_seconds must be a whole number of seconds from 0 to 60")
                case ("page_size", _): warn(entry.line, "page_size must be a whole number from 10 to 500")
                case ("default_assignee", _), ("user", _): warn(entry.line, "\(entry.key) must be a non-empty string")
                default: warn(entry.line, "unknown setting \"\(entry.key)\" (known: undo_seconds, page_size, default_assignee, user)")
                }
            }
        }
        return warnings
    }
}
