/// How many terminal columns text takes when drawn.
///
/// The width of a grapheme cluster is the width of the cells `SafeGraphemes`
/// draws it in — the form every terminal agrees on (see there): one
/// definition for measuring and drawing. Pure Swift, no locale: `wcwidth`
/// returns -1 for everything outside a UTF-8 locale (tests start in "C").
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        if isPrintableASCII(text) { return text.utf8.count }   // the common case, without grapheme breaking
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    public static func of(_ character: Character) -> Int {
        if character.asciiValue != nil { return 1 }   // printable, or a control drawn as one placeholder
        if let single = SafeGraphemes.singleCell(character) { return single.width }
        var cells: [SafeGraphemes.Element] = []
        SafeGraphemes.cells(of: character, into: &cells)
        return cells.reduce(0) { $0 + $1.width }
    }

    /// One code point's columns, as glibc's `wcwidth` (Unicode 15) gives
    /// them: 2 for emoji presentation and East Asian wide/fullwidth, 0 for
    /// marks, format characters, controls and Hangul medial/final jamo, else 1.
    public static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0x300 { return value < 0xA0 ? 0 : 1 }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        // Dashes, quotes, bullets, the ellipsis, box drawing and blocks — every frame's border and
        // most hints: one column, no Unicode property look-up (a third of a frame's cost was these).
        if (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value) || (0x2500...0x259F).contains(value) { return 1 }
        if isWide(value) { return 2 }
        // U+231A (⌚) is the first code point with Emoji_Presentation.
        if value >= 0x231A, scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: return 1
        }
    }

    /// True when every byte is printable ASCII (space to `~`): one column and one cell per byte.
    @inline(__always)
    public static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15, condensed).
    static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
             0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `width` columns, with `…`
    /// when it had to be cut. A wide character never straddles the edge.
    /// One pass that stops once the text is known not to fit: a 3,000-letter
    /// word in a 20-column cell costs 20 columns, not 3,000.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if isPrintableASCII(text) {
            guard text.utf8.count > width else { return text }
            let room = width - of(ellipsis)
            return room >= 0 ? String(text.utf8.prefix(room))! + ellipsis : ""
        }
        let room = width - of(ellipsis)
        var used = 0
        var fitEnd = text.startIndex   // the end of the longest prefix within `room`
        for index in text.indices {
            used += of(text[index])
            if used > width {
                return room >= 0 ? String(text[..<fitEnd]) + ellipsis : ""
            }
            if used <= room { fitEnd = text.index(after: index) }
        }
        return text
    }

    /// As `truncate`, but cut after the last whole word that fits (then `…`),
    /// so a hint never ends mid-word ("… instagram search …", not "… search pintere").
    /// A first word longer than `width` is cut as `truncate` does.
    public static func truncateAtWord(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        let cut = truncate(text, to: width, ellipsis: ellipsis)
        guard cut != text, cut.hasSuffix(ellipsis) else { return cut }
        let kept = cut.dropLast(ellipsis.count)
        // The cut fell between two words when the text goes on with a space right after `kept`.
        if text.dropFirst(kept.count).first == " " { return kept.trimmingTrailingSpaces + ellipsis }
        guard let space = kept.lastIndex(of: " ") else { return cut }
        return kept[..<space].trimmingTrailingSpaces + ellipsis
    }

    /// `text` padded with spaces to exactly `width` columns (truncated if longer).
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let fitted = truncate(text, to: width)
        let padding = String(repeating: " ", count: max(0, width - of(fitted)))
        return alignRight ? padding + fitted : fitted + padding
    }
}

private extension StringProtocol {
    var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
