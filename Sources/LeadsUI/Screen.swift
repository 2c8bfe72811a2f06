import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// Draws `AppState` into a buffer: title bar, panes, the `/` bar, dialogs
/// and forms on top, status bar. It only draws: each frame returns a
/// `FrameMap` of what it drew where (for the mouse). It keeps small caches
/// (status colours, key hints, the scroll position of each list) so a frame
/// costs the same for 100 or 100,000 leads: only visible rows are formatted.
public final class Screen {
    public private(set) var theme: Theme
    public let keys: KeyLabels
    /// Help overlay: contexts with titles, action descriptions.
    public let helpContexts: [(id: String, title: String)]
    public let descriptions: [String: String]
    var statusStyles = StatusStyles()
    private var hintCache: [HintKey: [(key: String, label: String)]] = [:]
    /// The title bar's view tabs with their keys (`1 Leads`): the keymap does not change.
    private let viewTabs: [String]
    var scroll = ScrollMemory()

    public init(theme: Theme, keymap: Keymap, helpContexts: [(id: String, title: String)], descriptions: [String: String]) {
        self.theme = theme
        let keys = KeyLabels(keymap: keymap)
        self.keys = keys
        viewTabs = [(Command.viewLeads, "Leads"), (.viewCalendar, "Calendar"), (.viewOverview, "Overview")]
            .map { "\(keys.label($0, in: ["global"])) \($1)" }
        self.helpContexts = helpContexts
        self.descriptions = descriptions
    }

    public var keymap: Keymap { keys.keymap }

    /// Draws from now on with `theme` (`theme = "auto"` once the terminal names its background).
    public func use(_ theme: Theme) {
        self.theme = theme
        statusStyles = StatusStyles()
    }

    @discardableResult
    public func render(_ state: AppState, into buffer: inout Buffer) -> FrameMap {
        statusStyles.update(colors: state.dashboard.statusColors, theme: theme)
        var frame = FrameMap()
        let layout = ScreenLayout(width: buffer.width, height: buffer.height, isShowingDetail: state.isShowingDetail)
        renderTitle(state, layout.title, &buffer)
        switch state.view {
        case .leads:
            if let list = layout.list { renderList(state, list, &buffer, &frame) }
            if let detail = layout.detail { renderDetail(state, detail, &buffer, &frame) }
        case .calendar:
            var view = CalendarView(state: state, theme: theme, keys: keys, statusStyle: appointmentStyle)
            view.render(in: layout.main, buffer: &buffer, scroll: &scroll)
        case .overview:
            DashboardView(state: state, theme: theme, keys: keys, statusStyle: { self.statusStyles.style(for: $0, theme: self.theme) })
                .render(in: layout.main, buffer: &buffer)
        }
        // A long message wraps upward, over at most two rows of what is above the status bar.
        let status = statusBar(state)
        let room = Rect(x: layout.status.x, y: max(0, layout.status.y - 2), width: layout.status.width,
                        height: layout.status.maxY - max(0, layout.status.y - 2))
        // The filter bar stays in sight above a message that wrapped (one typed blind was the
        // alternative), under any modal.
        if state.view == .leads, let bar = state.filterBar, let list = layout.list ?? layout.detail {
            let y = min(list.maxY - 1, room.maxY - status.rows(in: room) - 1)
            if y >= list.y { renderFilterBar(bar, Rect(x: list.x, y: y, width: list.width, height: 1), &buffer) }
        }
        for modal in state.modals { renderModal(modal, state, layout.main, &buffer, &frame) }
        status.render(in: room, buffer: &buffer, theme: theme)
        return frame
    }

