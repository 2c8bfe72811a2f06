import Foundation
import TerminalUI

/// A small screen built from every widget, for trying the toolkit in a real
/// terminal (and for the tmux tests): a 10,000-row table with names in many
/// scripts, tabs, a status bar, help, a form, a confirmation, a toast, a bar
/// chart and a month calendar.
final class ToolkitDemo: TerminalProgram {
    var list = ListState()
    let rows: [[String]]
    var overlay: Overlay = .none
    var message: (String, StatusBar.Level)? = ("Welcome — ? for help, q to quit", .info)
    var resolver = KeyResolver()
    var pendingHint: String?
    var keymap: Keymap
    let theme: Theme
    var lastKey = "none"
    private(set) var isFinished = false
    private(set) var needsDraw = true

    enum Overlay { case none, help(Int), form(Form), confirm, toast(String) }

    init(theme: Theme, keymap: Keymap, rowCount: Int = 10_000) {
        self.theme = theme
        var keys = keymap
        keys.bind(KeySequence([.character("f")]), to: "demo.form", in: "demo")
        keys.bind(KeySequence([.character("d")]), to: "demo.confirm", in: "demo")
        keys.bind(KeySequence([.character("t")]), to: "demo.toast", in: "demo")
        self.keymap = keys
        let names = ["Ana Souza", "山田 太郎", "김 민준", "Zoë Ångström", "Mia Chen 🌸", "Siobhán O'Brien", "Ελένη Παπαδοπούλου",
                     "François Lefèvre", "Evil\u{1B}]52;c;cHduZWQ=\u{07}Name", "Björn Þórsson"]
        let statuses = ["prospect", "contact", "tentative", "potential", "customer", "closed"]
        rows = (0..<rowCount).map { i in
            [names[i % names.count], statuses[i % statuses.count], String(format: "+1555%07d", i), "row \(i + 1)"]
        }
    }

    var contextStack: [String] {
        switch overlay {
        case .form: return ["global", "form"]
        case .confirm: return ["global", "dialog"]
        default: return ["global", "list", "demo"]
        }
    }

    // MARK: TerminalProgram

    func resized(width: Int, height: Int) { needsDraw = true }
    func receive() {}
    func tick() {}
    func hangUp(signal: Int32) {}

    func handle(_ event: TerminalEvent) {
        guard case .key(let key) = event else { return }
        if handle(key) == nil { isFinished = true }
        needsDraw = true
    }

    func render(into buffer: inout Buffer) {
        render(&buffer)
        needsDraw = false
    }

    func render(_ buffer: inout Buffer) {
        let area = buffer.area
        let (top, rest) = area.splitTop(1)
        Tabs(titles: ["1 Leads", "2 Calendar", "3 Overview"], active: 0).render(in: top, buffer: &buffer, theme: theme)
        let (main, bottom) = rest.splitBottom(1)
        let wide = main.width >= 120
        let parts = Layout(.horizontal, wide ? [.percent(55), .fill()] : [.fill()]).split(main)
        let tableArea = PaneFrame(title: "Leads (toolkit demo) — last key: \(lastKey)", isFocused: true,
                                  counter: "\(list.selected + 1) of \(rows.count)").render(in: parts[0], buffer: &buffer, theme: theme)
        list.keepSelectionVisible(height: TableWidget.visibleRows(in: tableArea), count: rows.count)
        let rows = self.rows
        TableWidget(columns: [.init("NAME", .min(16)), .init("STATUS", .fixed(10)), .init("PHONE", .fixed(13)), .init("NOTE", .flex(1))],
                    rowCount: rows.count, state: list, cell: { rows[$0][$1] },
                    cellRole: { row, column in column == 1 ? "lead.status.\(rows[row][1])" : nil })
            .render(in: tableArea, buffer: &buffer, theme: theme)
        if wide {
            let side = PaneFrame(title: "Overview").render(in: parts[1], buffer: &buffer, theme: theme)
            let (chartArea, calendarArea) = side.splitTop(7)
            BarChart(bars: ["prospect", "contact", "tentative", "potential", "customer", "closed"].enumerated().map {
                .init(label: $0.element, value: [49, 31, 20, 13, 13, 20][$0.offset], role: "lead.status.\($0.element)")
            }).render(in: chartArea, buffer: &buffer, theme: theme)
            MonthCalendar(year: 2026, month: 11, today: (2026, 11, 28), selectedDay: 24, counts: [24: 4, 25: 2, 27: 1])
                .render(in: calendarArea, buffer: &buffer, theme: theme)
        }
        var hints = [("?", "help"), ("f", "form"), ("d", "confirm"), ("q", "quit")]
        if let pendingHint { hints = [(pendingHint, "…")] }
        StatusBar(hints: hints, message: message).render(in: bottom, buffer: &buffer, theme: theme)
        switch overlay {
        case .none: break
        case .help(let offset):
            HelpOverlay(keymap: keymap, contexts: AppVocabulary.contexts, descriptions: AppVocabulary.descriptions, offset: offset,
                        title: "Help — ↑↓ scroll · esc close")
                .render(in: main, buffer: &buffer, theme: theme)
        case .form(let form):
            form.render(in: main.centered(width: 64, height: 14), buffer: &buffer, theme: theme)
        case .confirm:
            ConfirmDialog(title: "Delete", message: "Delete lead \(rows[list.selected][0])?").render(in: main, buffer: &buffer, theme: theme)
        case .toast(let text):
            Toast(text, level: .success).render(in: main, buffer: &buffer, theme: theme)
        }
    }

