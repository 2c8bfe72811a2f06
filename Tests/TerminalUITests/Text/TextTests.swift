import Testing
import TerminalUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [("abc", 3), ("山田太郎", 8), ("김민준", 6), ("😀", 2), ("e\u{301}", 1), ("Zoë 😀 Smith", 12),
                      ("", 0), ("❤️", 2), ("ＡＢ", 4), ("a\u{200B}b", 2), ("👨‍👩‍👧", 2)])
    func columns(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
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
        #expect(TerminalSafeText.escapeKeepingNewlines("lone\rcarriage") == "lone\\rcarriage")
    }
}
