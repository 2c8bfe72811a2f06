import Foundation
import LeadsAPI
import TextEditing

/// Everything that happens to the app, named for what happened: keys (as
/// commands or text edits), pastes, ticks of the clock, a new terminal size,
/// the service's answers. The loop sends each through one `send`.
public enum Action: Equatable, Sendable {
    /// The app started; `drafts` were found on disk from an earlier hang-up.
    case started(drafts: [Draft])
    /// What the last session saw, read from the local cache: shown until the service's answers replace it.
    case cached(CachedScreens)
    case commandInvoked(Command)
    case textEdited(TextEdit)
    /// Text pasted into the terminal (bracketed paste): text for the focused field, never keys.
    case pasted(String)
    /// Time passed (about ten times a second while no key comes).
    case ticked(Date)
    /// The terminal has a new size; sent before the frame that uses it.
    case resized(Viewport)
    /// A mouse click on a row of a pane (the row's index in that pane's list).
    case rowClicked(Pane, Int)
    case wheelScrolled(Pane, Int)
    /// The first key of a two-key sequence was typed: what may follow (nil when it ended).
    case keySequencePending(String?)
    /// The reader's text scrolled to show line `offset` (0-based) on top; the
    /// UI clamps it, knowing the wrapped text (as it does for a note's lines).
    case readerScrolled(Int)
    /// The service stopped answering at `offlineSince` (refused, timed out, no such host, TLS),
    /// or answers again (nil). What the cache kept is shown meanwhile.
    case connectivity(offlineSince: Date?)
    /// The outbox as stored at the last quit (what the service has not taken yet).
    case outboxRestored([OutboxEntry])
    /// The new token was stored for the profile (nil), or why it was not.
    case tokenStored(String?)
    /// The editor `.editText` opened has ended: the text it saved, else why nothing was taken.
    case editorFinished(Result<String, EditorProblem>)
    /// `save-view` wrote the view to settings.toml (nil), or why not.
    case viewSaved(SavedView, problem: String?)
    /// An export's file was written (its absolute path; `what` it holds: "3 leads"), or why not.
    case exportWritten(Result<String, ExportProblem>, what: String)
    /// The service answered (or failed) the request `RequestID`.
    case responded(RequestID, Response)
    /// SIGHUP, SIGTERM or SIGINT: the terminal is going away.
    case hungUp
}

/// An answer from the service, as the request it answers asked for it.
public enum Response: Equatable, Sendable {
    case leadsPage(offset: Int, Result<Page<LeadSummary>, APIError>)
    case overview(Result<Overview, APIError>)
    /// Appointments of the days `from`...`to` (one day for today's list).
    case appointments(from: Day, to: Day, Result<[Appointment], APIError>)
    /// The overview's appointment counts by filter (`today`, `week`, `month`).
    case appointmentCounts(Result<[String: Int], APIError>)
    case lead(slug: String, Result<LeadDetail, APIError>)
    /// A create, update or delete finished (or a new token was checked).
    case change(Result<Done, APIError>)
    /// Whether a write whose answer was lost is there (`Request.lookFor`).
    case found(Result<Bool, APIError>)
}

extension Response {
    /// The error when the request failed, else nil.
    public var failure: APIError? {
        func error<Value>(_ result: Result<Value, APIError>) -> APIError? {
            if case .failure(let error) = result { return error }
            return nil
        }
        switch self {
        case .leadsPage(_, let result): return error(result)
        case .overview(let result): return error(result)
        case .appointments(_, _, let result): return error(result)
        case .appointmentCounts(let result): return error(result)
        case .lead(_, let result): return error(result)
        case .change(let result): return error(result)
        case .found(let result): return error(result)
        }
    }
}

/// Screens kept from an earlier session (the local cache), for the first frame.
public struct CachedScreens: Equatable, Sendable {
    /// The first page of the owned list.
    public var leads: Page<LeadSummary>
    /// The detail of its first lead, when kept.
    public var detail: LeadDetail?
    public var overview: Overview?
    /// Today's appointments (the title bar's count, the reminders), when kept today.
    public var today: [Appointment]?
    /// When the list was saved.
    public var savedAt: Date

    public init(leads: Page<LeadSummary>, detail: LeadDetail? = nil, overview: Overview? = nil, today: [Appointment]? = nil, savedAt: Date) {
        self.leads = leads; self.detail = detail; self.overview = overview; self.today = today; self.savedAt = savedAt
    }
}

/// The result of a request that returns nothing.
public struct Done: Equatable, Sendable { public init() {} }

/// What a reduction asks the outside world to do. The effect runner carries
/// out every one of them.
public enum Effect: Equatable, Sendable {
    case request(RequestID, Request)
    case cancel(RequestID)
    /// Write a draft (mode 0600) before the terminal is given back.
    case saveDraft(Draft)
    case discardDraft(id: String)
    /// One terminal bell (a reminder).
    case bell
    /// Puts text on the user's clipboard through the terminal (OSC 52: over SSH and tmux too).
    case copy(String)
    /// Opens the user's editor on the text (the terminal given to it meanwhile); answered by `.editorFinished`.
    case editText(String)
    /// Store what waits to be sent (the cache database's outbox), replacing what was stored.
    case saveOutbox([OutboxEntry])
    /// Store the token for the profile in use (`credentials.toml`); answered by `.tokenStored`.
    case storeToken(String)
    /// Write a saved view into settings.toml, keeping its other lines; answered by `.viewSaved`.
    case saveView(SavedView)
    /// Write an export to a new file (`ExportFile.writeNew`), serialised and written off the
    /// UI's thread; answered by `.exportWritten`.
    case writeExport(path: String, rows: ExportRows)
    /// Give the terminal back and stop (Ctrl-Z); the screen is repainted on `fg`.
    case suspend
    /// Repaint the whole screen (Ctrl-L).
    case redraw
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
    /// The lead's status changed, the rest of it as the service has it (update lead takes the
    /// whole lead): its detail read, then sent back with `status`. Location and assignee the
    /// detail lacks come from `extras` (what was last sent for it), else the change is refused.
    case setLeadStatus(slug: String, status: String, extras: LeadExtras?)
    case createNote(slug: String, text: String)
    case deleteNote(id: Int)
    /// Send this token from now on, and check it with one cheap request (a page of one lead).
    case useToken(String)
    /// Whether a write whose answer was lost reached the service: the note's text on its lead,
    /// an appointment of that lead at that start, a lead with that email (`Response.found`).
    case lookFor(OutboxEntry.Write)
}

/// Why the text of an external editor was not taken (the text stays as it was).
public struct EditorProblem: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
