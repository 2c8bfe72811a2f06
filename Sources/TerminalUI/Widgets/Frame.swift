/// A pane frame: a box with a title, highlighted when focused.
public struct PaneFrame: Sendable {
    public var title: String
    public var isFocused: Bool
    /// Right-aligned text in the top border, e.g. "12 of 200".
    public var counter: String?

    public init(title: String, isFocused: Bool = false, counter: String? = nil) {
        self.title = title; self.isFocused = isFocused; self.counter = counter
    }

    /// Draws the frame and returns the inside.
    @discardableResult
    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let style = theme[isFocused ? "ui.border.focused" : "ui.border"]
        // Cell by cell (`fill`): the border's characters are one column each, nothing to measure.
        for (y, left, right) in [(rect.y, "┌", "┐"), (rect.maxY - 1, "└", "┘")] {
            buffer.fill(Rect(x: rect.x, y: y, width: 1, height: 1), style: style, with: left)
            buffer.fill(Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1), style: style, with: "─")
            buffer.fill(Rect(x: rect.maxX - 1, y: y, width: 1, height: 1), style: style, with: right)
        }
        buffer.fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), style: style, with: "│")
        buffer.fill(Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: rect.height - 2), style: style, with: "│")
        let titleStyle = isFocused ? theme["ui.border.focused"].adding(.bold) : theme["ui.title"]
        var counterWidth = 0
        if let counter, rect.width > 8 {
            let text = " \(counter) "
            // The counter (a count the user acts on) is cut last: the title gives way first, down to 16 columns.
            counterWidth = min(DisplayWidth.of(text), max(rect.width / 2, rect.width - 20))
            buffer.putPadded(text, x: rect.maxX - 1 - counterWidth, y: rect.y, width: counterWidth, style: style)
        }
        let room = rect.width - 4 - counterWidth
        if room > 2, !title.isEmpty { buffer.put(" \(DisplayWidth.truncate(SafeGraphemes.sanitize(title), to: room - 2)) ", x: rect.x + 1, y: rect.y, style: titleStyle) }
        return rect.inset(by: 1)
    }
}

/// A row of tabs: `1 Leads  2 Calendar  3 Overview`, the active one highlighted.
public struct Tabs: Sendable {
    public var titles: [String]
    public var active: Int

    public init(titles: [String], active: Int) { self.titles = titles; self.active = active }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: min(1, rect.height)), style: theme["ui.tab"])
        var x = rect.x
        for (index, title) in titles.enumerated() where x < rect.maxX {
            let style = theme[index == active ? "ui.tab.active" : "ui.tab"]
            x = buffer.put(" \(title) ", x: x, y: rect.y, style: style, maxWidth: rect.maxX - x)
        }
    }
}
