/// Horizontal bars: label, bar, value; each bar in its own role's colour.
public struct BarChart: Sendable {
    public struct Bar: Sendable {
        public var label: String
        public var value: Int
        public var role: String
        /// A colour of its own (e.g. one the server gave); wins over `role`.
        public var style: Style?
        public init(label: String, value: Int, role: String = "ui.chart.bar", style: Style? = nil) {
            self.label = label; self.value = value; self.role = role; self.style = style
        }
    }

    public var bars: [Bar]

    public init(bars: [Bar]) { self.bars = bars }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let labelWidth = min(rect.width / 2, (bars.map { DisplayWidth.of($0.label) }.max() ?? 0) + 1)   // the bars keep at least half
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        // The value's column never reaches past the rect, however many digits a server's count has.
        let valueWidth = min(String(maxValue).count + 1, max(0, rect.width - labelWidth))
        let barWidth = max(0, rect.width - labelWidth - valueWidth - 1)
        for (index, bar) in bars.prefix(rect.height).enumerated() {
            let y = rect.y + index
            buffer.putPadded(bar.label, x: rect.x, y: y, width: labelWidth, style: theme["ui.text"])
            let length = bar.value <= 0 || barWidth == 0 ? 0 : max(1, min(barWidth, Int(Double(bar.value) / Double(max(1, maxValue)) * Double(barWidth))))   // counts from a server: no Int product
            let style = bar.style ?? theme[bar.role]
            // Solid blocks in the bar's colour; on mono the blocks alone carry the value.
            buffer.put(String(repeating: "█", count: length), x: rect.x + labelWidth, y: y, style: Style(foreground: style.foreground, attributes: style.attributes))
            buffer.putPadded(String(bar.value), x: rect.maxX - valueWidth, y: y, width: valueWidth, style: theme["ui.text"], alignRight: true)
        }
    }
}

/// A month grid: weeks as rows, a marker or count on days with something,
/// today and the selected day highlighted.
public struct MonthCalendar: Sendable {
    public var year: Int
    public var month: Int
    public var today: (year: Int, month: Int, day: Int)?
    public var selectedDay: Int?
    /// Day of month → count of items (appointments).
    public var counts: [Int: Int]
    public var mondayFirst: Bool

    public init(year: Int, month: Int, today: (year: Int, month: Int, day: Int)? = nil, selectedDay: Int? = nil,
                counts: [Int: Int] = [:], mondayFirst: Bool = true) {
        self.year = year; self.month = month; self.today = today; self.selectedDay = selectedDay
        self.counts = counts; self.mondayFirst = mondayFirst
    }

    static let superscripts = ["", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁺"]

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// 0 = Monday … 6 = Sunday, for the first of the month (Zeller's congruence).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        var y = year, m = month
        if m < 3 { m += 12; y -= 1 }
        let h = (day + 13 * (m + 1) / 5 + y + y / 4 - y / 100 + y / 400) % 7   // 0 = Saturday
        return (h + 5) % 7
    }

    static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The grid: rows of 7 optional day numbers.
    public var weeks: [[Int?]] {
        let first = Self.weekday(year: year, month: month, day: 1)
        let lead = mondayFirst ? first : (first + 1) % 7
        var cells: [Int?] = Array(repeating: nil, count: lead) + (1...Self.daysIn(year: year, month: month)).map { Optional($0) }
        while cells.count % 7 != 0 { cells.append(nil) }
        return stride(from: 0, to: cells.count, by: 7).map { Array(cells[$0..<$0 + 7]) }
    }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard rect.width >= 21, rect.height >= 3 else { return }
        let cellWidth = min(6, rect.width / 7)
        let title = "\(Self.monthNames[month - 1]) \(year)"
        buffer.putPadded(title, x: rect.x, y: rect.y, width: cellWidth * 7, style: theme["ui.title"])
        let names = mondayFirst ? ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] : ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]
        for (index, name) in names.enumerated() {
            buffer.putPadded(name, x: rect.x + index * cellWidth, y: rect.y + 1, width: cellWidth - 1, style: theme["ui.header"], alignRight: true)
        }
        for (row, week) in weeks.enumerated() where rect.y + 2 + row < rect.maxY {
            for (column, day) in week.enumerated() {
                guard let day else { continue }
                let isWeekend = mondayFirst ? column >= 5 : (column == 0 || column == 6)
                var role = isWeekend ? "ui.calendar.weekend" : "ui.text"
                if let today, today.year == year, today.month == month, today.day == day { role = "ui.calendar.today" }
                var style = theme[role]
                if day == selectedDay { style = theme["ui.calendar.selected"] }
                let count = counts[day] ?? 0
                // A superscript count (¹…⁹, ⁺ for more) so "24⁴" never reads as 244.
                let marker = count == 0 ? " " : Self.superscripts[min(count, 10)]
                let x = rect.x + column * cellWidth
                buffer.putPadded(String(day), x: x, y: rect.y + 2 + row, width: cellWidth - 1, style: style, alignRight: true)
                buffer.put(marker, x: x + cellWidth - 1, y: rect.y + 2 + row, style: count == 0 ? style : theme["ui.calendar.marker"])
            }
        }
    }
}
