import Foundation
import LeadsAPI
import TextEditing

/// Booking or changing an appointment: the lead (picked from the loaded
/// leads as you type), the start as people write it, the length in minutes,
/// the note. The resolved start shows next to the field as you type.
public struct AppointmentForm: Equatable, Sendable {
    public enum Mode: Equatable, Sendable {
        case create
        case edit(id: Int)
    }

    public enum Field: String, CaseIterable, Sendable {
        case lead, start, duration, note

        public var label: String {
            switch self {
            case .lead: return "Lead"
            case .start: return "Start"
            case .duration: return "Minutes"
            case .note: return "Note"
            }
        }

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
        public init(slug: String, name: String) { self.slug = slug; self.name = name }
    }

    public var mode: Mode
    public var inputs: [Field: TextInput]
    public var original: [Field: String]
    public var focus: Field
    /// The lead chosen; the lead field's text searches until one is.
    public var lead: LeadChoice?
    /// Leads matching the lead field's text (from the loaded list), and the highlighted one.
    public var matches: [LeadChoice] = []
    public var matchSelected = 0
    public var touched: Set<Field> = []
    public var hasTriedSaving = false
    public var serverErrors: [Field: [String]] = [:]
    public var message: String?
    public var isMessageError = false
    public var isSaving = false

    public init(mode: Mode, lead: LeadChoice?, start: DayTime?, minutes: Int = 30, note: String = "") {
        self.mode = mode
        self.lead = lead
        let values: [Field: String] = [.lead: lead?.name ?? "", .start: start?.description ?? "", .duration: String(minutes), .note: note]
        inputs = Dictionary(uniqueKeysWithValues: Field.allCases.map { ($0, TextInput(values[$0] ?? "")) })
        original = values
        focus = lead == nil ? .lead : .start
    }

    public var title: String { mode == .create ? "New appointment" : "Change appointment" }
    public func value(_ field: Field) -> String { inputs[field]?.text ?? "" }
    public var hasChanges: Bool { Field.allCases.contains { value($0) != original[$0] } }

    public func start(today: Day) -> Result<DayTime, DateInputError> { DateInput.parse(value(.start), today: today) }

    public var minutes: Int? {
        guard let minutes = Int(value(.duration).trimmingCharacters(in: .whitespaces)), (5...720).contains(minutes) else { return nil }
        return minutes
    }

    /// The client's checks, by field: a lead, a start that parses and is not past, 5–720 minutes, a note of 200 at most.
    public func clientErrors(now: Date, zone: TimeZone) -> [Field: String] {
        var errors: [Field: String] = [:]
        if lead == nil { errors[.lead] = value(.lead).isEmpty ? "Pick a lead." : "No lead picked: choose one of the matches (↑↓, enter)." }
        switch start(today: Day(now, in: zone)) {
        case .failure(let error): errors[.start] = error.message
        case .success(let start):
            if mode == .create || value(.start) != original[.start], start.date(in: zone) < now {
                errors[.start] = "\(start.friendly) is in the past."
            }
        }
        if minutes == nil { errors[.duration] = "Minutes must be a whole number from 5 to 720." }
        let length = value(.note).unicodeScalars.count
        if length > Rules.appointmentNoteLimit { errors[.note] = "Ensure this field has no more than 200 characters (\(length)/200)." }
        return errors
    }

    public func visibleErrors(now: Date, zone: TimeZone) -> [Field: String] {
        let client = clientErrors(now: now, zone: zone)
        var shown: [Field: String] = [:]
        for field in Field.allCases {
            if let server = serverErrors[field], !server.isEmpty { shown[field] = server.joined(separator: " ") }
            // The lead's "pick one" waits until the user leaves the field (the matches show meanwhile).
            else if hasTriedSaving || (touched.contains(field) && !(field == .lead && focus == .lead)), let message = client[field] {
                shown[field] = message
            }
        }
        return shown
    }

    /// Server messages by field (`appointment_date` → start, `appointment_to` → minutes, …); others to the form message.
    mutating func showServerErrors(_ errors: FieldErrors) {
        serverErrors = [:]
        var other: [String] = []
        let fields: [String: Field] = ["slug": .lead, "appointment_date": .start, "appointment_to": .duration, "appointment_note": .note]
        for entry in errors.entries {
            if let field = fields[entry.field] { serverErrors[field, default: []] += entry.messages } else { other += entry.messages }
        }
        if let first = Field.allCases.first(where: { serverErrors[$0] != nil }) { focus = first }
        message = other.isEmpty ? "Not saved: fix the fields marked ✗." : "Not saved: " + other.joined(separator: " ")
        isMessageError = true
    }
}
