import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The one form reducer (shown on the lead form): typing, fields, the save path and the saved path.
@Suite struct FormFeatureTests {
    typealias Outputs = [Output<FormDelegate>]
    let context = Fixtures.context()
    /// What `filled()` saves.
    let sent = LeadDraft(firstName: "Bo", lastName: "Tester", email: "bo@example.com", phone: "+15551234567",
                         location: "Lisbon", message: "Pricing", assignee: "demo")

    func type(_ text: String, into form: inout LeadForm) {
        for character in text { #expect(FormFeature.reduce(&form, .edited(.insert(String(character))), context) == []) }
    }

    func filled() -> LeadForm {
        var form = LeadForm.new(settings: Fixtures.settings())
        for (index, value) in ["Bo", "Tester", "bo@example.com", "+15551234567", "", "", "Lisbon", "Pricing"].enumerated() {
            if index > 0 { #expect(FormFeature.reduce(&form, .command(.nextField), context) == []) }
            type(value, into: &form)
        }
        return form
    }

    @Test func errorsShowForFieldsTouchedAndSavingNamesEveryWrongField() {
        var form = LeadForm.new(settings: Fixtures.settings())
        #expect(form.visibleErrors(context) == [:])   // nothing shown before the user types
        for _ in 0..<3 { #expect(FormFeature.reduce(&form, .command(.nextField), context) == []) }   // on phone; first, last, email touched
        type("12ab", into: &form)
        let errors = form.visibleErrors(context)
        #expect(errors[.phone] == "\(Messages.invalidPhone)")
        #expect(errors[.firstName] == "\(Messages.blank)")
        #expect(errors[.location] == nil)   // not reached yet
        #expect(FormFeature.reduce(&form, .command(.save), context) == [])
        #expect(form.form.focus == .firstName && form.form.hasTriedSaving && form.form.isMessageError)
        #expect(form.form.message == "Not saved: fix First name, Last name, Email, Phone, Location, Message.")
        #expect(form.visibleErrors(context)[.location] == "\(Messages.blank)")
    }

    @Test func enterMovesOnAndSavesOnTheLastField() {
        var form = filled()
        #expect(form.form.focus == .message)
        #expect(FormFeature.reduce(&form, .command(.submit), context) == [])
        #expect(form.form.focus == .assignee)
        #expect(FormFeature.reduce(&form, .command(.submit), context) == [.request(.saveLead, .createLead(sent))])
        #expect(form.form.isSaving && form.form.message == "Saving…")
        // While it saves, typing and saving again do nothing.
        #expect(FormFeature.reduce(&form, .edited(.insert("x")), context) == [])
        #expect(FormFeature.reduce(&form, .command(.save), context) == [])
        #expect(form.draft == sent)
    }

    @Test func theServicesMessagesLandUnderTheirFieldsAndNothingTypedIsLost() {
        var form = filled()
        #expect(FormFeature.reduce(&form, .command(.save), context) == [.request(.saveLead, .createLead(sent))])
        let rejected = APIError.validation(FieldErrors([("email", ["Lead with this email already exists."]), ("non_field_errors", ["Try later."])]))
        #expect(FormFeature.reduce(&form, .saved(.failure(rejected)), context) == [])
        #expect(form.visibleErrors(context)[.email] == "Lead with this email already exists.")
        #expect(form.form.focus == .email && form.form.message == "Not saved: Try later." && !form.form.isSaving)
        // Editing the field takes its message away.
        #expect(FormFeature.reduce(&form, .edited(.end), context) == [])
        #expect(form.visibleErrors(context)[.email] == nil)
        // The network goes away: the form stays, with the reason and the key that retries.
        #expect(FormFeature.reduce(&form, .command(.save), context) == [.request(.saveLead, .createLead(sent))])
        #expect(FormFeature.reduce(&form, .saved(.failure(.transport(.init(.timedOut)))), context) == [])
        #expect(form.form.message == "Not saved: The request timed out. Your input is kept; \(key: .save) to retry.")
        #expect(form.draft.email == "bo@example.com")
        #expect(FormFeature.reduce(&form, .command(.save), context) == [.request(.saveLead, .createLead(sent))])
        #expect(FormFeature.reduce(&form, .saved(.success(Done())), context) == [.delegate(.saved)])
    }

    @Test func escAsksTheAppToCloseAndAPasteIsText() {
        var form = LeadForm.new(settings: Fixtures.settings())
        #expect(FormFeature.reduce(&form, .command(.cancel), context) == [.delegate(.closeRequested)])
        #expect(FormFeature.reduce(&form, .command(.back), context) == [.delegate(.closeRequested)])
        #expect(FormFeature.reduce(&form, .pasted("Zoë"), context) == [])
        #expect(form.form.value(.firstName) == "Zoë")
        // A new line in a one-line field is a space; tabs too.
        #expect(FormFeature.reduce(&form, .pasted("\nÅngström\tJr"), context) == [])
        #expect(form.form.value(.firstName) == "Zoë Ångström Jr")
        #expect(FormFeature.reduce(&form, .command(.newLine), context) == [])
        #expect(form.form.value(.firstName) == "Zoë Ångström Jr")
    }
}
