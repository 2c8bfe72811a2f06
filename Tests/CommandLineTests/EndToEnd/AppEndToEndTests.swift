import Foundation
import Testing
import LeadsAPI
import LeadsSandbox
import LeadsStore
import TestSupport

/// The leads workspace in a real terminal: tmux runs `leadterm --demo`,
/// keys go in as a person would type them, the screen is read back.
@Suite(.serialized) struct AppEndToEndTests {
    /// Settings that make the test quick: a one-second undo window.
    static func prepare(_ tmux: TmuxSession) throws -> String {
        let config = tmux.scratch.appendingPathComponent("config/leadterm")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "[leads]\nundo_seconds = 1\n".write(to: config.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8)
        return app(in: tmux, "--demo")
    }

    /// The command that starts leadterm with its config, state and cache in the test's folder.
    static func app(in tmux: TmuxSession, _ arguments: String = "") -> String {
        let dir = tmux.scratch.path
        return "XDG_CONFIG_HOME=\(dir)/config XDG_STATE_HOME=\(dir)/state XDG_CACHE_HOME=\(dir)/cache \(CommandRunner.binary.path)" + (arguments.isEmpty ? "" : " " + arguments)
    }

    /// `login`'s credentials file for profile `work`, 0600 as it writes it.
    static func storeCredentials(in config: URL, apiKey: String, token: String) throws {
        let file = config.appendingPathComponent("credentials.toml")
        try "[work]\napi_key = \"\(apiKey)\"\ntoken = \"\(token)\"\n".write(to: file, atomically: true, encoding: .utf8)
        chmod(file.path, 0o600)
    }

    /// The selected row's number and the total in the list's frame ("12 of 108").
    static func counter(_ lines: [String]) -> (Int, Int)? {
        for line in lines.prefix(3) {
            let words = line.split(separator: " ").map(String.init)
            if let index = words.firstIndex(of: "of"), index > 0,
               let selected = Int(words[index - 1].replacingOccurrences(of: ",", with: "")),
               index + 1 < words.count, let total = Int(words[index + 1].replacingOccurrences(of: ",", with: "")) {
                return (selected, total)
            }
        }
        return nil
    }

    @Test func aSalespersonsSessionAt100x30() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        let dir = tmux.scratch.path
        try await tmux.start("PS1='$ ' exec bash --norc --noprofile -i", width: 100, height: 30)
        try await tmux.waitFor(text: "$")
        // A subshell, so Ctrl-Z stops one job that `fg` resumes as a whole.
        try await tmux.type("( stty -a > \(dir)/before; \(app); echo $? > \(dir)/exit; stty -a > \(dir)/after.partial; mv \(dir)/after.partial \(dir)/after )")
        try await tmux.keys("Enter")
        try await tmux.waitFor("the first page") { Self.counter($0) != nil && $0.contains { $0.contains("Ana Souza") } }
        var lines = try await tmux.waitFor("the title bar") { $0[0].contains("demo") && $0[0].contains("today") && $0[0].contains("owned") }

