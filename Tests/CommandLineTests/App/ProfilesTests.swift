import Foundation
import LeadsSandbox
import TestSupport
import Testing

/// Accounts (issue 12, points 1–2): profiles in config.toml, `login` storing
/// checked credentials 0600, refusing a file others can read, `token_command`,
/// the environment over the profile, `logout`, `auth status` never showing a secret.
@Suite(.serialized) struct ProfilesTests {
    /// A scratch config directory with `config.toml`, and a runner whose XDG_CONFIG_HOME is it.
    static func setUp(_ config: String) throws -> (CommandRunner, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-profiles-\(UUID().uuidString)")
        let directory = home.appendingPathComponent("leadterm")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try config.write(to: directory.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        var cli = CommandRunner(sandbox: nil)
        cli.environment["XDG_CONFIG_HOME"] = home.path
        return (cli, directory)
    }

    /// The line of `auth status` that starts with `label`.
    static func line(_ label: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(label + ":") }.map { String($0.dropFirst(label.count + 1)).trimmingCharacters(in: .whitespaces) } ?? ""
    }

    static func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test func loginStoresCheckedCredentialsAndTheProfileUsesThem() async throws {
        let sandbox = try await Sandbox.start(SandboxHarness.options(leads: 20))
        defer { Task { await sandbox.stop() } }
        let (cli, directory) = try Self.setUp("""
            default_profile = "work"

            [profiles.work]
            base_url = "\(sandbox.baseURL.absoluteString)"
            user = "ana"
            """)
        let credentials = directory.appendingPathComponent("credentials.toml")
        var status = try await cli("auth", "status")
        #expect(status.status == 4 && Self.line("API key", in: status.stdout) == "missing", "\(status.stdout)")

        // Refused credentials are not stored.
        let refused = try await cli("login", "--with-token", input: "\(sandbox.apiKey)\nnot-the-token\n")
        #expect(refused.status == 4, "\(refused.stderr)")
        #expect(refused.stderr.contains("leadterm login"), "the message says what fixes it: \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: credentials.path))

        let login = try await cli("login", "--with-token", input: "\(sandbox.apiKey)\n\(sandbox.token)\n")
        #expect(login.status == 0, "\(login.stderr)")
        #expect(Self.mode(credentials) == 0o600 && Self.mode(directory) == 0o700)

        let listed = try await cli("leads", "list", "--json")
        #expect(listed.status == 0, "\(listed.stderr)")
        status = try await cli("auth", "status")
        #expect(status.status == 0)
        #expect(Self.line("Profile", in: status.stdout) == "work (from default_profile)", "\(status.stdout)")
        #expect(Self.line("Token", in: status.stdout) == "from file (\(credentials.path))", "\(status.stdout)")
        #expect(!status.stdout.contains(sandbox.token) && !status.stdout.contains(sandbox.apiKey))

        // The environment wins over the profile: a wrong LEADTERM_TOKEN is what is sent.
        var overridden = cli
        overridden.environment["LEADTERM_TOKEN"] = "from-the-environment"
        #expect(try await overridden("leads", "list").status == 4)

        // A file others can read is refused, naming the file, its mode and the fix.
        chmod(credentials.path, 0o644)
        let open = try await cli("leads", "list")
        #expect(open.status == 2)
        #expect(open.stderr.contains("mode 644") && open.stderr.contains("chmod 600 \(credentials.path)"), "\(open.stderr)")
        chmod(credentials.path, 0o600)

        // A credential pasted with a line break is trimmed; one with a control character inside is refused, never printed.
        var pasted = cli
        pasted.environment["LEADTERM_TOKEN"] = sandbox.token + "\r\n"
        #expect(try await pasted("leads", "list").status == 0)
        pasted.environment["LEADTERM_TOKEN"] = "sandbox\u{01}SECRETPART"
        let control = try await pasted("leads", "list")
        #expect(control.status == 2 && control.stderr.contains("no HTTP header can carry") && !control.stderr.contains("SECRETPART"), "\(control.stderr)")

        // logout --profile names the profile (the root option), and keeps the others.
        try "[other]\napi_key = \"k\"\ntoken = \"t\"\n\n".appending(try String(contentsOf: credentials, encoding: .utf8)).write(to: credentials, atomically: true, encoding: .utf8)
        chmod(credentials.path, 0o600)
        let other = try await cli("logout", "--profile", "other")
        #expect(other.status == 0 && other.stdout.contains("profile other"), "\(other.stdout)")
        #expect(try String(contentsOf: credentials, encoding: .utf8).contains("[work]"))
        let logout = try await cli("logout")
        #expect(logout.status == 0 && logout.stdout.contains("Removed"))
        #expect(try await cli("leads", "list").status == 2)   // no token: a configuration error
    }

