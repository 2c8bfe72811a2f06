import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func wideCharactersTakeTwoCellsAndReadBackNaturally() {
        var buffer = Buffer(width: 12, height: 1)
        let end = buffer.put("山田😀e\u{301}|", x: 0, y: 0)
        #expect(end == 8)
        #expect(buffer.line(0) == "山田😀é|    ")
        #expect(buffer[1, 0].isContinuation && buffer[5, 0].isContinuation)
    }

    @Test func aWideCharacterNeverStraddlesTheLimit() {
        var buffer = Buffer(width: 5, height: 1)
        buffer.put("ab山田", x: 0, y: 0)
        #expect(buffer.line(0) == "ab山 ")
        var clipped = Buffer(width: 10, height: 1)
        clipped.put("山田太郎", x: 0, y: 0, maxWidth: 5)
        #expect(clipped.line(0) == "山田      ")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("山田", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.line(0) == " x田  ")
    }

    /// A fill (a dialog's box) whose edge cuts a wide character blanks both of its halves:
    /// with only one blanked, the terminal kept `│민준│` with the border gone.
    @Test func fillingOverHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 8, height: 2)
        buffer.put("민준민준", x: 0, y: 0)
        buffer.put("민준민준", x: 0, y: 1)
        buffer.fill(Rect(x: 1, y: 0, width: 4, height: 1), with: "#")
        #expect(buffer.line(0) == " #### 준")
        buffer.fill(Rect(x: 0, y: 1, width: 3, height: 1), with: "#")
        #expect(buffer.line(1) == "### 민준")
        for y in 0..<2 {
            for x in 0..<8 where buffer[x, y].isContinuation {
                #expect(x > 0 && buffer[x - 1, y].width == 2, "a continuation without its wide character at \(x),\(y)")
            }
        }
    }

    @Test func controlsEscapesAndBidiBecomeVisiblePlaceholders() {
        var buffer = Buffer(width: 60, height: 1)
        buffer.put("a\u{1B}]52;c;SGVsbG8=\u{07}b\u{9B}2Jc\r\nd\u{202E}e\u{7F}f\tg\rh", x: 0, y: 0)
        #expect(buffer.lines[0] == "a␛]52;c;SGVsbG8=␇b�2Jc d�e␡f g h")   // a line break or a tab is one blank
        let unsafe = buffer.cells.flatMap { $0.grapheme.unicodeScalars }.filter(SafeGraphemes.isUnsafe)
        #expect(unsafe.isEmpty)
    }

    @Test func paddedTextIsTruncatedWithAnEllipsis() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.putPadded("Maximilian-Alexander", x: 0, y: 0, width: 8)
        #expect(buffer.line(0) == "Maximil…  ")
        buffer.putPadded("42", x: 0, y: 0, width: 5, alignRight: true)
        #expect(buffer.line(0).hasPrefix("   42"))
    }

    @Test func changesListOnlyDifferingCells() {
        var before = Buffer(width: 4, height: 2)
        before.put("ab c", x: 0, y: 0)
        var after = before
        after.put("X", x: 2, y: 0)
        #expect(after.changes(since: before).map { [$0.x, $0.y] } == [[2, 0]])
        #expect(after.changes(since: Buffer(width: 3, height: 2)).count == 8)
    }
}

@Suite struct LayoutTests {
    @Test func fixedPercentAndFillCoverTheRectExactly() {
        let parts = Layout(.horizontal, [.fixed(20), .fill(), .percent(30)]).split(Rect(x: 0, y: 0, width: 100, height: 5))
        #expect(parts.map(\.width) == [20, 50, 30])
        #expect(parts.map(\.x) == [0, 20, 70])
        let weighted = Layout(.vertical, [.fill(1), .fill(3)]).split(Rect(x: 0, y: 0, width: 5, height: 10))
        #expect(weighted.map(\.height) == [2, 8])
        let spaced = Layout(.horizontal, [.min(10), .fill()], spacing: 1).split(Rect(x: 0, y: 0, width: 31, height: 1))
        #expect(spaced.map(\.width) == [20, 10])
    }

