import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// The detail pane, the `/` bar, and what sits on top: dialogs, forms, help, the palette.
extension Screen {
    func renderDetail(_ state: AppState, _ rect: Rect, _ buffer: inout Buffer, _ frame: inout FrameMap) {
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
            buffer.putPadded(say("Could not load: \(error)  (\(key: .refresh) to retry)", state), x: parts.fields.x + 1, y: parts.fields.y,
                             width: parts.fields.width - 1, style: theme["status.error"])
        }
        if let lead = detail.lead { renderFields(lead, parts.fields, &buffer) }
        let notes = detail.notes, activities = detail.activities
        renderDetailList(.notes, "Notes", detail, in: parts.notes, count: notes.count, focused: isFocused && state.focus == .notes,
                         middle: ("BY", 8), empty: detail.lead == nil ? "" : say("No notes yet: \(key: .newNote) to add one.", state),
                         &buffer, &frame) { row, column in
            switch column {
            case 0: return Self.dayTime(notes[row].created)
            case 1: return notes[row].user
            default: return LineBreaks.oneLine(notes[row].note)
            }
        }
        guard parts.activities.height >= 3 else { return }
        renderDetailList(.activities, "Recent activity", detail, in: parts.activities, count: activities.count,
                         focused: isFocused && state.focus == .activities, middle: ("TYPE", 15),
                         empty: detail.lead == nil ? "" : "No activity yet.", &buffer, &frame) { row, column in
            switch column {
            case 0: return Self.dayTime(activities[row].created)
            case 1: return activities[row].activityType
            default: return activities[row].activity
            }
        }
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

    /// A framed list of the detail (notes, activities): when, a short middle column, the text.
    private func renderDetailList(_ pane: Pane, _ title: String, _ detail: LeadDetailState, in rect: Rect, count: Int, focused: Bool,
                                  middle: (title: String, width: Int), empty: String, _ buffer: inout Buffer, _ frame: inout FrameMap,
                                  cell: @escaping @Sendable (Int, Int) -> String) {
        let selected = detail.selected(in: pane)
        let inside = PaneFrame(title: title, isFocused: focused, counter: count == 0 ? nil : "\(selected + 1) of \(count)")
            .render(in: rect, buffer: &buffer, theme: theme)
        let offset = scroll.offset(pane.rawValue, identity: detail.slug.hashValue, selected: selected, count: count, height: inside.height)
        TableWidget(columns: [.init("WHEN", .fixed(16)), .init(middle.title, .fixed(middle.width)), .init("", .flex(1))],
                    rowCount: count, state: ListState(selected: selected, offset: offset), isFocused: focused, showsHeader: false,
                    emptyText: empty, cell: cell)
            .render(in: inside, buffer: &buffer, theme: theme)
        frame.hits.addRows(inside, pane, firstRow: offset)
    }

    // MARK: The `/` bar and what sits on top

    func renderFilterBar(_ bar: FilterBarState, _ rect: Rect, _ buffer: inout Buffer) {
        buffer.fill(rect, style: theme["ui.input.focused"])
        let x = buffer.put(" / ", x: rect.x, y: rect.y, style: theme["ui.hint.key"])
        TextField(state: TextFieldState(characters: bar.input.characters, cursor: bar.input.cursor),
                  placeholder: "text, or status:customer owner:bob email: phone: first: last: campaign:", isFocused: true)
            .render(in: Rect(x: x, y: rect.y, width: rect.maxX - x, height: 1), buffer: &buffer, theme: theme)
    }

    /// The help's sections: those of the place help was opened from first, the
    /// most specific first ("Leads", "Lists", "Everywhere"), then the others in their order.
    static func helpOrder(_ all: [(id: String, title: String)], opened: [String]) -> [(id: String, title: String)] {
        let first = opened.reversed().compactMap { id in all.first { $0.id == id } }
        return first + all.filter { context in !opened.contains(context.id) }
    }

    func renderModal(_ modal: Modal, _ state: AppState, _ area: Rect, _ buffer: inout Buffer, _ frame: inout FrameMap) {
        switch modal {
        case .help(let offset, let opened):
            let scope = state.keyScope.contexts
            // Every key that closes it (q of [help] and esc of [global]), not only the topmost.
            var closers: [String] = []
            for context in scope.reversed() {
                for key in keymap.keys(for: Command.back.rawValue, stack: [context]).map(\.description) where !closers.contains(key) { closers.append(key) }
            }
            let title = "Help — \(keys.label(.down, in: scope))/\(keys.label(.up, in: scope)) scroll · \(closers.joined(separator: "/")) close"
            HelpOverlay(keymap: keymap, contexts: Self.helpOrder(helpContexts, opened: opened), descriptions: descriptions, offset: offset, title: title)
                .render(in: area, buffer: &buffer, theme: theme)
        case .confirm(let confirmation):
            let dialog = ["dialog"]
            ConfirmDialog(title: confirmation.title, message: keys.text(confirmation.question, in: dialog),
                          hint: "\(keys.labels(.yes, in: dialog)) yes · \(keys.labels(.no, in: dialog)) no")
                .render(in: area, buffer: &buffer, theme: theme)
        case .leadForm(let form):
            FormView(model: form, context: state.context, keys: keys, scope: state.keyScope.contexts,
                     hint: "\(key: .save) save · \(key: .nextField) next field · \(key: .submit) on the last field saves · \(key: .cancel) cancel",
                     notes: form.choiceNotes)
                .render(in: area.centered(width: min(area.width - 2, 78), height: min(area.height, 24)), buffer: &buffer, theme: theme)
        case .noteForm(let form):
            let view = FormView(model: form, context: state.context, keys: keys, scope: state.keyScope.contexts,
                                hint: "\(key: .save) save · \(key: .newLine) new line · \(key: .cancel) cancel",
                                rows: NoteFormView.textRows)
            let box = NoteFormView.box(in: area)
            view.render(in: box, buffer: &buffer, theme: theme)
            frame.textAreaWidth = NoteFormView.textWidth(in: box)
        case .appointmentForm(let form):
            AppointmentFormView(form: form, state: state, keys: keys).render(in: area, buffer: &buffer, theme: theme)
        case .palette(let palette):
            PaletteView(palette: palette, state: state, screen: self).render(in: area, buffer: &buffer)
        }
    }
}
