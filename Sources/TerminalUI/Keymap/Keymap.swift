/// Key bindings per context (`global`, `list`, `leads`, `form`, …): key or
/// two-key sequence → dotted action id.
public struct Keymap: Hashable, Sendable {
    public struct Binding: Hashable, Sendable {
        public var keys: KeySequence
        public var action: String
    }

    /// Bindings per context, in file order (help lists them so).
    public private(set) var contexts: [String: [Binding]] = [:]
    public private(set) var contextOrder: [String] = []

    public init() {}

    /// The action bound to `keys`; nil when unbound (or unbound with "none").
    public func action(for keys: KeySequence, in context: String) -> String? {
        contexts[context]?.first { $0.keys == keys }.flatMap { $0.action == Self.unbound ? nil : $0.action }
    }

    /// The action bound to the single key `key` (no sequence built: the per-key path).
    public func action(forKey key: Key, in context: String) -> String? {
        guard let bindings = contexts[context] else { return nil }
        for binding in bindings where binding.keys.keys.count == 1 && binding.keys.keys[0] == key {
            return binding.action == Self.unbound ? nil : binding.action
        }
        return nil
    }

    /// Whether a two-key sequence of `context` starts with `key`.
    func startsSequence(_ key: Key, in context: String) -> Bool {
        contexts[context]?.contains { $0.action != Self.unbound && $0.keys.keys.count == 2 && $0.keys.keys[0] == key } ?? false
    }

    /// The live bindings of a context ("none" entries left out).
    public func bindings(in context: String) -> [Binding] { (contexts[context] ?? []).filter { $0.action != Self.unbound } }

    /// The action id that unbinds a key.
    public static let unbound = "none"

    /// Binds, replacing a binding of the same keys. "none" is kept as an
    /// entry so that, merged over another keymap, it removes that binding.
    public mutating func bind(_ keys: KeySequence, to action: String, in context: String) {
        if contexts[context] == nil { contextOrder.append(context) }
        var list = contexts[context] ?? []
        if let index = list.firstIndex(where: { $0.keys == keys }) {
            list[index].action = action
        } else {
            list.append(Binding(keys: keys, action: action))
        }
        contexts[context] = list
    }

    /// This keymap with `overrides` applied: it changes only what it names.
    public func merging(_ overrides: Keymap) -> Keymap {
        var merged = self
        for context in overrides.contextOrder {
            for binding in overrides.contexts[context] ?? [] {
                if binding.action == Self.unbound {
                    merged.contexts[context]?.removeAll { $0.keys == binding.keys }
                } else {
                    merged.bind(binding.keys, to: binding.action, in: context)
                }
            }
        }
        return merged
    }

    /// Keys bound to `action` in `context`, for hints and the palette (`j/down`).
    public func keys(for action: String, in context: String) -> [KeySequence] {
        bindings(in: context).filter { $0.action == action }.map(\.keys)
    }

    /// Keys bound to `action` in the first context of `stack` (top first) that binds it.
    public func keys(for action: String, stack: [String]) -> [KeySequence] {
        for context in stack.reversed() {
            let found = keys(for: action, in: context)
            if !found.isEmpty { return found }
        }
        return []
    }

    /// As `keys(for:stack:)`, for a stack in effect: only keys that reach
    /// `action`, none a context above takes for something else (the reader's
    /// `j` is "next", so `j` is not named for the list's "down" under it).
    public func reachableKeys(for action: String, stack: [String]) -> [KeySequence] {
        for (depth, context) in stack.enumerated().reversed() {
            let above = stack[(depth + 1)...]
            let found = keys(for: action, in: context).filter { sequence in
                !above.contains { higher in bindings(in: higher).contains { $0.keys == sequence && $0.action != action } }
            }
            if !found.isEmpty { return found }
        }
        return []
    }
}

/// Turns key presses into actions in a stack of contexts, with two-key sequences.
///
/// The stack's last context is on top and wins. A key that starts a
/// sequence in the topmost context that knows it becomes pending, and
/// `hints` lists what may follow; the next key completes or cancels it.
public struct KeyResolver: Sendable {
    public enum Outcome: Hashable, Sendable {
        case action(String)
        /// Waiting for the second key; the possible continuations and their actions.
        case pending(first: Key, hints: [Keymap.Binding])
        case unbound(Key)
    }

    public private(set) var pending: Key?

    public init() {}

    public mutating func resolve(_ key: Key, keymap: Keymap, stack: [String]) -> Outcome {
        if let first = pending {
            pending = nil
            for context in stack.reversed() {
                if let action = keymap.action(for: KeySequence([first, key]), in: context) { return .action(action) }
            }
            return .unbound(key)
        }
        for context in stack.reversed() {
            if let action = keymap.action(forKey: key, in: context) { return .action(action) }
            if keymap.startsSequence(key, in: context) {
                pending = key
                let all = stack.reversed().flatMap { keymap.bindings(in: $0).filter { $0.keys.keys.count == 2 && $0.keys.keys[0] == key } }
                return .pending(first: key, hints: all)
            }
        }
        return .unbound(key)
    }

    public mutating func cancel() { pending = nil }
}
