import Foundation
import LeadsAPI
import TextEditing

/// The new-lead and edit-lead form.
///
/// Update needs location, message and assignee, which the lead's detail may
/// lack: editing prefills them from the detail, else the values last sent
/// for the lead, else the settings' default assignee or the signed-in user,
/// and says under the field where each came from.
public struct LeadForm: FormModel {
    public enum Mode: Equatable, Sendable {
        case create
        case edit(slug: String)
    }

    /// The fields in form order; the raw value is the API's name.
    public enum Field: String, FormField, Codable {
        case firstName = "first_name", lastName = "last_name", email, phone, status, source, location, message, assignee

        public var label: String {
            switch self {
            case .firstName: return "First name"
            case .lastName: return "Last name"
            case .email: return "Email"
            case .phone: return "Phone"
            case .status: return "Status"
            case .source: return "Source"
            case .location: return "Location"
            case .message: return "Message"
            case .assignee: return "Assignee"
            }
        }

        public var limit: Int? {
            switch self {
            case .firstName, .lastName, .email, .location, .message: return Rules.nameLimit
            case .phone, .status, .source, .assignee: return nil
            }
        }

        public var placeholder: String {
            switch self {
            case .firstName, .lastName: return ""
            case .email: return "e.g. name@example.com"
            case .phone: return "e.g. +15551234567 (9 to 15 digits)"
            case .status: return "one of " + LeadStatus.allCases.map(\.rawValue).joined(separator: " ")
            case .source: return "one of " + LeadSource.allCases.map(\.rawValue).joined(separator: " ")
            case .location: return "e.g. Lisbon"
            case .message: return "what the lead asked for"
            case .assignee: return "a username"
            }
        }
    }

    public var mode: Mode
    public var form: FormState<Field>

    public init(mode: Mode, values: [Field: String] = [:], notes: [Field: String] = [:]) {
        self.mode = mode
        form = FormState(values: values, notes: notes)
    }

    public static let purpose = Purpose.saveLead

    public var title: String {
        switch mode {
        case .create: return "New lead"
        case .edit: return "Edit lead"
        }
    }

    public var slug: String? {
        if case .edit(let slug) = mode { return slug }
        return nil
    }

    /// What would be sent. Status and source are optional on create: blank sends none.
    public var draft: LeadDraft {
        func trimmed(_ field: Field) -> String { form.value(field).trimmingCharacters(in: .whitespaces) }
        let status = trimmed(.status).lowercased(), source = trimmed(.source).lowercased()
        return LeadDraft(firstName: trimmed(.firstName), lastName: trimmed(.lastName), email: trimmed(.email),
                         phone: trimmed(.phone), location: trimmed(.location), message: trimmed(.message),
                         assignee: trimmed(.assignee), status: status.isEmpty ? nil : status,
                         source: source.isEmpty ? nil : source)
    }

    public func clientErrors(_ context: Context) -> [Field: TextWithKeys] {
        var values = draft.form().asDictionary
        if let slug { values["slug"] = slug }
        var byField: [Field: TextWithKeys] = [:]
        for entry in Rules.lead(values, requireSlug: false).entries {
            guard let field = Field(rawValue: entry.field) else { continue }
            var text = entry.messages.joined(separator: " ")
            if let options = Self.choices[field] { text += " Choose " + Self.list(options) + "." }   // the service's words, then the way out
            byField[field] = TextWithKeys(stringLiteral: text)
        }
        return byField
    }

    // MARK: Choices

    /// The values status and source take (the service's, in its order).
    public static let choices: [Field: [String]] = [.status: LeadStatus.allCases.map(\.rawValue), .source: LeadSource.allCases.map(\.rawValue)]

    /// Under a focused status or source field, the choices that fit what is typed
    /// (all of them when nothing fits): `closed · contact · customer` after `c`.
    public var choiceNotes: [Field: String] {
        let field = form.focus
        guard let (options, typed) = typedChoice(field) else { return [:] }
        if options.contains(typed) { return [:] }
        let fitting = options.filter { $0.hasPrefix(typed) }
        return [field: (fitting.isEmpty ? "choose " : "") + (fitting.isEmpty ? options : fitting).joined(separator: " · ")
                    + (fitting.count == 1 ? " (tab completes)" : "")]
    }

    /// While what is typed in status or source is still the start of a choice, the choices
    /// under it say enough: no "not a valid choice" yet.
    public func showsErrorWhileFocused(_ field: Field) -> Bool {
        guard let (options, typed) = typedChoice(field) else { return true }
        return !options.contains { $0.hasPrefix(typed) }
    }

    /// Up/Down (`list.up`/`list.down` in the `choice` context) on status or source: the
    /// previous or next choice, round the end; from a value that is none, the first that fits.
    public mutating func handle(_ command: Command) -> Bool {
        let field = form.focus
        guard command == .up || command == .down, let (options, typed) = typedChoice(field) else { return false }
        let next: String
        if let index = options.firstIndex(of: typed) {
            next = options[(index + (command == .down ? 1 : options.count - 1)) % options.count]
        } else {
            next = options.first { $0.hasPrefix(typed) } ?? options[0]
        }
        form.set(field, next)
        form.markEdited(field)
        return true
    }

