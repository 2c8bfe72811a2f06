/// The grapheme clusters of untrusted text, each made safe to draw, with its width.
///
/// C0 controls show as their Control Pictures (`␛` for ESC, `␍` for CR, `␊`
/// for LF, …), DEL as `␡`, C1 controls and bidirectional overrides as `�`.
/// ESC becoming `␛` defuses every ESC-introduced sequence (CSI, OSC 52
/// clipboard writes, OSC 8 links, DCS): what follows it is plain text.
public struct SafeGraphemes: Sequence {
    public struct Element {
        public let text: String
        public let width: Int
    }

    let text: String

    public init(_ text: String) { self.text = text }

    public func makeIterator() -> AnyIterator<Element> {
        var characters = text.makeIterator()
        var pending: [Element] = []
        return AnyIterator {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let character = characters.next() else { return nil }
            if !character.unicodeScalars.contains(where: SafeGraphemes.isUnsafe) {
                return Element(text: String(character), width: DisplayWidth.of(character))
            }
            // A cluster with an unsafe scalar (e.g. "\r\n", or a mark on ESC): one placeholder per scalar.
            pending = character.unicodeScalars.compactMap { scalar in
                if SafeGraphemes.isUnsafe(scalar) { return Element(text: SafeGraphemes.placeholder(scalar), width: 1) }
                let w = DisplayWidth.of(Character(scalar))
                return w == 0 ? nil : Element(text: String(scalar), width: w)
            }
            return pending.isEmpty ? Element(text: "�", width: 1) : pending.removeFirst()
        }
    }

    /// The whole text with placeholders, for measuring before drawing.
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        return SafeGraphemes(text).map(\.text).joined()
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    static func placeholder(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F: return String(Unicode.Scalar(0x2400 + scalar.value)!)
        case 0x7F: return "␡"
        default: return "�"
        }
    }
}
