import TextEditing
/// Makes untrusted text (anything from the service) safe to write to a terminal.
///
/// Control characters never reach the terminal: C0 (including ESC, which
/// starts every escape sequence, and a bare `\r`, which can overwrite a line),
/// DEL and C1 (U+0080–U+009F, where U+009B is a one-character CSI) are shown
/// escaped, as are the bidirectional overrides that can reorder what a line
/// appears to say. kubectl shipped this hole for years (CVE-2021-25743).
public enum TerminalSafeText {
    /// One-line form: newlines and tabs are escaped too.
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) { out += escaped(scalar) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Multi-line form for a note or message shown over several lines:
    /// keeps line breaks as `\n` (`\r\n` and a lone `\r` too, `LineBreaks`), shows a tab as a
    /// blank (as the app does), escapes every other control.
    public static func escapeKeepingNewlines(_ text: String) -> String {
        LineBreaks.lines(text)
            .map { escape(String($0.map { $0 == "\t" ? " " : $0 })) }
            .joined(separator: "\n")
    }

    /// The same set the cell buffer replaces with placeholders: one definition.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { SafeGraphemes.isUnsafe(scalar) }

    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x1B: return "\\e"
        default:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return scalar.value <= 0xFF
                ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                : "\\u{" + hex + "}"
        }
    }
}
