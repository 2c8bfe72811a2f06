import LeadsAPI
import TextEditing

/// A field of a form: its label, placeholder, and whether it holds lines.
/// The raw value is the service's name of the field.
public protocol FormField: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String, AllCases == [Self] {
    var label: String { get }
    var placeholder: String { get }
    /// A text area (Enter is a new line) rather than one line.
    var isMultiline: Bool { get }
    /// The service's limit, in code points (a text area shows a counter
    /// against it; a paste is cut to it); nil when the service names none.
    var limit: Int? { get }
}

extension FormField {
    public var isMultiline: Bool { false }
    public var limit: Int? { nil }
    /// The most a paste puts in the field: its limit, else 1,000 characters.
    public var pasteLimit: Int { limit ?? 1_000 }
}

/// What was typed into a form, field by field, and what is wrong with it:
/// the part every form shares (the lead, note and appointment forms add
/// their own rules and requests in their `FormModel`).
///
/// Errors show as you type for fields the user has edited or left, and for
/// every field once a save was tried; the server's messages after a save
/// sit under the fields they name until that field is edited.
public struct FormState<Field: FormField>: Equatable, Sendable {
    public var inputs: [Field: TextInput]
    /// Values when the form opened, to tell whether anything changed.
    public var original: [Field: String]
    public var focus: Field
    /// Fields the user has edited or left: their errors show.
    public var touched: Set<Field> = []
    public var hasTriedSaving = false
    /// The service's messages from the last save, by field.
    public var serverErrors: [Field: [String]] = [:]
    /// Where a prefilled value came from ("prefilled: last used for this lead").
    public var notes: [Field: String] = [:]
    /// A message for the whole form: "Saving…", a refusal, a network error.
    public var message: TextWithKeys?
    public var isMessageError = false
    /// The last save was refused for the credentials: a new token sends it again.
    public var wasRefusedCredentials = false
    public var isSaving = false

    public init(values: [Field: String] = [:], focus: Field? = nil, notes: [Field: String] = [:]) {
        inputs = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, TextInput(values[$0] ?? "")) })
        original = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, values[$0] ?? "") })
        self.focus = focus ?? Field.allCases[0]
        self.notes = notes
    }

    public func value(_ field: Field) -> String { inputs[field]?.text ?? "" }

    /// Every field's text by its service name (drafts store this).
    public var values: [String: String] {
        Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0.rawValue, value($0)) })
    }

    public var hasChanges: Bool { Field.allCases.contains { value($0) != original[$0] } }

    /// Marks every field as changed: a form resumed from a draft holds nothing saved.
    public mutating func forgetOriginal() {
        original = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, "") })
    }

    /// Replaces a field's text (not typing: a value that arrived).
    public mutating func set(_ field: Field, _ text: String, asOriginal: Bool = false) {
        inputs[field] = TextInput(text)
        if asOriginal { original[field] = text }
    }

    /// An editing step on the focused field. Line breaks become spaces in a one-line field.
    public mutating func edit(_ edit: TextEdit) {
        inputs[focus, default: TextInput()].apply(edit, singleLine: !focus.isMultiline)
        markEdited(focus)
    }

    /// `field` changed by the user: its errors show, the service's message on it and its note go.
    public mutating func markEdited(_ field: Field) {
        touched.insert(field)
        serverErrors[field] = nil
        notes[field] = nil
    }

    /// A paste into `field`, cut to its `pasteLimit`: (characters pasted, characters kept).
    public mutating func paste(_ text: String, into field: Field) -> (pasted: Int, kept: Int) {
        let result = inputs[field, default: TextInput()].paste(text, singleLine: !field.isMultiline, limit: field.pasteLimit)
        markEdited(field)
        return result
    }

    /// The next or previous field, round the end; the one left counts as touched.
    public mutating func moveFocus(by delta: Int) {
        touched.insert(focus)
        let all = Field.allCases
        let index = all.firstIndex(of: focus) ?? 0
        focus = all[((index + delta) % all.count + all.count) % all.count]
    }

    public var isOnLastField: Bool { focus == Field.allCases.last }

    /// What shows under each field now: the service's message, else the
    /// client's once the field was touched (or a save tried). `whileFocused`
    /// false holds a field's own message back while the user is still in it.
    public func visibleErrors(_ client: [Field: TextWithKeys], whileFocused: (Field) -> Bool = { _ in true }) -> [Field: TextWithKeys] {
        var shown: [Field: TextWithKeys] = [:]
        for field in Field.allCases {
            if let server = serverErrors[field], !server.isEmpty {
                shown[field] = TextWithKeys(stringLiteral: server.joined(separator: " "))
            } else if let message = client[field],
                      hasTriedSaving || (touched.contains(field) && (field != focus || whileFocused(field))) {
                shown[field] = message
            }
        }
        return shown
    }

    /// The service's messages by field (`fieldFor` maps its field names);
    /// those naming no field of the form go to the form's message.
    public mutating func showServerErrors(_ errors: FieldErrors, fieldFor: (String) -> Field?) {
        serverErrors = [:]
        var other: [String] = []
        for entry in errors.entries {
            if let field = fieldFor(entry.field) {
                serverErrors[field, default: []] += entry.messages
            } else if ["non_field_errors", "slug", "detail"].contains(entry.field) {
                other.append(entry.messages.joined(separator: " "))
            } else {
                other.append("\(entry.field): \(entry.messages.joined(separator: " "))")
            }
        }
        if let first = Field.allCases.first(where: { serverErrors[$0] != nil }) { focus = first }
        message = other.isEmpty ? "Not saved: fix the fields marked ✗." : "Not saved: \(other.joined(separator: " "))"
        isMessageError = true
    }
}
