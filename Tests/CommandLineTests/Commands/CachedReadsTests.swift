import Foundation
import Testing
import LeadsSandbox
import TestSupport

/// The command line and the local cache (issue 12, point 9): `today` never hangs a login
/// shell, and the read commands answer `--offline` from what was seen before.
@Suite struct CachedReadsTests {
    /// A profile `work` on `baseURL`, its cache and config in `dir`; credentials from the environment.
    static func runner(_ dir: URL, baseURL: URL, profile: String = "work") throws -> CommandRunner {
        let config = dir.appendingPathComponent("config/leadterm")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "default_profile = \"\(profile)\"\n[profiles.\(profile)]\nbase_url = \"\(baseURL.absoluteString)\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        var cli = CommandRunner(sandbox: nil)
        cli.environment["XDG_CONFIG_HOME"] = dir.appendingPathComponent("config").path
        cli.environment["XDG_CACHE_HOME"] = dir.appendingPathComponent("cache").path
        cli.environment["LEADTERM_API_KEY"] = SandboxOptions().apiKey
        cli.environment["LEADTERM_TOKEN"] = SandboxOptions().token
        return cli
    }

    @Test func todayFallsBackToTheCachedAgendaWhenTheServiceIsGoneOrSilent() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-cached-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let sandbox = try await Sandbox.start(SandboxHarness.options(leads: 30))
        var cli = try Self.runner(dir, baseURL: sandbox.baseURL)
        let online = try await cli("today")
        #expect(online.status == 0, "\(online.stderr)")
        #expect(online.stdout.hasPrefix("Today, ") && !online.stdout.contains("cached"), "\(online.stdout)")
        let listed = try await cli("leads", "list", "--limit", "5")
        #expect(listed.status == 0)
        let everyPage = try await cli("leads", "list", "--all", "--limit", "7")   // pages of 7, as another page size would
        #expect(everyPage.status == 0)
        let port = sandbox.port
        await sandbox.stop()
        let hold = try PortHold(port: port)   // refused, as a stopped service is
        defer { hold.release() }

        // Refused: the cache at once, marked, exit status 0.
        var started = Date()
        let refused = try await cli("today")
        #expect(Date().timeIntervalSince(started) < 2.5)
        #expect(refused.status == 0, "\(refused.stderr)")
        let firstLine = refused.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.contains(" (cached ") && firstLine.hasPrefix("Today, "), "\(refused.stdout)")
        #expect(refused.stdout.split(separator: "\n").dropFirst() == online.stdout.split(separator: "\n").dropFirst())

        // Silent (a hung service or a dead link): the cache after --wait, 2 s by default.
        let server = try LoopbackServer(.silent)
        defer { server.stop() }
        cli = try Self.runner(dir, baseURL: server.baseURL)
        started = Date()
        let silent = try await cli("today")
        let waited = Date().timeIntervalSince(started)
        #expect(waited >= 1.9 && waited < 2.5, "waited \(waited) s")
        #expect(silent.status == 0 && silent.stdout.contains(" (cached "), "\(silent.stdout)\(silent.stderr)")

        // --offline: what was seen, said to be the cache's; what was not, named.
        let offline = try await cli("leads", "list", "--limit", "5", "--offline")
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout == listed.stdout)
        #expect(offline.stderr.contains("answered from the local cache (cached "), "\(offline.stderr)")
        let unseen = try await cli("leads", "show", "ana-souza-1", "--offline")
        #expect(unseen.status == 5)
        #expect(unseen.stderr.contains("--offline, and the cache of work (") && unseen.stderr.contains("does not hold lead ana-souza-1 yet"),
                "\(unseen.stderr)")
        // Another page size than was read: put together from the pages kept (found by a newcomer).
        let assembled = try await cli("leads", "list", "--offline")
        #expect(assembled.status == 0, "\(assembled.stderr)")
        #expect(assembled.stdout.split(separator: "\n").dropFirst(2).first?.hasPrefix("Ana Souza") == true, "\(assembled.stdout)")
        let all = try await cli("leads", "list", "--offline", "--all")
        #expect(all.status == 0 && all.stdout == everyPage.stdout, "\(all.stdout)\(all.stderr)")
        #expect(server.requestLines.count == 1, "--offline asked the service: \(server.requestLines)")

        // Nothing cached for this profile: one line, in time.
        cli = try Self.runner(dir, baseURL: server.baseURL, profile: "other")
        started = Date()
        let nothing = try await cli("today", "--wait", "0.5")
        #expect(Date().timeIntervalSince(started) < 1.5)
        #expect(nothing.status == 5 && nothing.stdout.isEmpty)
        #expect(nothing.stderr == "leadterm: the service has not answered within 0.5 s, and nothing is cached for today.\n", "\(nothing.stderr)")
    }
}
