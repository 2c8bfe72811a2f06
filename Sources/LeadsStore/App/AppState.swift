import Foundation
import LeadsAPI
import TextEditing

/// The whole state of the app: one value, changed only by `AppReducer`.
///
/// Each feature owns a part; the rest is the app's own: what is shown and
/// focused, the status message, the requests in flight.
///
/// The features: `list` (`LeadListFeature`), `detail` (`LeadDetailFeature`),
/// `calendar` (`CalendarFeature`), `reminders`, `dashboard`, `deletes`
/// (`UndoWindowFeature`), `filterBar`, and in `modals` the forms
/// (`FormFeature` with `LeadForm`, `NoteForm`, `AppointmentForm`), the
/// palette, confirmations and help.
public struct AppState: Equatable, Sendable {
    public var settings: Settings
    /// The time of the last tick (reducers never read the clock).
    public var now: Date
    /// The terminal's size and the sizes of its lists, as the UI lays them out.
    public var viewport: Viewport
    public var view: View = .leads
    /// The service has not answered since then (shown in the title bar; retried with backoff).
    public var offlineSince: Date?
    /// The next retry while offline, and the wait after it (5 s doubling to 60 s).
    public var nextRetry: Date?
    public var retryDelay: TimeInterval = 5
    /// The list, detail and counts shown are the local cache's, saved then; nil once the service answered.
    public var cachedAt: Date?
    /// The view a lead was opened from (the calendar's Enter): Esc on the lead goes back there.
    public var cameFrom: View?
    public var focus: Pane = .list
    /// Narrow terminals show one pane: the detail when this is true.
    public var isShowingDetail = false
    public var list = LeadListState()
    /// The saved view last chosen (or saved): its tab is the one shown while the list still
    /// shows it, even when another view has the same filter, sort and list.
    public var activeViewName: String?
    /// The lead each saved view had selected when it was left, by the view's name.
    public var viewSelections: [String: String] = [:]
    /// A change to the marked leads: in its undo window, or going out.
    public var bulk: BulkChange?
    /// `export FILE` fetching every page of the list before it writes them.
    public var export: ExportJob?
    public var detail: LeadDetailState?
    public var calendar: CalendarState
    public var reminders = RemindersState()
    public var dashboard = DashboardState()
    /// Dialogs and forms, the topmost last.
    public var modals: [Modal] = []
    /// The `/` bar while it is open.
    public var filterBar: FilterBarState?
    /// The delete in its undo window, and those being sent.
    public var pending = UndoQueue()
    /// Changes made while the service could not be reached, sent in order when it answers.
    public var outbox = OutboxState()
    public var message: StatusMessage?
    /// The request in flight for each purpose (a response with another serial is stale).
    public var requests: [Purpose: RequestID] = [:]
    public var nextSerial = 1
    /// Location, message and assignee last sent for a lead (update needs them; the detail lacks some).
    public var lastUsed: [String: LeadExtras] = [:]
    /// Quitting waits for a pending delete to be sent.
    public var isQuitting = false
    /// The service refused the credentials at least once this session (401 or 403):
    /// the app's exit status is then the command line's authentication status, 4.
    public var wasRefusedCredentials = false
    public var spinnerFrame = 0
    /// The detail should follow the list's selection at the next quiet moment (tick).
    public var isDetailStale = false
    /// The selected lead a tick first saw while the detail was stale, and when (it follows once
    /// a tick `restSeconds` later still sees it).
    public var selectionSeen: Selection?
    public struct Selection: Equatable, Sendable {
        public var slug: String?
        public var at: Date
        public init(_ slug: String?, _ at: Date) { self.slug = slug; self.at = at }
    }
    /// How long the list's selection rests before the detail follows it (just under the loop's
    /// two 100 ms ticks, so two quiet ticks are enough).
    public static let restSeconds = 0.09
    /// A half-typed key sequence and the keys that may follow (`ctrl-x ctrl-c`).
    public var pendingKeys: String?

