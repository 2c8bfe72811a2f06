/// Text being typed and its cursor, edited by grapheme.
///
/// The toolkit's text field and text area edit through it, and the app's
/// store keeps every character the user typed in it, so a failed save, a
/// confirmation on top, or a hang-up never loses them. Keys become
/// `TextEdit`s in the toolkit; this type knows nothing of keys.
public struct TextInput: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// Text and cursor as they are (the cursor clamped).
    public init(characters: [Character], cursor: Int) {
        self.characters = characters
        self.cursor = min(max(0, cursor), characters.count)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an edit. A single-line input turns pasted line breaks into
    /// spaces (nothing typed is dropped) and tabs into spaces.
    public mutating func apply(_ edit: TextEdit, singleLine: Bool) {
        switch edit {
        case .insert(let text):
            for character in text {
                var character = character
                if character == "\t" { character = " " }
                if singleLine, character == "\n" || character == "\r\n" || character == "\r" { character = " " }
                if character == "\r\n" || character == "\r" { character = "\n" }
                characters.insert(character, at: cursor)
                cursor += 1
            }
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .killToEnd: characters.removeSubrange(cursor...)
        case .killToStart: characters.removeSubrange(..<cursor); cursor = 0
        case .killWord:
            var start = cursor
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .moveCursor(let position): cursor = min(max(0, position), characters.count)
        case .clear: characters = []; cursor = 0
        }
    }
}

/// One editing step on the focused input.
public enum TextEdit: Hashable, Sendable {
    case insert(String)
    case deleteBackward, deleteForward
    case left, right, home, end
    case killToEnd, killToStart, killWord
    /// Sets the cursor (the UI computes it for up/down in wrapped text).
    case moveCursor(Int)
    case clear
}
