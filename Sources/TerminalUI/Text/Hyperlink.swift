import Foundation

/// A hyperlink over cells of one row (OSC 8): the terminal opens `target` when the cells from
/// `x` to `x + width − 1` on row `y` are clicked (ctrl/cmd-click in most terminals).
///
/// Targets are made here and only here, from text that may come from the service: every byte
/// outside a URI's unreserved characters is percent-encoded (RFC 3986 §2.1), so no ESC, BEL,
/// control character, `;` or space of a server's text can end the sequence or act on the terminal.
public struct Hyperlink: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    /// An absolute URI of printable ASCII (0x21–0x7E) only.
    public var target: String

    /// `mailto:` and the address percent-encoded (RFC 6068), or nil for a value that is no
    /// address (no `@`, or no text on either side of it).
    public static func mailto(_ email: String) -> String? {
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let at = address.lastIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex else { return nil }
        return "mailto:" + percentEncoded(address, keeping: ["@"])
    }

    /// `tel:` and the number's digits with a leading `+` when it has one (RFC 3966: spaces, dots,
    /// dashes and brackets dropped), or nil for a value with fewer than 3 digits.
    public static func tel(_ phone: String) -> String? {
        let trimmed = phone.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = trimmed.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }
        guard digits.count >= 3 else { return nil }
        return "tel:" + (trimmed.hasPrefix("+") ? "+" : "") + String(String.UnicodeScalarView(digits))
    }

    /// `text` with every UTF-8 byte but ALPHA / DIGIT / `-._~` (RFC 3986's unreserved) and
    /// `kept` written `%XX` (Foundation's percent-encoding).
    public static func percentEncoded(_ text: String, keeping kept: Set<Character> = []) -> String {
        var allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        allowed.insert(charactersIn: String(kept))
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Whether a target is safe to send as it is: printable ASCII without `;`, at most 2,000 bytes.
    static func isSafe(_ target: String) -> Bool {
        !target.isEmpty && target.utf8.count <= 2000 && target.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x3B }
    }

    /// Whether links are sent, for the setting `hyperlinks = "auto"`: terminals known to open
    /// OSC 8 links (iTerm2, WezTerm, kitty, foot, Windows Terminal, VTE ≥ 0.50 — GNOME Terminal,
    /// Tilix —, Konsole, VS Code, Ghostty, Alacritty, DomTerm) and tmux (3.4 and later pass links
    /// on; older ones drop the sequence). Elsewhere, as in the Linux console, none are sent.
    /// The rule of thumb of `supports-hyperlinks` and of the terminals' own documentation.
    public static func isSupported(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        if term == "dumb" || term == "linux" || term.isEmpty { return false }
        if environment["TMUX"] != nil || environment["WT_SESSION"] != nil || environment["KITTY_WINDOW_ID"] != nil
            || environment["KONSOLE_VERSION"] != nil || environment["DOMTERM"] != nil || environment["WEZTERM_EXECUTABLE"] != nil {
            return true
        }
        if ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "tmux"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        return ["xterm-kitty", "foot", "alacritty", "wezterm", "xterm-ghostty"].contains { term.hasPrefix($0) }
    }
}

/// What `hyperlinks` in settings.toml asks for.
public enum HyperlinkSetting: String, Sendable, CaseIterable {
    case auto, on, off

    /// Whether links are sent to this terminal.
    public func isOn(environment: [String: String]) -> Bool {
        switch self {
        case .on: return true
        case .off: return false
        case .auto: return Hyperlink.isSupported(environment: environment)
        }
    }
}
