/// Line breaks as every text the app reads may carry them: `\n`, `\r\n`
/// (Windows editors, mail clients, some services) and a lone `\r` (old Mac
/// files, some pastes). One definition for TOML files, notes, messages,
/// activities and pasted text.
///
/// In Swift `"\r\n"` is one `Character`, so splitting on `"\n"` leaves it
/// whole: a CRLF file read that way is one long line. Go through here instead.
public enum LineBreaks {
    /// True for `\n`, `\r\n` and `\r` (and the Unicode line and paragraph separators).
    public static func isBreak(_ character: Character) -> Bool {
        switch character {
        case "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}": return true
        default: return false
        }
    }

    /// `text` with every line break as `\n`.
    ///
    ///     "a\r\nb\rc" → "a\nb\nc"
    public static func normalized(_ text: String) -> String {
        guard contains(text, where: { $0 == 0x0D || $0 == 0x2028 || $0 == 0x2029 || $0 == 0x85 }) else { return text }
        return String(text.map { isBreak($0) ? "\n" : $0 })
    }

    /// The lines of `text`, split at any line break (an empty last line kept:
    /// `"a\n"` is `["a", ""]`). `asciiOnly` splits at `\n`, `\r\n` and `\r` alone:
    /// a file format's lines (TOML allows U+2028 inside a string).
    public static func lines(_ text: String, asciiOnly: Bool = false) -> [Substring] {
        asciiOnly ? text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            : text.split(omittingEmptySubsequences: false, whereSeparator: isBreak)
    }

    /// `text` on one line: each line break (and tab) becomes a space.
    ///
    ///     "Agenda:\r\n1. pricing" → "Agenda: 1. pricing"
    public static func oneLine(_ text: String) -> String {
        guard contains(text, where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0x2028 || $0 == 0x2029 || $0 == 0x85 }) else { return text }
        return String(text.map { isBreak($0) || $0 == "\t" ? " " : $0 })
    }

    /// Whether any code point of `text` is one `isBreakScalar` names: a scan without grapheme breaking.
    private static func contains(_ text: String, where isBreakScalar: (UInt32) -> Bool) -> Bool {
        text.unicodeScalars.contains { isBreakScalar($0.value) }
    }
}
