import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// `settings.toml` in the user's config directory:
///
///     [leads]
///     undo_seconds = 5          # how long a delete waits for `u` (0–60)
///     default_assignee = "alex" # prefilled as a lead's assignee
///     page_size = 50            # leads per page (10–500)
///     user = "alex"             # your username on the server (prefill fallback)
///     jump_scroll = true        # past its edge the list moves half a screen (false: a row)
///     clipboard = true          # y e, y p… copy to the terminal's clipboard (OSC 52; false: off)
///
///     [calendar]
///     reminder_minutes = 10     # announce an appointment this long before (0: off)
///     bell = true               # with one terminal bell
///     monday_first = true       # weeks start on Monday (false: Sunday)
///     overview_refresh_minutes = 5
///
///     [views.hot]               # a saved view: a tab above the list (] and [ go through them)
///     filter = "status:potential kim"   # as the / bar takes it
///     sort = "added"            # server, name, status or added
///     list = "owned"            # owned or assigned
///
///     [terminal]
///     theme = "auto"            # light or dark by the terminal's background; or a theme's name
///     hyperlinks = "auto"       # email and phone as OSC 8 links: auto, on, off
///
/// A bad value is reported as `file:line: problem` and the default kept.
enum SettingsFile {
    static func apply(_ url: URL?, to settings: inout Settings) -> [ConfigWarning] {
        var terminal = TerminalSettings()
        return apply(url, to: &settings, terminal: &terminal)
    }

