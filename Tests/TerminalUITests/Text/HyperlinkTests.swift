import Testing
@testable import TerminalUI

/// Issue 14.2: email and phone as OSC 8 links, their targets made only of safe bytes.
@Suite struct HyperlinkTests {
    @Test func targetsAreMadeOfSafeBytesWhateverTheServerSent() throws {
        #expect(Hyperlink.mailto("ana.souza@example.com") == "mailto:ana.souza@example.com")
        #expect(Hyperlink.mailto(" zoë+crm@exämple.de\n") == "mailto:zo%C3%AB%2Bcrm@ex%C3%A4mple.de")
        let hostile = try #require(Hyperlink.mailto("eve@x.com\u{1B}]8;;http://evil\u{07};rm"))
        #expect(hostile == "mailto:eve@x.com%1B%5D8%3B%3Bhttp%3A%2F%2Fevil%07%3Brm")
        #expect(hostile.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x3B })
        #expect(Hyperlink.mailto("not an address") == nil && Hyperlink.mailto("@x") == nil && Hyperlink.mailto("x@") == nil)
        #expect(Hyperlink.tel("+44 (0)20 7946-0958") == "tel:+440207946 0958".replacingOccurrences(of: " ", with: ""))
        #expect(Hyperlink.tel("09959556651") == "tel:09959556651")
        #expect(Hyperlink.tel("n/a") == nil)
    }

    @Test func theBufferLinksOnlySafeTargetsClippedToItsRow() {
        var buffer = Buffer(width: 20, height: 2)
        buffer.link(x: 15, y: 1, width: 10, target: "mailto:a@b.c")
        buffer.link(x: 0, y: 0, width: 5, target: "http://x/\u{1B}]8;;")
        buffer.link(x: 0, y: 5, width: 5, target: "tel:123")
        #expect(buffer.hyperlinks == [Hyperlink(x: 15, y: 1, width: 5, target: "mailto:a@b.c")])
    }

    @Test func autoSendsLinksToTerminalsKnownToOpenThem() {
        #expect(HyperlinkSetting.auto.isOn(environment: ["TERM": "xterm-kitty"]))
        #expect(HyperlinkSetting.auto.isOn(environment: ["TERM": "xterm-256color", "TERM_PROGRAM": "iTerm.app"]))
        #expect(HyperlinkSetting.auto.isOn(environment: ["TERM": "xterm-256color", "VTE_VERSION": "7200"]))
        #expect(!HyperlinkSetting.auto.isOn(environment: ["TERM": "xterm-256color", "VTE_VERSION": "4800"]))
        #expect(!HyperlinkSetting.auto.isOn(environment: ["TERM": "linux", "TMUX": "/tmp/x"]))
        #expect(!HyperlinkSetting.auto.isOn(environment: ["TERM": "xterm-256color"]))
        #expect(HyperlinkSetting.on.isOn(environment: [:]) && !HyperlinkSetting.off.isOn(environment: ["TERM": "xterm-kitty"]))
    }
}

/// Issue 14.7: the terminal's background from its OSC 11 answer or COLORFGBG.
@Suite struct TerminalBackgroundTests {
    @Test func anAnswerNamesALightOrDarkBackground() {
        #expect(TerminalBackground.fromAnswer("11;rgb:ffff/ffff/ffff") == .light)
        #expect(TerminalBackground.fromAnswer("11;rgb:f0/f0/f0") == .light)
        #expect(TerminalBackground.fromAnswer("11;rgb:1e1e/1e1e/2e2e") == .dark)
        #expect(TerminalBackground.fromAnswer("11;rgba:fdf6/e3e3/0000/ffff") == .light)   // solarized light's base3-ish
        #expect(TerminalBackground.fromAnswer("11;rgb:0/8/f") == .dark)
        #expect(TerminalBackground.fromAnswer("11;rgb:zz/00/00") == nil)
        #expect(TerminalBackground.fromAnswer("10;rgb:ffff/ffff/ffff") == nil)
        #expect(TerminalBackground.fromAnswer("11;?") == nil)
    }

    @Test func colorFGBGNamesTheBackgroundLast() {
        #expect(TerminalBackground.fromColorFGBG("0;15") == .light)
        #expect(TerminalBackground.fromColorFGBG("0;default;7") == .light)
        #expect(TerminalBackground.fromColorFGBG("15;0") == .dark)
        #expect(TerminalBackground.fromColorFGBG("15;8") == .dark)
        #expect(TerminalBackground.fromColorFGBG("15;default") == nil)
        #expect(TerminalBackground.fromColorFGBG(nil) == nil)
        #expect(!TerminalBackground.canAsk(environment: ["TERM": "linux"]) && TerminalBackground.canAsk(environment: ["TERM": "xterm"]))
    }
}
