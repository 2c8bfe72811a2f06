import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// Draws `AppState` into a buffer: title bar, panes, the `/` bar, dialogs
/// and forms on top, status bar. Keeps small caches (status colours, key
/// hints, the clock) so a frame costs the same for 100 or 100,000 leads:
/// only visible rows are formatted.
public final class Screen {
    public let theme: Theme
    public let keymap: Keymap
    /// Help overlay: contexts with titles, action descriptions.
    public let helpContexts: [(id: String, title: String)]
    public let descriptions: [String: String]
    private var statusStyles = StatusStyles()
    private var hintCache: [[String]: [(key: String, label: String)]] = [:]
    private var keyLabelCache: [String: String] = [:]

    public init(theme: Theme, keymap: Keymap, helpContexts: [(id: String, title: String)], descriptions: [String: String]) {
        self.theme = theme
        self.keymap = keymap
        self.helpContexts = helpContexts
        self.descriptions = descriptions
    }

    /// - Parameter pendingKeys: the first key of a two-key sequence and what may follow
    ///   (`KeyRouter.pendingHint`), shown instead of the hints until the sequence ends.
    public func render(_ state: AppState, into buffer: inout Buffer, pendingKeys: String? = nil) {
        statusStyles.update(colors: state.statusColors, theme: theme)
        let layout = ScreenLayout(width: buffer.width, height: buffer.height, state: state)
        renderTitle(state, layout.title, &buffer)
        switch state.view {
        case .leads:
            if let list = layout.list { renderList(state, list, &buffer) }
            if let detail = layout.detail { renderDetail(state, detail, &buffer) }
        case .calendar:
            CalendarView(state: state, theme: theme, statusStyle: appointmentStyle).render(in: layout.main, buffer: &buffer)
        case .overview:
            DashboardView(state: state, theme: theme, statusStyle: { self.statusStyles.style(for: $0, theme: self.theme) })
                .render(in: layout.main, buffer: &buffer)
        }
        if state.view == .leads, let bar = state.filterBar, let list = layout.list ?? layout.detail {
            renderFilterBar(bar, Rect(x: list.x, y: list.maxY - 1, width: list.width, height: 1), &buffer)
        }
        for modal in state.modals { renderModal(modal, state, layout.main, &buffer) }
        renderStatus(state, layout.status, pendingKeys, &buffer)
    }

    /// An appointment status in its theme colour (`fullfilled` is the service's spelling).
    func appointmentStyle(_ status: String) -> Style {
        theme["appointment.status.\(AppointmentStatus(lenient: status)?.rawValue ?? status.lowercased())"]
    }

    // MARK: Title and status bars

    private func renderTitle(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        buffer.fill(rect, style: theme["ui.tab"])
        var x = rect.x
        if rect.width >= 100 { x = buffer.put(" leadterm ", x: rect.x, y: rect.y, style: theme["ui.tab.active"]) }
        x = buffer.put(" \(state.settings.serverLabel) ", x: x, y: rect.y, style: theme["ui.tab"].adding(.bold), maxWidth: max(0, rect.maxX - x))
        let tabs = ["1 Leads", "2 Calendar", "3 Overview"]
        let active = state.view == .leads ? 0 : state.view == .calendar ? 1 : 2
        var right: [String] = []
        if let total = state.list.total ?? state.totalLeads { right.append("\(Self.grouped(total)) leads") }
        if let today = state.todayAppointments { right.append("\(today) today") }
        right.append(Self.clock(state.now, state.settings.timeZone))
        let rightText = right.joined(separator: " · ") + " "
        let rightWidth = DisplayWidth.of(rightText)
        if rect.width - x - rightWidth >= 37 {
            for (index, tab) in tabs.enumerated() {
                x = buffer.put(" \(tab) ", x: x + 1, y: rect.y, style: theme[index == active ? "ui.tab.active" : "ui.tab"])
            }
        }
        if rect.maxX - rightWidth > x { buffer.put(rightText, x: rect.maxX - rightWidth, y: rect.y, style: theme["ui.tab"]) }
    }

