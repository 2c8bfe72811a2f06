/// Labelled fields in focus order, an error message under each, a form-level message.
public struct Form: Sendable {
    public struct Field: Sendable {
        public enum Input: Sendable {
            case line(TextFieldState, masked: Bool)
            case area(TextAreaState, limit: Int?, rows: Int)
        }
        public var label: String
        public var input: Input
        public var placeholder: String
        /// Shown under the field in the error style.
        public var error: String?
        /// Shown dim after the label (e.g. "prefilled from last time").
        public var note: String?

        public init(label: String, input: Input, placeholder: String = "", error: String? = nil, note: String? = nil) {
            self.label = label; self.input = input; self.placeholder = placeholder; self.error = error; self.note = note
        }
    }

    public var title: String
    public var fields: [Field]
    public var focus: Int
    /// One line above the buttons: a server message, "Saving…", …
    public var message: String?
    public var messageIsError: Bool

    public init(title: String, fields: [Field], focus: Int = 0, message: String? = nil, messageIsError: Bool = false) {
        self.title = title; self.fields = fields; self.focus = focus; self.message = message; self.messageIsError = messageIsError
    }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        buffer.fill(rect, style: theme["ui.dialog"])
        let inside = PaneFrame(title: title, isFocused: true).render(in: rect, buffer: &buffer, theme: theme)
        let labelWidth = Self.labelWidth(labels: fields.map(\.label), inside: inside.width)
        // The message (or the keys that work here) at the bottom, wrapped to at most two lines, never cut mid-word.
        let messageLines = message.map { Self.wrapped($0, width: inside.width) } ?? []
        let bottomRows = min(max(0, inside.height), max(1, min(2, messageLines.count)))
        var y = inside.y
        for (index, field) in fields.enumerated() where y < inside.maxY - bottomRows {
            let isFocused = index == focus
            buffer.putPadded(field.label + (isFocused ? " ›" : ""), x: inside.x, y: y, width: labelWidth,
                             style: isFocused ? theme["ui.label"].adding(.bold) : theme["ui.label"])
            let inputRect = Rect(x: inside.x + labelWidth, y: y, width: inside.width - labelWidth, height: 1)
            switch field.input {
            case .line(let state, let masked):
                TextField(state: state, placeholder: field.placeholder, isMasked: masked, isFocused: isFocused)
                    .render(in: inputRect, buffer: &buffer, theme: theme)
                y += 1
            case .area(let state, let limit, let rows):
                let height = min(rows + 1, inside.maxY - y)
                TextArea(state: state, limit: limit, isFocused: isFocused, placeholder: field.placeholder)
                    .render(in: Rect(x: inputRect.x, y: y, width: inputRect.width, height: height), buffer: &buffer, theme: theme)
                y += height
            }
            if let note = field.note {
                // Every line of it, wrapped (a choice field lists every choice).
                for text in Self.wrapped(note, width: inside.width - labelWidth) where y < inside.maxY - bottomRows {
                    buffer.putPadded(text, x: inside.x + labelWidth, y: y, width: inside.width - labelWidth, style: theme["ui.text.dim"])
                    y += 1
                }
            }
            if let error = field.error {
                // Every wrapped line: a field's message is worth reading whole.
                for text in Self.wrapped("✗ " + error, width: inside.width - labelWidth) where y < inside.maxY - bottomRows {
                    buffer.putPadded(text, x: inside.x + labelWidth, y: y, width: inside.width - labelWidth, style: theme["form.error"])
                    y += 1
                }
            }
        }
        var lines = Array(messageLines.prefix(bottomRows))
        if messageLines.count > bottomRows, bottomRows > 0, let last = lines.popLast() { lines.append(DisplayWidth.truncate(last + " …", to: inside.width)) }
        for (index, text) in lines.enumerated() {
            buffer.putPadded(text, x: inside.x, y: inside.maxY - lines.count + index, width: inside.width,
                             style: theme[messageIsError ? "form.error.summary" : "ui.text.dim"])
        }
    }

    /// The label column's width: the longest label, " ›" and a space, 8 to 18, at most
    /// half of a narrow form (nothing is drawn past its box).
    public static func labelWidth(labels: [String], inside width: Int) -> Int {
        min(width / 2, min(18, max(8, (labels.map { DisplayWidth.of($0) }.max() ?? 8) + 3)))
    }

    /// `text` (sanitised) in lines of at most `width` columns, broken at spaces, trailing spaces dropped.
    static func wrapped(_ text: String, width: Int) -> [String] {
        TextArea.lines(of: SafeGraphemes.sanitize(text), width: max(1, width))
    }
}

/// A modal question: "Delete lead Ana Souza? y/N".
public struct ConfirmDialog: Sendable {
    public var title: String
    public var message: String
    public var hint: String

    public init(title: String, message: String, hint: String = "y yes · n/esc no") {
        self.title = title; self.message = message; self.hint = hint
    }

    public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        // Wide enough for the keys' hint whole ("y resumes it · n keeps it for later"), and the message up to 70.
        let width = min(area.width, max(30, DisplayWidth.of(hint) + 4, min(70, DisplayWidth.of(SafeGraphemes.sanitize(message)) + 6)))
        // The question whole, wrapped (a long name is not cut off before the "?").
        let lines = Form.wrapped(message, width: width - 4)
        let box = area.centered(width: width, height: 4 + lines.count)
        buffer.fill(box, style: theme["ui.dialog"])
        let inside = PaneFrame(title: title, isFocused: true).render(in: box, buffer: &buffer, theme: theme)
        // A screen too short for the whole box keeps the message, then the hint, inside it.
        guard inside.height >= 1 else { return }
        for (index, line) in lines.prefix(max(1, inside.height - 2)).enumerated() {
            buffer.putPadded(line, x: inside.x + 1, y: inside.y + index, width: inside.width - 2, style: theme["ui.dialog"])
        }
        guard inside.height >= 2 else { return }
        buffer.putPadded(hint, x: inside.x + 1, y: inside.maxY - 1, width: inside.width - 2, style: theme["ui.hint"], alignRight: true)
    }
}

/// A short message in the bottom-right corner that goes away by itself.
public struct Toast: Sendable {
    public var message: String
    public var level: StatusBar.Level

    public init(_ message: String, level: StatusBar.Level = .info) { self.message = message; self.level = level }

    public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let width = min(area.width, DisplayWidth.of(SafeGraphemes.sanitize(message)) + 4)
        guard width > 4, area.height >= 3 else { return }
        let box = Rect(x: area.maxX - width, y: area.maxY - 3, width: width, height: 3)
        buffer.fill(box, style: theme["ui.dialog"])
        let inside = PaneFrame(title: "", isFocused: false).render(in: box, buffer: &buffer, theme: theme)
        buffer.putPadded(message, x: inside.x + 1, y: inside.y, width: inside.width - 1, style: theme[level.role])
    }
}
