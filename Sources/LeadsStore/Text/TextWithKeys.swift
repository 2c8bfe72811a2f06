/// Text for the user that may name keys: the store names each key by the
/// command it runs, and the UI writes the key that the keymap in effect binds
/// to it. So a user who rebinds save reads "ctrl-w to retry", never a key
/// that does nothing.
///
///     let hint: TextWithKeys = "Your input is kept; \(key: .save) to retry."
///
/// Adjacent text is kept as one part, so two values with the same wording
/// are equal however they were built.
public struct TextWithKeys: Hashable, Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public enum Part: Hashable, Sendable {
        case text(String)
        case key(Command)
    }

    public private(set) var parts: [Part] = []

    public init(_ parts: [Part] = []) {
        for part in parts { append(part) }
    }

    public init(stringLiteral value: String) {
        append(.text(value))
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.text
    }

    public var isEmpty: Bool { parts.isEmpty }

    public mutating func append(_ part: Part) {
        switch (parts.last, part) {
        case (_, .text("")): return
        case (.text(let before)?, .text(let after)): parts[parts.count - 1] = .text(before + after)
        default: parts.append(part)
        }
    }

    public static func + (left: TextWithKeys, right: TextWithKeys) -> TextWithKeys {
        var joined = left
        for part in right.parts { joined.append(part) }
        return joined
    }

    /// The text with each key written by `label` (the UI passes the keymap's label).
    public func rendered(_ label: (Command) -> String) -> String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .key(let command): return label(command)
            }
        }.joined()
    }

    /// Keys as `⟨dialog.yes⟩`: for tests and logs, never for the screen.
    public var description: String { rendered { "⟨\($0.rawValue)⟩" } }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = TextWithKeys()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { text.append(.text(literal)) }

        /// The key bound to `command`, written by the UI.
        public mutating func appendInterpolation(key command: Command) { text.append(.key(command)) }

        /// Another text with keys, as it is.
        public mutating func appendInterpolation(_ other: TextWithKeys) { text = text + other }

        public mutating func appendInterpolation<Value>(_ value: Value) { text.append(.text(String(describing: value))) }
    }
}