    private func renderStatus(_ state: AppState, _ rect: Rect, _ pendingKeys: String?, _ buffer: inout Buffer) {
        var message: (text: String, level: StatusBar.Level)?
        if let pending = state.pendingDelete {
            let undoKey = keyLabel(.undo, stack: ["pending"]) ?? "u"
            message = pending.isSent ? ("Deleting \(pending.label)…", .warning) : ("Deleted \(pending.label) — \(undoKey) to undo", .warning)
        } else if let current = state.message {
            let level: StatusBar.Level
            switch current.level {
            case .info: level = .info
            case .success: level = .success
            case .warning: level = .warning
            case .error: level = .error
            }
            message = (current.text, level)
        }
        StatusBar(hints: pendingKeys.map { [($0, "…")] } ?? hints(state), message: message, spinner: state.isBusy ? state.spinnerFrame : nil)
            .render(in: rect, buffer: &buffer, theme: theme)
    }

    /// Key hints for what is focused, with the keys of the keymap in effect.
    func hints(_ state: AppState) -> [(key: String, label: String)] {
        var commands: [(Command, String)]
        var stack = state.keyContexts
        switch state.topModal {
        case .confirm: commands = [(.yes, "yes"), (.no, "no")]
        case .leadForm: commands = [(.save, "save"), (.nextField, "next field"), (.cancel, "cancel")]
        case .noteForm: commands = [(.save, "save"), (.cancel, "cancel")]
        case .appointmentForm: commands = [(.save, "save"), (.nextField, "next field"), (.cancel, "cancel")]
        case .help: commands = [(.back, "close"), (.down, "scroll")]
        case .palette: return [("enter", "run"), ("esc", "close")]
        case nil:
            if state.filterBar != nil { return [("enter", "apply"), ("esc", "clear")] }
            if state.view == .calendar {
                commands = [(.newAppointment, "book"), (.editAppointment, "change"), (.confirmAppointment, "confirm"),
                            (.fulfilAppointment, "fulfilled"), (.cancelAppointment, "cancel"), (.deleteAppointment, "delete"),
                            (.open, "lead"), (.help, "help")]
                break
            }
            if state.view == .overview { commands = [(.refresh, "refresh"), (.viewLeads, "leads"), (.viewCalendar, "calendar"), (.help, "help")]; break }
            switch state.focus {
            case .list: commands = [(.open, "open"), (.filter, "filter"), (.newLead, "new"), (.sortNext, "sort"), (.palette, "commands"), (.help, "help"), (.quit, "quit")]
            case .notes: commands = [(.newNote, "add note"), (.deleteNote, "delete note"), (.editLead, "edit"), (.nextPane, "pane"), (.back, "back"), (.help, "help")]
            case .activities: commands = [(.newNote, "add note"), (.editLead, "edit"), (.nextPane, "pane"), (.back, "back"), (.help, "help")]
            }
        }
        stack.append(state.focus.rawValue)
        if let cached = hintCache[stack + commands.map(\.0.rawValue)] { return cached }
        let result = commands.compactMap { command, label in keyLabel(command, stack: state.keyContexts).map { ($0, label) } }
        hintCache[stack + commands.map(\.0.rawValue)] = result
        return result
    }

    /// The first key bound to `command` in the stack, as the keymap writes it.
    func keyLabel(_ command: Command, stack: [String]) -> String? {
        let cacheKey = stack.joined(separator: ",") + "|" + command.rawValue
        if let cached = keyLabelCache[cacheKey] { return cached.isEmpty ? nil : cached }
        let label = keymap.keys(for: command.rawValue, stack: stack).first?.description
        keyLabelCache[cacheKey] = label ?? ""
        return label
    }

    // MARK: Lead list

