import Foundation
import LeadsAPI
import TerminalUI
import TestSupport
import Testing

/// Issue 10's inputs through a real terminal: names with emoji, flags and
/// Hangul sorted, resized and covered by a dialog; a CRLF note; a multi-line
/// paste into the booking note; a date offset that used to trap; the command
/// line's table in tmux.
@Suite(.serialized) struct RealWorldTextEndToEndTests {
    static let names: [(String, String)] = [("Heart❤️", "Smith"), ("Camp🏕️", "Ranger"), ("Flag🇧🇷", "Silva"), ("민준", "김"), ("Wave👋🏽", "Ng")]

    /// The character tmux shows at display column `column` of a captured line.
    static func character(atColumn column: Int, in line: String) -> Character? {
        var x = 0
        for character in line {
            if x == column { return character }
            x += DisplayWidth.of(character)
            if x > column { return nil }
        }
        return nil
    }

    /// Every row inside a frame starts and ends with its border, at the pane's width;
    /// a dialog's left and right borders stand in one column from its top to its bottom.
    static func expectWhole(_ lines: [String], width: Int, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (y, line) in lines.enumerated() where line.hasPrefix("│") {
            #expect(DisplayWidth.of(line) == width && line.hasSuffix("│"), "\(what): row \(y) is not whole: \(line)", sourceLocation: sourceLocation)
        }
        for line in lines {
            #expect(!line.unicodeScalars.contains { $0.value == 0x200D || $0.value == 0xFE0F }, "\(what): a joiner or VS16 was drawn: \(line)", sourceLocation: sourceLocation)
        }
        guard let top = lines.firstIndex(where: { $0.contains("┌ Delete lead") }),
              let corner = lines[top].firstIndex(of: "┌"),
              let rightCorner = lines[top][corner...].firstIndex(of: "┐") else { return }
        let left = DisplayWidth.of(String(lines[top][..<corner]))
        let right = left + DisplayWidth.of(String(lines[top][corner..<rightCorner]))
        guard let bottom = lines[top...].firstIndex(where: { character(atColumn: left, in: $0) == "└" }) else {
            Issue.record("\(what): the dialog has no bottom-left corner in its column", sourceLocation: sourceLocation)
            return
        }
        for y in top...bottom {
            let l = character(atColumn: left, in: lines[y]), r = character(atColumn: right, in: lines[y])
            #expect(l.map { "┌│└".contains($0) } == true && r.map { "┐│┘".contains($0) } == true,
                    "\(what): the dialog's border moved on row \(y): \(lines[y])", sourceLocation: sourceLocation)
        }
    }

    @Test func namesFromWebFormsNotesAndPastesThroughTmux() async throws {
        try await SandboxHarness.with(leads: 30) { sandbox, client in
            let cli = CommandRunner(sandbox: sandbox)
            for (index, (first, last)) in Self.names.enumerated() {
                let made = try await cli("leads", "create", "--first-name", first, "--last-name", last, "--email", "w\(index)@example.com",
                                         "--phone", "+1555000100\(index)", "--location", "Rio", "--message", "Form", "--assignee", "demo")
                #expect(made.status == 0, "\(made.stderr)")
            }
            // Hangul names of every length, so a dialog's edge cuts some of them in half.
            let syllables = Array("가나다라마바사아자차카타")
            for length in 1...syllables.count {
                let made = try await cli("leads", "create", "--first-name", String(syllables.prefix(length)), "--last-name", "김", "--email", "h\(length)@example.com",
                                         "--phone", "+155500020\(length + 10)", "--location", "Seoul", "--message", "Form", "--assignee", "demo")
                #expect(made.status == 0, "\(made.stderr)")
            }
            let list = try #require(try await cli("leads", "list", "--email", "w0@", "--json").json as? [String: Any])
            let heart = try #require((list["results"] as? [[String: Any]])?.first?["slug"] as? String)
            // Stored with CRLF, as another client of the service may store it (the command line sends \n).
            try await client.createNote(slug: heart, text: "Called\r\nSends contract Friday")

            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            let env = "XDG_CONFIG_HOME=\(dir)/config XDG_STATE_HOME=\(dir)/state XDG_CACHE_HOME=\(dir)/cache LEADTERM_BASE_URL=\(sandbox.baseURL.absoluteString) "
                + "LEADTERM_API_KEY=\(sandbox.apiKey) LEADTERM_TOKEN=\(sandbox.token)"
            // The command line's table in tmux: the rows with emoji keep their columns.
            try await tmux.start("\(env) \(CommandRunner.binary.path) leads list --limit 40; sleep 600", width: 140, height: 50)
            var lines = try await tmux.waitFor(text: "Showing")
            let rows = lines.filter { $0.contains("+155500") }
            #expect(rows.count == Self.names.count + syllables.count, "\(lines.joined(separator: "\n"))")
            let columns = Set(rows.compactMap { row in row.range(of: "+1555000").map { DisplayWidth.of(String(row[..<$0.lowerBound])) } })
            #expect(columns.count == 1, "the phone column moved:\n\(rows.joined(separator: "\n"))")
            try await tmux.tmux("kill-server")

            let app = try TmuxSession()
            try await app.start("\(env) \(CommandRunner.binary.path) --timeout 30; echo $? > \(app.scratch.path)/exit; sleep 600", width: 100, height: 30)
            try await app.waitFor("the list") { AppEndToEndTests.counter($0) != nil && $0.contains { $0.contains("Heart❤ Smith") } }
            // Sorting moves rows under each other: no letter of an earlier frame survives.
            for step in 0..<4 {
                try await app.keys("s")
                try await Task.sleep(nanoseconds: 300_000_000)
                lines = try await app.screen()
                Self.expectWhole(lines, width: 100, "sort \(step)")
                for (first, last) in Self.names where first.first?.isASCII == true {
                    let shown = "\(SafeGraphemes.sanitize(first)) \(last) ", word = String(first.prefix { $0.isASCII })
                    for line in lines where line.contains(word) {
                        #expect(line.contains(shown), "sort \(step): \(shown) not drawn whole: \(line)")
                    }
                }
            }
            // A dialog over the Hangul name, then gone: borders in their columns, nothing left behind.
            try await app.keys("/")
            try await app.type("김")
            try await app.keys("Enter")
            try await app.waitFor(text: "민준 김")
            let before = try await app.waitFor("the Hangul rows, the bar closed") { $0.contains { $0.contains("가나다 김") } && $0.last { !$0.isEmpty }?.contains("enter open") == true }
            try await app.keys("D")
            lines = try await app.waitFor(text: "Delete lead")
            Self.expectWhole(lines, width: 100, "the delete dialog")
            try await app.keys("n")
            // The whole frame drawn (the status bar's hints are the list's again), not the middle of one.
            lines = try await app.waitFor("the dialog gone") { !$0.contains { $0.contains("Delete lead") } && $0.last { !$0.isEmpty }?.contains("enter open") == true }
            // The status bar and the two rows a long message (a reminder, say) may wrap over are not compared.
            #expect(Array(lines.dropFirst().dropLast(3)) == Array(before.dropFirst().dropLast(3)), "the dialog left cells behind")
            try await app.keys("Escape")
            try await app.waitFor("the whole list again") { $0.contains { $0.contains("Heart❤ Smith") } }
            // Resizing to each test size keeps every row whole.
            for (width, height) in [(80, 24), (120, 36), (160, 48), (100, 30)] {
                try await app.tmux("resize-window", "-t", "e2e", "-x", "\(width)", "-y", "\(height)")
                lines = try await app.waitFor("\(width)x\(height)") { $0.count >= height && $0[height - 1].count > 0 && ($0[1].hasSuffix("┐")) && DisplayWidth.of($0[1]) == width }
                Self.expectWhole(lines, width: width, "\(width)x\(height)")
            }

            // A note stored with CRLF reads as lines, without ␍.
            try await app.keys("/")
            try await app.type("heart")
            try await app.keys("Enter")
            try await app.waitFor(text: "1 of 1 matching")
            try await app.keys("Enter")
            // Its two lines as two lines where the notes box has room for a second one, else joined by a space.
            lines = try await app.waitFor("the CRLF note") { lines in
                lines.contains { $0.contains("Called Sends contract Friday") }
                    || zip(lines, lines.dropFirst()).contains { $0.contains("Called") && $1.contains("Sends contract Friday") }
            }
            #expect(!lines.contains { $0.contains("␍") })

            // The booking form: a start that used to trap is the field's message; a pasted agenda keeps every line.
            try await app.keys("A")
            try await app.waitFor(text: "New appointment")
            try await app.keys("C-u")   // the start field has focus: the lead is this one
            try await app.type("+2000000000000000000w")
            try await app.waitFor(text: "is too far: offsets go up to 520 weeks")
            try await app.keys("C-u")
            try await app.type("tomorrow 10:00")
            try await app.keys("Tab", "Tab")
            let agenda = app.scratch.appendingPathComponent("agenda.txt")
            try "Agenda:\n1. pricing\n2. contract 👨‍👩‍👧".write(to: agenda, atomically: true, encoding: .utf8)
            try await app.tmux("load-buffer", agenda.path)
            try await app.tmux("paste-buffer", "-p", "-t", "e2e")
            lines = try await app.waitFor(text: "Agenda: 1. pricing 2. contract 👨👩👧")
            #expect(lines.contains { $0.contains("New appointment") }, "the paste closed or submitted the form")
            try await app.keys("C-s")
            try await app.waitFor(text: "Booked")
            // The month grid beside tomorrow's agenda, the family in its note: no joiner drawn, no row broken
            // (a count once read `28‍¹`).
            // The calendar went to the day booked (tomorrow).
            try await app.keys("2")
            try await app.keys("m")
            lines = try await app.waitFor(text: "Agenda: 1. pri")
            Self.expectWhole(lines, width: 100, "the month grid")
            try await app.keys("q")
            _ = try await app.waitForFile("exit")
            #expect(app.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

            let booked = try await cli("appointments", "list", "--limit", "500", "--json")
            #expect(booked.stdout.contains("Agenda: 1. pricing 2. contract 👨‍👩‍👧"), "\(booked.stdout.prefix(400))")
        }
    }
}