    /// `leadterm login` at a terminal: both secrets asked for with echo off (driven through a
    /// pseudo-terminal by a script), checked, stored 0600; `LEADTERM_PROFILE` picks the profile.
    @Test func loginAtATerminalAsksWithEchoOff() async throws {
        let sandbox = try await Sandbox.start(SandboxHarness.options(leads: 5))
        defer { Task { await sandbox.stop() } }
        let (cli, directory) = try Self.setUp("""
            [profiles.home]
            base_url = "http://127.0.0.1:1/api/v1/"

            [profiles.work]
            base_url = "\(sandbox.baseURL.absoluteString)"
            """)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Commands/Scripts/login_prompt.py")
        var chosenEnvironment = cli.environment
        chosenEnvironment["LEADTERM_PROFILE"] = "work"
        let environment = chosenEnvironment
        let result = try await onOwnThread { () -> (Int32, String) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script.path, CommandRunner.binary.path, sandbox.apiKey, sandbox.token]
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(result.0 == 0, "\(result.1)")
        #expect(result.1.contains("API key for work: ") && result.1.contains("Token for work: "), "\(result.1)")
        let credentials = directory.appendingPathComponent("credentials.toml")
        #expect(Self.mode(credentials) == 0o600)
        let stored = try String(contentsOf: credentials, encoding: .utf8)
        #expect(stored.contains("[work]") && stored.contains(sandbox.token))
        var chosen = cli
        chosen.environment["LEADTERM_PROFILE"] = "work"
        let status = try await chosen("auth", "status")
        #expect(Self.line("Profile", in: status.stdout) == "work (from LEADTERM_PROFILE)", "\(status.stdout)")
    }

    @Test func aTokenCommandGivesTheToken() async throws {
        let sandbox = try await Sandbox.start(SandboxHarness.options(leads: 20))
        defer { Task { await sandbox.stop() } }
        let (cli, _) = try Self.setUp("""
            [profiles.cmd]
            base_url = "\(sandbox.baseURL.absoluteString)"
            token_command = "printf '%s\\\\n' \(sandbox.token)"
            api_key_command = "echo \(sandbox.apiKey)"

            [profiles.broken]
            base_url = "\(sandbox.baseURL.absoluteString)"
            token_command = "printf 'S3CR3T%s' x; exit 3"
            api_key_command = "echo key"

            [profiles.hangs]
            base_url = "\(sandbox.baseURL.absoluteString)"
            timeout = 1
            token_command = "sleep 30"
            api_key_command = "echo key"
            """)
        let listed = try await cli("--profile", "cmd", "leads", "list", "--limit", "1")
        #expect(listed.status == 0, "\(listed.stderr)")
        let status = try await cli("--profile", "cmd", "auth", "status")
        #expect(Self.line("Token", in: status.stdout).hasPrefix("from command (token_command:"), "\(status.stdout)")
        let broken = try await cli("--profile", "broken", "leads", "list")
        #expect(broken.status == 2 && broken.stderr.contains("exit status 3") && !broken.stderr.contains("S3CR3Tx"), "\(broken.stderr)")
        // A command that hangs is ended at the connection's timeout: a login banner never hangs on it.
        let started = Date()
        let hangs = try await cli("--profile", "hangs", "today")
        #expect(hangs.status == 2 && hangs.stderr.contains("did not finish within 1 s"), "\(hangs.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test func configMistakesAreNamedByFileAndLine() async throws {
        let (cli, directory) = try Self.setUp("""
            default_profile = "work"
            [profiles.work]
            base_url = "http://127.0.0.1:9/api/v1/"
            token = "do-not-put-it-here"
            colour = "red"
            """)
        let status = try await cli("auth", "status")
        let file = directory.appendingPathComponent("config.toml").path
        #expect(status.stderr.contains("\(file):4: token does not belong in config.toml"), "\(status.stderr)")
        #expect(status.stderr.contains("\(file):5: unknown setting “colour”"), "\(status.stderr)")
        let unknown = try await cli("--profile", "home", "leads", "list")
        #expect(unknown.status == 2 && unknown.stderr.contains("no profile “home” (from --profile)") && unknown.stderr.contains("profiles: work"),
                "\(unknown.stderr)")
    }
}
