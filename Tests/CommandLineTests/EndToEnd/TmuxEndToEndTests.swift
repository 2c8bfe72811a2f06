import Foundation
import TerminalUI
import Testing

/// The toolkit in a real terminal: tmux runs `leadterm toolkit-demo`, keys
/// are sent, the screen is read back, and after SIGHUP (an SSH connection
/// dropping) the terminal must be as it was.
@Suite(.serialized) struct TmuxEndToEndTests {
    @Test func keysWideCharactersResizeAndRestoreAfterSIGHUP() async throws {
        let tmux = try TmuxSession()
        let dir = tmux.scratch.path
        let script = "stty -a > \(dir)/before; \(CommandRunner.binary.path) toolkit-demo; echo $? > \(dir)/exit; stty -a > \(dir)/after.partial; mv \(dir)/after.partial \(dir)/after; "
            + "tput cnorm >/dev/null 2>&1; sleep 60"
        try await tmux.start(script, width: 80, height: 24)

        var lines = try await tmux.waitFor(text: "Leads (toolkit demo)")
        #expect(lines.count >= 24)
        #expect(lines.contains { $0.contains("1 of 10000") })

        try await tmux.keys("j", "j", "j")
        lines = try await tmux.waitFor(text: "4 of 10000")
        #expect(lines.contains { $0.contains("last key: j") })

        // Wide characters occupy two columns: the STATUS column starts at the same display column on every row.
        let ana = try #require(lines.first { $0.contains("Ana Souza") })
        let yamada = try #require(lines.first { $0.contains("山田 太郎") })
        func statusColumn(_ line: String) -> Int? {
            for status in ["prospect", "contact", "tentative", "potential", "customer", "closed"] {
                if let range = line.range(of: " \(status) ") { return DisplayWidth.of(String(line[..<range.lowerBound])) }
            }
            return nil
        }
        #expect(statusColumn(ana) != nil && statusColumn(ana) == statusColumn(yamada))
        // The hostile name is drawn with placeholders.
        #expect(lines.contains { $0.contains("Evil␛]52;c;") })

        try await tmux.keys("?")
        try await tmux.waitFor(text: "Help — ↑↓ scroll")
        try await tmux.keys("Escape")
        try await tmux.waitFor("help closed") { !$0.contains { $0.contains("Help — ↑↓ scroll") } }

        try await tmux.tmux("resize-window", "-t", "e2e", "-x", "150", "-y", "30")
        lines = try await tmux.waitFor(text: "┌ Overview")
        #expect(lines.contains { $0.contains("November 2026") })

        try await tmux.tmux("resize-window", "-t", "e2e", "-x", "60", "-y", "20")
        try await tmux.waitFor(text: "Terminal too small (need 80x24,")
        try await tmux.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
        try await tmux.waitFor(text: "4 of 10000")

        let demo = try #require(try await tmux.programPID())
        kill(demo, SIGHUP)
        _ = try await tmux.waitForFile("after", seconds: 30)
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "129")
        try await tmux.expectTerminalRestored()
    }
}
