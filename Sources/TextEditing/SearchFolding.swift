import Foundation

/// The one way text is compared when people search: the list filter, the
/// booking form's lead picker and the command palette all match through here.
///
/// Unicode case folding (`Straße` ~ `strasse`, `ΟΔΟΣ` ~ `οδός` with its final
/// sigma), diacritics ignored (`Müller` ~ `muller`, `Niño` ~ `nino`), full-width
/// forms as their ASCII (`Ｆｕｌｌ` ~ `full`), and the Latin letters that have
/// no decomposition but that people type without their stroke (`Łódź` ~
/// `lodz`, `Ørsted` ~ `orsted`, `Æsir` ~ `aesir`). Rules: Unicode's CaseFolding
/// and canonical decomposition through Foundation's `folding`, plus the table
/// below.
public enum SearchFolding {
    /// `text` folded for comparison.
    ///
    ///     "Straße Müller" → "strasse muller"
    public static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiLowercased(text) }   // most names and emails: no Foundation
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { extraLetters[$0] != nil }) else { return folded }
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        for scalar in folded.unicodeScalars {
            if let replacement = extraLetters[scalar] { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// True when every space-separated word of `query` occurs in `text`, both folded.
    public static func matches(_ query: String, in text: String) -> Bool {
        words(of: query).allSatisfy(fold(text).contains)
    }

    /// The folded words of a query (empty for a blank one).
    public static func words(of query: String) -> [String] {
        fold(query).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// Letters without a canonical decomposition, folded as people type them (after case folding).
    static let extraLetters: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d",
        "ŀ": "l", "ŧ": "t", "ƒ": "f",
    ]

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
