import Foundation
import Glibc
import Testing
@testable import TerminalUI

/// The real ncurses backend on a pipe and a file instead of a terminal
/// (`newterm`), so the bytes it writes can be read.
extension ProcessWideTests {
@Suite struct NcursesBackendTests {
    /// C0, ESC sequences (CSI, OSC 52 clipboard, OSC 8 link, DCS), C1 and bidi overrides.
    static let hostile = "Eve\u{1B}[2J\u{1B}]52;c;cHduZWQ=\u{07}\u{1B}]8;;http://evil\u{1B}\\link\u{1B}P1$r\u{1B}\\\u{9B}31m\u{9D}0;x\u{07}\u{202E}gnp.exe\r!"

    /// Issue 14.1: the copy is OSC 52 with the text's UTF-8 in base64 (so nothing in it can end
    /// the sequence), closed by ST.
    @Test func theClipboardSequenceCarriesAnyTextInBase64() {
        let text = "Zoë Ångström ☎ +1 555\u{1B}\u{07}"
        let sequence = NcursesBackend.clipboard(text)
        #expect(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{1B}\\"))
        let payload = sequence.dropFirst(7).dropLast(2)
        #expect(!payload.contains("\u{1B}") && !payload.contains("\u{07}"))
        #expect(Data(base64Encoded: String(payload)).map { String(decoding: $0, as: UTF8.self) } == text)
    }

    /// A backend whose input is a pipe (`pipeEnds[1]` writes to it) and whose output is a file.
    static func backend(width: Int, height: Int) throws -> (NcursesBackend, [Int32], UnsafeMutablePointer<FILE>, String) {
        var pipeEnds: [Int32] = [0, 0]
        #expect(pipe(&pipeEnds) == 0)
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("ncurses-\(UUID().uuidString).out").path
        let output = try #require(fopen(outputPath, "w"))
        let input = try #require(fdopen(pipeEnds[0], "r"))
        let backend = try NcursesBackend(terminal: "xterm-256color", output: output, input: input, environment: ["TERM": "xterm-256color"])
        backend.setSize(width: width, height: height)
        return (backend, pipeEnds, output, outputPath)
    }

