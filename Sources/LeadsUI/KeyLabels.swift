import LeadsStore
import TerminalUI

/// The keys of the keymap in effect, as the user reads them in hints,
/// dialogs and messages. The store names commands (`TextWithKeys`); this
/// writes the key a user who rebound it would press.
public final class KeyLabels {
    public let keymap: Keymap
    private var cache: [String: String] = [:]

    public init(keymap: Keymap) { self.keymap = keymap }

    /// The first key bound to `command` in `contexts` (the top one first),
    /// else in any context of the keymap; `[Save]` when nothing binds it.
    public func label(_ command: Command, in contexts: [String]) -> String {
        let key = contexts.joined(separator: ",") + "|" + command.rawValue
        if let cached = cache[key] { return cached }
        let label = firstKey(command, in: contexts) ?? "[\(command.description)]"
        cache[key] = label
        return label
    }

    /// The first key bound to `command` in `contexts` (the top one first), else in any context; nil when none binds it.
    public func firstKey(_ command: Command, in contexts: [String]) -> String? {
        (keymap.reachableKeys(for: command.rawValue, stack: contexts).first
            ?? keymap.keys(for: command.rawValue, stack: keymap.contextOrder.reversed()).first)?.description
    }

    /// Every key the topmost context that binds `command` gives it: `n/esc`.
    public func labels(_ command: Command, in contexts: [String]) -> String {
        let keys = keymap.reachableKeys(for: command.rawValue, stack: contexts)
        return keys.isEmpty ? label(command, in: contexts) : keys.map(\.description).joined(separator: "/")
    }

    /// `text` with each key written as the keymap binds it in `contexts`.
    public func text(_ text: TextWithKeys, in contexts: [String]) -> String {
        text.rendered { label($0, in: contexts) }
    }
}

/// What a frame drew where: the rows the mouse can click, and the width the
/// note's text area wraps at (for up and down by wrapped line).
public struct FrameMap: Sendable {
    public var hits = HitMap<Pane>()
    public var textAreaWidth: Int?
    /// The reader's text: rows shown and wrapped lines in all (its keys scroll within them).
    public var readerScroll: (rows: Int, lines: Int)?
    public init() {}
}
