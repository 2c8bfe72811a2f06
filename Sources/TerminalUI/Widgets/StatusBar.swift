/// The bottom line: a spinner while work is in flight, the last message by
/// level, and key hints for the focused pane.
public struct StatusBar: Sendable {
    public enum Level: Sendable {
        case info, warning, error, success
        var role: String {
            switch self {
            case .info: return "status.info"
            case .warning: return "status.warning"
            case .error: return "status.error"
            case .success: return "status.success"
            }
        }
    }

    public static let spinnerFrames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public var hints: [(key: String, label: String)]
    public var message: (text: String, level: Level)?
    /// Frame number of the spinner, nil when idle.
    public var spinner: Int?

    public init(hints: [(key: String, label: String)], message: (text: String, level: Level)? = nil, spinner: Int? = nil) {
        self.hints = hints; self.message = message; self.spinner = spinner
    }

    /// The rows `render` takes in `rect`: 1, or the lines of a message that wraps (at most `rect.height`).
    public func rows(in rect: Rect) -> Int {
        guard !rect.isEmpty else { return 0 }
        return min(rect.height, wrappedMessage(width: rect.maxX - rect.x - spinnerWidth)?.count ?? 1)
    }

    /// Columns the spinner takes at the start of the bar (0 without one).
    private var spinnerWidth: Int { spinner == nil ? 0 : DisplayWidth.of(Self.spinnerFrames[0]) + 1 }

    /// The message's lines when it is too long for one row `width` columns wide; nil when it fits (or there is none).
    private func wrappedMessage(width: Int) -> [String]? {
        guard let message, DisplayWidth.of(SafeGraphemes.sanitize(message.text)) > width else { return nil }
        return Form.wrapped(message.text, width: width)
    }

    /// Draws on the last row of `rect`. A message too long for that row is never
    /// cut: it wraps onto the rows above it (up to `rect.height`, over what is
    /// drawn there), with the hints given up; only a message longer than all of
    /// them ends in "…".
    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let bottom = rect.maxY - 1
        let line = Rect(x: rect.x, y: bottom, width: rect.width, height: 1)
        buffer.fill(line, style: theme["ui.hint"])
        var x = rect.x
        if let spinner {
            x = buffer.put(Self.spinnerFrames[spinner % Self.spinnerFrames.count] + " ", x: x, y: bottom, style: theme["ui.spinner"])
        }
        if let message, var lines = wrappedMessage(width: rect.maxX - x) {
            let width = rect.maxX - x
            if lines.count > rect.height {
                lines = Array(lines.prefix(rect.height))
                lines[lines.count - 1] = DisplayWidth.truncate(lines[lines.count - 1] + " …", to: width)
            }
            let top = bottom - lines.count + 1
            for (index, text) in lines.enumerated() {
                let y = top + index
                buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: theme["ui.hint"])
                buffer.putPadded(text, x: x, y: y, width: width, style: theme[message.level.role])
            }
            return
        }
        let y = bottom
        if let message {
            // The message wins the space; hints fill what is left on the right.
            let text = SafeGraphemes.sanitize(message.text)
            let width = min(rect.maxX - x, DisplayWidth.of(text) + 2)
            buffer.putPadded(text, x: x, y: y, width: width, style: theme[message.level.role])
            x += width
        }
        var hintText: [(String, String)] = []
        var used = 0
        for hint in hints {
            let w = DisplayWidth.of(hint.key) + DisplayWidth.of(hint.label) + 3
            if x + used + w > rect.maxX { break }
            hintText.append((hint.key, hint.label))
            used += w
        }
        var hx = rect.maxX - used
        for (key, label) in hintText {
            hx = buffer.put(key, x: hx + 1, y: y, style: theme["ui.hint.key"])
            hx = buffer.put(" " + label + " ", x: hx, y: y, style: theme["ui.hint"])
        }
    }
}