    public init(settings: Settings, now: Date, viewport: Viewport) {
        self.settings = settings
        self.now = now
        self.viewport = viewport
        calendar = CalendarState(today: Day(now, in: settings.timeZone))
        calendar.mondayFirst = settings.mondayFirst
    }

    public var today: Day { Day(now, in: settings.timeZone) }
    public var width: Int { viewport.width }
    public var height: Int { viewport.height }
    public var isWide: Bool { viewport.isWide }
    public var isBusy: Bool { !requests.isEmpty }
    public var topModal: Modal? { modals.last }
    /// Today's appointments, once they have come.
    public var todayAppointments: Int? { reminders.todayList?.count }

    /// The panes that can take focus now, in Tab order.
    public var panes: [Pane] {
        if isWide { return [.list, .notes, .activities] }
        return isShowingDetail ? [.notes, .activities] : [.list]
    }

    /// The keymap contexts in effect and whether printable keys are text.
    public var keyScope: KeyScope {
        var scope: KeyScope
        switch topModal {
        case .confirm: scope = KeyScope(["dialog"])
        case .leadForm(let form):
            scope = KeyScope(LeadForm.choices[form.form.focus] != nil ? ["global", "form", "choice"] : ["global", "form"], takesText: true)
        case .noteForm: scope = KeyScope(["global", "form", "textarea"], takesText: true)
        case .appointmentForm(let form):
            scope = KeyScope(form.isPicking ? ["global", "form", "picker"] : ["global", "form"], takesText: true)
        case .palette: scope = KeyScope(["global", "palette"], takesText: true)
        case .help: scope = KeyScope(["global", "list", "help"])
        case .reader: scope = KeyScope(["global", "list", "reader"])
        case .outbox: scope = KeyScope(["global", "list", "outbox"])
        case .report: scope = KeyScope(["global", "list", "help"])
        case .tokenPrompt: scope = KeyScope(["global", "form"], takesText: true)
        case nil:
            if filterBar != nil {
                scope = KeyScope(["global", "filter"], takesText: true)
            } else {
                switch view {
                case .leads: scope = KeyScope(["global", "list", "leads"])
                case .calendar: scope = KeyScope(["global", "list", "calendar"])
                case .overview: scope = KeyScope(["global"])
                }
            }
        }
        if pending.waiting != nil || bulk?.sendAt != nil { scope.contexts.append("pending") }
        return scope
    }

    /// True when a form holds something the user typed and has not saved.
    public var hasUnsavedInput: Bool { modals.contains { $0.hasUnsavedInput } }
}

public enum View: String, Hashable, Sendable { case leads, calendar, overview }
public enum Pane: String, Hashable, Sendable { case list, notes, activities }

/// The terminal's size and what the UI's layout makes of it: the store
/// needs the heights of its lists (a page down moves by one) and whether
/// the list and the detail sit side by side. The UI measures it
/// (`ScreenLayout.viewport`); the store never lays anything out.
public struct Viewport: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// Data rows of the lead list (and of the calendar's agenda, for paging).
    public var listRows: Int
    /// Rows of the help overlay's text.
    public var helpRows: Int
    /// The list and the detail side by side (else one pane at a time).
    public var isWide: Bool

    public init(width: Int, height: Int, listRows: Int, helpRows: Int, isWide: Bool) {
        self.width = width; self.height = height; self.listRows = max(1, listRows); self.helpRows = max(1, helpRows)
        self.isWide = isWide
    }
}

/// The keymap contexts that apply, bottom to top (the top one wins), and
/// whether keys are text: then a printable key is typed unless a context
/// of the text input itself (`textContexts`) binds it, so `q` in a form is
/// a letter while Ctrl-S saves and Ctrl-L redraws.
public struct KeyScope: Hashable, Sendable {
    public var contexts: [String]
    public var takesText: Bool

    /// Contexts that belong to a text input: only they may bind printable keys while text is typed.
    public static let textContexts: Set<String> = ["form", "textarea", "picker", "choice", "palette", "filter"]

    public init(_ contexts: [String], takesText: Bool = false) { self.contexts = contexts; self.takesText = takesText }
}