    static func listColumns(width: Int) -> [(title: String, width: TableWidget.Width, field: ListField)] {
        if width >= 92 {
            return [("NAME", .min(16), .name), ("STATUS", .fixed(9), .status), ("SOURCE", .fixed(9), .source), ("PHONE", .fixed(13), .phone),
                    ("EMAIL", .min(16), .email), ("OWNER", .fixed(8), .owner), ("ADDED", .fixed(10), .added)]
        }
        if width >= 76 {
            return [("NAME", .min(16), .name), ("STATUS", .fixed(9), .status), ("PHONE", .fixed(13), .phone),
                    ("EMAIL", .min(12), .email), ("ADDED", .fixed(10), .added)]
        }
        return [("NAME", .min(12), .name), ("STATUS", .fixed(9), .status), ("PHONE", .fixed(13), .phone)]
    }

    enum ListField { case name, status, source, phone, email, owner, added }

    private func renderList(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        let list = state.list
        var title = list.listType == .owned ? "Leads · owned" : "Leads · assigned"
        if !list.serverFilter.isEmpty { title += " · \(list.serverFilter.summary)" }
        if !list.text.isEmpty { title += " · “\(list.text)”" }
        if list.sort != .server { title += " · by \(list.sort.label)" }
        let count = list.visible.isEmpty ? "0" : Self.grouped(list.selected + 1)
        // Of the server's total (less leads waiting to be deleted); with a text
        // filter, of the loaded rows that match.
        let of = list.text.isEmpty ? Self.grouped(max(0, (list.total ?? list.visible.count) - list.hidden.count))
                                   : "\(Self.grouped(list.visible.count)) matching"
        let counter = list.isFirstPageLoaded ? "\(count) of \(of)" : nil
        let inside = PaneFrame(title: title, isFocused: state.focus == .list && state.modals.isEmpty, counter: counter)
            .render(in: rect, buffer: &buffer, theme: theme)
        let columns = Self.listColumns(width: inside.width)
        let rows = list.rows, visible = list.visible
        let styles = statusStyles, theme = self.theme
        let empty: String
        if !list.isFirstPageLoaded { empty = list.loadError.map { "Could not load leads: \($0)  (r to retry)" } ?? "Loading leads…" }
        else if !list.text.isEmpty || !list.serverFilter.isEmpty { empty = "No lead matches the filter (esc clears it)." }
        else { empty = "No leads yet: a to add one." }
        var table = TableWidget(
            columns: columns.map { TableWidget.Column($0.title, $0.width) }, rowCount: visible.count,
            state: ListState(selected: list.selected, offset: list.offset), isFocused: state.focus == .list,
            emptyText: empty,
            cell: { row, column in Self.text(of: rows[visible[row]], columns[column].field) })
        table.cellStyle = { row, column in
            columns[column].field == .status ? styles.style(for: rows[visible[row]].status, theme: theme) : nil
        }
        table.render(in: inside, buffer: &buffer, theme: theme)
        if list.nextOffset != nil, list.isFirstPageLoaded, state.requests[.leadsPage] != nil, inside.height > 2 {
            buffer.putPadded("loading more…", x: inside.maxX - 14, y: rect.maxY - 1, width: 13, style: theme["ui.text.dim"])
        }
    }

    static func text(of lead: LeadSummary, _ field: ListField) -> String {
        switch field {
        case .name: return lead.name
        case .status: return lead.status
        case .source: return lead.source
        case .phone: return lead.phone
        case .email: return lead.email
        case .owner: return lead.owner
        case .added: return day(lead.addedOn)
        }
    }

    static func day(_ date: APIDate?) -> String {
        guard let date else { return "" }
        guard let c = date.components else { return String(date.raw.prefix(10)) }
        return String(format: "%04d-%02d-%02d", c.year, c.month, c.day)
    }

