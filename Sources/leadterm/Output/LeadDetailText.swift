import LeadsAPI
import TerminalUI

/// `leads show` as text: fields, conversion bar, activities and notes, newest first.
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
        for (label, value) in fields { lines.append(DisplayWidth.pad(label + ":", to: 12) + safe(value)) }
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
        for activity in lead.recentActivities {
            lines.append("  \(Output.dateTime(activity.created))  \(safe(activity.activityType))  \(safe(activity.activity))")
        }
        lines.append("")
        lines.append("Notes (\(lead.notes.count))")
        for note in lead.notes {
            lines.append("  #\(note.id.map(String.init) ?? "?")  \(Output.dateTime(note.created))  \(safe(note.user))")
            lines.append("      " + indent(note.note, by: 6))
        }
        let text = lines.joined(separator: "\n")
        guard let width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { DisplayWidth.truncate(String($0), to: width) }
            .joined(separator: "\n")
    }

    /// Multi-line text, escaped, continuation lines indented.
    static func indent(_ text: String, by spaces: Int = 12) -> String {
        TerminalSafeText.escapeKeepingNewlines(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n" + String(repeating: " ", count: spaces))
    }
}
