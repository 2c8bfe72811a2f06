import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// A note or an activity read whole: a box over the panes with its date and
/// author (a note) or type (an activity), then its text wrapped to the box
/// and scrolled. The store keeps which item and the top line; the text's
/// wrapping is the UI's, so the frame reports how many lines there are and
/// how many fit (`FrameMap.readerScroll`) for the keys that scroll it.
struct ReaderView {
    var reader: ReaderState
    var detail: LeadDetailState
    var hint: String

    /// The item shown: its heading ("Note", "Activity"), the lines above the text, the text.
    struct Item {
        var kind: String
        var facts: [(label: String, value: String)]
        var text: String
    }

    static func item(_ reader: ReaderState, in detail: LeadDetailState) -> Item? {
        switch reader.pane {
        case .notes:
            guard detail.notes.indices.contains(reader.index) else { return nil }
            let note = detail.notes[reader.index]
            return Item(kind: "Note", facts: [("When", Screen.dayTime(note.created)), ("By", note.user)], text: note.note)
        case .activities:
            guard detail.activities.indices.contains(reader.index) else { return nil }
            let activity = detail.activities[reader.index]
            return Item(kind: "Activity", facts: [("When", Screen.dayTime(activity.created)), ("Type", activity.activityType)],
                        text: activity.activity)
        case .list:
            return nil
        }
    }

    /// The box: at most 100 columns wide (a comfortable line to read), as tall
    /// as the text needs (`lines` wrapped lines under `facts` lines), at most the area less two rows.
    static func box(in area: Rect, facts: Int, lines: Int) -> Rect {
        let needed = 2 + facts + 1 + max(1, lines) + 1   // frame, facts, a blank, the text, the footer
        return area.centered(width: min(area.width - 2, 100), height: min(max(3, area.height - 2), max(8, needed)))
    }

    /// The width the text wraps at in a box `width` columns wide.
    static func textWidth(box width: Int) -> Int { width - 4 }

    /// `text` wrapped at `width` columns: each of its lines (CRLF, CR, LF and
    /// the Unicode breaks alike) broken after the last space that fits.
    static func wrapped(_ text: String, width: Int) -> [String] {
        LineBreaks.lines(text).flatMap { TextArea.lines(of: String($0), width: width) }
    }

    /// Draws the reader; returns the text's rows and wrapped lines (for scrolling).
    func render(in area: Rect, buffer: inout Buffer, theme: Theme) -> (rows: Int, lines: Int) {
        let count = detail.count(in: reader.pane)
        guard let item = Self.item(reader, in: detail) else {
            let box = Self.box(in: area, facts: 0, lines: 1)
            buffer.fill(box, style: theme["ui.text"])
            let inside = PaneFrame(title: detail.name, isFocused: true).render(in: box, buffer: &buffer, theme: theme)
            buffer.putPadded("Nothing to read here any more.", x: inside.x + 1, y: inside.y, width: inside.width - 1, style: theme["ui.text.dim"])
            return (0, 0)
        }
        let width = min(area.width - 2, 100)
        let lines = Self.wrapped(item.text, width: Self.textWidth(box: width))
        let box = Self.box(in: area, facts: item.facts.count, lines: lines.count)
        buffer.fill(box, style: theme["ui.text"])
        let inside = PaneFrame(title: "\(item.kind) · \(detail.name)", isFocused: true, counter: "\(reader.index + 1) of \(count)")
            .render(in: box, buffer: &buffer, theme: theme)
        guard inside.height >= 3, inside.width >= 10 else { return (0, 0) }
        var y = inside.y
        for fact in item.facts where y < inside.maxY {
            buffer.putPadded(fact.label, x: inside.x + 1, y: y, width: 6, style: theme["ui.label"])
            buffer.putPadded(fact.value.isEmpty ? "—" : fact.value, x: inside.x + 7, y: y, width: inside.width - 8, style: theme["ui.text"])
            y += 1
        }
        y += 1
        let textWidth = inside.width - 2
        let rows = max(0, inside.maxY - 1 - y)   // the last row: where it stands and the keys
        let top = min(reader.offset, max(0, lines.count - rows))
        for (row, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            buffer.put(line, x: inside.x + 1, y: y + row, style: theme["ui.text"], maxWidth: textWidth)
        }
        if lines.isEmpty, rows > 0 { buffer.put("(no text)", x: inside.x + 1, y: y, style: theme["ui.text.dim"]) }
        let shownTo = min(lines.count, top + rows)
        let place = lines.count <= rows ? "all \(lines.count) line\(lines.count == 1 ? "" : "s")"
            : "lines \(top + 1)–\(shownTo) of \(lines.count)\(shownTo < lines.count ? " ↓" : "")"
        let footer = "\(place) · \(hint)"
        buffer.putPadded(DisplayWidth.truncate(footer, to: inside.width - 1), x: inside.x + 1, y: inside.maxY - 1,
                         width: inside.width - 1, style: theme["ui.text.dim"])
        return (rows, lines.count)
    }
}