    @Test func overCommittedPartsShrinkFromTheEnd() {
        let parts = Layout(.horizontal, [.fixed(30), .fixed(30)]).split(Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(parts.map(\.width) == [30, 10])
    }
}

@Suite struct KeyTests {
    @Test(arguments: ["j", "G", "?", "down", "ctrl-f", "shift-tab", "enter", "esc", "f1", "f12", "alt-x", "pgdn", "space", "home", "delete"])
    func descriptionsRoundTrip(_ text: String) throws {
        let key = try #require(Key(description: text))
        #expect(key.description == text)
    }

    @Test(arguments: ["", "ctrl-", "ctrl-1", "f13", "hyper-x", "jj", "g g g"])
    func badDescriptions(_ text: String) {
        #expect(KeySequence(description: text) == nil)
    }

    @Test func resolvesThroughTheStackWithSequences() throws {
        var keymap = Keymap()
        keymap.bind(KeySequence([.character("q")]), to: "app.quit", in: "global")
        keymap.bind(KeySequence([.character("j")]), to: "list.down", in: "list")
        keymap.bind(try #require(KeySequence(description: "g g")), to: "list.top", in: "list")
        keymap.bind(try #require(KeySequence(description: "g e")), to: "list.bottom", in: "list")
        keymap.bind(KeySequence([.character("q")]), to: "form.cancel", in: "form")
        var resolver = KeyResolver()
        #expect(resolver.resolve(.character("j"), keymap: keymap, stack: ["global", "list"]) == .action("list.down"))
        #expect(resolver.resolve(.character("q"), keymap: keymap, stack: ["global", "list"]) == .action("app.quit"))
        #expect(resolver.resolve(.character("q"), keymap: keymap, stack: ["global", "form"]) == .action("form.cancel"))
        guard case .pending(let first, let hints) = resolver.resolve(.character("g"), keymap: keymap, stack: ["global", "list"]) else {
            Issue.record("expected a pending sequence"); return
        }
        #expect(first == .character("g"))
        #expect(hints.map(\.action) == ["list.top", "list.bottom"])
        #expect(resolver.resolve(.character("g"), keymap: keymap, stack: ["global", "list"]) == .action("list.top"))
        _ = resolver.resolve(.character("g"), keymap: keymap, stack: ["global", "list"])
        #expect(resolver.resolve(.character("x"), keymap: keymap, stack: ["global", "list"]) == .unbound(.character("x")))
        #expect(resolver.pending == nil)
    }
}

@Suite struct TOMLReaderTests {
    @Test func readsTheSubsetWithLineNumbers() throws {
        let text = """
        # comment
        name = "x" # trailing
        [palette]
        blue = { hex = "#0000ff", index = 21, base = "blue" }
        list = ["#fff", 15,
                "white"]
        [styles]
        "ui.text" = 'fg'
        ui.border = "dim"
        esc = "a\\tb\\u00e9"
        """
        let tables = try TOMLReader.read(text).get()
        #expect(tables.map(\.name) == ["", "palette", "styles"])
        #expect(tables[1].entries.map(\.line) == [4, 5])
        #expect(tables[1].entries[1].value == .array([.string("#fff"), .integer(15), .string("white")]))
        #expect(tables[2].entries.map(\.key) == ["ui.text", "ui.border", "esc"])
        #expect(tables[2].entries[2].value == .string("a\tbé"))
        #expect(tables[2].entries[1].line == 9)
    }

    @Test(arguments: [("a = ", 1, "missing value"), ("[t]\nx = bare", 2, "“bare” is not a value (strings need quotes)"),
                      ("x = \"open", 1, "unterminated string"), ("[t\n", 1, "expected ] after table name"),
                      ("[a]\n[a]", 2, "table [a] appears twice"), ("x = 1 2", 1, "unexpected text after the value of “x”"),
                      ("= 3", 1, "missing key")])
    func errorsNameTheLine(_ text: String, _ line: Int, _ message: String) {
        guard case .failure(let error) = TOMLReader.read(text) else { Issue.record("expected an error"); return }
        #expect(error.line == line)
        #expect(error.message == message)
    }
}