    /// Issues 14.2 and 14.7: a link goes out once, over its cells, with the cursor and attributes
    /// put back; the terminal's OSC 11 answer is read as its background, never as keys.
    @Test func linksAndTheTerminalsAnswer() throws {
        let (backend, pipeEnds, output, outputPath) = try Self.backend(width: 40, height: 5)
        defer { unlink(outputPath) }
        backend.sendsHyperlinks = true
        var answers: [TerminalBackground] = []
        backend.onBackground = { answers.append($0) }

        var buffer = Buffer(width: 40, height: 5)
        let email = "eve@x.com\u{1B}]8;;http://evil\u{07}"
        let target = try #require(Hyperlink.mailto(email))
        let drawn = buffer.put(email, x: 2, y: 1, style: Style(foreground: .index(4), attributes: .underline)) - 2
        buffer.link(x: 2, y: 1, width: drawn, target: target)
        backend.draw(buffer)
        backend.draw(buffer)   // nothing changed: the link is not sent again
        buffer.put("later", x: 0, y: 3)
        backend.draw(buffer)

        let keys = "\u{1B}]11;rgb:ffff/fafa/f0f0\u{1B}\\j\u{1B}]11;rgb:0000/0000/0000\u{07}k"
        _ = keys.withCString { write(pipeEnds[1], $0, strlen($0)) }
        var events: [TerminalEvent?] = []
        for _ in 0..<4 { events.append(backend.readEvent(timeout: 500)) }
        backend.restore()
        SignalWatcher.shared.release()
        fclose(output)
        close(pipeEnds[1])

        #expect(events == [nil, .key(.character("j")), nil, .key(.character("k"))])
        #expect(answers == [.light, .dark])
        let written = String(decoding: try #require(FileManager.default.contents(atPath: outputPath)), as: UTF8.self)
        let link = "\u{1B}]8;;mailto:eve@x.com%1B%5D8%3B%3Bhttp%3A%2F%2Fevil%07\u{1B}\\"
        #expect(written.components(separatedBy: link).count == 2, "the link is sent once")
        #expect(written.contains("\u{1B}7\u{1B}[2;3H" + link + "\u{1B}[0;4;34meve@x.com␛]8;;http://evil␇\u{1B}]8;;\u{1B}\\\u{1B}8"))
        #expect(!written.contains("\u{1B}]8;;http"), "the server's sequence reached the terminal")
    }

    @Test func hostileTextNeverReachesTheTerminalAndKeysDecode() throws {
        let (backend, pipeEnds, output, outputPath) = try Self.backend(width: 80, height: 24)
        defer { unlink(outputPath) }

        let theme = Theme(name: "t", roles: ["ui.text": .init(foreground: ColorLadder(index: 2))], depth: backend.colorDepth)
        var buffer = Buffer(width: 80, height: 24)
        let rows = [Self.hostile, "山田 太郎", "Heart❤️ Smith Flag🇧🇷 Silva 👨‍👩‍👧 👋🏽"]
        TableWidget(columns: [.init("NAME", .flex(1))], rowCount: 3, state: ListState(), cell: { row, _ in rows[row] })
            .render(in: buffer.area, buffer: &buffer, theme: theme)
        backend.draw(buffer)

        // Keys through the same backend: xterm's sequences for Down, F1, a CJK character, Enter, Alt-x.
        let keys = "\u{1B}OB\u{1B}OP中\r"
        _ = keys.withCString { write(pipeEnds[1], $0, strlen($0)) }
        var decoded: [Key] = []
        while decoded.count < 4, case .key(let key)? = backend.readEvent(timeout: 500) { decoded.append(key) }
        // A bracketed paste is one event of text: its CR, tab and ESC are not Enter, Tab and Esc,
        // and an arrow key's bytes inside it are text, not a press (the field drops the ESC).
        // The key after it is a key again.
        let paste = "\u{1B}[200~Alex\rMorgan\tX\u{1B}[Ay\u{1B}[201~q"
        _ = paste.withCString { write(pipeEnds[1], $0, strlen($0)) }
        let pasted = backend.readEvent(timeout: 500)
        let after = backend.readEvent(timeout: 500)
        // The input closing at its other end is a hang-up, as a dropped terminal's would be.
        backend.wakePipe = WakePipe()
        close(pipeEnds[1])
        // Seen within a few reads (under load one read may wake on the end of the input as
        // readable and read the EOF itself; the next poll sees the hang-up).
        var hungUp = false
        for _ in 0..<4 where !hungUp {
            #expect(backend.readEvent(timeout: 500) == nil)
            hungUp = SignalWatcher.shared.wait(for: SIGHUP, milliseconds: 500)
        }
        #expect(hungUp)
        backend.wakePipe = nil
        backend.restore()
        SignalWatcher.shared.release()
        fclose(output)

        #expect(decoded == [.down, .function(1), .character("中"), .enter])
        #expect(pasted == .paste("Alex\rMorgan\tX\u{1B}[Ay"))
        #expect(after == .key(.character("q")))
        let written = try #require(FileManager.default.contents(atPath: outputPath))
        let bytes = [UInt8](written)
        func contains(_ needle: [UInt8]) -> Bool {
            guard needle.count <= bytes.count else { return false }
            return (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<$0 + needle.count]) == needle }
        }
        #expect(!contains(Array("\u{1B}]52".utf8)), "OSC 52 reached the terminal")
        #expect(!contains(Array("\u{1B}]8;".utf8)), "OSC 8 reached the terminal")
        #expect(!contains(Array("\u{1B}P1".utf8)), "DCS reached the terminal")
        #expect(!contains([0xC2, 0x9B]) && !contains([0xC2, 0x9D]), "a C1 control reached the terminal")
        #expect(!contains([0xE2, 0x80, 0xAE]), "a bidi override reached the terminal")
        #expect(!bytes.contains(0x07), "BEL reached the terminal")
        #expect(!bytes.contains(0x0D) || !contains(Array("\r!".utf8)), "a bare CR from the text reached the terminal")
        #expect(contains(Array("␛]52;c;".utf8)), "the placeholder was drawn")
        #expect(contains(Array("山田".utf8)))
        // Bracketed paste on at start and off at the end.
        let on = Array("\u{1B}[?2004h".utf8), off = Array("\u{1B}[?2004l".utf8)
        #expect(contains(on) && contains(off))
        // Sequences terminals draw at different widths go out in their agreed form: no VS16,
        // no zero-width joiner, no regional indicator, no skin-tone modifier.
        #expect(!contains([0xEF, 0xB8, 0x8F]), "VS16 reached the terminal")
        #expect(!contains([0xE2, 0x80, 0x8D]), "a ZWJ reached the terminal")
        #expect(!contains([0xF0, 0x9F, 0x87]), "a regional indicator reached the terminal")
        #expect(!contains([0xF0, 0x9F, 0x8F, 0xBD]), "a skin-tone modifier reached the terminal")
        #expect(contains(Array("FlagBR".utf8)))
    }
}
}