    /// Leaving status or source with the start of one choice typed (`cust`) completes it.
    public mutating func willLeaveField() {
        let field = form.focus
        guard let (options, typed) = typedChoice(field) else { return }
        let fitting = options.filter { $0.hasPrefix(typed) }
        guard !typed.isEmpty, fitting.count == 1, fitting[0] != form.value(field) else { return }
        form.set(field, fitting[0])
    }

    /// A choice field's choices and what is typed in it, folded as the choices are written.
    private func typedChoice(_ field: Field) -> (options: [String], typed: String)? {
        guard let options = Self.choices[field] else { return nil }
        return (options, SearchFolding.fold(form.value(field).trimmingCharacters(in: .whitespaces)))
    }

    static func list(_ options: [String]) -> String {
        options.count > 1 ? options.dropLast().joined(separator: ", ") + " or " + options[options.count - 1] : options.joined()
    }

    public func saveRequest(_ context: Context) -> Request? {
        switch mode {
        case .create: return .createLead(draft)
        case .edit(let slug): return .updateLead(slug: slug, draft)
        }
    }

    // MARK: Opening

    /// A new lead: the assignee prefilled from the settings or the signed-in user.
    public static func new(settings: Settings) -> LeadForm {
        var values: [Field: String] = [:], notes: [Field: String] = [:]
        if let (assignee, origin) = fallbackAssignee(settings) { values[.assignee] = assignee; notes[.assignee] = "prefilled: \(origin)" }
        // The prefilled assignee is not something typed: Esc on an untouched form closes it without asking.
        return LeadForm(mode: .create, values: values, notes: notes)
    }

    /// Editing a lead: every field prefilled from its list row and detail; location,
    /// message and assignee from the detail, else `lastUsed` (noted). Never a guess:
    /// an assignee nobody has seen is not sent (a quick edit must not reassign the
    /// lead), so one not known is left empty and asked for by name.
    public static func edit(slug: String, summary: LeadSummary?, detail: LeadDetail?, lastUsed: LeadExtras?, settings: Settings) -> LeadForm {
        var values: [Field: String] = [
            .firstName: detail?.firstName ?? summary?.firstName ?? "",
            .lastName: detail?.lastName ?? summary?.lastName ?? "",
            .email: detail?.email ?? summary?.email ?? "",
            .phone: detail?.phone ?? summary?.phone ?? "",
            .status: (detail?.status ?? summary?.status ?? "").lowercased(),
            .source: (detail?.source ?? summary?.source ?? "").lowercased(),
        ]
        var notes: [Field: String] = [:]
        func fill(_ field: Field, fromDetail: String?, fromLast: String?, fallback: (String, String)?) {
            if let value = fromDetail, !value.isEmpty { values[field] = value; return }
            if let value = fromLast, !value.isEmpty { values[field] = value; notes[field] = "prefilled: last used for this lead"; return }
            notes[field] = "required by the service: not known for this lead" + (fallback.map { " (you are “\($0.0)”)" } ?? "")
        }
        fill(.location, fromDetail: detail?.location, fromLast: lastUsed?.location, fallback: nil)
        fill(.message, fromDetail: detail?.message, fromLast: lastUsed?.message, fallback: nil)
        fill(.assignee, fromDetail: detail?.assignee, fromLast: lastUsed?.assignee,
             fallback: settings.signedInUser.flatMap { $0.isEmpty ? nil : ($0, "") })
        return LeadForm(mode: .edit(slug: slug), values: values, notes: notes)
    }

    /// The assignee when nothing better is known: the settings' default, else the signed-in user.
    static func fallbackAssignee(_ settings: Settings) -> (String, String)? {
        if let assignee = settings.defaultAssignee, !assignee.isEmpty { return (assignee, "default assignee from settings") }
        if let user = settings.signedInUser, !user.isEmpty { return (user, "you (signed-in user)") }
        return nil
    }

    /// The lead's detail arrived while its edit form is open: fills location,
    /// message and assignee the user has not typed in (prefilled or empty ones).
    public mutating func fill(from lead: LeadDetail) {
        guard mode == .edit(slug: lead.slug) else { return }
        let known: [(Field, String?)] = [(.location, lead.location), (.message, lead.message), (.assignee, lead.assignee)]
        for case let (field, value?) in known where !value.isEmpty && !form.touched.contains(field) && form.value(field) != value {
            guard form.value(field).isEmpty || form.notes[field] != nil else { continue }
            form.set(field, value, asOriginal: true)
            form.notes[field] = nil
        }
    }

    /// What was sent, to prefill the next edit of the same lead.
    public var extras: LeadExtras {
        let sent = draft
        return LeadExtras(location: sent.location, message: sent.message, assignee: sent.assignee)
    }

    // MARK: Drafts

    public func draft(id: String, at date: Date) -> Draft? {
        guard form.hasChanges else { return nil }
        return Draft(id: id, savedAt: date, content: .lead(slug: slug, values: form.values))
    }

    public static func resumed(slug: String?, values stored: [String: String]) -> LeadForm {
        var values: [Field: String] = [:]
        for (key, value) in stored { if let field = Field(rawValue: key) { values[field] = value } }
        var form = LeadForm(mode: slug.map { .edit(slug: $0) } ?? .create, values: values)
        form.form.forgetOriginal()
        return form
    }
}
