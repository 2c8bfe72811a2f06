import TerminalUI

/// An aligned text table that fits a width.
///
/// Every cell is escaped (untrusted text never reaches the terminal raw) and
/// drawn in its agreed-width form.
/// When the natural widths do not fit: flexible columns give up columns,
/// widest first, down to their minimum; if that is not enough, optional
/// columns are hidden (lowest `hideOrder` first) and the fit starts again;
/// only then do all columns but identifiers shrink. Cut cells end in `…`,
/// counting wide characters as two columns.
struct Table {
    struct Column {
        var title: String
        var isFlexible = false
        var alignRight = false
        /// The narrowest a flexible column gets before optional columns are hidden.
        var minimum = Table.minimumWidth
        /// Set for columns that may be hidden on a narrow terminal; lower hides first.
        var hideOrder: Int?
        /// The value the next command needs (a slug, an id): never cut, never hidden; every
        /// other column gives way first. Last in the row, the column is laid out as wide as
        /// its longest value up to `identifierLayoutLimit` columns; a longer one runs past the
        /// edge whole rather than squeezing every other column for one outlier.
        var isIdentifier = false
    }

    var columns: [Column]
    var rows: [[String]] = []
    static let minimumWidth = 6
    /// The widest a last identifier column is laid out (slugs are rarely longer).
    static let identifierLayoutLimit = 40
    static let gap = "  "

    init(_ columns: [Column]) { self.columns = columns }

    /// Each cell is escaped, then put in the form every terminal gives the
    /// same width (`SafeGraphemes`: `❤️` → `❤`, a flag → its letters), so the
    /// columns line up in tmux, xterm and kitty alike.
    mutating func add(_ cells: [String]) {
        rows.append(cells.map { SafeGraphemes.sanitize(TerminalSafeText.escape($0)) })
    }

    /// The table fitted to `width`; `header: false` leaves out the titles and their rule.
    func render(width: Int?, header: Bool = true) -> String {
        if let width, let hidden = columnToHide(width: width) {
            var narrower = self
            narrower.columns.remove(at: hidden)
            narrower.rows = rows.map { row in var row = row; if hidden < row.count { row.remove(at: hidden) }; return row }
            return narrower.render(width: width, header: header)
        }
        var widths = naturalWidths()
        if let width { shrink(&widths, toFit: width) }
        var lines: [String] = []
        if header {
            lines.append(line(columns.map(\.title), widths))
            lines.append(line(widths.map { String(repeating: "─", count: $0) }, widths))
        }
        for row in rows { lines.append(line(row, widths)) }
        return lines.joined(separator: "\n")
    }

    private func naturalWidths() -> [Int] {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        if let last = columns.indices.last, columns[last].isIdentifier {
            let fitting = rows.map { $0.count > last ? DisplayWidth.of($0[last]) : 0 }.filter { $0 <= Self.identifierLayoutLimit }
            widths[last] = max(DisplayWidth.of(columns[last].title), fitting.max() ?? 0)
        }
        return widths
    }

    /// An optional column to hide when even flexible columns at their minimum do not fit.
    private func columnToHide(width: Int) -> Int? {
        let needed = zip(columns, naturalWidths()).map { column, natural in
            column.isFlexible && !column.isIdentifier ? min(natural, max(column.minimum, DisplayWidth.of(column.title))) : natural
        }.reduce(0, +) + Self.gap.count * max(0, columns.count - 1)
        guard needed > width else { return nil }
        return columns.indices.filter { columns[$0].hideOrder != nil && !columns[$0].isIdentifier }.min { columns[$0].hideOrder! < columns[$1].hideOrder! }
    }

    private func line(_ cells: [String], _ widths: [Int]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let isLast = index == widths.count - 1
            let fitted = columns[index].isIdentifier && DisplayWidth.of(cell) > width ? cell   // whole, past the edge if need be
                : isLast && !columns[index].alignRight ? DisplayWidth.truncate(cell, to: width)
                : DisplayWidth.pad(cell, to: width, alignRight: columns[index].alignRight)
            parts.append(fitted)
        }
        return parts.joined(separator: Self.gap)
    }

    private func shrink(_ widths: inout [Int], toFit total: Int) {
        var excess = widths.reduce(0, +) + Self.gap.count * max(0, widths.count - 1) - total
        for flexibleOnly in [true, false] {
            while excess > 0 {
                let candidates = widths.indices.filter {
                    !columns[$0].isIdentifier
                        && (flexibleOnly ? columns[$0].isFlexible && widths[$0] > columns[$0].minimum : widths[$0] > 4)
                }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
    }
}
