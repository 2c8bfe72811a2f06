import TextEditing

/// The text and cursor of a one-line field, edited by grapheme.
///
/// Keys: printable text inserts; Backspace/Delete; Left/Right; Home/End and
/// Ctrl-A/Ctrl-E; Ctrl-K kills to the end, Ctrl-U to the start, Ctrl-W the
/// word before the cursor. Pasted text arrives as characters like typed text;
/// a newline in it is dropped (one line), a tab becomes a space.
public struct TextFieldState: Hashable, Sendable {
    public private(set) var input: TextInput
    /// The first visible character when the text is wider than the field.
    public private(set) var scroll = 0

    public init(_ text: String = "") { input = TextInput(text) }

    /// Text and cursor as they are (for an app that keeps its own text state).
    public init(characters: [Character], cursor: Int) { input = TextInput(characters: characters, cursor: cursor) }

    public var characters: [Character] { input.characters }
    /// 0...characters.count
    public var cursor: Int { input.cursor }
    public var text: String { input.text }

    public mutating func setText(_ text: String) {
        input = TextInput(text)
        scroll = 0
    }

    /// Applies an editing key (`TextEdit(key:)`); false when the key is not for the field.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        if case .character(let c) = key, c == "\n" || c == "\r\n" || c == "\r" { return true }
        guard let edit = TextEdit(key: key) else { return false }
        input.apply(edit, singleLine: true)
        return true
    }

    public mutating func insert(_ character: Character) { input.apply(.insert(String(character)), singleLine: true) }

    /// Keeps the cursor inside `width` columns by scrolling: walks back from
    /// the cursor at most `width` columns (a pasted page costs a line, not its length squared).
    mutating func scrollToCursor(width: Int) {
        guard width > 1 else { scroll = cursor; return }
        if cursor < scroll { scroll = cursor }
        var used = 0, start = cursor
        while start > scroll {
            let next = DisplayWidth.of(characters[start - 1])
            if used + next > width - 1 { scroll = start; return }
            used += next
            start -= 1
        }
    }
}

/// Draws a one-line field: its text (or placeholder), the cursor when focused.
public struct TextField: Sendable {
    public var state: TextFieldState
    public var placeholder: String
    public var isMasked: Bool
    public var isFocused: Bool

    public init(state: TextFieldState, placeholder: String = "", isMasked: Bool = false, isFocused: Bool = false) {
        self.state = state; self.placeholder = placeholder; self.isMasked = isMasked; self.isFocused = isFocused
    }

    public func render(in rect: Rect, buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        var state = self.state
        state.scrollToCursor(width: rect.width)
        let fieldStyle = theme[isFocused ? "ui.input.focused" : "ui.input"]
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: fieldStyle)
        if state.characters.isEmpty {
            buffer.put(DisplayWidth.truncateAtWord(placeholder, to: rect.width), x: rect.x, y: rect.y, style: theme["ui.placeholder"], maxWidth: rect.width)
        } else {
            // No more than can show: a column per character at least, bar zero-width ones.
            let visible = state.characters[state.scroll...].prefix(rect.width * 2 + 8).map { isMasked ? "•" : String($0) }.joined()
            buffer.put(visible, x: rect.x, y: rect.y, style: fieldStyle, maxWidth: rect.width)
        }
        if isFocused {
            let before = state.characters[state.scroll..<state.cursor].map { isMasked ? "•" : String($0) }.joined()
            let column = rect.x + DisplayWidth.of(SafeGraphemes.sanitize(before))
            if column < rect.maxX { buffer.restyle(Rect(x: column, y: rect.y, width: 1, height: 1)) { $0 = theme["ui.cursor"] } }
        }
    }
}
