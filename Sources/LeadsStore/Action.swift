import Foundation
import LeadsAPI
import TextEditing

/// Everything that happens to the app: keys (as commands or text edits),
/// responses, ticks, resizes. Named for what happened.
public enum Action: Equatable, Sendable {
    /// The app started; `drafts` were found on disk from an earlier hang-up.
    case started(drafts: [Draft])
    case commandInvoked(Command)
    case textEdited(TextEdit)
    /// Time passed (about ten times a second while nothing else happens).
    case ticked(Date)
    case resized(width: Int, height: Int)
    /// A mouse click on a row of a pane (the row's index in that pane's list).
    case rowClicked(Pane, Int)
    case wheelScrolled(Pane, Int)
    case leadsPageLoaded(RequestID, offset: Int, Result<Page<LeadSummary>, APIError>)
    case overviewLoaded(RequestID, Result<Overview, APIError>)
    /// Today's appointments (title bar count, reminders).
    case todayAppointmentsLoaded(RequestID, Result<[Appointment], APIError>)
    /// Appointments of a range of days (the calendar's window, or upcoming).
    case appointmentsLoaded(RequestID, from: Day, to: Day, Result<[Appointment], APIError>)
    /// The overview's appointment counts by filter (`today`, `week`, `month`).
    case appointmentCountsLoaded(RequestID, Result<[String: Int], APIError>)
    case leadLoaded(RequestID, slug: String, Result<LeadDetail, APIError>)
    /// A create/update/delete finished.
    case changeFinished(RequestID, Result<Done, APIError>)
    /// SIGHUP or SIGTERM: the terminal is going away.
    case hungUp
}

/// The result of a request that returns nothing.
public struct Done: Equatable, Sendable { public init() {} }

/// What a reduction asks the outside world to do.
public enum Effect: Equatable, Sendable {
    case request(RequestID, Request)
    case cancel(RequestID)
    /// Write a draft (mode 0600) before the terminal is given back.
    case saveDraft(Draft)
    case discardDraft(id: String)
    /// One terminal bell (a reminder).
    case bell
    case quit
}

/// A call to the service.
public enum Request: Equatable, Sendable {
    case leads(LeadQuery)
    case overview
    /// One day's appointments (`datesetting=on&ondate=MM/DD/YYYY`, every page).
    case dayAppointments(Day)
    /// Appointments from one day to another (`after` the day before, paged until past the end).
    case appointments(from: Day, to: Day)
    /// The overview for `today`, `week` and `month`: how many appointments each lists.
    case appointmentCounts
    case createAppointment(AppointmentDraft)
    case updateAppointment(AppointmentChanges)
    case deleteAppointment(id: Int)
    case lead(slug: String)
    case createLead(LeadDraft)
    case updateLead(slug: String, LeadDraft)
    case deleteLead(slug: String)
    case createNote(slug: String, text: String)
    case deleteNote(id: Int)
}
