/// A key press (or mouse event) decoded from the terminal.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// Printable text: a letter (case kept), digit, punctuation, any script.
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
    /// Ctrl with a letter, lower-cased (`ctrl-f`).
    case ctrl(Character)
    /// Alt (Meta) with a character (`alt-x`).
    case alt(Character)
    case mouse(MouseEvent)

    /// The canonical description, as keymaps write it: `j`, `G`, `ctrl-f`, `shift-tab`, `f1`, `space`.
    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .insert: return "insert"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .function(let n): return "f\(n)"
        case .ctrl(let c): return "ctrl-\(c)"
        case .alt(let c): return "alt-\(c)"
        case .mouse(let event): return "mouse-\(event.kind)"
        }
    }

    /// Parses one key description; nil when it names no key.
    public init?(description text: String) {
        let lowered = text.lowercased()
        let named: [String: Key] = [
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
            "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "delete": .delete, "del": .delete,
            "insert": .insert, "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "space": .character(" "),
            "minus": .character("-"),
        ]
        if text.count == 1, let character = text.first, !character.isWhitespace, !character.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            self = .character(character)
        } else if let key = named[lowered] {
            self = key
        } else if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else if lowered.hasPrefix("ctrl-"), text.count == 6, let c = lowered.last, c.isASCII, c.isLetter {
            self = .ctrl(c)
        } else if lowered.hasPrefix("alt-"), text.count == 5, let c = text.last, !c.isWhitespace {
            self = .alt(c)
        } else {
            return nil
        }
    }
}

extension Key {
    /// Why a key description names a key terminals cannot send as itself, or
    /// nil. Terminals send Ctrl with a letter as the ASCII control byte, and
    /// some of those bytes are other keys' too: Ctrl-H is Backspace's 0x08,
    /// Ctrl-I is Tab, Ctrl-M Enter, Ctrl-J a newline (Enter), Ctrl-[ Escape;
    /// Ctrl-Space and Ctrl-@ send NUL, which ncurses gives as no key. (The
    /// kitty keyboard protocol tells them apart; leadterm reads the classic
    /// encoding every terminal and tmux speak.)
    public static func undeliverableReason(_ description: String) -> String? {
        switch description.lowercased() {
        case "ctrl-h": return "terminals send ctrl-h as backspace: bind \"backspace\" (or another key) instead"
        case "ctrl-i": return "terminals send ctrl-i as tab: bind \"tab\" (or another key) instead"
        case "ctrl-m": return "terminals send ctrl-m as enter: bind \"enter\" (or another key) instead"
        case "ctrl-j": return "terminals send ctrl-j as a newline, read as enter: bind another key"
        case "ctrl-[": return "terminals send ctrl-[ as esc: bind \"esc\" (or another key) instead"
        case "ctrl-space", "ctrl-@", "ctrl-`", "ctrl-2": return "terminals send \(description) as a NUL byte, which arrives as no key: bind another key"
        case "ctrl-\\", "ctrl-]", "ctrl-^", "ctrl-_", "ctrl-/", "ctrl-?", "ctrl-6", "ctrl--":
            return "terminals send \(description) as a control byte that is not a letter's, and leadterm reads no key from it: bind another key"
        default:
            if description.lowercased().hasPrefix("ctrl-shift-") || description.lowercased().hasPrefix("shift-ctrl-") {
                return "terminals send ctrl-shift-<letter> the same as ctrl-<letter>: bind the ctrl- form"
            }
            return nil
        }
    }
}

/// What the terminal sends: a key (or mouse event), a paste, a new size.
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted with bracketed paste on: text, never keys.
    case paste(String)
    /// The terminal's size changed (read it from the backend).
    case resize
}

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

/// One key or a two-key sequence (`g g`).
public struct KeySequence: Hashable, Sendable, CustomStringConvertible {
    public var keys: [Key]

    public init(_ keys: [Key]) { self.keys = keys }

    /// `"j"`, `"ctrl-f"`, `"g g"`; nil if any part is not a key or there are more than two.
    public init?(description text: String) {
        let parts = text == " " ? [" "] : text.split(separator: " ").map(String.init)
        guard (1...2).contains(parts.count) else { return nil }
        var keys: [Key] = []
        for part in parts {
            guard let key = Key(description: part) else { return nil }
            keys.append(key)
        }
        self.keys = keys
    }

    public var description: String { keys.map(\.description).joined(separator: " ") }
}
