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
        // A change of this lead waiting in the outbox: shown as it will be, marked.
        let waiting = state.outbox.leadEdits[detail.slug]
        // While it loads, what the list row says (the cells that differ change when it comes, no blank in between).
        let loaded = detail.lead ?? (detail.error == nil ? detail.preview.map(LeadDetail.init(summary:)) : nil)
        var shown = waiting.flatMap { draft in loaded.map { $0.applying(draft) } } ?? loaded
        // A status on the marks shows here as in the list's row from the moment it is asked.
        if let bulk = state.bulk, case .status(let status) = bulk.kind, bulk.slugs.contains(detail.slug),
           !bulk.failures.contains(where: { $0.slug == detail.slug }) {
            shown?.status = status
        }
        PaneFrame(title: shown?.name ?? detail.name, isFocused: isFocused,
                  counter: waiting != nil ? "changes to send" : detail.isLoading ? "loading…" : nil)
            .render(in: rect, buffer: &buffer, theme: theme)
        let parts = DetailLayout(frame: rect, lead: shown)
        if let error = detail.error, detail.lead == nil {
            // Offline, a lead never opened before has nothing in the cache: said as such, not as a network error.
            let text: TextWithKeys = state.offlineSince != nil
                ? "Offline, and this lead was never opened while online: nothing cached to show (\(key: .refresh) retries)."
                : "Could not load: \(error)  (\(key: .refresh) to retry)"
            let lines = TextArea.lines(of: say(text, state), width: max(1, parts.fields.width - 1))
            for (row, line) in lines.prefix(max(1, parts.fields.height)).enumerated() {
                buffer.putPadded(line, x: parts.fields.x + 1, y: parts.fields.y + row, width: parts.fields.width - 1, style: theme["status.error"])
            }
        }
        if let lead = shown { renderFields(lead, parts.fieldLines, parts.fields, &buffer) }
        let notes = detail.notes, activities = detail.activities
        renderDetailList(.notes, "Notes", detail, in: parts.notes, count: notes.count, focused: isFocused && state.focus == .notes,
                         middle: ("BY", 8), empty: detail.lead == nil ? "" : say("No notes yet: \(key: .newNote) to add one.", state),
                         &buffer, &frame) { row, column in
            switch column {
            case 0: return row < detail.waitingNotes.count ? "waiting to send" : Self.dayTime(notes[row].created)
            case 1: return notes[row].user
            case 2: return LineBreaks.oneLine(notes[row].note)
            default: return notes[row].note
            }
        }
        guard parts.activities.height >= 3 else { return }
        renderDetailList(.activities, "Recent activity", detail, in: parts.activities, count: activities.count,
                         focused: isFocused && state.focus == .activities, middle: ("TYPE", 15),
                         empty: detail.lead == nil ? "" : "No activity yet.", &buffer, &frame) { row, column in
            switch column {
            case 0: return Self.dayTime(activities[row].created)
            case 1: return activities[row].activityType
            case 2: return LineBreaks.oneLine(activities[row].activity)
            default: return activities[row].activity
            }
        }
    }

    private func renderFields(_ lead: LeadDetail, _ lines: [DetailLayout.FieldLine], _ rect: Rect, _ buffer: inout Buffer) {
        guard rect.height > 0 else { return }
        let label = DetailLayout.labelWidth
        let half = rect.width / 2
        for (row, line) in lines.prefix(rect.height - 1).enumerated() {
            let y = rect.y + row
            for (column, pair) in line.pairs.enumerated() {
                let x = rect.x + 1 + column * half
                let width = line.pairs.count == 2 && column == 0 ? half - 1 : rect.maxX - x
                buffer.putPadded(pair.label, x: x, y: y, width: label, style: theme["ui.label"])
                let role = pair.isStatus ? statusStyles.style(for: pair.value, theme: theme) : theme["ui.text"]
                let shown = pair.value.isEmpty && !pair.label.isEmpty ? "—" : pair.value
                buffer.putPadded(shown, x: x + label, y: y, width: max(0, width - label), style: role)
                if let link = pair.link, !pair.value.isEmpty {
                    buffer.link(x: x + label, y: y, width: min(DisplayWidth.of(shown), max(0, width - label)), target: link)
                }
            }
        }
        let y = rect.y + min(lines.count, rect.height - 1)
        guard y < rect.maxY else { return }
        buffer.putPadded("Conversion", x: rect.x + 1, y: y, width: label, style: theme["ui.label"])
        let barWidth = max(4, min(40, rect.width - 20))
        if let conversion = lead.conversion {
            let percent = min(100, max(0, conversion))
            let filled = Int((percent / 100 * Double(barWidth)).rounded())
            var x = buffer.put(String(repeating: "█", count: filled), x: rect.x + 1 + label, y: y, style: theme["ui.chart.bar"])
            x = buffer.put(String(repeating: "░", count: barWidth - filled), x: x, y: y, style: theme["ui.text.dim"])
            buffer.put(" \(Int(percent.rounded()))%", x: x, y: y, style: theme["ui.text"])
        } else {
            buffer.put("—", x: rect.x + 1 + label, y: y, style: theme["ui.text.dim"])
        }
    }

    /// A framed list of the detail (notes, activities): when, a short middle column, the text.
    private func renderDetailList(_ pane: Pane, _ title: String, _ detail: LeadDetailState, in rect: Rect, count: Int, focused: Bool,
                                  middle: (title: String, width: Int), empty: String, _ buffer: inout Buffer, _ frame: inout FrameMap,
                                  cell: @escaping @Sendable (Int, Int) -> String) {
        let selected = detail.selected(in: pane)
        let inside = PaneFrame(title: title, isFocused: focused, counter: count == 0 ? nil : "\(selected + 1) of \(count)")
            .render(in: rect, buffer: &buffer, theme: theme)
        // Where there is room (two or more rows of two lines), each row shows a second line of its text.
        if inside.height >= 4, count > 0, inside.width >= 40 {
            let perPage = inside.height / 2
            let offset = scroll.offset(pane.rawValue + "2", identity: detail.slug.hashValue, selected: selected, count: count, height: perPage)
            let textX = inside.x + 16 + 1 + middle.width + 1, textWidth = max(1, inside.maxX - textX)
            for row in offset..<min(count, offset + perPage) {
                let y = inside.y + (row - offset) * 2
                let isSelected = row == selected
                let selection = theme[focused ? "ui.selection" : "ui.selection.unfocused"]
                let style = isSelected ? selection : theme["ui.text"]
                if isSelected { buffer.fill(Rect(x: inside.x, y: y, width: inside.width, height: 2), style: selection) }
                buffer.putPadded(cell(row, 0), x: inside.x, y: y, width: 16, style: style)
                buffer.putPadded(cell(row, 1), x: inside.x + 17, y: y, width: middle.width, style: style)
                let lines = ReaderView.wrapped(cell(row, 3), width: textWidth)
                let more = lines.count > 2
                buffer.putPadded(lines.first ?? "", x: textX, y: y, width: textWidth, style: style)
                if lines.count > 1 {
                    let second = more ? DisplayWidth.truncate(lines[1] + " …", to: textWidth) : lines[1]
                    buffer.putPadded(second, x: textX, y: y + 1, width: textWidth, style: isSelected ? style : theme["ui.text.dim"])
                }
            }
            frame.hits.addRows(inside, pane, firstRow: offset, rowHeight: 2)
            return
        }
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
        case .reader(let reader):
            guard let detail = state.detail else { return }
            let scope = state.keyScope.contexts
            let hint = "\(keys.label(.readerNext, in: scope))/\(keys.label(.readerPrevious, in: scope)) next/previous · "
                + "\(keys.label(.down, in: scope))/\(keys.label(.up, in: scope)) scroll · \(keys.label(.back, in: scope)) close"
            let scroll = ReaderView(reader: reader, detail: detail, hint: hint).render(in: area, buffer: &buffer, theme: theme)
            frame.readerScroll = scroll
        case .tokenPrompt(let prompt):
            let scope = state.keyScope.contexts
            let field = Form.Field(label: "Token", input: .line(TextFieldState(characters: prompt.input.characters, cursor: prompt.input.cursor), masked: true),
                                   placeholder: "paste the new access token", error: prompt.error)
            let message = prompt.isChecking ? "Checking it with the service…"
                : "\(keys.label(.submit, in: scope)) use it · \(keys.label(.save, in: scope)) use it and store it for this profile · \(keys.label(.cancel, in: scope)) keep the old one"
            Form(title: "The service refused the token", fields: [field], message: message)
                .render(in: area.centered(width: min(area.width - 2, 72), height: 8), buffer: &buffer, theme: theme)
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
        case .outbox:
            let scope = state.keyScope.contexts
            let hint = "\(keys.label(.open, in: scope)) change · \(keys.label(.sendOutboxEntry, in: scope)) send now · "
                + "\(keys.label(.discardOutboxEntry, in: scope)) discard · \(keys.label(.back, in: scope)) close"
            OutboxView(outbox: state.outbox, zone: state.settings.timeZone, hint: hint).render(in: area, buffer: &buffer, theme: theme)
        case .report(let report):
            let scope = state.keyScope.contexts
            let hint = "\(keys.label(.down, in: scope))/\(keys.label(.up, in: scope)) scroll · \(keys.label(.back, in: scope)) close · "
                + "the failed leads stay marked"
            ReportView(report: report, hint: hint).render(in: area, buffer: &buffer, theme: theme)
        }
    }
}
