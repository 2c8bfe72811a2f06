import LeadsAPI
import TextEditing

/// The new-lead / edit-lead form: what was typed, field by field, and what
/// is wrong with it.
///
/// Errors show as you type (the shared `Rules`) for fields you have left or
/// edited, and for every field after a save was tried; the server's messages
/// after a save sit under the fields they name until that field is edited.
public struct LeadForm: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case create
        case edit(slug: String)
    }

    /// The fields in form order; the raw value is the API's name.
    public enum Field: String, CaseIterable, Sendable, Codable {
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
    public var inputs: [Field: TextInput]
    /// Values when the form opened (to tell whether anything changed).
    public var original: [Field: String]
    public var focus: Field = .firstName
    /// Fields the user has edited or left: their errors show.
    public var touched: Set<Field> = []
    public var hasTriedSaving = false
    /// The server's messages from the last save, by field.
    public var serverErrors: [Field: [String]] = [:]
    /// Where a prefilled value came from ("last used for this lead", …).
    public var notes: [Field: String] = [:]
    /// A message for the whole form: "Saving…", a 401 or network error.
    public var message: String?
    public var isMessageError = false
    public var isSaving = false

    public init(mode: Mode, values: [Field: String] = [:], notes: [Field: String] = [:]) {
        self.mode = mode
        inputs = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, TextInput(values[$0] ?? "")) })
        original = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, values[$0] ?? "") })
        self.notes = notes
    }

    public var title: String {
        switch mode {
        case .create: return "New lead"
        case .edit: return "Edit lead"
        }
    }

    public func value(_ field: Field) -> String { inputs[field]?.text ?? "" }

    public var hasChanges: Bool { Field.allCases.contains { value($0) != original[$0] } }

    /// What would be sent. Status and source are optional on create: blank sends none.
    public var draft: LeadDraft {
        func trimmed(_ field: Field) -> String { value(field).trimmingCharacters(in: .whitespaces) }
        let status = trimmed(.status).lowercased(), source = trimmed(.source).lowercased()
        return LeadDraft(firstName: trimmed(.firstName), lastName: trimmed(.lastName), email: trimmed(.email),
                         phone: trimmed(.phone), location: trimmed(.location), message: trimmed(.message),
                         assignee: trimmed(.assignee), status: status.isEmpty ? nil : status,
                         source: source.isEmpty ? nil : source)
    }

    /// The shared rules' verdict on the whole form, by field.
    public var clientErrors: [Field: [String]] {
        var form = draft.form().asDictionary
        if case .edit(let slug) = mode { form["slug"] = slug }
        let errors = Rules.lead(form, requireSlug: false)
        var byField: [Field: [String]] = [:]
        for entry in errors.entries { if let field = Field(rawValue: entry.field) { byField[field] = entry.messages } }
        return byField
    }

    /// What shows under each field now.
    public var visibleErrors: [Field: String] {
        var shown: [Field: String] = [:]
        let client = clientErrors
        for field in Field.allCases {
            if let server = serverErrors[field], !server.isEmpty {
                shown[field] = server.joined(separator: " ")
            } else if hasTriedSaving || touched.contains(field), let messages = client[field], !messages.isEmpty {
                shown[field] = messages.joined(separator: " ")
            }
        }
        return shown
    }

    public mutating func edit(_ edit: TextEdit) {
        inputs[focus, default: TextInput()].apply(edit, singleLine: true)
        touched.insert(focus)
        serverErrors[focus] = nil
        notes[focus] = nil
    }

    public mutating func moveFocus(by delta: Int) {
        touched.insert(focus)
        let all = Field.allCases
        let index = all.firstIndex(of: focus) ?? 0
        focus = all[(index + delta + all.count) % all.count]
    }

    /// Server messages by field; those naming no field of the form go to the form message.
    public mutating func showServerErrors(_ errors: FieldErrors) {
        serverErrors = [:]
        var other: [String] = []
        for entry in errors.entries {
            if let field = Field(rawValue: entry.field) {
                serverErrors[field, default: []] += entry.messages
            } else {
                other.append(entry.field == "non_field_errors" || entry.field == "slug"
                             ? entry.messages.joined(separator: " ") : "\(entry.field): \(entry.messages.joined(separator: " "))")
            }
        }
        if let first = Field.allCases.first(where: { serverErrors[$0] != nil }) { focus = first }
        message = other.isEmpty ? "Not saved: fix the fields marked ✗." : "Not saved: " + other.joined(separator: " ")
        isMessageError = true
    }
}

/// The add-note text area of a lead.
public struct NoteForm: Equatable, Sendable {
    public var slug: String
    public var leadName: String
    public var input: TextInput
    public var error: String?
    public var isSaving = false

    public init(slug: String, leadName: String, text: String = "") {
        self.slug = slug; self.leadName = leadName; input = TextInput(text)
    }

    /// The length as the service counts it (code points).
    public var length: Int { input.text.unicodeScalars.count }
}
