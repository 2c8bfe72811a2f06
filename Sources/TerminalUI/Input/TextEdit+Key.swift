import TextEditing

extension TextEdit {
    /// The editing step a key means in a text input, or nil for a key that is
    /// not for editing: printable text inserts; Backspace/Delete (Ctrl-D);
    /// Left/Right (Ctrl-B/F); Home/End (Ctrl-A/E); Ctrl-K kills to the end,
    /// Ctrl-U to the start, Ctrl-W the word before the cursor.
    public init?(key: Key) {
        switch key {
        case .character(let c): self = .insert(String(c))
        case .backspace: self = .deleteBackward
        case .delete, .ctrl("d"): self = .deleteForward
        case .left, .ctrl("b"): self = .left
        case .right, .ctrl("f"): self = .right
        case .home, .ctrl("a"): self = .home
        case .end, .ctrl("e"): self = .end
        case .ctrl("k"): self = .killToEnd
        case .ctrl("u"): self = .killToStart
        case .ctrl("w"): self = .killWord
        default: return nil
        }
    }
}