    /// `text` with the keys of the keymap in effect.
    func say(_ text: TextWithKeys, _ state: AppState) -> String { keys.text(text, in: state.keyScope.contexts) }

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
        let active = state.view == .leads ? 0 : state.view == .calendar ? 1 : 2
        var right: [String] = []
        // Until the service answers, what is shown is the cache's: said, with its time.
        if let offline = state.offlineSince {
            right.append("offline since \(Self.clock(offline, state.settings.timeZone))")
        } else if let cachedAt = state.cachedAt {
            right.append("cached \(Self.clock(cachedAt, state.settings.timeZone)) · \(state.list.loadError == nil ? "refreshing" : "not refreshed")")
        }
        // Says what it counts: the list's leads (owned or assigned, as the list shows them),
        // else the overview's count of every lead of yours.
        if let total = state.list.total {
            let kind = state.list.listType == .owned ? "owned" : "assigned"
            // Less the leads whose delete waits (as the list's counter counts them).
            if state.list.text.isEmpty {
                right.append("\(Self.grouped(max(0, total - state.list.hidden.count))) \(kind)\(state.list.serverFilter.isEmpty ? "" : " matching")")
            } else {
                // Words filter what the service sent: the count of those that match, as the list's counter ("+" while searching).
                right.append("\(Self.grouped(state.list.visible.count))\(state.list.nextOffset == nil ? "" : "+") \(kind) matching")
            }
        } else if let total = state.dashboard.totalLeads {
            right.append("\(Self.grouped(total)) leads")
        }
        if let today = state.todayAppointments { right.append("\(today) today") }
        if let waiting = state.outbox.titleText { right.append(waiting) }
        right.append(Self.clock(state.now, state.settings.timeZone))
        var rightText = right.joined(separator: " · ") + " "
        // The view tabs need 37 columns: the clock gives way first.
        if rect.width - x - DisplayWidth.of(rightText) < 37, right.count > 1 {
            rightText = right.dropLast().joined(separator: " · ") + " "
        }
        let rightWidth = DisplayWidth.of(rightText)
        if rect.width - x - rightWidth >= 37 {
            for (index, tab) in viewTabs.enumerated() {
                x = buffer.put(" \(tab) ", x: x + 1, y: rect.y,
                               style: theme[index == active ? "ui.tab.active" : "ui.tab"], maxWidth: max(0, rect.maxX - rightWidth - x - 1))
            }
        }
        if rect.maxX - rightWidth > x { buffer.put(rightText, x: rect.maxX - rightWidth, y: rect.y, style: theme["ui.tab"]) }
    }

    private func statusBar(_ state: AppState) -> StatusBar {
        var message: (text: String, level: StatusBar.Level)?
        if let job = state.export {
            let loaded = state.list.rows.count, total = max(loaded, state.list.total ?? loaded)
            let what = job.isWriting ? "Writing \(job.path)…" : "Exporting to \(job.path): \(Self.progress(loaded, of: total)) leads fetched"
            message = (say("\(what) — \(key: .back) cancels", state), .info)
        } else if let bulk = state.bulk {
            if bulk.sendAt != nil {
                message = (say("\(bulk.waitingText) — \(key: .undo) to undo", state), .warning)
            } else {
                let failed = bulk.failures.isEmpty ? "" : " · \(Self.grouped(bulk.failures.count)) failed"
                message = ("\(bulk.what): \(Self.progress(bulk.answered, of: bulk.leads.count)) leads\(failed)", .warning)
            }
        } else if let waiting = state.pending.waiting {
            message = (say("\(waiting.done) — \(key: .undo) to undo", state), .warning)
        } else if let sending = state.pending.sending.first {
            message = (sending.sendingText, .warning)
        } else if let current = state.message {
            let levels: [StatusMessage.Level: StatusBar.Level] = [.info: .info, .success: .success, .warning: .warning, .error: .error]
            message = (say(current.text, state), levels[current.level] ?? .info)
        }
        return StatusBar(hints: state.pendingKeys.map { [($0, "…")] } ?? hints(state), message: message, spinner: state.isBusy ? state.spinnerFrame : nil)
    }

    /// The hints of one place of the app (each lists its own commands).
    enum HintSet: Hashable {
        case dialog, form, note, help, reader, palette, filter, calendar, overview, list, notes, activities, outbox

        init(_ state: AppState) {
            switch state.topModal {
            case .confirm: self = .dialog
            case .leadForm, .appointmentForm: self = .form
            case .noteForm: self = .note
            case .help: self = .help
            case .reader: self = .reader
            case .tokenPrompt: self = .form
            case .palette: self = .palette
            case .outbox: self = .outbox
            case .report: self = .help
            case nil:
                if state.filterBar != nil { self = .filter; return }
                switch state.view {
                case .calendar: self = .calendar
                case .overview: self = .overview
                case .leads: self = state.focus == .list ? .list : state.focus == .notes ? .notes : .activities
                }
            }
        }

        var commands: [(Command, String)] {
            switch self {
            case .dialog: return [(.yes, "yes"), (.no, "no")]
            case .form: return [(.save, "save"), (.nextField, "next field"), (.cancel, "cancel")]
            case .note: return [(.save, "save"), (.openEditor, "editor"), (.cancel, "cancel")]
            case .help: return [(.back, "close"), (.down, "scroll")]
            case .reader: return [(.readerNext, "next"), (.readerPrevious, "previous"), (.down, "scroll"), (.back, "close")]
            case .palette: return [(.runCommand, "run"), (.back, "close")]
            case .outbox: return [(.open, "change"), (.sendOutboxEntry, "send now"), (.discardOutboxEntry, "discard"), (.back, "close")]
            case .filter: return [(.applyFilter, "apply"), (.back, "clear")]
            case .calendar:
                return [(.newAppointment, "book"), (.editAppointment, "change"), (.confirmAppointment, "confirm"),
                        (.fulfilAppointment, "fulfilled"), (.cancelAppointment, "cancel"), (.deleteAppointment, "delete"),
                        (.open, "lead"), (.help, "help")]
            case .overview: return [(.refresh, "refresh"), (.viewLeads, "leads"), (.viewCalendar, "calendar"), (.help, "help")]
            case .list: return [(.open, "open"), (.filter, "filter"), (.newLead, "new"), (.sortNext, "sort"), (.palette, "commands"), (.help, "help"), (.quit, "quit")]
            case .notes: return [(.open, "read"), (.newNote, "add note"), (.deleteNote, "delete note"), (.editLead, "edit"), (.nextPane, "pane"), (.back, "back"), (.help, "help")]
            case .activities: return [(.open, "read"), (.newNote, "add note"), (.editLead, "edit"), (.nextPane, "pane"), (.back, "back"), (.help, "help")]
            }
        }
    }

    struct HintKey: Hashable {
        var scope: KeyScope
        var set: HintSet
    }

    /// Key hints for what is focused, with the keys of the keymap in effect (worked out once per place and keymap contexts).
    func hints(_ state: AppState) -> [(key: String, label: String)] {
        let key = HintKey(scope: state.keyScope, set: HintSet(state))
        if let cached = hintCache[key] { return cached }
        let result = key.set.commands.compactMap { command, label in
            keymap.reachableKeys(for: command.rawValue, stack: key.scope.contexts).first.map { ($0.description, label) }
        }
        hintCache[key] = result
        return result
    }

    // MARK: Lead list

    static func listColumns(width: Int) -> [(title: String, width: TableWidget.Width, field: ListField)] {
        if width >= 92 {
            return [("NAME", .min(16), .name), ("STATUS", .fixed(9), .status), ("SOURCE", .fixed(9), .source), ("PHONE", .fixed(16), .phone),
                    ("EMAIL", .min(16), .email), ("OWNER", .fixed(8), .owner), ("ADDED", .fixed(10), .added)]
        }
        if width >= 76 {
            return [("NAME", .min(16), .name), ("STATUS", .fixed(9), .status), ("PHONE", .fixed(16), .phone),
                    ("EMAIL", .min(12), .email), ("ADDED", .fixed(10), .added)]
        }
        return [("NAME", .min(12), .name), ("STATUS", .fixed(9), .status), ("PHONE", .fixed(16), .phone)]
    }

    enum ListField { case name, status, source, phone, email, owner, added }

    private func renderList(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer, _ frame: inout FrameMap) {
        let list = state.list
        var title = list.listType == .owned ? "Leads · owned" : "Leads · assigned"
        if !list.serverFilter.isEmpty { title += " · \(list.serverFilter.summary)" }
        if !list.text.isEmpty { title += " · “\(list.text)”" }
        if list.sort != .server { title += " · by \(list.sort.label)" }
        if !list.marks.isEmpty { title += " · \(Self.grouped(list.marks.count)) marked" }
        // The saved views as tabs before the title, the one shown in brackets (and reversed).
        let tabs = AppReducer.viewTabs(state)
        var activeTab: (column: Int, label: String)?
        if !tabs.isEmpty {
            let current = AppReducer.currentViewTab(state)
            var text = ""
            for (index, tab) in tabs.enumerated() {
                if index > 0 { text += " " }
                let label = index == current ? "[\(tab.name)]" : tab.name
                if index == current { activeTab = (DisplayWidth.of(text), label) }
                text += label
            }
            // Tabs that would take more than a third of the border give way to the one shown
            // and its place among them (`[hot] 2/4`), so the list keeps its title.
            if DisplayWidth.of(text) > rect.width / 3 {
                if let current {
                    let label = "[\(DisplayWidth.truncate(tabs[current].name, to: max(4, rect.width / 4)))]"
                    activeTab = (0, label)
                    text = "\(label) \(current + 1)/\(tabs.count)"
                } else {
                    text = "\(tabs.count) views"
                }
            }
            title = text + " │ " + title
        }
        let count = list.visible.isEmpty ? "0" : Self.grouped(list.selected + 1)
        // Of the server's total (less leads waiting to be deleted); with a text
        // filter, of the loaded rows that match.
        // With a text filter, of the rows that match, saying how much was searched
        // until every page has come: "3 matching (50/108 searched…)".
        let total = Self.grouped(max(0, (list.total ?? list.visible.count) - list.hidden.count))
        let of = list.text.isEmpty ? total
            : list.nextOffset == nil ? "\(Self.grouped(list.visible.count)) matching"
            : "\(Self.grouped(list.visible.count)) matching (\(Self.grouped(list.rows.count))/\(total) searched\(list.loadError == nil ? "…" : ""))"
        let counter = list.isFirstPageLoaded ? "\(count) of \(of)" : nil
        let inside = PaneFrame(title: title, isFocused: state.focus == .list && state.modals.isEmpty, counter: counter)
            .render(in: rect, buffer: &buffer, theme: theme)
        if let activeTab {
            // Where the frame drew its title (" title " after the corner), unless it was cut there.
            let x = rect.x + 2 + activeTab.column, width = DisplayWidth.of(activeTab.label)
            let drawn = (x..<min(rect.maxX, x + width)).map { buffer[$0, rect.y].grapheme }.joined()
            if drawn == activeTab.label { buffer.restyle(Rect(x: x, y: rect.y, width: width, height: 1)) { $0.attributes.insert(.reverse) } }
        }
        let columns = Self.listColumns(width: inside.width)
        let rows = list.rows, visible = list.visible
        let styles = statusStyles, theme = self.theme
        // A lead change waiting in the outbox shows in its row, marked.
        let edits = state.outbox.leadEdits
        // A marked lead (`space`) shows ● before its name.
        let marked = list.markedSlugs
        // A status on the marks shows in their rows from the moment it is asked (undo puts them back).
        var bulkStatus: (status: String, slugs: Set<String>)?
        if let bulk = state.bulk, case .status(let status) = bulk.kind {
            bulkStatus = (status, bulk.slugs.subtracting(bulk.failures.map(\.slug)))
        }
        let changing = bulkStatus
        @Sendable func lead(_ row: Int) -> LeadSummary {
            var lead = rows[visible[row]]
            if let changing, changing.slugs.contains(lead.slug) { lead.status = changing.status }
            if !edits.isEmpty, let draft = edits[lead.slug] {
                lead = lead.applying(draft)
                lead.name = "* " + lead.name   // its change waits in the outbox (the detail says "changes to send")
            }
            if !marked.isEmpty, marked.contains(lead.slug) { lead.name = "● " + lead.name }
            return lead
        }
        var empty: TextWithKeys = ""
        if !visible.isEmpty {
            // Rows to show: no empty text to write.
        } else if !list.isFirstPageLoaded {
            empty = list.loadError.map { "Could not load leads: \($0)  (\(key: .refresh) to retry)" } ?? "Loading leads…"
        } else if !list.text.isEmpty || !list.serverFilter.isEmpty {
            empty = "No lead matches the filter (\(key: .back) clears it)."
        } else {
            empty = "No leads yet: \(key: .newLead) to add one."
        }
        let dataRows = TableWidget.visibleRows(in: inside)
        let offset = scroll.offset("leads", selected: list.selected, count: visible.count, height: dataRows,
                                   jump: state.settings.jumpScroll ? dataRows / 2 : 1)
        var table = TableWidget(
            columns: columns.map { TableWidget.Column($0.title, $0.width) }, rowCount: visible.count,
            state: ListState(selected: list.selected, offset: offset), isFocused: state.focus == .list,
            emptyText: empty.isEmpty ? "" : say(empty, state),
            cell: { row, column in Self.text(of: lead(row), columns[column].field) })
        table.cellStyle = { row, column in
            columns[column].field == .status ? styles.style(for: lead(row).status, theme: theme) : nil
        }
        table.render(in: inside, buffer: &buffer, theme: theme)
        frame.hits.addRows(Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: dataRows), .list, firstRow: offset)
        // Said only when the user waits for it (a move past the loaded rows): a page fetched ahead
        // of the selection changes nothing on screen, so it writes nothing.
        if list.nextOffset != nil, list.isFirstPageLoaded, list.owedRows > 0, state.requests[.leadsPage] != nil, inside.height > 2 {
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
        return "\(WholeNumber.zeroPadded(c.year, width: 4))-\(WholeNumber.zeroPadded(c.month, width: 2))-\(WholeNumber.zeroPadded(c.day, width: 2))"
    }

    static func dayTime(_ date: APIDate?) -> String {
        guard let date else { return "" }
        guard let c = date.components, c.hasTime else { return day(date) }
        return "\(WholeNumber.zeroPadded(c.year, width: 4))-\(WholeNumber.zeroPadded(c.month, width: 2))-\(WholeNumber.zeroPadded(c.day, width: 2)) \(WholeNumber.zeroPadded(c.hour, width: 2)):\(WholeNumber.zeroPadded(c.minute, width: 2))"
    }

    static func grouped(_ number: Int) -> String { WholeNumber.grouped(number) }

    /// `▕████░░░░▏ 1,000 of 2,000`: a bar of 10 cells and the counts.
    static func progress(_ done: Int, of total: Int) -> String {
        let filled = total > 0 ? min(10, done * 10 / total) : 0
        return "▕" + String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled) + "▏ \(grouped(done)) of \(grouped(total))"
    }

    static func clock(_ date: Date, _ zone: TimeZone) -> String { AppReducer.clock(date, zone) }
}
