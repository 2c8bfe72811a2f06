import Foundation
import LeadsAPI

/// Unsaved input written to disk when the app is killed mid-edit (SIGHUP,
/// SIGTERM), offered again at the next start.
public struct Draft: Equatable, Sendable, Codable {
    public enum Content: Equatable, Sendable, Codable {
        case note(slug: String, leadName: String, text: String)
        /// The same note on several marked leads.
        case markedNote(leads: [LeadSummary], text: String)
        /// `slug` nil for a new lead.
        case lead(slug: String?, values: [String: String])
        /// `id` nil for a new appointment; the fields as typed (`lead`, `start`, `duration`, `note`).
        case appointment(id: Int?, leadSlug: String?, values: [String: String])
    }

    /// The file's name without extension; unique per draft.
    public var id: String
    public var savedAt: Date
    public var content: Content

    public init(id: String, savedAt: Date, content: Content) { self.id = id; self.savedAt = savedAt; self.content = content }

    /// "a note on Ana Souza", "a new lead (Bo Chen)".
    public var summary: String {
        switch content {
        case .note(_, let leadName, let text):
            let excerpt = text.count > 30 ? String(text.prefix(30)) + "…" : text
            return "a note on \(leadName): “\(excerpt)”"
        case .markedNote(let leads, let text):
            let excerpt = text.count > 30 ? String(text.prefix(30)) + "…" : text
            return "a note on \(leads.count) marked lead\(leads.count == 1 ? "" : "s"): “\(excerpt)”"
        case .lead(let slug, let values):
            let name = [values["first_name"], values["last_name"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return (slug == nil ? "a new lead" : "changes to a lead") + (name.isEmpty ? "" : " (\(name))")
        case .appointment(let id, _, let values):
            let what = [values["lead"], values["start"]].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            return (id == nil ? "a new appointment" : "changes to an appointment") + (what.isEmpty ? "" : " (\(what))")
        }
    }
}
