/// Selection and scroll position of a list, kept by the app's state.
public struct ListState: Hashable, Sendable {
    public var selected: Int
    /// The first visible row.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) { self.selected = selected; self.offset = offset }

    /// Moves the selection by `delta`, clamped to `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(count - 1, max(0, selected + delta))
    }

    /// Scrolls to show the selection in `height` rows: when it has left them,
    /// by at least `jump` rows (vim's `scrolljump`), else just enough.
    ///
    /// A jump of half the height redraws the rows once per half screen
    /// instead of at every step past the edge — a list beside another pane
    /// cannot use the terminal's scroll region, so each one-row scroll
    /// rewrites every row of it (≈2 KB at 120x40 over a slow link).
    public mutating func keepSelectionVisible(height: Int, count: Int, jump: Int = 1) {
        guard height > 0 else { return }
        let jump = max(1, min(jump, height))
        if selected < offset { offset = max(0, min(selected, offset - jump)) }
        if selected >= offset + height { offset = max(selected - height + 1, min(selected, offset + jump)) }
        offset = max(0, min(offset, max(0, count - height)))
    }
}

/// A list or table: columns with widths, a header, a selection, and a
/// scroll position. Only the visible rows are asked for and drawn, so the
/// cost of a frame does not depend on how many rows there are.
public struct TableWidget: Sendable {
    public enum Width: Hashable, Sendable {
        case fixed(Int)
        /// At least n columns, then a share of what is left.
        case min(Int)
        case flex(Int)
    }

    public struct Column: Sendable {
        public var title: String
        public var width: Width
        public var alignRight: Bool
        public init(_ title: String, _ width: Width, alignRight: Bool = false) {
            self.title = title; self.width = width; self.alignRight = alignRight
        }
    }

    public var columns: [Column]
    public var rowCount: Int
    /// Text of a cell; called only for visible rows.
    public var cell: @Sendable (_ row: Int, _ column: Int) -> String
    /// Role of a cell's text (e.g. `lead.status.customer`); nil for `ui.text`.
    public var cellRole: (@Sendable (_ row: Int, _ column: Int) -> String?)?
    /// A cell's own style (e.g. a colour the server gave); wins over `cellRole`.
    public var cellStyle: (@Sendable (_ row: Int, _ column: Int) -> Style?)?
    public var state: ListState
    public var isFocused: Bool
    public var showsHeader: Bool
    /// Shown when there are no rows.
    public var emptyText: String

    public init(columns: [Column], rowCount: Int, state: ListState, isFocused: Bool = true, showsHeader: Bool = true,
                emptyText: String = "Nothing here.", cell: @escaping @Sendable (Int, Int) -> String,
                cellRole: (@Sendable (Int, Int) -> String?)? = nil) {
        self.columns = columns; self.rowCount = rowCount; self.cell = cell; self.cellRole = cellRole
        self.state = state; self.isFocused = isFocused; self.showsHeader = showsHeader; self.emptyText = emptyText
    }

    /// Rows of data that fit in `rect`.
    public static func visibleRows(in rect: Rect, showsHeader: Bool = true) -> Int { max(0, rect.height - (showsHeader ? 1 : 0)) }

    public func columnWidths(total: Int) -> [Int] {
        let constraints: [Constraint] = columns.map {
            switch $0.width {
            case .fixed(let n): return .fixed(n)
            case .min(let n): return .min(n)
            case .flex(let w): return .fill(w)
            }
        }
        return Layout(.horizontal, constraints, spacing: 1).split(Rect(x: 0, y: 0, width: total, height: 1)).map(\.width)
    }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(total: rect.width)
        var y = rect.y
        if showsHeader {
            var x = rect.x
            for (index, column) in columns.enumerated() {
                buffer.putPadded(column.title, x: x, y: y, width: widths[index], style: theme["ui.header"], alignRight: column.alignRight)
                x += widths[index] + 1
            }
            y += 1
        }
        let height = rect.maxY - y
        guard rowCount > 0 else {
            buffer.putPadded(emptyText, x: rect.x, y: y, width: rect.width, style: theme["ui.text.dim"])
            return
        }
        let first = max(0, min(state.offset, max(0, rowCount - 1)))
        let last = min(rowCount, first + height)
        for row in first..<last {
            let isSelected = row == state.selected
            let selection = theme[isFocused ? "ui.selection" : "ui.selection.unfocused"]
            // The gaps between cells take the row's style too: a gap in the terminal's default
            // colours costs a reset and a colour again at every column (≈14 bytes a row).
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: isSelected ? selection : theme["ui.text"])
            var x = rect.x
            for (index, column) in columns.enumerated() {
                var style = cellStyle?(row, index) ?? theme[cellRole?(row, index) ?? "ui.text"]
                if isSelected { style = Style(foreground: selection.foreground, background: selection.background, attributes: selection.attributes.union(style.attributes)) }
                buffer.putPadded(cell(row, index), x: x, y: y, width: widths[index], style: style, alignRight: column.alignRight)
                x += widths[index] + 1
            }
            y += 1
        }
    }
}
