import Foundation
import LeadsAPI

/// The add-note form of a lead: one text area, checked against the
/// service's 499 characters (counted in code points, as Django does).
public struct NoteForm: FormModel {
    public enum Field: String, FormField {
        case note

        public var label: String { "Note" }
        public var placeholder: String { "What happened, what is next…" }
        public var isMultiline: Bool { true }
        public var limit: Int? { Rules.leadNoteLimit }
    }

    public var slug: String
    public var leadName: String
    public var form: FormState<Field>
    /// The marked leads the same note goes to (a change to several leads, `BulkChange`);
    /// empty for a note on one lead.
    public var targets: [LeadSummary] = []

    public init(slug: String, leadName: String, text: String = "") {
        self.slug = slug
        self.leadName = leadName
        form = FormState(values: [.note: text])
        if !text.isEmpty { form.forgetOriginal() }
    }

    /// The same note on every marked lead.
    public init(targets: [LeadSummary]) {
        self.init(slug: targets.first?.slug ?? "", leadName: "\(targets.count) marked lead\(targets.count == 1 ? "" : "s")")
        self.targets = targets
    }

    public static let purpose = Purpose.saveNote
    public var title: String { "Note on \(leadName)" }
    public var text: String { form.value(.note) }
    /// The length as the service counts it (code points).
    public var length: Int { text.unicodeScalars.count }

    public func clientErrors(_ context: Context) -> [Field: TextWithKeys] {
        let problems = Rules.noteCreate(["note": text, "slug": slug])
        guard let first = problems["note"].first else { return [:] }
        return [.note: "\(first) (\(length)/\(Rules.leadNoteLimit))"]
    }

    /// Nil for a note on the marks: it goes as a change to several leads (`AppReducer.startBulk`).
    public func saveRequest(_ context: Context) -> Request? { targets.isEmpty ? .createNote(slug: slug, text: text) : nil }

    /// Only text that is not blank counts as typed.
    public var hasUnsavedInput: Bool { !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    public func draft(id: String, at date: Date) -> Draft? {
        guard hasUnsavedInput else { return nil }
        if !targets.isEmpty { return Draft(id: id, savedAt: date, content: .markedNote(leads: targets, text: text)) }
        return Draft(id: id, savedAt: date, content: .note(slug: slug, leadName: leadName, text: text))
    }
}