    static func apply(_ url: URL?, to settings: inout Settings, terminal: inout TerminalSettings) -> [ConfigWarning] {
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
            switch table.name {
            case "leads": leads(table, &settings, warn)
            case "calendar": calendar(table, &settings, warn)
            case "terminal": Self.terminal(table, &terminal, warn)
            case let name where name.hasPrefix("views."): view(table, &settings, warn)
            case "" where table.entries.isEmpty: continue
            case "": warn(table.line, "settings go under [leads], [calendar] or [terminal]")
            default: warn(table.line, "unknown table [\(table.name)] (known: [leads], [calendar], [terminal], [views.NAME])")
            }
        }
        return warnings
    }

    static func leads(_ table: TOMLTable, _ settings: inout Settings, _ warn: (Int, String) -> Void) {
        for entry in table.entries {
            switch (entry.key, entry.value) {
            case ("undo_seconds", .integer(let seconds)) where (0...60).contains(seconds): settings.undoSeconds = Double(seconds)
            case ("page_size", .integer(let size)) where (10...500).contains(size): settings.pageSize = size
            case ("default_assignee", .string(let name)) where !name.trimmingCharacters(in: .whitespaces).isEmpty:
                settings.defaultAssignee = name
            case ("user", .string(let name)) where !name.trimmingCharacters(in: .whitespaces).isEmpty: settings.signedInUser = name
            case ("jump_scroll", .bool(let on)): settings.jumpScroll = on
            case ("clipboard", .bool(let on)): settings.clipboard = on
            case ("jump_scroll", _), ("clipboard", _): warn(entry.line, "\(entry.key) must be true or false")
            case ("undo_seconds", _): warn(entry.line, "undo_seconds must be a whole number of seconds from 0 to 60")
            case ("page_size", _): warn(entry.line, "page_size must be a whole number from 10 to 500")
            case ("default_assignee", _), ("user", _): warn(entry.line, "\(entry.key) must be a non-empty string")
            default: warn(entry.line, "unknown setting \"\(entry.key)\" in [leads] (known: undo_seconds, page_size, default_assignee, user, jump_scroll, clipboard)")
            }
        }
    }

    static func calendar(_ table: TOMLTable, _ settings: inout Settings, _ warn: (Int, String) -> Void) {
        for entry in table.entries {
            switch (entry.key, entry.value) {
            case ("reminder_minutes", .integer(let minutes)) where (0...240).contains(minutes): settings.reminderMinutes = minutes
            case ("bell", .bool(let on)): settings.reminderBell = on
            case ("monday_first", .bool(let on)): settings.mondayFirst = on
            case ("overview_refresh_minutes", .integer(let minutes)) where (1...120).contains(minutes): settings.dashboardRefreshMinutes = minutes
            case ("reminder_minutes", _): warn(entry.line, "reminder_minutes must be a whole number from 0 (off) to 240")
            case ("bell", _), ("monday_first", _): warn(entry.line, "\(entry.key) must be true or false")
            case ("overview_refresh_minutes", _): warn(entry.line, "overview_refresh_minutes must be a whole number from 1 to 120")
            default: warn(entry.line, "unknown setting \"\(entry.key)\" in [calendar] (known: reminder_minutes, bell, monday_first, overview_refresh_minutes)")
            }
        }
    }

    /// `[views.NAME]`: filter, sort, list; a view with any problem is left out (its lines named).
    static func view(_ table: TOMLTable, _ settings: inout Settings, _ warn: (Int, String) -> Void) {
        let name = String(table.name.dropFirst("views.".count))
        guard SavedView.isValidName(name), name != SavedView.all.name else {
            warn(table.line, "[\(table.name)] left out: a view's name has a–z, A–Z, 0–9, _ and - only (at most 32), and is not “all”")
            return
        }
        var view = SavedView(name: name)
        var isValid = true
        for entry in table.entries {
            switch (entry.key, entry.value) {
            case ("filter", .string(let text)):
                switch LeadFilter.parse(text) {
                case .success: view.filter = text
                case .failure(let error): warn(entry.line, "view \(name) left out: its filter: \(error.message)"); isValid = false
                }
            case ("sort", .string(let text)) where LeadSort(rawValue: text) != nil: view.sort = LeadSort(rawValue: text)!
            case ("list", .string(let text)) where LeadListType(rawValue: text) != nil: view.listType = LeadListType(rawValue: text)!
            case ("sort", _): warn(entry.line, "view \(name) left out: sort must be \"server\", \"name\", \"status\" or \"added\""); isValid = false
            case ("list", _): warn(entry.line, "view \(name) left out: list must be \"owned\" or \"assigned\""); isValid = false
            case ("filter", _): warn(entry.line, "view \(name) left out: filter must be a string, as the / bar takes it"); isValid = false
            default: warn(entry.line, "view \(name) left out: unknown setting \"\(entry.key)\" in [\(table.name)] (known: filter, sort, list)"); isValid = false
            }
        }
        guard isValid else { return }
        settings.views.removeAll { $0.name == name }
        settings.views.append(view)
    }

    /// `text` (a settings.toml, or "" for none) with `view` saved in it: the lines of its
    /// `[views.NAME]` table replaced where they are (filter, sort, list), every other line —
    /// comments, other tables, unknown keys — kept as it was; a new table goes at the end.
    /// The file's line ends (CRLF or LF) are kept. Where the lines are comes from the
    /// `TOMLReader` that reads the file; nil when it cannot read it (its problem is the file's).
    static func saving(_ view: SavedView, into text: String) -> String? {
        guard case .success(let tables) = TOMLReader.read(text) else { return nil }
        let newline = text.contains("\r\n") ? "\r\n" : "\n"
        // Numbered as the reader numbers them: line N is lines[N - 1].
        var lines = LineBreaks.lines(text, asciiOnly: true).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let values = [("filter", view.filter), ("sort", view.sort.rawValue), ("list", view.listType.rawValue)]
            .map { ($0.0, "\($0.0) = \(CredentialStore.quoted($0.1))") }
        if let table = tables.first(where: { $0.name == "views.\(view.name)" }) {
            var written = Set<String>()
            for entry in table.entries {
                guard let line = values.first(where: { $0.0 == entry.key })?.1 else { continue }
                lines[entry.line - 1] = line
                written.insert(entry.key)
            }
            let after = table.entries.map(\.line).max() ?? table.line
            lines.insert(contentsOf: values.filter { !written.contains($0.0) }.map(\.1), at: after)
        } else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines.append("[views.\(view.name)]")
            lines += values.map(\.1)
        }
        return lines.joined(separator: newline) + newline
    }

    /// Saves `view` into the settings file at `url` (created with its folder when missing,
    /// its mode kept, 0600 when new), written whole beside it and renamed over it (Foundation's
    /// atomic write), so the file is never half written. Nil when saved, else why not.
    static func save(_ view: SavedView, to url: URL) -> String? {
        var text = ""
        if FileManager.default.fileExists(atPath: url.path) {
            switch ConfigLocator.read(url) {
            case .success(let contents): text = contents
            case .failure(let warning): return "\(url.path): \(warning.message)"
            }
        }
        guard let saved = saving(view, into: text) else {
            return "\(url.path) cannot be read as TOML: fix it first (leadterm names the line at start)"
        }
        let mode = (try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) ?? 0o600
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try Data(saved.utf8).write(to: url, options: .atomic)
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
            return nil
        } catch {
            return "cannot write \(url.path): \(error.localizedDescription)"
        }
    }

    static func terminal(_ table: TOMLTable, _ settings: inout TerminalSettings, _ warn: (Int, String) -> Void) {
        for entry in table.entries {
            switch (entry.key, entry.value) {
            case ("hyperlinks", .string(let value)) where HyperlinkSetting(rawValue: value) != nil: settings.hyperlinks = HyperlinkSetting(rawValue: value)!
            case ("hyperlinks", _): warn(entry.line, "hyperlinks must be \"auto\", \"on\" or \"off\"")
            case ("theme", .string(let name)) where !name.isEmpty && !name.contains("/"): settings.theme = name
            case ("theme", _): warn(entry.line, "theme must be \"auto\" or the name of a theme (default, light, mono, or one in themes/)")
            default: warn(entry.line, "unknown setting \"\(entry.key)\" in [terminal] (known: theme, hyperlinks)")
            }
        }
    }
}

/// `settings.toml`'s `[terminal]`: what the terminal is asked to do, read before the first frame.
struct TerminalSettings: Equatable {
    var hyperlinks = HyperlinkSetting.auto
    /// `auto` or a theme's name; `LEADTERM_THEME` and a profile's `theme` win over it.
    var theme: String?
}