    /// Applies a key; nil to quit.
    func handle(_ key: Key) -> Bool? {
        lastKey = key.description
        if key == .ctrl("c") { return nil }   // raw mode: Ctrl-C arrives as a key
        if case .form(var form) = overlay, !isFormCommand(key) {
            if case .line(var state, let masked) = form.fields[form.focus].input, state.handle(key) {
                form.fields[form.focus].input = .line(state, masked: masked)
                form.fields[form.focus].error = form.focus == 1 && !state.text.contains("@") && !state.text.isEmpty ? "Invalid email." : nil
                overlay = .form(form)
                return true
            }
            if case .area(var state, let limit, let height) = form.fields[form.focus].input, state.handle(key, width: 40) {
                form.fields[form.focus].input = .area(state, limit: limit, rows: height)
                overlay = .form(form)
                return true
            }
        }
        switch resolver.resolve(key, keymap: keymap, stack: contextStack) {
        case .pending(let first, let hints):
            pendingHint = "\(first) " + hints.map { "\($0.keys.keys.last!)" }.joined(separator: "/")
            return true
        case .unbound:
            pendingHint = nil
            return true
        case .action(let action):
            pendingHint = nil
            return perform(action)
        }
    }

    func isFormCommand(_ key: Key) -> Bool { [.tab, .backTab, .escape, .ctrl("s")].contains(key) }

    func perform(_ action: String) -> Bool? {
        let page = 10
        switch action {
        case "app.quit": return nil
        case "app.help": overlay = .help(0)
        case "app.back", "dialog.no", "form.cancel": overlay = .none
        case "list.down": if case .help(let o) = overlay { overlay = .help(o + 1) } else { list.move(by: 1, count: rows.count) }
        case "list.up": if case .help(let o) = overlay { overlay = .help(max(0, o - 1)) } else { list.move(by: -1, count: rows.count) }
        case "list.top": list.move(by: -rows.count, count: rows.count)
        case "list.bottom": list.move(by: rows.count, count: rows.count)
        case "list.page.down": list.move(by: page, count: rows.count)
        case "list.page.up": list.move(by: -page, count: rows.count)
        case "demo.form":
            overlay = .form(Form(title: "New lead", fields: [
                .init(label: "Name", input: .line(TextFieldState(), masked: false), placeholder: "First Last"),
                .init(label: "Email", input: .line(TextFieldState(), masked: false), placeholder: "name@example.com"),
                .init(label: "Note", input: .area(TextAreaState(), limit: 499, rows: 3)),
            ], message: "ctrl-s save · tab next field · esc cancel"))
        case "form.field.next", "form.field.previous":
            if case .form(var form) = overlay {
                form.focus = (form.focus + (action == "form.field.next" ? 1 : form.fields.count - 1)) % form.fields.count
                overlay = .form(form)
            }
        case "form.save": overlay = .toast("Saved (demo)"); message = ("Saved", .success)
        case "demo.confirm": overlay = .confirm
        case "dialog.yes": overlay = .toast("Deleted (demo)")
        case "demo.toast": overlay = .toast("A toast")
        default: message = ("\(action) is not part of the demo", .warning)
        }
        return true
    }
}
