import LeadsStore
import TerminalUI

/// What the app knows that the toolkit does not: keymap contexts, command
/// descriptions, and the theme roles of leads and appointments. The loaders
/// check files against these.
public enum Vocabulary {
    public static let contexts: [(id: String, title: String)] = [
        ("global", "Everywhere"), ("list", "Lists"), ("leads", "Leads"), ("calendar", "Calendar"),
        ("form", "Forms"), ("textarea", "A note's text"), ("picker", "Picking a lead"), ("choice", "Status and source"), ("filter", "The / filter bar"), ("help", "This help"), ("reader", "Reading a note or activity"), ("outbox", "The outbox"),
        ("palette", "The : palette"), ("dialog", "Dialogs"), ("pending", "While a delete or status change waits"),
    ]

    public static let descriptions: [String: String] = Dictionary(
        Command.allCases.map { ($0.rawValue, $0.description) }, uniquingKeysWith: { first, _ in first })

    public static let roles: Set<String> = ThemeRoles.toolkit.union(
        ["lead", "lead.status", "appointment", "appointment.status"]
            + ["prospect", "tentative", "potential", "closed", "contact", "customer"].map { "lead.status.\($0)" }
            + ["pending", "rescheduled", "cancelled", "fullfilled", "confirmed"].map { "appointment.status.\($0)" })
}
