/// Every action of the app a key (or the command palette) can invoke.
///
/// The raw value is the dotted id keymaps bind (`lead.delete`); the
/// description feeds the help overlay, the palette and the README.
public enum Command: String, CaseIterable, Sendable, Hashable {
    case help = "app.help", palette = "app.palette", quit = "app.quit", filter = "app.filter"
    case refresh = "app.refresh", redraw = "app.redraw", back = "app.back", suspend = "app.suspend"
    case nextPane = "pane.next", previousPane = "pane.previous"
    case viewLeads = "view.leads", viewCalendar = "view.calendar", viewOverview = "view.overview"
    case down = "list.down", up = "list.up", top = "list.top", bottom = "list.bottom"
    case pageDown = "list.page.down", pageUp = "list.page.up", open = "list.open"
    case newLead = "lead.new", editLead = "lead.edit", deleteLead = "lead.delete"
    case newNote = "note.new", deleteNote = "note.delete"
    case toggleAssigned = "leads.toggle.assigned", sortNext = "leads.sort.next"
    case newAppointmentForLead = "appointment.new.for.lead"
    case nextField = "form.field.next", previousField = "form.field.previous", save = "form.save", cancel = "form.cancel"
    case submit = "form.submit"
    case newLine = "text.newline", lineUp = "text.line.up", lineDown = "text.line.down", openEditor = "text.editor"
    case applyFilter = "filter.apply", runCommand = "palette.run"
    case yes = "dialog.yes", no = "dialog.no"
    case undo = "delete.undo"
    case calendarUpcoming = "calendar.view.upcoming", calendarToday = "calendar.view.today"
    case calendarWeek = "calendar.view.week", calendarMonth = "calendar.view.month"
    case periodPrevious = "calendar.period.previous", periodNext = "calendar.period.next", goToToday = "calendar.today"
    case dayPrevious = "calendar.day.previous", dayNext = "calendar.day.next"
    case calendarUp = "calendar.up", calendarDown = "calendar.down"
    case newAppointment = "appointment.new", editAppointment = "appointment.edit"
    case confirmAppointment = "appointment.confirm", fulfilAppointment = "appointment.fulfil"
    case cancelAppointment = "appointment.cancel", deleteAppointment = "appointment.delete"
    case readerNext = "reader.next", readerPrevious = "reader.previous"
    case showOutbox = "outbox.show", sendOutboxEntry = "outbox.send", discardOutboxEntry = "outbox.discard"
    case copyEmail = "lead.copy.email", copyPhone = "lead.copy.phone", copyName = "lead.copy.name"
    case copySlug = "lead.copy.slug", copyRow = "lead.copy.row"
    case exportList = "list.export"
    case saveView = "view.save", selectView = "view.select", nextSavedView = "view.next", previousSavedView = "view.previous"
    case toggleMark = "mark.toggle", markRange = "mark.range", markAll = "mark.all", setStatus = "marks.status"

