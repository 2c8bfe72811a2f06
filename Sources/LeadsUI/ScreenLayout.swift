import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// Where everything goes on a screen of a given size. The screen draws by
/// it, and the store is told the sizes it needs (`viewport`): the store
/// never lays anything out itself.
///
///     ┌ title bar ─────────────────────────────────────────────┐  row 0
///     ┌ Leads ─────────────── N of M ┐┌ Lead name ─────────────┐
///     │ NAME    STATUS …             ││ fields                 │
///     │ rows                         ││ ┌ Notes ─────────────┐ │
///     │                              ││ └────────────────────┘ │
///     │                              ││ ┌ Activities ────────┐ │
///     └ / filter bar (when open) ────┘└────────────────────────┘
///      status bar                                                  last row
///
/// Narrow terminals (< 120 columns) show the list or the detail, full width.
public struct ScreenLayout: Equatable, Sendable {
    public var title: Rect
    public var main: Rect
    public var status: Rect
    public var list: Rect?
    public var detail: Rect?

    /// The sizes the store needs for a terminal of `width` x `height`.
    public static func viewport(width: Int, height: Int) -> Viewport {
        let layout = ScreenLayout(width: width, height: height, isShowingDetail: false)
        return Viewport(width: width, height: height, listRows: layout.listRows?.height ?? 1,
                        helpRows: max(1, layout.main.height - 2), isWide: Self.isWide(width: width))
    }

    /// 120 columns and more: the list and the detail side by side.
    public static func isWide(width: Int) -> Bool { width >= 120 }

    public init(width: Int, height: Int, isShowingDetail: Bool) {
        let area = Rect(x: 0, y: 0, width: width, height: height)
        let (top, rest) = area.splitTop(1)
        let (main, bottom) = rest.splitBottom(1)
        title = top
        status = bottom
        self.main = main
        if Self.isWide(width: width) {
            // The detail gets 40 %, and at least the 58 columns that show a 40-character
            // email or a 16-digit phone whole; the list keeps at least 60.
            let detailWidth = max(width * 2 / 5, min(58, width - 60))
            let (left, right) = main.splitRight(detailWidth)
            list = left
            detail = right
        } else if isShowingDetail {
            detail = main
        } else {
            list = main
        }
    }

    /// The inside of the list frame below the header: the data rows.
    public var listRows: Rect? {
        guard let list else { return nil }
        let inside = list.inset(by: 1)
        return Rect(x: inside.x, y: inside.y + 1, width: inside.width, height: max(0, inside.height - 1))
    }
}

/// The detail pane's parts: fields on top, then the notes and activities boxes.
///
/// The fields are two label–value pairs a line when every value fits its half;
/// otherwise one pair a line, a value longer than its line wrapped onto the
/// next ones: name, email and phone are never cut while the pane has rows.
public struct DetailLayout: Sendable {
    /// One line of fields: one or two pairs; `continued` marks a wrapped value's later lines (no label).
    public struct FieldLine: Equatable, Sendable {
        public var pairs: [Pair]
        public struct Pair: Equatable, Sendable {
            public var label: String
            public var value: String
            public var isStatus = false
            /// Where the value links to (`mailto:`, `tel:`), for terminals that open OSC 8 links.
            public var link: String?
        }
    }

    public var fields: Rect
    public var fieldLines: [FieldLine]
    public var notes: Rect
    public var activities: Rect

    /// Width of the label column.
    public static let labelWidth = 12

    public init(frame: Rect, lead: LeadDetail?) {
        let inside = frame.inset(by: 1)
        fieldLines = lead.map { Self.lines(for: $0, width: inside.width) } ?? []
        let rows = lead == nil ? 6 : fieldLines.count + 1   // + the conversion bar
        let (fields, rest) = inside.splitTop(min(rows, max(0, inside.height - 6), inside.height))
        self.fields = fields
        let boxes = Layout(.vertical, [.percent(55), .fill()]).split(rest)
        notes = boxes[0]
        activities = boxes.count > 1 ? boxes[1] : Rect(x: rest.x, y: rest.maxY, width: rest.width, height: 0)
    }

    /// The lines of fields for a pane `width` columns wide inside its frame.
    public static func lines(for lead: LeadDetail, width: Int) -> [FieldLine] {
        typealias Pair = FieldLine.Pair
        let slug = lead.id.map { "\(lead.slug) (#\($0))" } ?? lead.slug
        let extras = [("Location", lead.location), ("Assignee", lead.assignee), ("Owner", lead.owner)]
            .compactMap { label, value in value.map { Pair(label: label, value: $0) } }
        let half = max(0, width - 1) / 2
        let twoColumns: [(Pair, Pair)] = [
            (Pair(label: "First", value: lead.firstName), Pair(label: "Last", value: lead.lastName)),
            (Pair(label: "Status", value: lead.status, isStatus: true), Pair(label: "Source", value: lead.source)),
            (Pair(label: "Email", value: lead.email, link: Hyperlink.mailto(lead.email)),
             Pair(label: "Phone", value: lead.phone, link: Hyperlink.tel(lead.phone))),
            (Pair(label: "Added", value: Screen.dayTime(lead.addedOn)), Pair(label: "Slug", value: slug)),
        ]
        // The lead's message: wrapped to three lines at most (the rest, marked …, is for the edit form).
        let valueWidth = max(1, width - labelWidth - 2)
        var messageParts = wrapped(lead.message, width: valueWidth)
        if messageParts.count > 3 {
            messageParts = Array(messageParts.prefix(3))
            messageParts[2] = DisplayWidth.truncate(messageParts[2] + " …", to: valueWidth)
        }
        let message = messageParts.enumerated().map { index, part in
            FieldLine(pairs: [Pair(label: index == 0 ? "Message" : "", value: part)])
        }
        // Two pairs a line when every value of the pairs fits its half.
        if twoColumns.allSatisfy({ DisplayWidth.of($0.0.value) <= half - labelWidth - 1 && DisplayWidth.of($0.1.value) <= half - labelWidth - 1 }) {
            var lines = twoColumns.map { FieldLine(pairs: [$0.0, $0.1]) } + message
            for index in stride(from: 0, to: extras.count, by: 2) {
                lines.append(FieldLine(pairs: Array(extras[index..<min(extras.count, index + 2)])))
            }
            return lines
        }
        let name = [lead.firstName, lead.lastName].filter { !$0.isEmpty }.joined(separator: " ")
        let pairs = [Pair(label: "Name", value: name), twoColumns[1].0, twoColumns[1].1, twoColumns[2].0, twoColumns[2].1,
                     twoColumns[3].0, twoColumns[3].1] + extras
        var lines: [FieldLine] = []
        for pair in pairs {
            let parts = pair.isStatus ? [pair.value] : wrapped(pair.value, width: valueWidth)
            for (index, part) in parts.enumerated() {
                lines.append(FieldLine(pairs: [Pair(label: index == 0 ? pair.label : "", value: part, isStatus: pair.isStatus, link: pair.link)]))
            }
        }
        return lines + message
    }

    /// A value cut into lines of `width` columns (at spaces where it can: an
    /// email or a phone has none and is cut anywhere).
    static func wrapped(_ value: String, width: Int) -> [String] {
        let line = LineBreaks.oneLine(value)
        return DisplayWidth.of(line) > width ? TextArea.lines(of: line, width: width) : [line]
    }

    /// Rows of a box's list (inside its frame).
    public static func rows(of box: Rect) -> Rect { box.inset(by: 1) }
}
