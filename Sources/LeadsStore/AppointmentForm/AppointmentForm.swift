import Foundation
import LeadsAPI
import TextEditing

/// Booking or changing an appointment: the lead (picked from the loaded
/// leads as you type), the start as people write it, the length in minutes,
/// the note. The resolved start shows next to the field as you type.
public struct AppointmentForm: FormModel {
    public enum Mode: Equatable, Sendable {
        case create
        case edit(id: Int)
    }

    public enum Field: String, FormField {
        case lead, start, duration, note

        public var label: String {
            switch self {
            case .lead: return "Lead"
            case .start: return "Start"
            case .duration: return "Minutes"
            case .note: return "Note"
            }
        }

        public var limit: Int? { self == .note ? Rules.appointmentNoteLimit : nil }

        public var placeholder: String {
            switch self {
            case .lead: return "type a name to search the loaded leads"
            case .start: return "tomorrow 9:30 · mon 14:00 · +2d 15:00 · 2026-12-01 10:00"
            case .duration: return "30"
            case .note: return "what the meeting is for (200 characters)"
            }
        }
    }

    public struct LeadChoice: Equatable, Sendable {
        public var slug: String
        public var name: String
        /// Shown beside the name in the drop-down (two leads may share a name).
        public var email: String
        public init(slug: String, name: String, email: String = "") { self.slug = slug; self.name = name; self.email = email }

        /// Leads are the same lead by slug (a choice restored from a draft has no email).
        public static func == (a: LeadChoice, b: LeadChoice) -> Bool { a.slug == b.slug && a.name == b.name }
    }

    public var mode: Mode
    /// The lead chosen; the lead field's text searches until one is.
    public var lead: LeadChoice?
    /// Leads matching the lead field's text (from the loaded list), and the highlighted one.
    public var matches: [LeadChoice] = []
    public var matchSelected = 0
    public var form: FormState<Field>

    public init(mode: Mode, lead: LeadChoice?, start: DayTime?, minutes: Int = 30, note: String = "") {
        self.mode = mode
        self.lead = lead
        form = FormState(values: [.lead: lead?.name ?? "", .start: start?.description ?? "", .duration: String(minutes), .note: note],
                         focus: lead == nil ? .lead : .start)
    }

    public static let purpose = Purpose.saveAppointment

    /// The service's schedule rules are about the time.
    public static func field(forRule message: String) -> Field? {
        let lowered = message.lowercased()
        return lowered.contains("schedule") || lowered.contains("time") ? .start : nil
    }
    public var title: String { mode == .create ? "New appointment" : "Change appointment" }

    /// The lead field is focused and shows matches: ↑↓ move through them.
    public var isPicking: Bool { form.focus == .lead && lead == nil && !matches.isEmpty }

    /// The start typed, read against the moment in `context` (`mon 10:30` on a Monday afternoon is next Monday).
    public func start(_ context: Context) -> Result<DayTime, DateInputError> {
        DateInput.parse(form.value(.start), today: context.today, now: DayTime(context.now, in: context.zone))
    }

    /// How long an appointment may be, in minutes.
    public static let minutesRange = 5...720

    public var minutes: Int? {
        try? WholeNumber.parse(form.value(.duration), in: Self.minutesRange).get()
    }

    /// A lead, a start that parses and is not past (when new or changed), 5–720 minutes, a note of 200 at most.
    public func clientErrors(_ context: Context) -> [Field: TextWithKeys] {
        var errors: [Field: TextWithKeys] = [:]
        if lead == nil {
            errors[.lead] = form.value(.lead).isEmpty ? "Pick a lead."
                : matches.isEmpty ? "No lead matches “\(form.value(.lead))”: type part of a first or last name."
                : "No lead picked: choose one of the matches (\(key: .up) \(key: .down), \(key: .submit))."
        }
        switch start(context) {
        case .failure(let error): errors[.start] = "\(error.message)"
        case .success(let start):
            if mode == .create || form.value(.start) != form.original[.start], start.date(in: context.zone) < context.now {
                errors[.start] = "\(start.friendly(today: context.today)) is in the past."
            }
        }
        if minutes == nil { errors[.duration] = "Minutes must be a whole number from 5 to 720." }
        let length = form.value(.note).unicodeScalars.count
        if length > Rules.appointmentNoteLimit { errors[.note] = "Ensure this field has no more than 200 characters (\(length)/200)." }
        return errors
    }