        // Open a lead and see its notes; add one and see it listed.
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "Intro call done: wants a demo")
        try await tmux.keys("n")
        try await tmux.waitFor(text: "Note on Ana Souza")
        try await tmux.type("E2E: asked for a trial")
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Note added to Ana Souza.")
        // The detail loads again: the note is listed with its author.
        try await tmux.waitFor("the note listed") { $0.contains { $0.contains("demo") && $0.contains("E2E: asked for a trial") } }
        try await tmux.keys("Escape")
        try await tmux.waitFor(text: "enter open")

        // A new lead with a bad phone: the phone is named; fixed, it saves.
        try await tmux.keys("a")
        try await tmux.waitFor(text: "New lead")
        for (index, value) in ["Eve", "Tester", "eve.tester@example.com", "12ab"].enumerated() {
            if index > 0 { try await tmux.keys("Tab") }
            try await tmux.type(value)
        }
        try await tmux.keys("Tab")
        try await tmux.waitFor(text: "✗ Phone number must be entered in the format")
        try await tmux.keys("BTab", "C-u")
        try await tmux.type("+15557654321")
        try await tmux.keys("Tab", "Tab", "Tab")
        try await tmux.type("Porto")
        try await tmux.keys("Tab")
        try await tmux.type("Pricing")
        try await tmux.waitFor("the phone error gone") { !$0.contains { $0.contains("✗ Phone") } }
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Created lead Eve Tester.")

        // Find it with the filter; edit it.
        try await tmux.keys("/")
        try await tmux.type("eve tester")
        try await tmux.keys("Enter")
        lines = try await tmux.waitFor(text: "1 of 1 matching")
        #expect(lines.contains { $0.contains("Eve Tester") && $0.contains("+15557654321") })
        try await tmux.keys("e")
        try await tmux.waitFor(text: "Edit lead")
        try await tmux.keys("Tab", "C-u")
        try await tmux.type("Testera")
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Saved Eve Testera.")
        try await tmux.waitFor(text: "Eve Testera ")

        // Delete it: confirmation naming it, the undo window, then gone.
        try await tmux.keys("D")
        try await tmux.waitFor(text: "Delete lead Eve Testera?")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "Deleted Eve Testera — u to undo")
        try await tmux.waitFor(text: "Deleted Eve Testera.")
        try await tmux.waitFor(text: "No lead matches the filter")

        // Server-side filter.
        try await tmux.keys("Escape")
        try await tmux.waitFor("the filter cleared") { !$0.contains { $0.contains("matching") } && Self.counter($0) != nil }
        try await tmux.keys("/")
        try await tmux.type("status:customer")
        try await tmux.keys("Enter")
        lines = try await tmux.waitFor("customers only") { lines in
            lines[1].contains("status:customer") && Self.counter(lines) != nil && lines.contains { $0.contains(" customer ") }
        }
        let rows = lines.dropFirst(3).prefix(while: { !$0.hasPrefix("└") })
            .filter { !$0.trimmingCharacters(in: CharacterSet(charactersIn: "│ ")).isEmpty }
        #expect(!rows.isEmpty && rows.allSatisfy { $0.contains(" customer ") }, "\(rows)")
        try await tmux.keys("Escape")
        try await tmux.waitFor("the whole list") { !$0[1].contains("status:") && Self.counter($0) != nil }

        // Scroll to the end: further pages load until everything is there.
        let total = try #require(Self.counter(try await tmux.screen())?.1)
        #expect(total > 50)
        for _ in 0..<(total / 50 + 2) {
            try await tmux.keys("G")
            try await Task.sleep(nanoseconds: 300_000_000)
            if Self.counter(try await tmux.screen())?.0 == total { break }
        }
        try await tmux.waitFor("the last lead") { Self.counter($0).map { $0.0 == $0.1 } ?? false }

        // Resize: wide shows list and detail side by side; back to one pane.
        try await tmux.tmux("resize-window", "-t", "e2e", "-x", "160", "-y", "40")
        try await tmux.waitFor("the wide layout") { $0.contains { $0.contains("NAME") } && $0.contains { $0.contains("Recent activity") } }
        try await tmux.tmux("resize-window", "-t", "e2e", "-x", "80", "-y", "24")
        try await tmux.waitFor("one pane at 80x24") { $0.contains { $0.contains("NAME") } && !$0.contains { $0.contains("Recent activity") } }

        // Ctrl-Z gives the shell back; fg repaints.
        try await tmux.keys("C-z")
        try await tmux.waitFor(text: "Stopped")
        try await tmux.type("fg")
        try await tmux.keys("Enter")
        try await tmux.waitFor("the app again") { $0.contains { $0.contains("NAME") } && $0.contains { $0.contains("of") } }

        // Quit: the terminal is as it was.
        try await tmux.keys("q")
        let exit = try await tmux.waitForFile("after", seconds: 15)
        #expect(exit != nil)
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        try await tmux.expectTerminalRestored()
    }

    /// Issue 14.1: `y e` copies the selected lead's email with OSC 52, which tmux (set-clipboard
    /// on, as over SSH to the user's terminal) takes into its buffer; `y p` the phone.
    @Test func theCopyKeysReachTheClipboardThroughTmux() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        try await tmux.start("\(app); sleep 60", width: 100, height: 30)
        try await tmux.tmux("set-option", "-s", "set-clipboard", "on")
        try await tmux.waitFor("the first page") { Self.counter($0) != nil }
        func said(_ lines: [String]) -> String? {
            lines.first { $0.contains("Copied ") }?.components(separatedBy: "Copied ").last?
                .components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces)
        }
        var last: String?
        for (key, looksRight) in [("e", { (value: String) in value.contains("@") }), ("p", { $0.contains(where: \.isNumber) })] {
            try await tmux.keys("y", key)
            let lines = try await tmux.waitFor("“Copied …” for y \(key)") { said($0) != nil && said($0) != last }
            let value = said(lines) ?? ""
            let buffer = try await tmux.tmux("show-buffer")
            #expect(buffer == value && looksRight(buffer), "buffer “\(buffer)”, said “\(value)”")
            last = value
        }
    }

    /// Issue 14.3: `:export` writes the list as shown (here a server filter) to CSV and to JSON,
    /// both read back by Python's csv and json modules; a second export to the same name is refused.
    @Test func exportsReadBackByPython() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        try await tmux.start("cd '\(tmux.scratch.path)' && \(app); sleep 60", width: 100, height: 30)
        try await tmux.waitFor("the first page") { Self.counter($0) != nil }
        try await tmux.keys("/")
        try await tmux.type("status:contact")
        try await tmux.keys("Enter")
        // The service's answer (the title bar counts what matches), not the list before it.
        let filtered = try await tmux.waitFor("the filtered list") { $0.first { $0.contains("owned matching") } != nil && Self.counter($0) != nil }
        let total = try #require(Self.counter(filtered)?.1)
        for name in ["contacts.csv", "contacts.json"] {
            try await tmux.keys(":")
            try await tmux.type("export \(name)")
            try await tmux.keys("Enter")
            try await tmux.waitFor(text: "to \(tmux.scratch.appendingPathComponent(name).path).")
        }
        let rows = try #require(try CSVExportTests.readFile(tmux.scratch.appendingPathComponent("contacts.csv").path) as? [[String]])
        let leads = try #require(try CSVExportTests.readFile(tmux.scratch.appendingPathComponent("contacts.json").path) as? [[String: Any]])
        #expect(rows.count == total + 1 && leads.count == total && total > 0)
        #expect(rows.dropFirst().allSatisfy { $0[3] == "contact" } && leads.allSatisfy { $0["status"] as? String == "contact" })
        #expect(rows.dropFirst().map { $0[9] } == leads.map { $0["slug"] as? String ?? "" })
        try await tmux.keys(":")
        try await tmux.type("export contacts.csv")
        try await tmux.keys("Enter")
        try await tmux.waitFor("the refusal (wrapped over two rows)") { lines in
            lines.joined(separator: " ").split(separator: " ").joined(separator: " ").contains("contacts.csv already exists: choose another name")
        }
    }

    /// Issue 14.4: a view saved with `:save-view` is written to settings.toml (its comment kept)
    /// and is a tab after a restart; `]` shows it.
    @Test func aSavedViewIsThereAfterARestart() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        let settings = tmux.scratch.appendingPathComponent("config/leadterm/settings.toml")
        try "# kept\n[leads]\nundo_seconds = 1\n".write(to: settings, atomically: true, encoding: .utf8)
        try await tmux.start("\(app); \(app); sleep 60", width: 100, height: 30)
        try await tmux.waitFor("the first page") { Self.counter($0) != nil }
        try await tmux.keys("/")
        try await tmux.type("status:contact")
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "status:contact")
        try await tmux.keys("s")
        try await tmux.keys(":")
        try await tmux.type("save-view contacts")
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "Saved view “contacts”")
        let text = try String(contentsOf: settings, encoding: .utf8)
        #expect(text.hasPrefix("# kept\n[leads]\nundo_seconds = 1\n") && text.contains("[views.contacts]\nfilter = \"status:contact\"\nsort = \"name\""), "\(text)")
        try await tmux.keys("q")
        try await tmux.waitFor("the restarted app with its tabs") { lines in
            lines.contains { $0.contains("[all] contacts │ Leads · owned") } && Self.counter(lines) != nil
        }
        try await tmux.keys("]")
        try await tmux.waitFor("the saved view") { lines in
            lines.contains { $0.contains("all [contacts] │ Leads · owned · status:contact · by name") }
        }
    }

    /// Issue 14.5: three leads marked, one status for all of them with the location and
    /// assignee the service does not say; one lead is deleted elsewhere during the undo window,
    /// so its change fails: the summary names it with the service's reason, it stays marked,
    /// the other two have the new status on the service.
    @Test func aStatusOnThreeMarkedLeadsWithOneFailure() async throws {
        try await SandboxHarness.with(leads: 12) { sandbox, client in
            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            let config = try Self.profile(in: tmux, sandbox)
            try "[leads]\nundo_seconds = 3\n".write(to: config.appendingPathComponent("settings.toml"), atomically: true, encoding: .utf8)
            var cli = CommandRunner(sandbox: nil)
            cli.environment["XDG_CONFIG_HOME"] = "\(dir)/config"
            let login = try await cli("login", "--with-token", input: "\(sandbox.apiKey)\n\(sandbox.token)\n")
            #expect(login.status == 0, "\(login.stderr)")
            let first = try await client.leads(LeadQuery(limit: 3)).results
            try #require(first.count == 3)
            try await tmux.start("\(Self.app(in: tmux)); sleep 60", width: 120, height: 36)
            try await tmux.waitFor("the first page") { Self.counter($0) != nil && $0.contains { $0.contains(first[0].name) } }
            for _ in 0..<3 { try await tmux.keys("Space") }
            try await tmux.waitFor(text: "3 marked")
            try await tmux.keys("S")
            try await tmux.type(#"contact location:"Aarhus, DK" assignee:demo"#)
            try await tmux.keys("Enter")
            try await tmux.waitFor(text: "Status contact on 3 leads")
            try await client.deleteLead(slug: first[1].slug)
            let lines = try await tmux.waitFor("the summary") { $0.contains { $0.contains("1 of 3 leads failed") } }
            #expect(lines.contains { $0.contains(first[1].name) && $0.contains(first[1].slug) }, "\(lines.joined(separator: "\n"))")
            #expect(lines.contains { $0.contains("Status contact set on 2 of 3 leads; 1 failed and stay marked.") })
            try await tmux.keys("q")
            try await tmux.waitFor(text: "1 marked")
            for lead in [first[0], first[2]] {
                #expect(try await client.lead(slug: lead.slug).status == "contact")
            }
            try await tmux.keys("C-c")
        }
    }

    /// Issue 14.7: with no theme chosen, a terminal that answers OSC 11 with a light background
    /// (tmux does, with the pane's style) gets the light theme — the same screen as
    /// LEADTERM_THEME=light — and one that answers dark the default theme.
    @Test func theAutoThemeFollowsTheTerminalsAnswer() async throws {
        var captures: [String: String] = [:]
        for (name, chosen, pane) in [("auto, light", "", "bg=#fafafa"), ("light", "LEADTERM_THEME=light ", "bg=#fafafa"), ("auto, dark", "", "bg=#101010")] {
            let tmux = try TmuxSession()
            let app = try Self.prepare(tmux)
            // (The test runner's environment has NO_COLOR; the half second lets the pane's style come first.)
            try await tmux.start("unset NO_COLOR; sleep 0.5; \(chosen)\(app); sleep 60", width: 100, height: 30)
            try await tmux.tmux("select-pane", "-t", "e2e", "-P", pane)
            try await tmux.waitFor("the first page") { Self.counter($0) != nil }
            captures[name] = try await tmux.tmux("capture-pane", "-e", "-p", "-t", "e2e", "-S", "1", "-E", "6")
        }
        #expect(captures["light"]?.contains("\u{1B}[38;5;") == true, "no colours: \(captures)")
        #expect(captures["auto, light"] == captures["light"], "\(captures)")
        #expect(captures["auto, dark"] != captures["light"])
    }

    /// Issue 14.6: ctrl-o in the note form gives the terminal to $EDITOR (here a script that
    /// appends a line), takes it back, and the form holds what the editor saved.
    @Test func aNoteWrittenInTheEditor() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        let script = tmux.scratch.appendingPathComponent("edit.sh")
        try "#!/bin/sh\nprintf '\\nSecond line, from the editor\\n' >> \"$1\"\n".write(to: script, atomically: true, encoding: .utf8)
        try await tmux.start("EDITOR='sh \(script.path)' \(app); sleep 60", width: 100, height: 30)
        try await tmux.waitFor("the first page") { Self.counter($0) != nil }
        try await tmux.keys("n")
        try await tmux.waitFor(text: "Note on ")
        try await tmux.type("First line")
        try await tmux.keys("C-o")
        try await tmux.waitFor(text: "Second line, from the editor")
        let lines = try await tmux.waitFor(text: "back from the editor")
        #expect(lines.contains { $0.contains("First line") })
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Note added")
    }

    @Test func aDraftSurvivesAHangUpAt80x24() async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        let dir = tmux.scratch.path
        try await tmux.start("stty -a > \(dir)/before; \(app); echo $? > \(dir)/exit; stty -a > \(dir)/after.partial; mv \(dir)/after.partial \(dir)/after; sleep 60", width: 80, height: 24)
        let lines = try await tmux.waitFor("the first page") { Self.counter($0) != nil && $0.contains { $0.contains("Ana Souza") } }
        #expect(lines.allSatisfy { $0.count <= 80 })
        try await tmux.keys("?")
        try await tmux.waitFor(text: "Help — j/k scroll")
        try await tmux.keys("Escape")
        try await tmux.keys("n")
        try await tmux.waitFor(text: "Note on Ana Souza")
        try await tmux.type("Typed before the line dropped")
        try await tmux.waitFor(text: "29/499")

        let pid = try #require(try await tmux.programPID())
        kill(pid, SIGHUP)
        _ = try await tmux.waitForFile("after", seconds: 30)
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "129")
        try await tmux.expectTerminalRestored()
        let drafts = try tmux.drafts()
        #expect(drafts.count == 1 && drafts[0].contains("Typed before the line dropped"))

        // The next start offers it; yes brings the text back, and it saves.
        try await tmux.tmux("kill-session", "-t", "e2e")
        try await tmux.start("\(app); sleep 60", width: 80, height: 24)
        try await tmux.waitFor(text: "Resume a note on Ana Souza")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "Typed before the line dropped")
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Note added to Ana Souza.")
        #expect(try tmux.drafts().isEmpty)
        try await tmux.keys("q")
    }

    /// A `work` profile on `sandbox`, the default one, in the session's config folder (returned).
    static func profile(in tmux: TmuxSession, _ sandbox: RunningSandbox) throws -> URL {
        let config = tmux.scratch.appendingPathComponent("config/leadterm")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "default_profile = \"work\"\n[profiles.work]\nbase_url = \"\(sandbox.baseURL.absoluteString)\"\nuser = \"ana\"\n"
            .write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        return config
    }

    /// A profile of config.toml, logged in: the app opens on it, the profile in its title bar.
    @Test func theTitleBarShowsTheProfile() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            _ = try Self.profile(in: tmux, sandbox)
            var cli = CommandRunner(sandbox: nil)
            cli.environment["XDG_CONFIG_HOME"] = "\(dir)/config"
            let login = try await cli("login", "--with-token", input: "\(sandbox.apiKey)\n\(sandbox.token)\n")
            #expect(login.status == 0, "\(login.stderr)")
            try await tmux.start("\(Self.app(in: tmux)); sleep 60", width: 120, height: 36)
            let lines = try await tmux.waitFor("the first page") { Self.counter($0) != nil }
            #expect(lines[0].contains("work · 127.0.0.1"), "\(lines[0])")
            try await tmux.keys("C-c")
        }
    }

    /// The app takes the terminal before reading its profile (issue 13), so a credential
    /// command that asks on the terminal (pinentry, a password manager) gets it back first: it
    /// runs with the terminal in its usual mode (icanon, echo), not ncurses' raw one.
    @Test func aCredentialCommandGetsTheTerminalBack() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            let config = tmux.scratch.appendingPathComponent("config/leadterm")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try """
                default_profile = "work"
                [profiles.work]
                base_url = "\(sandbox.baseURL.absoluteString)"
                api_key_command = "echo \(sandbox.apiKey)"
                token_command = "stty -a < /dev/tty > \(dir)/stty; echo \(sandbox.token)"
                """.write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
            try await tmux.start("\(Self.app(in: tmux)); sleep 60", width: 120, height: 36)
            try await tmux.waitFor("the first page") { Self.counter($0) != nil }
            let modes = try #require(tmux.fileText("stty")).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" })
            #expect(modes.contains("icanon") && modes.contains("echo"), "\(modes.filter { $0.hasSuffix("icanon") || $0.hasSuffix("echo") })")
            try await tmux.keys("C-c")
        }
    }

    /// The local cache (issue 12, points 4–5): a session leaves what it saw in a 0600 file with no
    /// secret in it; the next start shows it in its first frame, marked, even with the server gone.
    @Test func theNextStartShowsTheCachedListAtOnce() async throws {
        let sandbox = try await Sandbox.start(SandboxHarness.options(leads: 30))
        let tmux = try TmuxSession()
        let dir = tmux.scratch.path
        _ = try Self.profile(in: tmux, sandbox)
        var cli = CommandRunner(sandbox: nil)
        cli.environment["XDG_CONFIG_HOME"] = "\(dir)/config"
        #expect(try await cli("login", "--with-token", input: "\(sandbox.apiKey)\n\(sandbox.token)\n").status == 0)
        let app = Self.app(in: tmux)
        try await tmux.start("\(app); sleep 60", width: 120, height: 36)
        var lines = try await tmux.waitFor("the first page") { Self.counter($0) != nil && $0.contains { $0.contains("Ana Souza") } && $0[0].contains(" today") }
        #expect(!lines[0].contains("cached"))
        try await tmux.waitFor(text: "Intro call done")   // the detail, kept too
        try await tmux.keys("q")
        try await Task.sleep(nanoseconds: 300_000_000)
        let file = tmux.scratch.appendingPathComponent("cache/leadterm/work.sqlite")
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let bytes = try Data(contentsOf: file)
        #expect(bytes.range(of: Data(sandbox.token.utf8)) == nil && bytes.range(of: Data(sandbox.apiKey.utf8)) == nil, "a secret in the cache")

        let port = sandbox.baseURL.port ?? 0
        await sandbox.stop()
        // The port stays refused until the service comes back (no parallel test's server may take it).
        let hold = try PortHold(port: port)
        try await tmux.tmux("kill-session", "-t", "e2e")
        try await tmux.start("\(app); sleep 60", width: 120, height: 36)
        // Offline (issue 12, point 6): said once, the cached screens shown and working.
        lines = try await tmux.waitFor("the cached list, offline") { $0[0].contains("offline since") && $0.contains { $0.contains("Ana Souza") } && Self.counter($0) != nil }
        #expect(lines.contains { $0.contains("ana.souza.1@mail.test") }, "the cached detail")
        #expect(lines[0].contains(" today"), "today's count, from the cached agenda: \(lines[0])")
        try await tmux.waitFor(text: "showing what was cached")
        // The service back on its port: the next retry (5 s) finds it, and says so.
        var options = SandboxHarness.options(leads: 30)
        options.port = port
        hold.release()
        let again = try await Sandbox.start(options)
        lines = try await tmux.waitFor("back online", seconds: 20) { $0.contains { $0.contains("Back online.") } }
        #expect(!lines[0].contains("offline"))
        await again.stop()
        try await tmux.keys("q")
    }

    /// Writes never lost (issue 12, points 7–8): with the sandbox stopped, a note and two
    /// bookings wait in the outbox ("3 to send"), shown where they belong; the sandbox back on
    /// the same database, the note and the free booking arrive exactly once, and the booking
    /// that conflicts comes back as its form with the service's message.
    @Test func changesMadeOfflineArriveOnceWhenTheServiceIsBack() async throws {
        let tmux = try TmuxSession()
        let dir = tmux.scratch.path
        var options = SandboxHarness.options(leads: 30)
        options.databasePath = "\(dir)/sandbox.sqlite"
        options.timeZone = .current
        let sandbox = try await Sandbox.start(options)
        let config = try Self.profile(in: tmux, sandbox)
        try Self.storeCredentials(in: config, apiKey: sandbox.apiKey, token: sandbox.token)
        let day = Day(Date(), in: .current).adding(days: 2)
        // An appointment the offline booking will collide with (made by someone else meanwhile).
        let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials))
        try await client.createAppointment(AppointmentDraft(slug: "mia-chen-5", from: "\(day) 06:45", to: "\(day) 07:15"))

        let app = Self.app(in: tmux, "--log \(dir)/app.log")
        try await tmux.start("\(app); sleep 60", width: 120, height: 36)
        try await tmux.waitFor(text: "Intro call done")          // Ana Souza's detail, seen
        try await tmux.keys("j")
        try await tmux.waitFor(text: "lead.2@example.net")              // 太郎 山田's, seen
        try await tmux.keys("k")
        try await tmux.waitFor(text: "Intro call done")

        let port = sandbox.port
        await sandbox.stop()
        let hold = try PortHold(port: port)
        try await tmux.keys("r")
        var lines = try await tmux.waitFor("the offline notice") { $0[0].contains("offline since") }
        try await tmux.waitFor(text: "showing what was cached")
        try await tmux.keys("j")
        try await tmux.waitFor(text: "lead.2@example.net")              // a cached detail, offline
        try await tmux.keys("k")
        try await tmux.waitFor(text: "Intro call done")

        try await tmux.keys("n")
        try await tmux.waitFor(text: "Note on Ana Souza")
        try await tmux.type("Called from the train 🚆")
        try await tmux.keys("C-s")
        // Waited for whole: a capture can catch a frame half written (the title line before the rest).
        try await tmux.waitFor("the note waiting, counted and shown on its lead") { lines in
            lines[0].contains("1 to send") && lines.contains { $0.contains("waiting to send") && $0.contains("Called from the train") }
        }

        try await tmux.keys("2")
        try await tmux.waitFor(text: "Calendar")
        for (lead, time) in [("zoë", "20:15"), ("mia chen", "06:45")] {
            try await tmux.keys("a")
            try await tmux.waitFor(text: "New appointment")
            try await tmux.type(lead)
            try await tmux.keys("Tab", "C-u")
            try await tmux.type("\(day) \(time)")
            try await tmux.keys("C-s")
            try await tmux.waitFor("the booking waiting") { !$0.contains { $0.contains("New appointment") } }
        }
        lines = try await tmux.waitFor("three waiting") { $0[0].contains("3 to send") }
        try await tmux.keys("]", "]")
        lines = try await tmux.waitFor("the bookings on their day") { $0.contains { $0.contains("20:15") && $0.contains("to send") } }

        hold.release()
        var again = options
        again.port = port
        let back = try await Sandbox.start(again)
        defer { Task { await back.stop() } }
        try await tmux.keys("r")
        lines = try await tmux.waitFor("the conflict back as its form", seconds: 20) { $0.contains { $0.contains("Appointment schedule exists for this time.") } }
        #expect(lines.contains { $0.contains("New appointment") } && lines.contains { $0.contains("\(day) 06:45") })
        try await tmux.waitFor("nothing left to send") { !$0[0].contains("to send") }

        let check = try APIClient(configuration: ClientConfiguration(baseURL: back.baseURL, credentials: back.credentials))
        let notes = try await check.lead(slug: "ana-souza-1").notes.filter { $0.note == "Called from the train 🚆" }
        #expect(notes.count == 1)
        let booked = try await AppointmentFetch.day(check, day).filter { $0.from?.components?.hour == 20 && $0.from?.components?.minute == 15 }
        #expect(booked.count == 1 && booked.first?.leadSlug.hasPrefix("zoe") == true, "\(booked)")
        let log = try String(contentsOfFile: "\(dir)/app.log", encoding: .utf8)
        #expect(log.contains("outbox: note on ana-souza-1: sent") && log.contains("refused: request failed"), "\(log)")
        #expect(!log.contains(back.token) && !log.contains("Called from the train"))
        await check.shutdown()
        await client.shutdown()
        try await tmux.keys("Escape")
    }

    /// A token refused while the app runs (issue 12, point 3): a prompt asks for a new one
    /// (masked), checks it, retries what failed and stores it for the profile; nothing typed is lost.
    @Test func aRefusedTokenIsRenewedInTheApp() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            let config = try Self.profile(in: tmux, sandbox)
            try Self.storeCredentials(in: config, apiKey: sandbox.apiKey, token: "expired-token")
            try await tmux.start("\(Self.app(in: tmux)); echo $? > \(dir)/exit; sleep 60",
                                 width: 100, height: 30)
            try await tmux.waitFor(text: "The service refused the token")
            try await tmux.type("still-wrong")
            var lines = try await tmux.waitFor(text: "•••")
            #expect(!lines.contains { $0.contains("still-wrong") }, "the token is masked")
            try await tmux.keys("Enter")
            try await tmux.waitFor(text: "Authentication failed")
            try await tmux.keys("C-u")
            try await tmux.type(sandbox.token)
            try await tmux.keys("C-s")
            lines = try await tmux.waitFor("the list, loaded with the new token") { Self.counter($0) != nil && $0.contains { $0.contains("Ana Souza") } }
            #expect(!lines.contains { $0.contains(sandbox.token) })
            try await tmux.waitFor(text: "stored for this profile")
            let stored = try String(contentsOf: config.appendingPathComponent("credentials.toml"), encoding: .utf8)
            #expect(stored.contains("token = \"\(sandbox.token)\"") && stored.contains("api_key = \"\(sandbox.apiKey)\""))
            try await tmux.keys("q")
            _ = try await tmux.waitForFile("exit")
            #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }
    }

    /// A token replaced on the service while the app runs (issue 12, point 3): the save that
    /// meets the 401 opens the prompt over the form, the new token is checked, and the note
    /// typed before is saved with it — once, nothing lost.
    @Test func aTokenReplacedWhileTheAppRunsIsAskedForAndTheSaveRetried() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let tmux = try TmuxSession()
            let config = try Self.profile(in: tmux, sandbox)
            try Self.storeCredentials(in: config, apiKey: sandbox.apiKey, token: sandbox.token)
            try await tmux.start("\(Self.app(in: tmux)); sleep 60",
                                 width: 120, height: 36)
            try await tmux.waitFor(text: "Intro call done")
            try await tmux.keys("n")
            try await tmux.waitFor(text: "Note on Ana Souza")
            try await tmux.type("Keep me: 10 seats 🎉")
            sandbox.rotateToken(to: "rotated-token")
            try await tmux.keys("C-s")
            try await tmux.waitFor(text: "The service refused the token")
            try await tmux.type("rotated-token")
            try await tmux.keys("Enter")
            try await tmux.waitFor(text: "Note added to Ana Souza")
            let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL,
                                                                          credentials: Credentials(apiKey: sandbox.apiKey, token: "rotated-token")))
            let notes = try await client.lead(slug: "ana-souza-1").notes.filter { $0.note == "Keep me: 10 seats 🎉" }
            await client.shutdown()
            #expect(notes.count == 1)
            try await tmux.keys("q")
        }
    }

    /// A refused token: the app says so, and its exit status is the command line's 4, not 0.
    @Test func refusedCredentialsEndWithStatus4() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, _ in
            let tmux = try TmuxSession()
            let dir = tmux.scratch.path
            let env = "LEADTERM_BASE_URL=\(sandbox.baseURL.absoluteString) LEADTERM_API_KEY=\(sandbox.apiKey) LEADTERM_TOKEN=not-the-token"
            try await tmux.start("\(env) \(Self.app(in: tmux)); echo $? > \(dir)/exit; sleep 60", width: 100, height: 30)
            try await tmux.waitFor(text: "The service refused the token")
            // Esc keeps the old token (still refused); q then quits.
            try await tmux.keys("Escape")
            try await tmux.waitFor(text: "leadterm login")
            try await tmux.keys("q")
            _ = try await tmux.waitForFile("exit")
            #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "4")
        }
    }

    /// Reading in full through a real terminal at the three test sizes: the detail's email and
    /// phone whole, Enter on a note opens the reader, j goes to the next note, q closes it.
    @Test(arguments: [(80, 24), (120, 36), (160, 48)])
    func notesReadInFullAt(width: Int, height: Int) async throws {
        let tmux = try TmuxSession()
        let app = try Self.prepare(tmux)
        try await tmux.start("\(app); sleep 60", width: width, height: height)
        try await tmux.waitFor("the first page") { Self.counter($0) != nil && $0.contains { $0.contains("Ana Souza") } }
        try await tmux.keys("Enter")
        var lines = try await tmux.waitFor(text: "Intro call done")
        #expect(lines.contains { $0.contains("ana.souza.1@mail.test") } && lines.contains { $0.contains("+444025854768") }, "\(lines.joined(separator: "\n"))")
        try await tmux.keys("Enter")
        lines = try await tmux.waitFor(text: "Note · Ana Souza")
        #expect(lines.contains { $0.contains("1 of 2") })
        try await tmux.keys("j")
        lines = try await tmux.waitFor(text: "2 of 2")
        #expect(lines.contains { $0.contains("Intro call done: wants a demo of the pipeline view.") })
        try await tmux.keys("q")
        try await tmux.waitFor("the reader closed") { !$0.contains { $0.contains("Note · Ana Souza") } }
        try await tmux.keys("C-c")
    }
}
