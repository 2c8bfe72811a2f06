import TextEditing

/// The service refused the token while the app runs: a prompt for a new one
/// (masked), over whatever was open — nothing on screen or in a form is lost.
/// Enter uses it, Ctrl-S uses it and stores it for the profile, Esc keeps the old one.
/// The token is never in a draft, a log or a message.
public struct TokenPrompt: Equatable, Sendable {
    public var input = TextInput()
    /// Store the token once the service has taken it.
    public var store = false
    /// Sent, its check not answered yet.
    public var isChecking = false
    /// Why the last one was refused.
    public var error: String?

    public init() {}

    /// The longest token a paste puts in, in code points.
    public static let limit = 4096
}
