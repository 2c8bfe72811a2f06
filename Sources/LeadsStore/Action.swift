import TextEditing
import Foundation
import LeadsAPI

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
    case todayCountLoaded(RequestID, Result<Int, APIError>)
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
    case quit
}

/// A call to the service.
public enum Request: Equatable, Sendable {
    case leads(LeadQuery)
    case overview
    /// Today's appointments (`datesetting=on&ondate=MM/DD/YYYY`): only the count is used.
    case todayCount(onDate: String)
    case lead(slug: String)
    case createLead(LeadDraft)
    case updateLead(slug: String, LeadDraft)
    case deleteLead(slug: String)
    case createNote(slug: String, text: String)
    case deleteNote(id: Int)
}
