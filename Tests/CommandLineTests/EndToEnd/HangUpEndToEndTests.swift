import Foundation
import Testing
import TestSupport

/// An exit that cannot hang: the app against a service that accepts
/// connections and never answers, a hang-up mid-edit, and the process gone
/// within 2 seconds with its terminal restored and the draft on disk.
@Suite(.serialized) struct HangUpEndToEndTests {
    @Test func aHangUpEndsTheAppInTimeWhileTheServiceNeverAnswers() async throws {
        let server = try LoopbackServer(.silent)
        defer { server.stop() }
        let tmux = try TmuxSession()
        let dir = tmux.scratch.path
        let app = "XDG_CONFIG_HOME=\(dir)/config XDG_STATE_HOME=\(dir)/state XDG_CACHE_HOME=\(dir)/cache LEADTERM_BASE_URL=\(server.baseURL.absoluteString) "
            + "LEADTERM_API_KEY=k LEADTERM_TOKEN=t \(CommandRunner.binary.path) --timeout 600"
        try await tmux.start("stty -a > \(dir)/before; \(app); echo $? > \(dir)/exit; stty -a > \(dir)/after.partial; mv \(dir)/after.partial \(dir)/after; sleep 60",
                             width: 80, height: 24)
        try await tmux.waitFor(text: "Loading leads…")
        // What froze the app before: moving and switching views while requests hang, each superseding another.
        for key in ["Down", "Down", "Enter", "Escape", "2", "m", "r", "1"] { try await tmux.keys(key) }
        try await tmux.keys("a")
        try await tmux.waitFor(text: "New lead")
        try await tmux.type("Typed while the service hangs")
        try await tmux.waitFor(text: "Typed while the service hangs")
        #expect(server.requestLines.count >= 3, "\(server.requestLines)")

        let pid = try #require(try await tmux.programPID())
        let sent = Date()
        kill(pid, SIGHUP)
        while kill(pid, 0) == 0, Date().timeIntervalSince(sent) < 10 { try await Task.sleep(nanoseconds: 10_000_000) }
        let took = Date().timeIntervalSince(sent)
        #expect(took < 2, "the process took \(took) s to end")
        _ = try await tmux.waitForFile("after", seconds: 10)
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "129")
        try await tmux.expectTerminalRestored()
        let drafts = try tmux.drafts()
        #expect(drafts.count == 1 && drafts[0].contains("Typed while the service hangs"))
    }

    /// The loop stuck in a write to a terminal that no longer reads its output (stopped,
    /// or gone without closing): the watcher's thread writes the draft of the last state
    /// the loop published and ends the process.
    @Test func aHangUpEndsTheAppInTimeWhileItsTerminalReadsNothing() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-stuck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/stuck_terminal.py")
        let output = try await onOwnThread { () -> String in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, CommandRunner.binary.path, scratch.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        let seconds = try #require(outcome["seconds"] as? Double, "the process did not end in 10 s")
        #expect(seconds < 2, "the process took \(seconds) s to end")
        #expect(outcome["status"] as? Int == 129)
        let drafts = try TmuxSession.drafts(in: scratch.appendingPathComponent("leadterm/drafts"))
        #expect(drafts.count == 1 && drafts.first?.contains("Zoë typed") == true)
    }
}
