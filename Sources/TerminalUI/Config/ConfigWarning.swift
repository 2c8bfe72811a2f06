/// A problem in a theme or keymap file: where, and what.
public struct ConfigWarning: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `themes/dusk.toml:12: unknown role "ui.txt"`.
    public var description: String { "\(file):\(line): \(message)" }
}
