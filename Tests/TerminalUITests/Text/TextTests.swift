import Testing
import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [("abc", 3), ("山田太郎", 8), ("김민준", 6), ("😀", 2), ("e\u{301}", 1), ("Zoë 😀 Smith", 12),
                      ("", 0), ("❤️", 1), ("ＡＢ", 4), ("a\u{200B}b", 2), ("👨‍👩‍👧", 6), ("🇧🇷", 2), ("👋🏽", 2),
                      ("🏕️", 1), ("1️⃣", 1), ("a\tb", 3), ("a\r\nb", 3)])
    func columns(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
        // Measuring and drawing agree: the width is the width of the cells drawn.
        #expect(SafeGraphemes(text).reduce(0) { $0 + $1.width } == width)
    }

    /// The sequences terminals disagree on, drawn in the form all agree on (issue 10's names).
    @Test(arguments: [
        ("Heart❤️ Smith", "Heart❤ Smith"), ("Camp🏕️ Ranger", "Camp🏕 Ranger"), ("Flag🇧🇷 Silva", "FlagBR Silva"),
        ("👨‍👩‍👧", "👨👩👧"), ("👋🏽 hi", "👋 hi"), ("🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "🏴"),
        ("Zoë e\u{301}", "Zoë e\u{301}"), ("민준", "민준"), ("28\u{200D}", "28"),
    ])
    func agreedForms(_ raw: String, _ drawn: String) {
        #expect(SafeGraphemes.sanitize(raw) == drawn)
        #expect(SafeGraphemes.sanitize(drawn) == drawn)   // drawing twice changes nothing
        #expect(DisplayWidth.of(raw) == DisplayWidth.of(drawn))
    }

    /// A hint too long for its field ends at a whole word (issue 11.4: "… search pintere").
    @Test func aHintIsCutAtAWholeWord() {
        let sources = "one of direct website facebook twitter instagram search pinterest other"
        #expect(DisplayWidth.truncateAtWord(sources, to: 63) == "one of direct website facebook twitter instagram search…")
        #expect(DisplayWidth.truncateAtWord(sources, to: 56) == "one of direct website facebook twitter instagram search…")
        #expect(DisplayWidth.truncateAtWord(sources, to: 200) == sources)
        #expect(DisplayWidth.truncateAtWord("Müller-Lüdenscheidt 山田 太郎", to: 24) == "Müller-Lüdenscheidt…")
        #expect(DisplayWidth.truncateAtWord("Müller-Lüdenscheidt 山田 太郎", to: 25) == "Müller-Lüdenscheidt 山田…")
        #expect(DisplayWidth.truncateAtWord("supercalifragilistic", to: 8) == "superca…")   // one word: cut as truncate does
    }

    @Test func truncationRespectsWideCharacters() {
        #expect(DisplayWidth.truncate("山田太郎", to: 5) == "山田…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("山田太郎", to: 6)) <= 6)
        #expect(DisplayWidth.truncate("Ana Souza", to: 9) == "Ana Souza")
        #expect(DisplayWidth.truncate("Ana Souza", to: 4) == "Ana…")
        #expect(DisplayWidth.truncate("Ana", to: 0) == "")
        #expect(DisplayWidth.pad("山", to: 4) == "山  ")
        #expect(DisplayWidth.pad("7", to: 3, alignRight: true) == "  7")
    }
}

@Suite struct TerminalSafeTextTests {
    @Test(arguments: [
        ("plain ascii", "plain ascii"),
        ("\u{1B}[31mred", "\\e[31mred"),
        ("over\rwrite", "over\\rwrite"),
        ("tab\there", "tab\\there"),
        ("two\nlines", "two\\nlines"),
        ("bell\u{07}", "bell\\x07"),
        ("del\u{7F}", "del\\x7F"),
        ("c1 csi \u{9B}2J", "c1 csi \\x9B2J"),
        ("bidi \u{202E}olleh", "bidi \\u{202E}olleh"),
        ("山田 😀 é", "山田 😀 é"),
    ])
    func escapesEveryControl(_ raw: String, _ shown: String) {
        #expect(TerminalSafeText.escape(raw) == shown)
    }

    @Test func multiLineKeepsNewlinesOnly() {
        #expect(TerminalSafeText.escapeKeepingNewlines("a\r\nb\nc\u{1B}") == "a\nb\nc\\e")
        #expect(TerminalSafeText.escapeKeepingNewlines("lone\rcarriage") == "lone\ncarriage")
        #expect(TerminalSafeText.escapeKeepingNewlines("a\tb") == "a b")
    }
}
