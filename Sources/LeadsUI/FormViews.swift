import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// Any form (lead, note, appointment) drawn with the toolkit's `Form`: each
/// field, the error under it, a note beside it (where a prefilled value came
/// from), and at the bottom the form's message or the keys that work here.
struct FormView<Model: FormModel> {
    var model: Model
    var context: Context
    var keys: KeyLabels
    /// The keymap contexts in effect, for the keys named in messages.
    var scope: [String]
    /// Shown when the form has no message of its own.
    var hint: TextWithKeys
    /// Notes beside fields besides the form's own (the appointment form's matches).
    var notes: [Model.Field: String] = [:]
    var rows = 3

    func render(in box: Rect, buffer: inout Buffer, theme: Theme) {
        let errors = model.visibleErrors(context)
        let fields = Model.Field.allCases.map { field -> Form.Field in
            let input = model.form.inputs[field] ?? TextInput()
            let kind: Form.Field.Input = field.isMultiline
                ? .area(TextAreaState(characters: input.characters, cursor: input.cursor), limit: field.limit, rows: rows)
                : .line(TextFieldState(characters: input.characters, cursor: input.cursor), masked: false)
            return Form.Field(label: field.label, input: kind, placeholder: field.placeholder, error: errors[field].map { keys.text($0, in: scope) },
                              note: notes[field] ?? model.form.notes[field])
        }
        let focus = Model.Field.allCases.firstIndex(of: model.form.focus) ?? 0
        let message = keys.text(model.form.message ?? hint, in: scope)
        Form(title: model.title, fields: fields, focus: focus, message: message, messageIsError: model.form.message != nil && model.form.isMessageError)
            .render(in: box, buffer: &buffer, theme: theme)
    }
}

/// The add-note form's box and the width its text area wraps at.
enum NoteFormView {
    static let textRows = 8

    static func box(in area: Rect) -> Rect {
        area.centered(width: min(area.width - 2, 72), height: min(area.height, textRows + 6))
    }

    /// Width of the text inside (for the wrapping up/down uses).
    static func textWidth(in box: Rect) -> Int {
        let inside = box.inset(by: 1)
        // The form's label column for "Note" is 8 wide; the area wraps one short of its width.
        return max(1, inside.width - 8 - 1)
    }
}

/// The appointment form: lead (with the matches of what is typed), start
/// (with the day it resolves to), minutes, note.
struct AppointmentFormView {
    let form: AppointmentForm
    let state: AppState
    let keys: KeyLabels

    func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        var notes: [AppointmentForm.Field: String] = [:]
        // How much was searched, while leads are still coming.
        let list = state.list
        let searching = list.nextOffset == nil ? "" : " (searched \(list.rows.count)/\(list.total ?? list.rows.count)…)"
        if form.isPicking {
            notes[.lead] = (form.matches.count == 1 ? "1 match" : "\(form.matches.count)\(form.matches.count == AppReducer.pickerLimit ? "+" : "") matches") + searching
        } else if form.lead == nil, !form.form.value(.lead).isEmpty {
            notes[.lead] = "no lead matches" + searching
        } else if let lead = form.lead {
            notes[.lead] = "✓ \(lead.slug)"
        }
        if case .success(let start) = form.start(state.context) {
            let end = form.minutes.map { minutes -> String in
                let end = start.adding(minutes: minutes)
                return " – " + (end.day == start.day ? String(format: "%02d:%02d", end.hour, end.minute) : end.friendly(today: state.today))
            } ?? ""
            notes[.start] = "→ \(start.friendly(today: state.today))\(end)"
        }
        // The form speaks of the lead picker's keys (its errors too), whether or not matches show now.
        let picker = ["global", "form", "picker"]
        let hint: TextWithKeys = "\(key: .save) save · \(key: .nextField) next field (picks the highlighted lead) · "
            + "\(key: .up)/\(key: .down) matches · \(key: .cancel) cancel"
        let box = area.centered(width: min(area.width - 2, 78), height: min(area.height, 16))
        FormView(model: form, context: state.context, keys: keys, scope: picker, hint: hint, notes: notes)
            .render(in: box, buffer: &buffer, theme: theme)
        if form.isPicking { renderMatches(box, &buffer, theme) }
    }

    /// Rows of the drop-down at once.
    static let dropDownRows = 6

    /// The lead picker's drop-down under the lead field, over the fields below:
    /// up to six matches, scrolled so the marked one is always among them (Tab
    /// or Enter picks only a lead the user can see).
    func renderMatches(_ box: Rect, _ buffer: inout Buffer, _ theme: Theme) {
        let inside = box.inset(by: 1)
        let labelWidth = Form.labelWidth(labels: AppointmentForm.Field.allCases.map(\.label), inside: inside.width)
        let rows = min(Self.dropDownRows, form.matches.count)
        let dropDown = Rect(x: inside.x + labelWidth, y: inside.y + 2, width: inside.width - labelWidth, height: rows + 2)
            .intersection(inside)
        guard dropDown.height >= 3 else { return }
        buffer.fill(dropDown, style: theme["ui.dialog"])
        let selected = min(form.matchSelected, form.matches.count - 1)
        let list = PaneFrame(title: "Leads", isFocused: true, counter: "\(selected + 1) of \(form.matches.count)")
            .render(in: dropDown, buffer: &buffer, theme: theme)
        let shown = list.height
        let offset = max(0, min(selected - shown + 1, form.matches.count - shown))
        for row in 0..<min(shown, form.matches.count - offset) {
            let index = offset + row
            let isMarked = index == selected
            let style = theme[isMarked ? "ui.selection" : "ui.text"]
            let choice = form.matches[index]
            let x = buffer.put((isMarked ? "▸ " : "  ") + choice.name, x: list.x, y: list.y + row, style: style, maxWidth: list.width)
            // The email tells apart two leads of one name.
            if !choice.email.isEmpty, list.maxX - x > 6 {
                buffer.putPadded("  " + choice.email, x: x, y: list.y + row, width: list.maxX - x, style: isMarked ? style : theme["ui.text.dim"])
            } else if x < list.maxX {
                buffer.putPadded("", x: x, y: list.y + row, width: list.maxX - x, style: style)
            }
        }
    }
}
