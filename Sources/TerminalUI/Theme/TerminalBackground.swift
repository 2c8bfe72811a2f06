/// Whether the terminal's background is light or dark, for `theme = "auto"`.
///
/// Asked of the terminal itself with OSC 11 (`ESC ] 11 ; ? ESC \`, answered by xterm, kitty,
/// foot, iTerm2, WezTerm, VTE, Konsole, tmux and others with `ESC ] 11 ; rgb:RRRR/GGGG/BBBB`),
/// else read from `COLORFGBG` (set by rxvt, Konsole and others), else dark.
public enum TerminalBackground: String, Sendable, Equatable {
    case light, dark

    /// The query, written once at start; the answer comes with the input (`NcursesBackend.onBackground`).
    public static let query = "\u{1B}]11;?\u{1B}\\"

    /// The background an OSC 11 answer names, from its text between `ESC ]` and its end
    /// (`11;rgb:f0f0/f0f0/f0f0`): 1–4 hex digits a channel (XParseColor), `rgba:` too.
    /// Light when the relative luminance (ITU-R BT.709 weights) is above one half. Nil for anything else.
    public static func fromAnswer(_ body: String) -> TerminalBackground? {
        guard body.hasPrefix("11;") else { return nil }
        var value = body.dropFirst(3)
        if value.hasPrefix("rgba:") { value = value.dropFirst(5) } else if value.hasPrefix("rgb:") { value = value.dropFirst(4) } else { return nil }
        let channels = value.split(separator: "/", omittingEmptySubsequences: false).prefix(3).map { part -> Double? in
            guard (1...4).contains(part.count), let number = UInt32(part, radix: 16) else { return nil }
            return Double(number) / Double((1 << (4 * part.count)) - 1)
        }
        guard channels.count == 3, let red = channels[0], let green = channels[1], let blue = channels[2] else { return nil }
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.5 ? .light : .dark
    }

    /// The background `COLORFGBG` names (`15;0`, or rxvt's `0;default;15`: its last field):
    /// colour 7 or 9–15 is light, 0–6 and 8 dark; nil when unset or unreadable.
    public static func fromColorFGBG(_ value: String?) -> TerminalBackground? {
        guard let last = value?.split(separator: ";").last, let index = Int(last), (0...15).contains(index) else { return nil }
        return index == 7 || index >= 9 ? .light : .dark
    }

    /// Whether the terminal may be asked: not the Linux console (it prints an OSC it does not
    /// know), a `dumb` terminal or one with no TERM.
    public static func canAsk(environment: [String: String]) -> Bool {
        let term = environment["TERM"] ?? ""
        return !(term.isEmpty || term == "dumb" || term == "linux" || term.hasPrefix("vt"))
    }
}
