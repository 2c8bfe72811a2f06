import Foundation
import TerminalUI
import Testing

/// The toolkit in a real terminal: tmux runs `leadterm toolkit-demo`, keys
/// are sent, the screen is read back, and after SIGHUP (an SSH connection
/// dropping) the terminal must be as it was.
@Suite(.serialized) struct TmuxEndToEndTests {
    let socket = "leadterm-e2e-\(UUID().uuidString.prefix(8))"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-e2e-\(UUID().uuidString)")

    @discardableResult
    func tmux(_ arguments: String...) async throws -> String {
        let socket = socket
        return try await onOwnThread {
            // system() (fork + waitpid), not Foundation's Process: Process did not
            // reap the tmux client here, and a pipe would be held open by the server.
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
            defer { unlink(path) }
            let command = (["tmux", "-L", socket] + arguments).map(Self.shellQuoted).joined(separator: " ")
                + " > \(Self.shellQuoted(path)) 2>/dev/null < /dev/null"
            _ = system(command)
            return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    func screen() async throws -> [String] {
        try await tmux("capture-pane", "-p", "-t", "e2e").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits (up to a deadline, never a fixed sleep) until the screen satisfies `condition`.
    func waitFor(_ what: String, seconds: Double = 15, _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last.joined(separator: "\n"))")
        throw CancellationError()
    }

    func fileText(_ name: String) -> String? {
        try? String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func keysWideCharactersResizeAndRestoreAfterSIGHUP() async throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let config = scratch.appendingPathComponent("tmux.conf")
        try "set -g default-terminal tmux-256color\nset -s escape-time 0\n".write(to: config, atomically: true, encoding: .utf8)
        let dir = scratch.path
        let script = "stty -a > \(dir)/before; \(CommandRunner.binary.path) toolkit-demo; echo $? > \(dir)/exit; stty -a > \(dir)/after; "
            + "tput cnorm >/dev/null 2>&1; sleep 60"
        defer {
            _ = try? FileManager.default.removeItem(at: scratch)
        }
        try await tmux("-f", config.path, "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", "sh", "-c", script)

        var lines = try await waitFor("the demo") { $0.contains { $0.contains("Leads (toolkit demo)") } }
        #expect(lines.count >= 24)
        #expect(lines.contains { $0.contains("1 of 10000") })

        try await tmux("send-keys", "-t", "e2e", "j", "j", "j")
        lines = try await waitFor("three steps down") { $0.contains { $0.contains("4 of 10000") } }
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

        try await tmux("send-keys", "-t", "e2e", "?")
        _ = try await waitFor("help") { $0.contains { $0.contains("Help — ↑↓ scroll") } }
        try await tmux("send-keys", "-t", "e2e", "Escape")
        _ = try await waitFor("help closed") { !$0.contains { $0.contains("Help — ↑↓ scroll") } }

        try await tmux("resize-window", "-t", "e2e", "-x", "150", "-y", "30")
        lines = try await waitFor("the wide layout") { $0.contains { $0.contains("┌ Overview") } }
        #expect(lines.contains { $0.contains("November 2026") })

        try await tmux("resize-window", "-t", "e2e", "-x", "60", "-y", "20")
        _ = try await waitFor("the too-small notice") { $0.contains { $0.contains("Terminal too small (need 80x24,") } }
        try await tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
        _ = try await waitFor("recovery") { $0.contains { $0.contains("4 of 10000") } }

        let shell = try await tmux("display", "-p", "-t", "e2e", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let demo = try #require(children.split(separator: " ").first.flatMap { Int32($0) })
        kill(demo, SIGHUP)
        let deadline = Date().addingTimeInterval(10)
        while fileText("after") == nil, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        #expect(fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "129")
        // Every setting of `stty -a` but the window size, which the app neither sets
        // nor restores (and which can race tmux's first pane resize on a cold start).
        func settings(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "\n" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && !$0.hasPrefix("rows ") && !$0.hasPrefix("columns ") }
        }
        let before = settings(fileText("before")), after = settings(fileText("after"))
        let changed = zip(before, after).filter { $0.0 != $0.1 }.map { "\($0.0) → \($0.1)" }
        #expect(!before.isEmpty && before == after, "stty -a differs after SIGHUP: \(changed)")
        let state = try await tmux("display", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag}")
        #expect(state.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1")
        try await tmux("kill-server")
    }
}
