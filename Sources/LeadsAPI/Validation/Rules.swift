import TextEditing
import Foundation

/// The document's validation rules, on the form fields a request sends.
///
/// One rule set: the client runs it before sending (so a form can say which
/// field is wrong without a round trip) and the sandbox runs it on what it
/// receives, then adds the checks that need its database (slug exists,
/// assignee exists, ownership, overlaps). A field absent from the form is
/// "required"; present but only white space is "blank".
public enum Rules {
    public static let nameLimit = 255
    public static let slugLimit = 258          // the document says 258 for update's slug
    public static let appointmentNoteLimit = 200
    public static let leadNoteLimit = 499

    public typealias Form = [String: String]

    // MARK: Leads

    /// Create lead (`requireSlug == false`) and update lead (`true`).
    ///
    /// The request body marks location, message and assignee required (`*`),
    /// though the error table only lists their length and "may not be blank";
    /// we treat all three as required.
    public static func lead(_ form: Form, requireSlug: Bool) -> FieldErrors {
        var errors = FieldErrors()
        if requireSlug { requiredText(form, "slug", limit: slugLimit, blank: Messages.blank, into: &errors) }
        for field in ["first_name", "last_name"] {
            requiredText(form, field, limit: nameLimit, blank: Messages.blank, into: &errors)
        }
        if requiredText(form, "email", limit: nameLimit, blank: Messages.blank, into: &errors),
           let email = form["email"], !isValidEmail(email) {
            errors.add("email", Messages.invalidEmail)
        }
        if requiredText(form, "phone", limit: nil, blank: Messages.blank, into: &errors),
           let phone = form["phone"], !isValidPhone(phone) {
            errors.add("phone", Messages.invalidPhone)
        }
        requiredText(form, "location", limit: nameLimit, blank: Messages.blank, into: &errors)
        requiredText(form, "message", limit: nameLimit, blank: Messages.blank, into: &errors)
        requiredText(form, "assignee", limit: nil, blank: Messages.blank, into: &errors)
        choice(form, "status", LeadStatus.allCases.map(\.rawValue), into: &errors)
        choice(form, "source", LeadSource.allCases.map(\.rawValue), into: &errors)
        return errors
    }

    /// Delete lead; create note checks its slug the same way.
    public static func leadDelete(_ form: Form) -> FieldErrors {
        var errors = FieldErrors()
        requiredText(form, "slug", limit: nil, blank: Messages.blank, into: &errors)
        return errors
    }

    // MARK: Notes

    public static func noteCreate(_ form: Form) -> FieldErrors {
        var errors = leadDelete(form)
        requiredText(form, "note", limit: leadNoteLimit, blank: Messages.blank, into: &errors)
        return errors
    }

    public static func noteDelete(_ form: Form) -> FieldErrors {
        var errors = FieldErrors()
        if requiredText(form, "note_id", limit: nil, blank: Messages.blank, into: &errors),
           let id = form["note_id"], (try? WholeNumber.parse(id, in: 1...Int.max).get()) == nil {
            errors.add("note_id", Messages.invalidNoteID)
        }
        return errors
    }

    // MARK: Appointments

    public static func appointmentCreate(_ form: Form) -> FieldErrors {
        var errors = FieldErrors()
        requiredText(form, "slug", limit: nil, blank: Messages.blankAppointment, into: &errors)
        for field in ["appointment_date", "appointment_to"]
        where requiredText(form, field, limit: nil, blank: Messages.blankAppointment, into: &errors) {
            if appointmentTime(form[field] ?? "") == nil { errors.add(field, Messages.invalidDate) }
        }
        appointmentExtras(form, into: &errors)
        return errors
    }

    /// Update appointment: only the id is required; each other field, when sent, may not be blank.
    public static func appointmentUpdate(_ form: Form) -> FieldErrors {
        var errors = appointmentID(form)
        for field in ["slug", "appointment_date", "appointment_to"] {
            guard let value = form[field] else { continue }
            if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                errors.add(field, Messages.blankAppointment)
            } else if field != "slug", appointmentTime(value) == nil {
                errors.add(field, Messages.invalidDate)
            }
        }
        appointmentExtras(form, into: &errors)
        return errors
    }

    public static func appointmentID(_ form: Form) -> FieldErrors {
        var errors = FieldErrors()
        if requiredText(form, "appointment_id", limit: nil, blank: Messages.blankAppointment, into: &errors),
           let id = form["appointment_id"], (try? WholeNumber.parse(id, in: 1...Int.max).get()) == nil {
            errors.add("appointment_id", Messages.invalidAppointmentID)
        }
        return errors
    }

    /// The end may not come before the start (equal is allowed). The service
    /// answers this as a 401 "Request Failed", not per field; a form shows it
    /// under `appointment_to`.
    public static func appointmentOrder(from: String, to: String) -> String? {
        guard let start = appointmentTime(from), let end = appointmentTime(to) else { return nil }
        return end < start ? Messages.endBeforeStart : nil
    }

    /// An appointment time: `yyyy-mm-dd hh:mm`, with seconds, or the `hh-mm`
    /// the update table shows. A date alone is not enough.
    public static func appointmentTime(_ text: String) -> APIDate.Components? {
        guard let parts = APIDate.parse(text), parts.hasTime, parts.utcOffset == nil else { return nil }
        return parts
    }

    private static func appointmentExtras(_ form: Form, into errors: inout FieldErrors) {
        if let note = form["appointment_note"], note.unicodeScalars.count > appointmentNoteLimit {
            errors.add("appointment_note", Messages.maxLength(appointmentNoteLimit))
        }
        if let status = form["appointment_status"], AppointmentStatus(rawValue: status) == nil {
            errors.add("appointment_status", Messages.invalidAppointmentStatus)
        }
    }

    // MARK: Shapes

    /// An address with one `@`, a local part without spaces, and a domain of
    /// two or more dot-separated labels whose last is at least two letters.
    public static func isValidEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last,
              (1...64).contains(local.count),
              !local.contains(where: { $0.isWhitespace || $0.isNewline }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    /// `+` optional, then 9 to 15 digits: the document's format '999999999'
    /// (nine digits) and "Up to 15 digits allowed".
    public static func isValidPhone(_ phone: String) -> Bool {
        var digits = Substring(phone)
        if digits.first == "+" { digits = digits.dropFirst() }
        return (9...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: Helpers

    /// Adds "required"/"blank"/"too long"; returns whether the field has text worth checking further.
    @discardableResult
    private static func requiredText(_ form: Form, _ field: String, limit: Int?, blank: String, into errors: inout FieldErrors) -> Bool {
        guard let value = form[field] else {
            errors.add(field, Messages.required)
            return false
        }
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add(field, blank)
            return false
        }
        // Django counts code points, as `unicodeScalars` does.
        if let limit, value.unicodeScalars.count > limit {
            errors.add(field, Messages.maxLength(limit))
            return false
        }
        return true
    }

    private static func choice(_ form: Form, _ field: String, _ choices: [String], into errors: inout FieldErrors) {
        guard let value = form[field], !value.isEmpty, !choices.contains(value) else { return }
        errors.add(field, Messages.notAChoice(value))
    }
}
