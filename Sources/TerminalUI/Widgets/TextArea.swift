import TextEditing

/// A multi-line note: word wrap, cursor movement, a counter against a limit.
public struct TextAreaState: Hashable, Sendable {
    public private(set) var input: TextInput

    public init(_ text: String = "") { input = TextInput(text) }

    /// Text and cursor as they are (an app that keeps its own text state draws through this).
    public init(characters: [Character], cursor: Int) { input = TextInput(characters: characters, cursor: cursor) }

    public var characters: [Character] { input.characters }
    public var cursor: Int { input.cursor }
    public var text: String { input.text }
    /// Length as the service counts it (code points).
    public var length: Int { text.unicodeScalars.count }

    /// Editing keys as a text field, plus Enter for a new line and Up/Down by wrapped line.
    @discardableResult
    public mutating func handle(_ key: Key, width: Int) -> Bool {
        switch key {
        case .enter: input.apply(.insert("\n"), singleLine: false)
        case .up, .down: input.apply(.moveCursor(TextArea.cursor(of: input, movedUp: key == .up, width: width)), singleLine: false)
        default:
            guard let edit = TextEdit(key: key) else { return false }
            input.apply(edit, singleLine: false)
        }
        return true
    }
}

/// Draws a text area with a `123/499` counter (in the error style past the limit).
public struct TextArea: Sendable {
    public var state: TextAreaState
    public var limit: Int?
    public var isFocused: Bool
    public var placeholder: String

    public init(state: TextAreaState, limit: Int? = nil, isFocused: Bool = false, placeholder: String = "") {
        self.state = state; self.limit = limit; self.isFocused = isFocused; self.placeholder = placeholder
    }

    /// The cursor one wrapped line up or down, in the same column where it can
    /// (to the start or end past the first or last line).
    public static func cursor(of input: TextInput, movedUp: Bool, width: Int) -> Int {
        let lines = wrap(input.characters, width: width)
        guard let row = lines.lastIndex(where: { $0.start <= input.cursor }) else { return input.cursor }
        let column = input.cursor - lines[row].start
        let target = movedUp ? row - 1 : row + 1
        guard lines.indices.contains(target) else { return movedUp ? 0 : input.characters.count }
        return lines[target].start + min(column, lines[target].count)
    }

    /// `text` as the lines `wrap` breaks it into, each without its trailing spaces.
    public static func lines(of text: String, width: Int) -> [String] {
        let characters = Array(text)
        return wrap(characters, width: width).map { line in
            var text = String(characters[line.start..<line.start + line.count])
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    /// Wrapped lines: where each starts in the text and how many characters it shows.
    /// Breaks after the last space that fits; a word longer than the line is cut.
    public static func wrap(_ characters: [Character], width: Int) -> [(start: Int, count: Int)] {
        let width = max(1, width)
        var lines: [(start: Int, count: Int)] = []
        var start = 0
        while start <= characters.count {
            var end = start, used = 0, lastSpace: Int?
            while end < characters.count, characters[end] != "\n" {
                let w = max(1, DisplayWidth.of(characters[end]))
                if used + w > width { break }
                if characters[end] == " " { lastSpace = end }
                used += w
                end += 1
            }
            // A character wider than the line (a wide one in one column) still takes a line of its own:
            // without this the loop would add empty lines for ever.
            if end == start, end < characters.count, characters[end] != "\n" { end += 1 }
            if end < characters.count, characters[end] == " " {
                // A space right at the edge: break there, keeping the space on this line.
                lines.append((start, end + 1 - start))
                start = end + 1
            } else if end < characters.count, characters[end] != "\n", let space = lastSpace, space > start {
                lines.append((start, space + 1 - start))
                start = space + 1
            } else {
                lines.append((start, end - start))
                start = end < characters.count && characters[end] == "\n" ? end + 1 : end
                if end == characters.count { break }
            }
        }
        return lines
    }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard rect.height >= 2, rect.width >= 4 else { return }
        let (textRect, counterRect) = rect.splitBottom(1)
        buffer.fill(textRect, style: theme[isFocused ? "ui.input.focused" : "ui.input"])
        let lines = Self.wrap(state.characters, width: textRect.width - 1)
        let cursorRow = lines.lastIndex { $0.start <= state.cursor } ?? 0
        let top = max(0, cursorRow - textRect.height + 1)
        if state.characters.isEmpty {
            buffer.put(DisplayWidth.truncateAtWord(placeholder, to: textRect.width), x: textRect.x, y: textRect.y,
                       style: theme["ui.placeholder"], maxWidth: textRect.width)
        }
        for (offset, line) in lines.dropFirst(top).prefix(textRect.height).enumerated() {
            let text = String(state.characters[line.start..<line.start + line.count]).replacingNewlines()
            buffer.put(text, x: textRect.x, y: textRect.y + offset, style: theme["ui.input.focused"], maxWidth: textRect.width)
        }
        if isFocused, cursorRow >= top, cursorRow < top + textRect.height {
            let line = lines[cursorRow]
            let before = String(state.characters[line.start..<min(state.cursor, line.start + line.count)])
            let column = textRect.x + DisplayWidth.of(SafeGraphemes.sanitize(before))
            buffer.restyle(Rect(x: min(column, textRect.maxX - 1), y: textRect.y + cursorRow - top, width: 1, height: 1)) { $0 = theme["ui.cursor"] }
        }
        if let limit {
            let counter = "\(state.length)/\(limit)"
            let style = theme[state.length > limit ? "status.error" : "ui.text.dim"]
            buffer.putPadded(counter, x: counterRect.x, y: counterRect.y, width: counterRect.width, style: style, alignRight: true)
        }
    }
}

extension String {
    fileprivate func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
