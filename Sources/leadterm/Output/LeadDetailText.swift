import LeadsAPI
import TerminalUI

/// `leads show` as text: fields, conversion bar, activities and notes, newest
/// first; at a terminal every line wrapped to its width, never cut, and an
/// identifier never broken.
enum LeadDetailText {
    static func render(_ lead: LeadDetail, width: Int?) -> String {
        let safe = TerminalSafeText.escape
        var lines: [String] = []
        var fields: [(String, String)] = [
            ("Name", lead.name), ("Slug", lead.slug), ("Status", lead.status), ("Source", lead.source),
            ("Email", lead.email), ("Phone", lead.phone), ("Added", Output.dateTime(lead.addedOn)),
        ]
        if let location = lead.location { fields.append(("Location", location)) }
        if let assignee = lead.assignee { fields.append(("Assignee", assignee)) }
        if let owner = lead.owner { fields.append(("Owner", owner)) }
        // An identifier (slug, email, phone) is the next command's argument or what is dialled:
        // never broken across lines; a longer one runs past the edge whole, as the tables' do.
        var whole: Set<String> = []
        for (label, value) in fields {
            let line = DisplayWidth.pad(label + ":", to: 12) + safe(value)
            if ["Slug", "Email", "Phone"].contains(label) { whole.insert(line) }
            lines.append(line)
        }
        if let conversion = lead.conversion {
            let clamped = min(100, max(0, conversion))
            let filled = Int((clamped / 10).rounded())
            lines.append(DisplayWidth.pad("Conversion:", to: 12)
                + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
                + " \(Int(clamped.rounded()))%")
        }
        lines.append(DisplayWidth.pad("Message:", to: 12) + indent(lead.message))
        lines.append("")
        lines.append("Recent activities (\(lead.recentActivities.count))")
        let activities = lead.recentActivities.sorted { newer($0.created, than: $1.created) }
        let typeWidth = activities.map { DisplayWidth.of(safe($0.activityType)) }.max() ?? 0
        for activity in activities {
            let head = "  \(DisplayWidth.pad(Output.dateTime(activity.created), to: 16))  \(DisplayWidth.pad(safe(activity.activityType), to: typeWidth))  "
            lines.append(head + indent(activity.activity, by: DisplayWidth.of(head)))
        }
        lines.append("")
        lines.append("Notes (\(lead.notes.count))")
        for note in lead.notes.sorted(by: { newer($0.created, than: $1.created) }) {
            lines.append("  #\(note.id.map(String.init) ?? "?")  \(Output.dateTime(note.created))  \(safe(note.user))")
            lines.append("      " + indent(note.note, by: 6))
        }
        let text = lines.joined(separator: "\n")
        guard let width else { return text }
        // Wrapped, never cut: a line longer than the terminal goes on under its own indent.
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { whole.contains(String($0)) ? [String($0)] : wrap(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// Newest first; undated last, in the order they came (as the app lists them).
    static func newer(_ a: APIDate?, than b: APIDate?) -> Bool {
        switch (a?.components, b?.components) {
        case let (x?, y?): return x > y
        case (_?, nil): return true
        default: return false
        }
    }

    /// `line` in lines of at most `width` columns, each after the first indented as the line is.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        // The hanging indent: where the text starts after the last gap of two spaces
        // in the first 40 characters ("Email:      …", "  date  type  …"), else the line's own indent.
        let all = Array(line)
        var hanging = all.prefix { $0 == " " }.count
        for index in 2..<min(all.count, 40) where all[index] != " " && all[index - 1] == " " && all[index - 2] == " " { hanging = index }
        let lead = min(hanging, max(0, width - 20))
        let first = String(all.prefix(lead))
        return TextArea.lines(of: String(all.dropFirst(lead)), width: max(1, width - lead)).enumerated().map { index, text in
            (index == 0 ? first : String(repeating: " ", count: lead)) + text
        }
    }

    /// Multi-line text, escaped, continuation lines indented.
    static func indent(_ text: String, by spaces: Int = 12) -> String {
        TerminalSafeText.escapeKeepingNewlines(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n" + String(repeating: " ", count: spaces))
    }
}
