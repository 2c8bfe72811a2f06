/// The service's messages, word for word as the document gives them, typos
/// included ("This field is may not be blank.", "does not esixt"): the client
/// shows the same text whether it caught the problem itself or the server did,
/// and the sandbox answers with exactly these.
public enum Messages {
    public static let required = "This field is required."
    public static let blank = "This field may not be blank."
    /// The appointment endpoints' variant of `blank`.
    public static let blankAppointment = "This field is may not be blank."
    public static let slugRequiredOrBlank = "This field is required and this may not be blank."
    public static func maxLength(_ limit: Int) -> String { "Ensure this field has no more than \(limit) characters." }
    public static func notAChoice(_ value: String) -> String { "\"\(value)\" is not a valid choice." }
    public static let invalidEmail = "Invalid email."
    public static let invalidPhone = "Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."
    public static let invalidDate = "Invalid date format."
    public static let invalidAppointmentStatus = "Invalid appointment status."
    public static let invalidAppointmentID = "Invalid appointment id."
    public static let appointmentNotFound = "Requested appointment not found."
    public static let invalidNoteID = "Invalid note id."
    public static let noteNotFound = "Requested note not found."
    public static let invalidSlug = "Requested slug is invalid."
    public static let leadNotFound = "Requested lead not found."
    public static let leadAlreadyDeleted = "Requested lead already has a deleted status."
    public static let cannotTakeAppointment = "You can't take appointment under this lead."
    public static let assigneeNotFound = "Assignee not found."
    public static let invalidOverviewFilter = "Invalid appointment filter value."

    // 401 "Request Failed"
    public static let bodyNotFound = "Body data not found."
    public static let scheduleExists = "Appointment schedule exists for this time."
    public static let endBeforeStart = "End Date Can't be prior to Start Date."
    public static let dateInPast = "Please Specify a date in the future."
    public static let cannotUpdateAppointment = "You can't update this appointment."
    public static let cannotDeleteAppointment = "You can't delete this appointment."
    public static let leadDoesNotExist = "Requested lead does not esixt."
    public static let notOwner = "You are not owner of this lead."
    public static let cannotDeleteLead = "You can't delete this lead."
    public static let cannotAddNote = "You can't add note on this lead."
    public static let cannotDeleteNote = "You can't delete this note."

    // Not in the document; the sandbox's own words for its list filters.
    public static let invalidDateSetting = "Invalid date setting. Possible values are on, before and after."
    public static let onDateRequired = "This field is required when datesetting is given."
    public static let invalidFilterDate = "Invalid date format. Use MM/DD/YYYY."
}
