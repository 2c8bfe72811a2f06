import LeadsStore
import TerminalUI

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
        let offset = screen.scroll.offset("palette", selected: palette.selected, count: matches.count, height: rows.height)
        // The keys and the availability of what the palette would act on: the state beneath it.
        let below = stateBelowPalette
        let stack = below.keyScope.contexts
        let keys = matches.map { screen.keys.firstKey($0, in: stack) ?? "" }
        let available = matches.map { AppReducer.isAvailable($0, in: below) }
        var table = TableWidget(columns: [.init("", .flex(1)), .init("", .fixed(10), alignRight: true)], rowCount: matches.count,
                                state: ListState(selected: palette.selected, offset: offset), showsHeader: false,
                                emptyText: "No command matches.",
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
