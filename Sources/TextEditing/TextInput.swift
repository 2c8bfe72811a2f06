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

    /// Line breaks in `text` are kept as `\n` (a `\r\n` from the service is one break, not two).
    public init(_ text: String = "") {
        characters = Array(LineBreaks.normalized(text))
        cursor = characters.count
    }

    /// Text and cursor as they are (the cursor clamped).
    public init(characters: [Character], cursor: Int) {
        self.characters = characters
        self.cursor = min(max(0, cursor), characters.count)
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Applies an edit. Inserted text goes through `insertable`: a
    /// single-line input turns line breaks into spaces (nothing typed is
    /// dropped), tabs become spaces, other control characters are dropped.
    public mutating func apply(_ edit: TextEdit, singleLine: Bool) {
        switch edit {
        case .insert(let text):
            let inserted = Self.insertable(text, singleLine: singleLine)
            characters.insert(contentsOf: inserted, at: cursor)   // one move, however long a paste
            cursor += inserted.count
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

    /// Inserts a paste, cut so the text holds at most `limit` code points
    /// (the service's unit). Returns how many characters the paste had after
    /// `insertable` and how many went in, so the caller can say what was cut.
    ///
    ///     limit 499, text 10 long, a paste of 102,400 → (pasted: 102400, kept: 489)
    @discardableResult
    public mutating func paste(_ text: String, singleLine: Bool, limit: Int) -> (pasted: Int, kept: Int) {
        let inserted = Self.insertable(text, singleLine: singleLine)
        var room = limit - characters.reduce(0) { $0 + $1.unicodeScalars.count }
        var kept = 0
        for character in inserted {
            let size = character.unicodeScalars.count
            guard size <= room else { break }
            room -= size
            kept += 1
        }
        characters.insert(contentsOf: inserted.prefix(kept), at: cursor)
        cursor += kept
        return (inserted.count, kept)
    }

    /// What `text` inserts: line breaks as `\n` (a space when `singleLine`),
    /// a tab as a space, and no other control character (C0, DEL, C1, ESC —
    /// a paste from a terminal or a mail client may carry any of them).
    public static func insertable(_ text: String, singleLine: Bool) -> [Character] {
        var out: [Character] = []
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if LineBreaks.isBreak(character) { out.append(singleLine ? " " : "\n"); continue }
            if character == "\t" { out.append(" "); continue }
            if let first = character.unicodeScalars.first, isControl(first) { continue }   // with any marks on it
            out.append(character)
        }
        return out
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
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