/// What can be changed by the user and by a settings file.
public struct Settings: Equatable, Sendable {
    /// "demo" or the server's host, for the title bar.
    public var serverLabel: String
    /// Seconds a delete waits for undo before it is sent.
    public var undoSeconds: Double
    public var pageSize: Int
    /// Prefilled as the assignee of a lead when nothing better is known.
    public var defaultAssignee: String?
    /// The signed-in user's name, when known (the sandbox's demo user; else settings).
    public var signedInUser: String?
    /// Where the outbox is kept (the profile's cache file); nil when it is not (the demo).
    public var outboxFile: String?
    public var timeZone: TimeZone
    /// Minutes before an appointment its reminder shows (0 turns reminders off).
    public var reminderMinutes = 10
    /// One terminal bell with a reminder.
    public var reminderBell = true
    public var mondayFirst = true
    /// Past its edge the lead list moves half a screen at once (`jump_scroll`), not row by row.
    public var jumpScroll = true
    /// The copy keys write to the terminal's clipboard (OSC 52); `clipboard = false` turns them off.
    public var clipboard = true
    /// The overview refreshes itself this often.
    public var dashboardRefreshMinutes = 5
    /// The saved views of `settings.toml` (`[views.NAME]`), in the file's order: the tabs above the list.
    public var views: [SavedView] = []
    /// Where `save-view` writes (shown in its message); nil when no settings file can be named.
    public var settingsFile: String?

    public init(serverLabel: String, undoSeconds: Double = 5, pageSize: Int = 50, defaultAssignee: String? = nil,
                signedInUser: String? = nil, timeZone: TimeZone = .current) {
        self.serverLabel = serverLabel; self.undoSeconds = undoSeconds; self.pageSize = pageSize
        self.defaultAssignee = defaultAssignee; self.signedInUser = signedInUser; self.timeZone = timeZone
    }
}

/// Location, message and assignee as last sent for a lead.
public struct LeadExtras: Equatable, Sendable, Codable {
    public var location: String
    public var message: String
    public var assignee: String
    public init(location: String, message: String, assignee: String) {
        self.location = location; self.message = message; self.assignee = assignee
    }

    /// The key for a lead created in this session, before its slug is known.
    public static func key(email: String) -> String { "email:" + email.lowercased() }
}

/// A message in the status bar. It stays at least `minimumSeconds`, then
/// goes with the next key.
public struct StatusMessage: Equatable, Sendable {
    public enum Level: Equatable, Sendable { case info, success, warning, error }
    public var text: TextWithKeys
    public var level: Level
    public var shownAt: Date
    public static let minimumSeconds: Double = 5

    public init(_ text: TextWithKeys, _ level: Level, at date: Date) { self.text = text; self.level = level; shownAt = date }
}

/// Dialogs and forms over the panes.
public enum Modal: Equatable, Sendable {
    /// `contexts`: the keymap contexts in effect where help was asked for; their keys are listed first.
    case help(offset: Int, contexts: [String])
    /// A note or an activity read whole.
    case reader(ReaderState)
    /// A new token asked for, the old one refused.
    case tokenPrompt(TokenPrompt)
    case palette(PaletteState)
    case confirm(Confirmation)
    case leadForm(LeadForm)
    case noteForm(NoteForm)
    case appointmentForm(AppointmentForm)
    /// The changes waiting to be sent (the palette's "Outbox").
    case outbox
    /// What a change to several leads could not do, lead by lead.
    case report(BulkReport)

    /// A form whose last save the service refused for the credentials.
    var savedAgainAfterNewToken: Bool {
        switch self {
        case .leadForm(let form): return form.form.wasRefusedCredentials
        case .noteForm(let form): return form.form.wasRefusedCredentials
        case .appointmentForm(let form): return form.form.wasRefusedCredentials
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: return false
        }
    }

    var hasUnsavedInput: Bool {
        switch self {
        case .leadForm(let form): return form.hasUnsavedInput
        case .noteForm(let form): return form.hasUnsavedInput
        case .appointmentForm(let form): return form.hasUnsavedInput
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: return false
        }
    }
}