    static func dayTime(_ date: APIDate?) -> String {
        guard let date else { return "" }
        guard let c = date.components, c.hasTime else { return day(date) }
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year, c.month, c.day, c.hour, c.minute)
    }

    static func grouped(_ number: Int) -> String {
        var digits = String(abs(number))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return String(format: "%02d:%02d", minutes / 60, minutes % 60)
    }

    // MARK: Lead detail

    private func renderDetail(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer) {
        guard let detail = state.detail else {
            let inside = PaneFrame(title: "Lead", isFocused: false).render(in: rect, buffer: &buffer, theme: theme)
            let text = state.list.isFirstPageLoaded ? "No lead selected." : "Loading…"
            buffer.putPadded(text, x: inside.x + 1, y: inside.y, width: inside.width - 1, style: theme["ui.text.dim"])
            return
        }
        let isFocused = state.focus != .list && state.modals.isEmpty
        PaneFrame(title: detail.name, isFocused: isFocused, counter: detail.isLoading ? "loading…" : nil)
            .render(in: rect, buffer: &buffer, theme: theme)
        let parts = DetailLayout(frame: rect, lead: detail.lead)
        if let error = detail.error, detail.lead == nil {
            buffer.putPadded("Could not load: \(error)  (r to retry)", x: parts.fields.x + 1, y: parts.fields.y,
                             width: parts.fields.width - 1, style: theme["status.error"])
        }
        if let lead = detail.lead { renderFields(lead, parts.fields, &buffer) }
        renderNotes(detail, parts.notes, focused: isFocused && state.focus == .notes, &buffer)
        renderActivities(detail, parts.activities, focused: isFocused && state.focus == .activities, &buffer)
    }

    private func renderFields(_ lead: LeadDetail, _ rect: Rect, _ buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        let half = rect.width / 2
        func pair(_ y: Int, _ label: String, _ value: String, column: Int, role: Style? = nil) {
            guard y < rect.maxY else { return }
            let x = rect.x + 1 + column * half
            let width = column == 0 ? half - 1 : rect.maxX - x
            buffer.putPadded(label, x: x, y: y, width: 10, style: theme["ui.label"])
            buffer.putPadded(value.isEmpty ? "—" : value, x: x + 10, y: y, width: max(0, width - 10), style: role ?? theme["ui.text"])
        }
        let y = rect.y
        pair(y, "First", lead.firstName, column: 0)
        pair(y, "Last", lead.lastName, column: 1)
        pair(y + 1, "Status", lead.status, column: 0, role: statusStyles.style(for: lead.status, theme: theme))
        pair(y + 1, "Source", lead.source, column: 1)
        pair(y + 2, "Email", lead.email, column: 0)
        pair(y + 2, "Phone", lead.phone, column: 1)
        pair(y + 3, "Added", Self.dayTime(lead.addedOn), column: 0)
        pair(y + 3, "Slug", lead.id.map { "\(lead.slug) (#\($0))" } ?? lead.slug, column: 1)
        if y + 4 < rect.maxY {
            buffer.putPadded("Message", x: rect.x + 1, y: y + 4, width: 10, style: theme["ui.label"])
            buffer.putPadded(lead.message.isEmpty ? "—" : lead.message, x: rect.x + 11, y: y + 4, width: max(0, rect.width - 12), style: theme["ui.text"])
        }
        if y + 5 < rect.maxY {
            buffer.putPadded("Conversion", x: rect.x + 1, y: y + 5, width: 11, style: theme["ui.label"])
            let barWidth = max(4, min(40, rect.width - 20))
            if let conversion = lead.conversion {
                let percent = min(100, max(0, conversion))
                let filled = Int((percent / 100 * Double(barWidth)).rounded())
                var x = buffer.put(String(repeating: "█", count: filled), x: rect.x + 12, y: y + 5, style: theme["ui.chart.bar"])
                x = buffer.put(String(repeating: "░", count: barWidth - filled), x: x, y: y + 5, style: theme["ui.text.dim"])
                buffer.put(" \(Int(percent.rounded()))%", x: x, y: y + 5, style: theme["ui.text"])
            } else {
                buffer.put("—", x: rect.x + 12, y: y + 5, style: theme["ui.text.dim"])
            }
        }
        // Not in the document's detail; shown when a service sends them.
        if DetailLayout.fieldRows(for: lead) > 6 {
            let extras = [("Location", lead.location), ("Assignee", lead.assignee), ("Owner", lead.owner)]
                .compactMap { label, value in value.map { "\(label) \($0)" } }.joined(separator: "   ")
            buffer.putPadded(extras, x: rect.x + 1, y: y + 6, width: max(0, rect.width - 2), style: theme["ui.text"])
        }
    }

    private func renderNotes(_ detail: LeadDetailState, _ rect: Rect, focused: Bool, _ buffer: inout Buffer) {
        let notes = detail.notes
        renderDetailList("Notes", in: rect, count: notes.count, selected: detail.noteSelected, focused: focused,
                         middle: ("BY", 8), empty: detail.lead == nil ? "" : "No notes yet: n to add one.", &buffer) { row, column in
            switch column {
            case 0: return Self.dayTime(notes[row].created)
            case 1: return notes[row].user
            default: return notes[row].note.replacingOccurrences(of: "\n", with: " ")
            }
        }
    }

    private func renderActivities(_ detail: LeadDetailState, _ rect: Rect, focused: Bool, _ buffer: inout Buffer) {
        guard rect.height >= 3 else { return }
        let activities = detail.activities
        renderDetailList("Recent activity", in: rect, count: activities.count, selected: detail.activitySelected, focused: focused,
                         middle: ("TYPE", 15), empty: detail.lead == nil ? "" : "No activity yet.", &buffer) { row, column in
            switch column {
            case 0: return Self.dayTime(activities[row].created)
            case 1: return activities[row].activityType
            default: return activities[row].activity
            }
        }
    }

    /// A framed list of the detail (notes, activities): when, a short middle column, the text.
    private func renderDetailList(_ title: String, in rect: Rect, count: Int, selected: Int, focused: Bool,
                                  middle: (title: String, width: Int), empty: String, _ buffer: inout Buffer,
                                  cell: @escaping @Sendable (Int, Int) -> String) {
        let inside = PaneFrame(title: title, isFocused: focused, counter: count == 0 ? nil : "\(selected + 1) of \(count)")
            .render(in: rect, buffer: &buffer, theme: theme)
        var position = ListState(selected: selected)
        position.keepSelectionVisible(height: inside.height, count: count)
        TableWidget(columns: [.init("WHEN", .fixed(16)), .init(middle.title, .fixed(middle.width)), .init("", .flex(1))],
                    rowCount: count, state: position, isFocused: focused, showsHeader: false, emptyText: empty, cell: cell)
            .render(in: inside, buffer: &buffer, theme: theme)
    }

    // MARK: Filter bar and modals

    private func renderFilterBar(_ input: TextInput, _ rect: Rect, _ buffer: inout Buffer) {
        buffer.fill(rect, style: theme["ui.input.focused"])
        let x = buffer.put(" / ", x: rect.x, y: rect.y, style: theme["ui.hint.key"])
        TextField(state: TextFieldState(characters: input.characters, cursor: input.cursor),
                  placeholder: "text, or status:customer owner:bob email: phone: first: last: campaign:", isFocused: true)
            .render(in: Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1), buffer: &buffer, theme: theme)
    }

    private func renderModal(_ modal: Modal, _ state: AppState, _ area: Rect, _ buffer: inout Buffer) {
        switch modal {
        case .help(let offset):
            HelpOverlay(keymap: keymap, contexts: helpContexts, descriptions: descriptions, offset: offset)
                .render(in: area, buffer: &buffer, theme: theme)
        case .confirm(let confirmation):
            let yes = keyLabel(.yes, stack: ["dialog"]) ?? "y", no = keyLabel(.no, stack: ["dialog"]) ?? "n"
            ConfirmDialog(title: confirmation.title, message: confirmation.question, hint: "\(yes) yes · \(no)/esc no")
                .render(in: area, buffer: &buffer, theme: theme)
        case .leadForm(let form):
            LeadFormView(form: form).render(in: area, buffer: &buffer, theme: theme)
        case .noteForm(let form):
            NoteFormView.render(form, in: area, buffer: &buffer, theme: theme)
        case .appointmentForm(let form):
            AppointmentFormView(form: form, state: state).render(in: area, buffer: &buffer, theme: theme)
        case .palette(let palette):
            PaletteView(palette: palette, state: state, screen: self).render(in: area, buffer: &buffer)
        }
    }
}
