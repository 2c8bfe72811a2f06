/// The text and cursor of a one-line field, edited by grapheme.
///
/// Keys: printable text inserts; Backspace/Delete; Left/Right; Home/End and
/// Ctrl-A/Ctrl-E; Ctrl-K kills to the end, Ctrl-U to the start, Ctrl-W the
/// word before the cursor. Pasted text arrives as characters like typed text;
/// a newline in it is dropped (one line), a tab becomes a space.
public struct TextFieldState: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int
    /// The first visible character when the text is wider than the field.
    public private(set) var scroll = 0

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// Text and cursor as they are (for widgets that reuse the field's editing).
    public init(characters: [Character], cursor: Int) {
        self.characters = characters
        self.cursor = min(max(0, cursor), characters.count)
    }

    public var text: String { String(characters) }

    public mutating func setText(_ text: String) {
        characters = Array(text)
        cursor = characters.count
        scroll = 0
    }

    /// Applies an editing key; false when the key is not for the field.
    @discardableResult
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            if c == "\n" || c == "\r\n" || c == "\r" { return true }
            insert(c == "\t" ? " " : c)
        case .backspace: if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"): if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"): characters.removeSubrange(..<cursor); cursor = 0
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    public mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Keeps the cursor inside `width` columns by scrolling.
    mutating func scrollToCursor(width: Int) {
        guard width > 1 else { scroll = cursor; return }
        if cursor < scroll { scroll = cursor }
        while DisplayWidth.of(String(characters[scroll..<cursor])) > width - 1 { scroll += 1 }
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
            buffer.put(placeholder, x: rect.x, y: rect.y, style: theme["ui.placeholder"], maxWidth: rect.width)
        } else {
            let visible = state.characters[state.scroll...].map { isMasked ? "•" : String($0) }.joined()
            buffer.put(visible, x: rect.x, y: rect.y, style: fieldStyle, maxWidth: rect.width)
        }
        if isFocused {
            let before = state.characters[state.scroll..<state.cursor].map { isMasked ? "•" : String($0) }.joined()
            let column = rect.x + DisplayWidth.of(SafeGraphemes.sanitize(before))
            if column < rect.maxX { buffer.restyle(Rect(x: column, y: rect.y, width: 1, height: 1)) { $0 = theme["ui.cursor"] } }
        }
    }
}
