import Foundation
import LeadsAPI
import TextEditing

/// The whole state of the app: one value, changed only by `reduce`.
public struct AppState: Equatable, Sendable {
    public var settings: Settings
    /// The time of the last tick (reducers never read the clock).
    public var now: Date
    public var width: Int
    public var height: Int
    public var view: View = .leads
    public var focus: Pane = .list
    /// Narrow terminals show one pane: the detail when this is true.
    public var isShowingDetail = false
    public var list = LeadListState()
    public var detail: LeadDetailState?
    /// Status → colour as the overview sends it (`#28a745`, a name…).
    public var statusColors: [String: String] = [:]
    public var totalLeads: Int?
    /// Today's appointments (for the title bar and reminders); nil until they have come.
    public var todayList: [Appointment]?
    public var todayAppointments: Int? { todayList?.count }
    /// The day `todayList` was asked for (a new one is asked for after midnight).
    public var todayListDay: Day?
    /// Appointments already announced by a reminder.
    public var reminded: Set<String> = []
    public var calendar: CalendarState
    /// The overview as last loaded (dashboard), and its appointment counts.
    public var overview: Overview?
    public var appointmentCounts: [String: Int] = [:]
    public var overviewLoadedAt: Date?
    /// Dialogs and forms, the topmost last.
    public var modals: [Modal] = []
    /// The `/` bar while it is open.
    public var filterBar: TextInput?
    public var pendingDelete: PendingDelete?
    public var message: StatusMessage?
    /// The request in flight for each purpose (a response with another serial is stale).
    public var requests: [Purpose: RequestID] = [:]
    public var nextSerial = 1
    /// Location, message and assignee last sent for a lead (update needs them; detail lacks some).
    public var lastUsed: [String: LeadExtras] = [:]
    /// Quitting waits for a pending delete to be sent.
    public var isQuitting = false
    public var spinnerFrame = 0
    /// The detail should follow the selection at the next quiet moment (tick).
    public var isDetailStale = false

    public init(settings: Settings, now: Date, width: Int = 80, height: Int = 24) {
        self.settings = settings
        self.now = now
        self.width = width
        self.height = height
        calendar = CalendarState(today: Day(now, in: settings.timeZone))
        calendar.mondayFirst = settings.mondayFirst
    }

    public var today: Day { Day(now, in: settings.timeZone) }

    public var isWide: Bool { Geometry.isWide(width: width) }
    public var isBusy: Bool { !requests.isEmpty }
    public var topModal: Modal? { modals.last }

    /// The panes that can take focus now, in Tab order.
    public var panes: [Pane] {
        if isWide { return [.list, .notes, .activities] }
        return isShowingDetail ? [.notes, .activities] : [.list]
    }

    /// The keymap contexts in effect, bottom to top.
    public var keyContexts: [String] {
        var stack: [String]
        switch topModal {
        case .confirm: stack = ["dialog"]
        case .leadForm, .noteForm, .appointmentForm: stack = ["global", "form"]
        case .help, .palette: stack = ["global", "list"]
        case nil:
            switch view {
            case .leads: stack = ["global", "list", "leads"]
            case .calendar: stack = ["global", "list", "calendar"]
            case .overview: stack = ["global"]
            }
        }
        if pendingDelete != nil { stack.append("pending") }
        return stack
    }

    /// True when a form holds something the user typed and has not saved.
    public var hasUnsavedInput: Bool {
        modals.contains { modal in
            switch modal {
            case .leadForm(let form): return form.hasChanges
            case .noteForm(let form): return !form.input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            case .appointmentForm(let form): return form.hasChanges
            default: return false
            }
        }
    }
}

public enum View: String, Hashable, Sendable { case leads, calendar, overview }
public enum Pane: String, Hashable, Sendable { case list, notes, activities }

/// What can be changed by the user and by a settings file.
public struct Settings: Equatable, Sendable {
    /// "demo" or the server's host, for the title bar.
    public var serverLabel: String
    /// Seconds a delete waits for `u` before it is sent.
    public var undoSeconds: Double
    public var pageSize: Int
    /// Prefilled as the assignee of a lead when nothing better is known.
    public var defaultAssignee: String?
    /// The signed-in user's name, when known (the sandbox's demo user; else settings).
    public var signedInUser: String?
    public var timeZone: TimeZone
    /// Minutes before an appointment its reminder shows (0 turns reminders off).
    public var reminderMinutes = 10
    /// One terminal bell with a reminder.
    public var reminderBell = true
    public var mondayFirst = true
    /// The overview refreshes itself this often.
    public var dashboardRefreshMinutes = 5

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
    public var text: String
    public var level: Level
    public var shownAt: Date
    public static let minimumSeconds: Double = 5

    public init(_ text: String, _ level: Level, at date: Date) { self.text = text; self.level = level; shownAt = date }
}

/// A delete that waits for its undo window to pass before it is sent.
public struct PendingDelete: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case lead(slug: String)
        case note(id: Int, slug: String)
        case appointment(id: Int)
    }
    public var target: Target
    /// "Ana Souza", "the note “Called, no answer…”".
    public var label: String
    public var deadline: Date
    /// Sent: waiting for the answer (no undo any more).
    public var isSent = false
}

/// Why a request was made. One request per purpose is current.
public enum Purpose: String, Hashable, Sendable {
    case leadsPage, overview, today, leadDetail, saveLead, saveNote, delete
    case calendarWindow, upcoming, appointmentCounts, saveAppointment
}

/// A request and what it was for; responses carry it back.
public struct RequestID: Hashable, Sendable {
    public var purpose: Purpose
    public var serial: Int
    public init(_ purpose: Purpose, _ serial: Int) { self.purpose = purpose; self.serial = serial }
}

/// Dialogs and forms over the panes.
public enum Modal: Equatable, Sendable {
    case help(offset: Int)
    case palette(PaletteState)
    case confirm(Confirmation)
    case leadForm(LeadForm)
    case noteForm(NoteForm)
    case appointmentForm(AppointmentForm)
}

/// A yes/no question and what yes does.
public struct Confirmation: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case deleteLead(slug: String, name: String)
        case deleteNote(id: Int, slug: String, excerpt: String)
        case deleteAppointment(id: Int, label: String)
        /// Close the form beneath without saving.
        case discardForm
        /// Quit although a form has unsaved input.
        case quitDiscarding
        case resumeDraft(Draft)
    }
    public var kind: Kind
    public var title: String
    public var question: String
}

/// The command palette: a query and the highlighted match.
public struct PaletteState: Equatable, Sendable {
    public var query = TextInput()
    public var selected = 0
    public init() {}

    /// Commands whose id or description contains every word of the query.
    public func matches() -> [Command] {
        let words = query.text.lowercased().split(separator: " ")
        return Command.allCases.filter { command in
            guard command.isListedInPalette else { return false }
            let haystack = (command.description + " " + command.rawValue).lowercased()
            return words.allSatisfy { haystack.contains($0) }
        }
    }
}

/// Sizes the reducer needs to keep a selection on screen; the UI lays out the same way.
public enum Geometry {
    public static let wideWidth = 120
    public static func isWide(width: Int) -> Bool { width >= wideWidth }
    /// Data rows of the lead list: title bar, frame top, header, frame bottom, status bar.
    public static func listRows(height: Int) -> Int { max(1, height - 5) }
}
