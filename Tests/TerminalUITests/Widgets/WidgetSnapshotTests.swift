import Testing
@testable import TerminalUI

/// Every widget drawn through the test backend's buffer, narrow and wide.
@Suite struct WidgetSnapshotTests {
    static let theme = Theme(name: "test", roles: [
        "ui.text": .init(foreground: ColorLadder(index: 7)),
        "ui.selection": .init(foreground: ColorLadder(index: 0), background: ColorLadder(index: 4), mono: .reverse),
        "form.error": .init(foreground: ColorLadder(index: 1)),
        "lead.status.customer": .init(foreground: ColorLadder(index: 2)),
    ], depth: .colors256)

    func draw(_ width: Int, _ height: Int, _ body: (inout Buffer) -> Void) -> [String] {
        var buffer = Buffer(width: width, height: height)
        body(&buffer)
        return buffer.lines
    }

    let names = ["Ana Souza", "山田 太郎", "Mia Chen 🌸", "Zoë Ångström"]

    @Test func tableNarrowAndWide() {
        let names = self.names
        func table(_ state: ListState) -> TableWidget {
            TableWidget(columns: [.init("NAME", .min(8)), .init("STATUS", .fixed(8)), .init("N", .fixed(3), alignRight: true)],
                        rowCount: names.count, state: state, cell: { row, column in [names[row], "customer", String(row)][column] },
                        cellRole: { _, column in column == 1 ? "lead.status.customer" : nil })
        }
        let narrow = draw(22, 4) { table(ListState(selected: 1, offset: 1)).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(narrow == ["NAME      STATUS     N", "山田 太郎 customer   1", "Mia Chen… customer   2", "Zoë Ångs… customer   3"])
        var wideBuffer = Buffer(width: 40, height: 5)
        table(ListState(selected: 0)).render(in: wideBuffer.area, buffer: &wideBuffer, theme: Self.theme)
        #expect(wideBuffer.lines[1] == "Ana Souza                   customer   0")
        #expect(wideBuffer[0, 1].style.background == .index(4))
        #expect(wideBuffer[28, 2].style.foreground == .index(2))
        #expect(wideBuffer[0, 2].style.foreground == .index(7))
    }

    @Test func tableDrawsOnlyVisibleRows() {
        final class Counter: @unchecked Sendable { var calls = 0 }
        let counter = Counter()
        var buffer = Buffer(width: 30, height: 10)
        TableWidget(columns: [.init("ROW", .flex(1))], rowCount: 1_000_000, state: ListState(selected: 500_000, offset: 499_995),
                    cell: { row, _ in counter.calls += 1; return "row \(row)" }).render(in: buffer.area, buffer: &buffer, theme: Self.theme)
        #expect(counter.calls == 9)
        #expect(buffer.lines[1] == "row 499995")
    }

    @Test func listStateKeepsTheSelectionVisible() {
        var state = ListState()
        state.move(by: 25, count: 100)
        state.keepSelectionVisible(height: 10, count: 100)
        #expect(state == ListState(selected: 25, offset: 16))
        state.move(by: -100, count: 100)
        state.keepSelectionVisible(height: 10, count: 100)
        #expect(state == ListState(selected: 0, offset: 0))
    }

    @Test func textFieldEditsByGrapheme() {
        var field = TextFieldState("山田")
        field.handle(.character("🌸"))
        field.handle(.left)
        field.handle(.backspace)
        #expect(field.text == "山🌸")
        field.handle(.home)
        field.handle(.character("e"))
        field.handle(.character("\u{301}"))
        #expect(field.text == "é山🌸" || field.text == "e\u{301}山🌸")
        field.handle(.end)
        field.handle(.character(" "))
        field.handle(.character("x"))
        field.handle(.ctrl("w"))
        #expect(field.text.hasSuffix("山🌸 "))
        field.handle(.ctrl("u"))
        #expect(field.text.isEmpty)
        field.setText("abc def")
        field.handle(.home); field.handle(.right)
        field.handle(.ctrl("k"))
        #expect(field.text == "a")
    }

    @Test func textFieldScrollsMasksAndShowsPlaceholder() {
        let long = TextFieldState("abcdefghijklmnop")
        #expect(draw(8, 1) { TextField(state: long, isFocused: true).render(in: $0.area, buffer: &$0, theme: Self.theme) } == ["jklmnop"])
        #expect(draw(8, 1) { TextField(state: TextFieldState("secret"), isMasked: true).render(in: $0.area, buffer: &$0, theme: Self.theme) } == ["••••••"])
        #expect(draw(12, 1) { TextField(state: TextFieldState(), placeholder: "name@x.com").render(in: $0.area, buffer: &$0, theme: Self.theme) } == ["name@x.com"])
    }

    @Test func textAreaWrapsAndCounts() {
        let state = TextAreaState("Called and left a voicemail about pricing")
        let lines = draw(16, 4) { TextArea(state: state, limit: 499).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(lines == ["Called and left", "a voicemail", "about pricing", "          41/499"])
        var over = TextAreaState(String(repeating: "x", count: 10))
        over.handle(.character("y"), width: 10)
        var buffer = Buffer(width: 12, height: 3)
        TextArea(state: over, limit: 10).render(in: buffer.area, buffer: &buffer, theme: Self.theme)
        #expect(buffer.lines[2].hasSuffix("11/10"))
    }

    @Test func formShowsErrorsUnderTheirFields() {
        let form = Form(title: "New lead", fields: [
            .init(label: "Email", input: .line(TextFieldState("bea@"), masked: false), error: "Invalid email."),
            .init(label: "Phone", input: .line(TextFieldState("999999999"), masked: false)),
        ], focus: 0, message: "The server said no.", messageIsError: true)
        let lines = draw(40, 7) { form.render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(lines == [
            "┌ New lead ────────────────────────────┐",
            "│Email › bea@                          │",
            "│        ✗ Invalid email.              │",
            "│Phone   999999999                     │",
            "│                                      │",
            "│The server said no.                   │",
            "└──────────────────────────────────────┘",
        ])
    }

    @Test func confirmationNamesTheThing() {
        let lines = draw(50, 7) { ConfirmDialog(title: "Delete", message: "Delete lead Ana Souza?").render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(lines[2].contains("Delete lead Ana Souza?"))
        #expect(lines[4].contains("y yes · n/esc no"))
        #expect(lines[1].contains("┌ Delete "))
    }

    /// A question or a form's message too long for one line wraps; nothing is cut mid-word.
    @Test func longQuestionsAndFormMessagesWrap() {
        let question = "Delete the note “Called about the renewal of the contract for 2027” on Ana Souza?"
        let dialog = draw(50, 9) { ConfirmDialog(title: "Delete note", message: question).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        let words = dialog.joined(separator: " ").split(whereSeparator: { " │┌┐└┘─".contains($0) }).joined(separator: " ")
        #expect(words.contains("on Ana Souza?"), "\(dialog.joined(separator: "\n"))")
        let keys = "y sends it now · n keeps it waiting · esc closes this"
        let short = draw(70, 9) { ConfirmDialog(title: "Send", message: "Send?", hint: keys).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(short.contains { $0.contains(keys) }, "\(short.joined(separator: "\n"))")
        let hint = "ctrl-s save · tab next field (picks the highlighted lead) · up/down matches · esc cancel"
        let form = draw(50, 8) { Form(title: "New", fields: [], message: hint).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(form.joined(separator: " ").contains("esc cancel"), "\(form.joined(separator: "\n"))")
    }

    /// The counter (a count the user acts on) gives way last; a field's note wraps whole.
    @Test func countersAndNotesAreNotCut() {
        let counter = "1 of 3 matching (50/108 searched…)"
        let frame = draw(62, 3) { PaneFrame(title: "Leads · owned · “kim”", counter: counter).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(frame[0].contains(counter), "\(frame[0])")
        let note = "one of direct website facebook twitter instagram search pinterest reddit other"
        let form = draw(50, 8) {
            Form(title: "New", fields: [.init(label: "Source", input: .line(TextFieldState(characters: [], cursor: 0), masked: false), note: note)])
                .render(in: $0.area, buffer: &$0, theme: Self.theme)
        }
        let words = form.joined(separator: " ").split(whereSeparator: { " │".contains($0) })
        #expect(words.contains("pinterest") && words.contains("reddit") && words.contains("other"), "\(form.joined(separator: "\n"))")
    }

    @Test func statusBarAndToast() {
        let bar = draw(60, 1) {
            StatusBar(hints: [("?", "help"), ("q", "quit")], message: ("Saved.", .success), spinner: 3).render(in: $0.area, buffer: &$0, theme: Self.theme)
        }
        #expect(bar == ["⠸ Saved.                                     ? help  q quit"])
        let narrow = draw(20, 1) { StatusBar(hints: [("?", "help"), ("q", "quit")], message: ("A long error message here", .error)).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        // One row only: the end marked; with rows above, the message wraps upward, whole, the hints given up.
        #expect(narrow == ["A long error messag…"])
        let wrapped = draw(20, 3) { StatusBar(hints: [("?", "help"), ("q", "quit")], message: ("A long error message here", .error)).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(wrapped == ["", "A long error message", "here"])
        let short = draw(30, 3) { StatusBar(hints: [("q", "quit")], message: ("Saved.", .success)).render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(short == ["", "", "Saved.                 q quit"])
        let toast = draw(30, 5) { Toast("Deleted").render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(toast.suffix(3) == ["                   ┌─────────┐", "                   │ Deleted │", "                   └─────────┘"])
    }

    @Test func paneFrameAndTabs() {
        #expect(draw(30, 3) { PaneFrame(title: "Leads", isFocused: true, counter: "3 of 200").render(in: $0.area, buffer: &$0, theme: Self.theme) }
                == ["┌ Leads ─────────── 3 of 200 ┐", "│                            │", "└────────────────────────────┘"])
        #expect(draw(40, 1) { Tabs(titles: ["1 Leads", "2 Calendar"], active: 1).render(in: $0.area, buffer: &$0, theme: Self.theme) } == [" 1 Leads  2 Calendar"])
    }

    @Test func helpIsGeneratedFromTheKeymap() {
        var keymap = Keymap()
        keymap.bind(KeySequence([.character("j")]), to: "list.down", in: "list")
        keymap.bind(KeySequence([.down]), to: "list.down", in: "list")
        keymap.bind(KeySequence([.character("q")]), to: "app.quit", in: "global")
        let help = HelpOverlay(keymap: keymap, contexts: [("global", "Everywhere"), ("list", "Lists")],
                               descriptions: ["list.down": "Down", "app.quit": "Quit"])
        #expect(help.rows == [.heading("Everywhere"), .binding(keys: "q", action: "app.quit", description: "Quit"), .blank,
                              .heading("Lists"), .binding(keys: "j/down", action: "list.down", description: "Down")])
        let lines = draw(60, 8) { help.render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(lines.contains { $0.contains("j/down") && $0.contains("Down") })
    }

    @Test func barChartScalesToTheLargest() {
        let lines = draw(30, 2) {
            BarChart(bars: [.init(label: "customer", value: 10), .init(label: "closed", value: 5)]).render(in: $0.area, buffer: &$0, theme: Self.theme)
        }
        #expect(lines == ["customer █████████████████  10", "closed   ████████            5"])
    }

    @Test func monthCalendarNovember2026() {
        let calendar = MonthCalendar(year: 2026, month: 11, today: (2026, 11, 28), selectedDay: 24, counts: [24: 4, 25: 12])
        #expect(calendar.weeks.first == [nil, nil, nil, nil, nil, nil, 1])
        #expect(calendar.weeks.count == 6)
        let lines = draw(42, 9) { calendar.render(in: $0.area, buffer: &$0, theme: Self.theme) }
        #expect(lines[0] == "November 2026")
        #expect(lines[1] == "   Mo    Tu    We    Th    Fr    Sa    Su")
        #expect(lines[6] == "   23    24⁴   25⁺   26    27    28    29")
        #expect(MonthCalendar(year: 2024, month: 2).weeks.flatMap { $0 }.compactMap { $0 }.last == 29)
        #expect(MonthCalendar(year: 2026, month: 11, mondayFirst: false).weeks.first == [1, 2, 3, 4, 5, 6, 7])
    }
}

/// Every widget at a narrow and a wide size: nothing spills past its area,
/// and what matters is still shown.
@Suite struct WidgetSizeTests {
    static let sizes = [(40, 12), (160, 48)]

    static let widgets: [(String, String, @Sendable (inout Buffer, Theme) -> Void)] = [
        ("table", "山田", { b, t in TableWidget(columns: [.init("NAME", .min(10)), .init("N", .fixed(4))], rowCount: 3, state: ListState(),
                                                cell: { r, c in c == 0 ? ["Ana", "山田 太郎", "Mia 🌸"][r] : String(r) }).render(in: b.area, buffer: &b, theme: t) }),
        ("field", "bea@", { b, t in TextField(state: TextFieldState("bea@example.com"), isFocused: true).render(in: b.area, buffer: &b, theme: t) }),
        ("area", "/499", { b, t in TextArea(state: TextAreaState("a note"), limit: 499).render(in: b.area, buffer: &b, theme: t) }),
        ("form", "Invalid email.", { b, t in Form(title: "Lead", fields: [.init(label: "Email", input: .line(TextFieldState("x"), masked: false), error: "Invalid email.")]).render(in: b.area, buffer: &b, theme: t) }),
        ("confirm", "Delete lead", { b, t in ConfirmDialog(title: "Delete", message: "Delete lead Ana Souza?").render(in: b.area, buffer: &b, theme: t) }),
        ("toast", "Saved", { b, t in Toast("Saved").render(in: b.area, buffer: &b, theme: t) }),
        ("status", "help", { b, t in StatusBar(hints: [("?", "help")], message: ("ok", .info), spinner: 0).render(in: b.area, buffer: &b, theme: t) }),
        ("frame", "Leads", { b, t in PaneFrame(title: "Leads", counter: "1 of 3").render(in: b.area, buffer: &b, theme: t) }),
        ("tabs", "Calendar", { b, t in Tabs(titles: ["1 Leads", "2 Calendar"], active: 0).render(in: b.area, buffer: &b, theme: t) }),
        ("help", "Quit", { b, t in
            var keymap = Keymap()
            keymap.bind(KeySequence([.character("q")]), to: "app.quit", in: "global")
            HelpOverlay(keymap: keymap, contexts: [("global", "Everywhere")], descriptions: ["app.quit": "Quit"]).render(in: b.area, buffer: &b, theme: t) }),
        ("chart", "customer", { b, t in BarChart(bars: [.init(label: "customer", value: 3)]).render(in: b.area, buffer: &b, theme: t) }),
        ("calendar", "November 2026", { b, t in MonthCalendar(year: 2026, month: 11, counts: [3: 1]).render(in: b.area, buffer: &b, theme: t) }),
    ]

    @Test(arguments: 0..<widgets.count)
    func fitsNarrowAndWide(_ index: Int) {
        let (name, mustShow, draw) = Self.widgets[index]
        for (width, height) in Self.sizes {
            let backend = TestBackend(width: width, height: height)
            var buffer = Buffer(width: width, height: height)
            draw(&buffer, WidgetSnapshotTests.theme)
            backend.draw(buffer)
            #expect(backend.lines.count == height, "\(name)")
            #expect(backend.lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(name) at \(width)x\(height)")
            #expect(backend.lines.contains { $0.contains(mustShow) }, "\(name) at \(width)x\(height) lost “\(mustShow)”")
        }
    }

    @Test func styledLinesMarkTheSelection() {
        let theme = WidgetSnapshotTests.theme
        let backend = TestBackend(width: 12, height: 3)
        var buffer = Buffer(width: 12, height: 3)
        TableWidget(columns: [.init("NAME", .flex(1))], rowCount: 2, state: ListState(selected: 1), cell: { r, _ in ["Ana", "Bea"][r] })
            .render(in: buffer.area, buffer: &buffer, theme: theme)
        backend.draw(buffer)
        #expect(backend.styledLines(markers: [theme["ui.selection"]: "sel"]) == ["[]NAME", "[]Ana", "[sel]Bea"])
    }
}
