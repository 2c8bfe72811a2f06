import Foundation
import Testing
import LeadsSandbox
import TestSupport

/// `--log FILE` / `LEADTERM_LOG` (issue 12, point 10): each request as method, path,
/// status and milliseconds, each retry and failure by kind; never a secret or a body.
@Suite struct LogTests {
    static func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func requestsAreLoggedWithoutSecretsOrBodies() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let dir = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: dir) }
            let log = dir.appendingPathComponent("leadterm.log")
            var cli = CommandRunner(sandbox: sandbox)
            #expect(try await cli("leads", "list", "--limit", "2", "--log", log.path).status == 0)
            cli.environment["LEADTERM_LOG"] = log.path
            let note = "Secret plans for Zoë \u{1B}[31m"
            let added = try await cli("notes", "add", "ana-souza-1", note)
            #expect(added.status == 0, "\(added.stderr)")
            cli.environment["LEADTERM_TOKEN"] = "wrong-token"
            #expect(try await cli("leads", "list").status == 4)

            let text = try String(contentsOf: log, encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            #expect(lines.count == 3, "\(text)")
            #expect(lines.first?.contains("info leadterm.api: GET leads/list/ 200 ") == true, "\(text)")
            #expect(lines.first?.hasSuffix(" ms") == true)
            #expect(lines.contains { $0.contains("POST leads/create/leadnote/ 20") }, "\(text)")
            #expect(lines.last?.contains("GET leads/list/ 401 ") == true, "\(text)")
            for secret in [sandbox.apiKey, sandbox.token, "wrong-token", "Secret plans", "limit="] {
                #expect(!text.contains(secret), "the log holds “\(secret)”")
            }
            let mode = try FileManager.default.attributesOfItem(atPath: log.path)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }
    }

    @Test func aServiceThatNeverAnswersIsLoggedByKindWithItsRetries() async throws {
        let server = try LoopbackServer(.silent)
        defer { server.stop() }
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("hung.log")
        var cli = CommandRunner(sandbox: nil)
        cli.environment["LEADTERM_BASE_URL"] = server.baseURL.absoluteString
        cli.environment["LEADTERM_API_KEY"] = "key"
        cli.environment["LEADTERM_TOKEN"] = "token"
        let result = try await cli("leads", "list", "--timeout", "0.3", "--log", log.path)
        #expect(result.status != 0)
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("GET leads/list/ failed after "), "\(text)")
        #expect(text.contains("transport: timedOut"), "\(text)")
        #expect(text.contains("retry GET leads/list/ (attempt 2 of "), "\(text)")
    }

    @Test func aLogThatCannotBeWrittenIsNamed() async throws {
        let cli = CommandRunner(sandbox: nil)
        let result = try await cli("leads", "list", "--demo", "--log", "/nonexistent-dir/leadterm.log")
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write the log /nonexistent-dir/leadterm.log: No such file or directory"), "\(result.stderr)")
    }
}