    public var description: String {
        switch self {
        case .help: return "Show this help"
        case .palette: return "Command palette"
        case .quit: return "Quit"
        case .filter: return "Filter leads (text, or field:value for the server)"
        case .refresh: return "Refresh the focused pane"
        case .redraw: return "Redraw the screen"
        case .back: return "Back / cancel"
        case .suspend: return "Suspend (fg resumes)"
        case .nextPane: return "Next pane"
        case .previousPane: return "Previous pane"
        case .viewLeads: return "Leads"
        case .viewCalendar: return "Calendar"
        case .viewOverview: return "Overview"
        case .down: return "Down"
        case .up: return "Up"
        case .top: return "First row"
        case .bottom: return "Last row"
        case .pageDown: return "Page down"
        case .pageUp: return "Page up"
        case .open: return "Open"
        case .newLead: return "New lead"
        case .editLead: return "Edit lead"
        case .deleteLead: return "Delete lead (or the marked leads)"
        case .newNote: return "Add a note (to each marked lead)"
        case .deleteNote: return "Delete the selected note"
        case .openEditor: return "Write the note in your editor ($EDITOR)"
        case .copyEmail: return "Copy the lead's email"
        case .copyPhone: return "Copy the lead's phone"
        case .copyName: return "Copy the lead's name"
        case .copySlug: return "Copy the lead's slug"
        case .copyRow: return "Copy the lead as a tab-separated row"
        case .toggleAssigned: return "Owned / assigned leads"
        case .sortNext: return "Sort by name, status, added"
        case .newAppointmentForLead: return "New appointment for this lead"
        case .nextField: return "Next field"
        case .previousField: return "Previous field"
        case .save: return "Save"
        case .cancel: return "Cancel"
        case .submit: return "Next field; save on the last one"
        case .newLine: return "New line in a note"
        case .lineUp: return "Up a line in a note"
        case .lineDown: return "Down a line in a note"
        case .applyFilter: return "Apply the filter"
        case .runCommand: return "Run the highlighted command"
        case .yes: return "Yes"
        case .no: return "No"
        case .undo: return "Undo the delete or status change"
        case .calendarUpcoming: return "Calendar: upcoming appointments"
        case .calendarToday: return "Calendar: one day"
        case .calendarWeek: return "Calendar: week"
        case .calendarMonth: return "Calendar: month"
        case .periodPrevious: return "Previous day, week or month"
        case .periodNext: return "Next day, week or month"
        case .goToToday: return "Back to today"
        case .dayPrevious: return "Previous day"
        case .dayNext: return "Next day"
        case .calendarUp: return "Up (month view: a week earlier)"
        case .calendarDown: return "Down (month view: a week later)"
        case .newAppointment: return "New appointment"
        case .editAppointment: return "Change or reschedule the appointment"
        case .confirmAppointment: return "Mark the appointment confirmed"
        case .fulfilAppointment: return "Mark the appointment fulfilled"
        case .cancelAppointment: return "Cancel the appointment"
        case .deleteAppointment: return "Delete the appointment"
        case .readerNext: return "The next note or activity (older)"
        case .readerPrevious: return "The previous note or activity (newer)"
        case .showOutbox: return "Outbox: changes waiting to be sent"
        case .sendOutboxEntry: return "Send the selected change now"
        case .discardOutboxEntry: return "Discard the selected change"
        case .exportList: return "Export the list or the marks: export FILE.csv"
        case .saveView: return "Save the list as a view: save-view NAME"
        case .selectView: return "Go to a saved view: view NAME"
        case .nextSavedView: return "Next saved view"
        case .previousSavedView: return "Previous saved view"
        case .toggleMark: return "Mark or unmark the lead"
        case .markRange: return "Mark from the last one marked to this one"
        case .markAll: return "Mark every lead of the list (again: unmark)"
        case .setStatus: return "Set status of marked leads: status NAME"
        }
    }

    /// The word that starts this command in the palette when it takes an argument
    /// (`export leads.csv`, `save-view hot`), nil for one that takes none.
    public var verb: String? {
        switch self {
        case .exportList: return "export"
        case .saveView: return "save-view"
        case .selectView: return "view"
        case .setStatus: return "status"
        default: return nil
        }
    }

    /// How far this command moves a list's selection (`page` rows a page,
    /// `count` rows in all); nil for a command that does not move one.
    public func selectionStep(page: Int, count: Int) -> Int? {
        switch self {
        case .down: return 1
        case .up: return -1
        case .pageDown: return page
        case .pageUp: return -page
        case .top: return -count
        case .bottom: return count
        default: return nil
        }
    }

    /// Commands that only make sense inside a form, dialog or the pending
    /// window: the palette lists the others.
    /// The view whose command this is (the palette goes there to run it), nil for those of every view.
    public var homeView: View? {
        switch self {
        case .calendarUpcoming, .calendarToday, .calendarWeek, .calendarMonth, .periodPrevious, .periodNext, .goToToday,
             .dayPrevious, .dayNext, .calendarUp, .calendarDown, .newAppointment, .editAppointment, .confirmAppointment,
             .fulfilAppointment, .cancelAppointment, .deleteAppointment:
            return .calendar
        case .newLead, .editLead, .deleteLead, .newNote, .deleteNote, .toggleAssigned, .sortNext, .newAppointmentForLead, .filter,
             .exportList, .saveView, .selectView, .nextSavedView, .previousSavedView, .toggleMark, .markRange, .markAll, .setStatus:
            return .leads
        default:
            return nil
        }
    }

    public var isListedInPalette: Bool {
        switch self {
        case .nextField, .previousField, .save, .cancel, .submit, .yes, .no, .palette, .redraw, .calendarUp, .calendarDown,
             .newLine, .lineUp, .lineDown, .applyFilter, .runCommand, .readerNext, .readerPrevious:
            return false
        default: return true
        }
    }
}
