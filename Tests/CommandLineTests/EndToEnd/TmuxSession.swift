import Foundation
import TestSupport
import Testing

/// A private tmux server for one end-to-end test: start a program in a
/// pane, send keys, read the screen, wait for text with a deadline (never a
/// fixed sleep), and compare the terminal's settings before and after.
final class TmuxSession: @unchecked Sendable {
    let socket = "leadterm-e2e-\(UUID().uuidString.prefix(8))"
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-e2e-\(UUID().uuidString)")
    var config: URL { scratch.appendingPathComponent("tmux.conf") }

    init() throws {
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try "set -g default-terminal tmux-256color\nset -s escape-time 0\n".write(to: config, atomically: true, encoding: .utf8)
    }

    deinit {
        let socket = socket
        _ = runShell("tmux -L \(Self.shellQuoted(socket)) kill-server >/dev/null 2>&1 </dev/null")
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Starts `command` (run by `sh -c`) in a detached session of the given size.
    func start(_ command: String, width: Int, height: Int) async throws {
        try await tmux("-f", config.path, "new-session", "-d", "-s", "e2e", "-x", "\(width)", "-y", "\(height)", "sh", "-c", command)
    }

    @discardableResult
    func tmux(_ arguments: String...) async throws -> String {
        try await tmux(arguments)
    }

    @discardableResult
    func tmux(_ arguments: [String]) async throws -> String {
        let socket = socket
        return try await onOwnThread {
            // posix_spawn + waitpid, not Foundation's Process: Process did not reap the tmux
            // client here, and a pipe would be held open by the server. Not system() either:
            // the server would keep every descriptor of the test process (`runShell`).
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
            defer { unlink(path) }
            let command = (["tmux", "-L", socket] + arguments).map(Self.shellQuoted).joined(separator: " ")
                + " > \(Self.shellQuoted(path)) 2>/dev/null < /dev/null"
            _ = runShell(command)
            return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        }
    }

    /// Keys in tmux's names (`Enter`, `Escape`, `BTab`, `C-s`, `j`).
    func keys(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", "e2e"] + keys)
    }

    /// Text typed literally.
    func type(_ text: String) async throws {
        try await tmux("send-keys", "-t", "e2e", "-l", text)
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    func screen() async throws -> [String] {
        try await tmux("capture-pane", "-p", "-t", "e2e").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Waits until the screen satisfies `condition`; records the screen and throws on timeout.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: ([String]) -> Bool) async throws -> [String] {
        let deadline = Date().addingTimeInterval(seconds)
        var last: [String] = []
        while Date() < deadline {
            last = try await screen()
            if condition(last) { return last }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last.joined(separator: "\n"))", sourceLocation: sourceLocation)
        throw CancellationError()
    }

    /// Waits until some line contains `text`.
    @discardableResult
    func waitFor(text: String, seconds: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await waitFor("“\(text)”", seconds: seconds, sourceLocation: sourceLocation) { $0.contains { $0.contains(text) } }
    }

    func fileText(_ name: String) -> String? {
        try? String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
    }

    /// Waits for a file the pane's script writes.
    func waitForFile(_ name: String, seconds: Double = 15) async throws -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        while fileText(name) == nil, Date() < deadline { try await Task.sleep(nanoseconds: 50_000_000) }
        return fileText(name)
    }

    /// The drafts the app wrote under the session's `state` folder (XDG_STATE_HOME) — the
    /// demo's, and each account's folder — each checked to be readable by its owner only; their texts.
    func drafts(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        try Self.drafts(in: scratch.appendingPathComponent("state/leadterm/drafts"), sourceLocation: sourceLocation)
    }

    static func drafts(in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        return try files.sorted().map { name in
            let path = folder.appendingPathComponent(name).path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name)", sourceLocation: sourceLocation)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    /// The pid of the program the pane's shell runs.
    func programPID() async throws -> Int32? {
        let shell = try await tmux("display", "-p", "-t", "e2e", "#{pane_pid}").trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Every setting of `stty -a` but the window size, which the app neither
    /// sets nor restores (and which can race tmux's first pane resize).
    static func terminalSettings(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("rows ") && !$0.hasPrefix("columns ") }
    }

    /// Checks the files `before` and `after` hold the same terminal settings (a script writes
    /// `after` through a rename, so it is never read half written),
    /// and that the alternate screen is off and the cursor visible.
    func expectTerminalRestored(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = Self.terminalSettings(fileText("before")), after = Self.terminalSettings(fileText("after"))
        var changed = zip(before, after).filter { $0.0 != $0.1 }.map { "\($0.0) → \($0.1)" }
        if before.count != after.count { changed.append("\(before.count) settings before, \(after.count) after") }
        #expect(!before.isEmpty && before == after, "stty -a differs: \(changed)", sourceLocation: sourceLocation)
        let state = try await tmux("display", "-p", "-t", "e2e", "#{alternate_on} #{cursor_flag}")
        #expect(state.trimmingCharacters(in: .whitespacesAndNewlines) == "0 1", sourceLocation: sourceLocation)
    }
}
