import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// The lead form drawn with the toolkit's `Form`: each field, the error
/// under it, where a prefilled value came from.
struct LeadFormView {
    var form: LeadForm

    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 78), height: min(area.height, 24))
    }

    func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let errors = form.visibleErrors
        let fields = LeadForm.Field.allCases.map { field -> Form.Field in
            let input = form.inputs[field] ?? TextInput()
            return Form.Field(label: field.label,
                              input: .line(TextFieldState(characters: input.characters, cursor: input.cursor), masked: false),
                              placeholder: field.placeholder, error: errors[field], note: form.notes[field])
        }
        let focus = LeadForm.Field.allCases.firstIndex(of: form.focus) ?? 0
        let message = form.message ?? "ctrl-s save · tab next field · enter on the last field saves · esc cancel"
        Form(title: form.title, fields: fields, focus: focus, message: message, messageIsError: form.isMessageError)
            .render(in: Self.box(in: area), buffer: &buffer, theme: theme)
    }
}

/// The add-note text area with its counter against 499 characters.
enum NoteFormView {
    static let textRows = 8

    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 72), height: min(area.height, textRows + 6))
    }

    /// Width of the text inside (for the wrapping up/down uses).
    static func textWidth(in area: Rect) -> Int {
        let inside = box(in: area).inset(by: 1)
        // The form's label column for "Note" is 8 wide; the area wraps one short of its width.
        return max(1, inside.width - 8 - 1)
    }

    static func render(_ form: NoteForm, in area: Rect, buffer: inout Buffer, theme: Theme) {
        let state = TextAreaState(characters: form.input.characters, cursor: form.input.cursor)
        let message = form.isSaving ? "Saving…" : (form.error ?? "ctrl-s save · enter new line · esc cancel")
        Form(title: "Note on \(form.leadName)",
             fields: [Form.Field(label: "Note", input: .area(state, limit: Rules.leadNoteLimit, rows: textRows),
                                 placeholder: "What happened, what is next…")],
             message: message, messageIsError: form.error != nil)
            .render(in: box(in: area), buffer: &buffer, theme: theme)
    }
}

/// The command palette: every command with its key, filtered by the query,
/// greyed where it does not apply.
struct PaletteView {
    var palette: PaletteState
    var state: AppState
    var screen: Screen

    func render(in area: Rect, buffer: inout Buffer) {
        let theme = screen.theme
        let matches = palette.matches()
        let box = area.centered(width: min(area.width - 2, 64), height: min(area.height, max(6, matches.count + 4)))
        buffer.fill(box, style: theme["ui.dialog"])
        let inside = PaneFrame(title: "Commands", isFocused: true, counter: "\(matches.count)").render(in: box, buffer: &buffer, theme: theme)
        guard inside.height > 1 else { return }
        let x = buffer.put(": ", x: inside.x, y: inside.y, style: theme["ui.hint.key"])
        TextField(state: TextFieldState(characters: palette.query.characters, cursor: palette.query.cursor),
                  placeholder: "type to filter", isFocused: true)
            .render(in: Rect(x: x, y: inside.y, width: inside.maxX - x, height: 1), buffer: &buffer, theme: theme)
        let rows = Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: inside.height - 1)
        var position = ListState(selected: palette.selected)
        position.keepSelectionVisible(height: rows.height, count: matches.count)
        let stack = ["global", "list", "leads", "pending"]
        let keys = matches.map { screen.keyLabel($0, stack: stack) ?? "" }
        let below = stateBelowPalette
        let available = matches.map { AppReducer.isAvailable($0, in: below) }
        var table = TableWidget(columns: [.init("", .flex(1)), .init("", .fixed(10), alignRight: true)], rowCount: matches.count,
                                state: position, showsHeader: false, emptyText: "No command matches.",
                                cell: { row, column in column == 0 ? matches[row].description : keys[row] })
        let dim = theme["ui.text.dim"]
        table.cellStyle = { row, _ in available[row] ? nil : dim }
        table.render(in: rows, buffer: &buffer, theme: theme)
    }

    /// What the palette's commands would act on: the state without the palette.
    private var stateBelowPalette: AppState {
        var below = state
        if case .palette = below.modals.last { below.modals.removeLast() }
        return below
    }
}
