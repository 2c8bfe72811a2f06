import Foundation
import LeadsAPI
import TextEditing

/// One kind of form: its fields, its rules, and the request that saves it.
/// The lead, note and appointment forms are each one of these; `FormFeature`
/// is the one reducer for all three (typing, moving between fields, one save
/// path, one saved path).
public protocol FormModel: Equatable, Sendable {
    associatedtype Field: FormField
    var form: FormState<Field> { get set }
    var title: String { get }
    /// The purpose of the request that saves the form.
    static var purpose: Purpose { get }
    /// The client's checks by field (the shared `Rules`), as they read under the field.
    func clientErrors(_ context: Context) -> [Field: TextWithKeys]
    /// The request that saves what was typed; asked only when there are no client errors.
    func saveRequest(_ context: Context) -> Request?
    /// The form's field for a field name in the service's answer.
    static func field(forServerName name: String) -> Field?
    /// The field a business rule of the service is about ("Appointment schedule exists
    /// for this time." is about the start), nil for the whole form.
    static func field(forRule message: String) -> Field?
    /// Whether a field's error shows while the user is still in it.
    func showsErrorWhileFocused(_ field: Field) -> Bool
    /// After an edit of the focused field (the appointment form searches leads).
    mutating func didEdit() -> [FormDelegate]
    /// Before focus leaves the field by Tab or Enter (the appointment form takes the highlighted lead).
    mutating func willLeaveField()
    /// A command the form handles itself; false for one it does not know.
    mutating func handle(_ command: Command) -> Bool
    /// Something typed that is not saved.
    var hasUnsavedInput: Bool { get }
}

extension FormModel {
    public static func field(forServerName name: String) -> Field? { Field(rawValue: name) }
    public static func field(forRule message: String) -> Field? { nil }
    public func showsErrorWhileFocused(_ field: Field) -> Bool { true }
    public mutating func didEdit() -> [FormDelegate] { [] }
    public mutating func willLeaveField() {}
    public mutating func handle(_ command: Command) -> Bool { false }
    public var hasUnsavedInput: Bool { form.hasChanges }

    /// What shows under each field now.
    public func visibleErrors(_ context: Context) -> [Field: TextWithKeys] {
        form.visibleErrors(clientErrors(context), whileFocused: showsErrorWhileFocused)
    }
}

/// What a form asks of the app.
public enum FormDelegate: Equatable, Sendable {
    /// Saved: close the form and say so.
    case saved
    /// Esc: close the form, asking first when something typed would be lost.
    case closeRequested
    /// The appointment form's lead field changed: search the loaded leads for it.
    case searchLeads(String)
}

public enum FormAction: Equatable, Sendable {
    case edited(TextEdit)
    case pasted(String)
    case command(Command)
    case saved(Result<Done, APIError>)
}

/// The one reducer of every form.
public enum FormFeature {
    public static func reduce<Model: FormModel>(_ model: inout Model, _ action: FormAction, _ context: Context) -> [Output<FormDelegate>] {
        switch action {
        case .edited(let edit):
            guard !model.form.isSaving else { return [] }
            model.form.edit(edit)
            return model.didEdit().map { .delegate($0) }
        case .pasted(let text):
            // Text for the focused field, never keys: no submit, no focus move, cut to the field's limit.
            guard !model.form.isSaving else { return [] }
            let field = model.form.focus
            let (pasted, kept) = model.form.paste(text, into: field)
            if kept < pasted {
                model.form.message = "Pasted \(kept) of \(pasted) characters: \(field.label) holds \(field.pasteLimit)."
                model.form.isMessageError = true
            }
            return model.didEdit().map { .delegate($0) }
        case .command(let command):
            return self.command(&model, command, context)
        case .saved(let result):
            return saved(&model, result)
        }
    }

    static func command<Model: FormModel>(_ model: inout Model, _ command: Command, _ context: Context) -> [Output<FormDelegate>] {
        switch command {
        case .nextField, .previousField:
            model.willLeaveField()
            model.form.moveFocus(by: command == .nextField ? 1 : -1)
        case .submit:
            // Enter: the next field, or save on the last one.
            model.willLeaveField()
            if model.form.isOnLastField { return save(&model, context) }
            model.form.moveFocus(by: 1)
        case .newLine where model.form.focus.isMultiline:
            return reduce(&model, .edited(.insert("\n")), context)
        case .save:
            return save(&model, context)
        case .cancel, .back:
            return [.delegate(.closeRequested)]
        default:
            _ = model.handle(command)
        }
        return []
    }

    /// Checks what was typed; sends it when nothing is wrong, else says which fields to fix.
    static func save<Model: FormModel>(_ model: inout Model, _ context: Context) -> [Output<FormDelegate>] {
        guard !model.form.isSaving else { return [] }
        model.form.hasTriedSaving = true
        model.form.serverErrors = [:]
        let errors = model.clientErrors(context)
        let wrong = Model.Field.allCases.filter { errors[$0] != nil }
        if let first = wrong.first {
            model.form.focus = first
            model.form.message = "Not saved: fix \(wrong.map(\.label).joined(separator: ", "))."
            model.form.isMessageError = true
            return []
        }
        guard let request = model.saveRequest(context) else { return [] }
        model.form.isSaving = true
        model.form.message = "Saving…"
        model.form.isMessageError = false
        return [.request(Model.purpose, request)]
    }

    /// The service answered a save: done, or the form stays open with everything typed and the reason.
    static func saved<Model: FormModel>(_ model: inout Model, _ result: Result<Done, APIError>) -> [Output<FormDelegate>] {
        model.form.isSaving = false
        if case .failure(.authentication) = result { model.form.wasRefusedCredentials = true } else { model.form.wasRefusedCredentials = false }
        switch result {
        case .success:
            return [.delegate(.saved)]
        case .failure(.validation(let fields)), .failure(.invalidInput(let fields)):
            model.form.showServerErrors(fields, fieldFor: Model.field(forServerName:))
        case .failure(.requestFailed(let reasons)):
            // A rule of the service said no ("Appointment schedule exists for this time."): trying again will not help.
            model.form.message = "Not saved: \(APIError.requestFailed(reasons).message)"
            model.form.isMessageError = true
            for reason in reasons {
                guard let field = Model.field(forRule: reason) else { continue }
                model.form.serverErrors[field, default: []].append(reason)
                model.form.focus = field
            }
        case .failure(let error):
            model.form.message = "Not saved: \(error.message) Your input is kept; \(key: .save) to retry."
            model.form.isMessageError = true
        }
        return []
    }
}
