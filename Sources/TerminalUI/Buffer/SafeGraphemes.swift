/// The cells that untrusted text is drawn in: each grapheme cluster made safe
/// to send to a terminal and put in a form whose width every terminal agrees on.
///
/// **Safe.** C0 controls show as their Control Pictures (`␛` for ESC, `␀`…),
/// DEL as `␡`, C1 controls and bidirectional overrides as `�`. ESC becoming
/// `␛` defuses every ESC-introduced sequence (CSI, OSC 52 clipboard writes,
/// OSC 8 links, DCS): what follows it is plain text. A line break (`\n`,
/// `\r\n`, `\r`) and a tab are one blank: one-line places show a note's lines
/// side by side.
///
/// **Agreed width.** ncurses and tmux advance the cursor by `wcwidth` of each
/// code point; terminals that shape emoji sequences advance differently, and
/// a cell an app thinks it covered but the terminal did not keeps a letter of
/// the previous frame (`Heart❤️K Smith`). So the sequences terminals disagree
/// on are drawn in a form whose width all agree on:
///
///     ❤️  (U+2764 U+FE0F, VS16)      → ❤  width 1   (variation selectors dropped)
///     👨‍👩‍👧 (ZWJ sequence)          → 👨👩👧 width 6 (zero-width joiner dropped)
///     👋🏽 (skin-tone modifier)        → 👋 width 2   (modifier dropped)
///     🇧🇷 (regional indicator pair)   → BR width 2   (the region's letters)
///     🏴 + tag characters             → 🏴 width 2   (tags dropped)
///     é (e + U+0301), 1⃣ (1 + U+20E3) → kept: marks ride on their base
///
/// Every other code point is one cell of its own width (2 for East Asian wide
/// and emoji-presentation characters, else 1); combining marks (at most three:
/// a cell is at most four code points in `NcursesBackend`) stay with the cell before them. East Asian Ambiguous
/// characters are 1, as tmux and most terminals outside CJK locales draw them.
public struct SafeGraphemes: Sequence {
    public struct Element: Equatable {
        public let text: String
        public let width: Int
    }

    let text: String

    public init(_ text: String) { self.text = text }

    public func makeIterator() -> AnyIterator<Element> {
        var characters = text.makeIterator()
        var pending: [Element] = []
        var index = 0
        return AnyIterator {
            while true {
                if index < pending.count { index += 1; return pending[index - 1] }
                guard let character = characters.next() else { return nil }
                if let single = SafeGraphemes.singleCell(character) { return single }   // most characters: no array
                pending.removeAll(keepingCapacity: true)
                index = 0
                SafeGraphemes.cells(of: character, into: &pending)
            }
        }
    }

    /// The one cell of a printable ASCII character or a lone safe code point; nil otherwise.
    @inline(__always)
    static func singleCell(_ character: Character) -> Element? {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii < 0x7F ? Element(text: String(character), width: 1) : nil
        }
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let only = scalars.first, !isUnsafe(only), !isRegionalIndicator(only) else { return nil }
        let width = DisplayWidth.scalarWidth(only)
        return width > 0 ? Element(text: String(character), width: width) : nil
    }

    /// The cells one grapheme cluster is drawn in (none for a lone format character).
    public static func cells(of character: Character, into cells: inout [Element]) {
        if let ascii = character.asciiValue {
            cells.append(ascii >= 0x20 && ascii < 0x7F ? Element(text: String(character), width: 1)
                         : Element(text: asciiPlaceholder(ascii), width: 1))
            return
        }
        if character == "\r\n" { cells.append(Element(text: " ", width: 1)); return }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first, !isUnsafe(only), !isRegionalIndicator(only) {
            let width = DisplayWidth.scalarWidth(only)
            if width > 0 { cells.append(Element(text: String(only), width: width)) }
            return
        }
        var text = ""
        var width = 0
        var marks = 0
        func flush() {
            if width > 0 { cells.append(Element(text: text, width: width)) }
            text = ""; width = 0; marks = 0
        }
        for scalar in scalars {
            if isUnsafe(scalar) {
                flush()
                cells.append(Element(text: placeholder(scalar), width: 1))
            } else if isRegionalIndicator(scalar) {
                flush()
                cells.append(Element(text: String(Unicode.Scalar(UInt8(0x41 + scalar.value - 0x1F1E6))), width: 1))
            } else if isDropped(scalar) || (isEmojiModifier(scalar) && width > 0) {
                continue
            } else if case let w = DisplayWidth.scalarWidth(scalar), w > 0 {
                flush()
                text.unicodeScalars.append(scalar)
                width = w
            } else if width > 0, marks < 3 {
                text.unicodeScalars.append(scalar)   // a combining mark on the cell before
                marks += 1
            }
        }
        flush()
    }

    /// The whole text as it will be drawn, for measuring before drawing.
    public static func sanitize(_ text: String) -> String {
        if DisplayWidth.isPrintableASCII(text) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for element in SafeGraphemes(text) { out += element.text }
        return out
    }

    /// Controls and bidirectional formatting characters: never sent as they are.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Joiners, variation selectors, tags and other zero-width format characters: not drawn.
    static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0xFE00...0xFE0F, 0xE0000...0xE007F, 0xE0100...0xE01EF, 0x00AD: return true
        default: return scalar.properties.generalCategory == .format
        }
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }
    static func isEmojiModifier(_ scalar: Unicode.Scalar) -> Bool { (0x1F3FB...0x1F3FF).contains(scalar.value) }

    static func asciiPlaceholder(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A, 0x0D, 0x09: return " "
        case 0x7F: return "␡"
        default: return String(Unicode.Scalar(0x2400 + UInt32(byte))!)
        }
    }

    static func placeholder(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x7F: return asciiPlaceholder(UInt8(scalar.value))
        case 0x2028, 0x2029: return " "
        default: return "�"
        }
    }
}