    public func saveRequest(_ context: Context) -> Request? {
        guard let lead, case .success(let start) = start(context), let minutes else { return nil }
        let end = start.adding(minutes: minutes)
        let note = form.value(.note)
        switch mode {
        case .create:
            return .createAppointment(AppointmentDraft(slug: lead.slug, from: start.description, to: end.description,
                                                       note: note.isEmpty ? nil : note))
        case .edit(let id):
            return .updateAppointment(AppointmentChanges(id: id, slug: lead.slug, from: start.description, to: end.description, note: note))
        }
    }

    /// `appointment_date` → start, `appointment_to` → minutes, `slug` → lead, `appointment_note` → note.
    public static func field(forServerName name: String) -> Field? {
        ["slug": .lead, "appointment_date": .start, "appointment_to": .duration, "appointment_note": .note][name]
    }

    /// "Pick a lead" waits until the user leaves the field: the matches show meanwhile.
    public func showsErrorWhileFocused(_ field: Field) -> Bool { field != .lead }

    public mutating func didEdit() -> [FormDelegate] {
        guard form.focus == .lead else { return [] }
        lead = nil
        return [.searchLeads(form.value(.lead))]
    }

    /// Leaving the lead field takes the highlighted match.
    public mutating func willLeaveField() {
        guard form.focus == .lead, lead == nil, matches.indices.contains(matchSelected) else { return }
        let choice = matches[matchSelected]
        lead = choice
        form.set(.lead, choice.name)
        matches = []
    }

    /// ↑↓ through the matches.
    public mutating func handle(_ command: Command) -> Bool {
        guard isPicking, command == .up || command == .down else { return false }
        matchSelected = (matchSelected + (command == .down ? 1 : matches.count - 1)) % matches.count
        return true
    }

    /// The loaded leads matching what was typed (the app searches them).
    public mutating func show(matches found: [LeadChoice]) {
        matches = found
        matchSelected = 0
    }

    /// The same text's matches again (more pages came): the marked lead stays marked.
    public mutating func refresh(matches found: [LeadChoice]) {
        let marked = matches.indices.contains(matchSelected) ? matches[matchSelected].slug : nil
        matches = found
        matchSelected = marked.flatMap { slug in found.firstIndex { $0.slug == slug } } ?? 0
    }

    /// `Booked Ana Souza Tue 24 Nov 14:00.`
    public func savedMessage(_ context: Context) -> TextWithKeys {
        let start = (try? start(context).get())?.friendly(today: context.today) ?? ""
        return "\(mode == .create ? "Booked" : "Changed") \(form.value(.lead)) \(start)."
    }

    // MARK: Drafts

    public func draft(id: String, at date: Date) -> Draft? {
        guard form.hasChanges else { return nil }
        var editing: Int?
        if case .edit(let id) = mode { editing = id }
        return Draft(id: id, savedAt: date, content: .appointment(id: editing, leadSlug: lead?.slug, values: form.values))
    }

    public static func resumed(id: Int?, leadSlug: String?, values stored: [String: String]) -> AppointmentForm {
        let lead = leadSlug.map { LeadChoice(slug: $0, name: stored["lead"] ?? $0) }
        var form = AppointmentForm(mode: id.map { .edit(id: $0) } ?? .create, lead: lead, start: nil)
        for field in Field.allCases { form.form.set(field, stored[field.rawValue] ?? "") }
        form.form.forgetOriginal()
        return form
    }
}
