import Foundation
import LeadsAPI
import LeadsSandbox
import TestSupport
import TerminalUI
import Testing

/// The built binary end to end against a sandbox on 127.0.0.1: output,
/// exit codes (2 usage/invalid input, 3 rejected by the server,
/// 4 authentication, 5 network or server), and `--json` parsed back.
@Suite struct CommandLineTests {
    @Test func theAppNeedsATerminalAndSaysSo() async throws {
        let cli = CommandRunner(sandbox: nil)
        let piped = try await cli("--demo")   // stdin and stdout are pipes here
        #expect(piped.status == 2)
        #expect(piped.stderr.contains("the full-screen app needs a terminal on standard input and output"))
        let unconfigured = try await cli()
        #expect(unconfigured.status == 2)
    }

    @Test func helpSaysTheAppOpensWithoutASubcommand() async throws {
        let help = try await CommandRunner(sandbox: nil)("--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains("`leadterm` alone opens the full-screen app"))
        let usage = help.stdout.components(separatedBy: "USAGE:").last ?? ""
        #expect(usage.split(separator: "\n").first?.contains("<subcommand>") == false, "the first usage line needs no subcommand:\n\(usage)")
    }

    /// A number that starts with "-" is read as the option's value and refused
    /// by name, never as "Missing value" (ArgumentParser's default reads it as an option).
    @Test func negativeNumbersAreNamedAsTheWrongValue() async throws {
        let cli = CommandRunner(sandbox: nil)
        for (arguments, message) in [(["leads", "list", "--limit", "-5"], "--limit must be at least 1 (got -5)"),
                                     (["leads", "list", "--offset", "-1"], "--offset must not be negative (got -1)"),
                                     (["appointments", "list", "--limit", "-5"], "--limit must be at least 1 (got -5)"),
                                     (["--timeout", "-3", "leads", "list"], "--timeout must be between 0 and 600 seconds"),
                                     (["sandbox", "--port", "-1"], "--port must be 0...65535")] {
            let result = try await cli.run(["--demo"].filter { _ in arguments.first != "sandbox" } + arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Missing value"), "\(arguments)")
        }
    }

    /// `COLUMNS` fits the tables, piped or not, as `ls` reads it; without it a pipe is not fitted.
    @Test func columnsFitsTheTables() async throws {
        var narrow = CommandRunner(sandbox: nil)
        narrow.environment["COLUMNS"] = "60"
        let fitted = try await narrow("--demo", "leads", "list", "--limit", "20")
        #expect(fitted.status == 0)
        let rows = fitted.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("Showing") }
        // Each row fits, but for a slug (an identifier, never cut) longer than what is left.
        #expect(rows.allSatisfy { DisplayWidth.of($0) <= 60 || $0.hasSuffix("-10") }, "\(fitted.stdout)")
        let piped = try await CommandRunner(sandbox: nil)("--demo", "leads", "list", "--limit", "20")
        #expect(piped.stdout.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 60 })
    }

    @Test func anIPv6LiteralBaseURLReachesTheService() async throws {
        var options = SandboxHarness.options(leads: 20)
        options.host = "::1"
        let sandbox = try await Sandbox.start(options)
        let cli = CommandRunner(sandbox: sandbox)
        #expect(sandbox.baseURL.absoluteString.hasPrefix("http://[::1]:"))
        let listed = try await cli("leads", "list", "--limit", "3", "--base-url", sandbox.baseURL.absoluteString)
        await sandbox.stop()
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.split(separator: "\n").dropFirst(2).first?.hasPrefix("Ana Souza") == true)
    }

    @Test func listsLeadsAsATableAndAsJSON() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let table = try await cli("leads", "list", "--limit", "5")
            #expect(table.status == 0)
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("NAME") == true && lines.first?.contains("STATUS") == true)
            #expect(lines.count == 8)
            #expect(lines[2].hasPrefix("Ana Souza"))
            #expect(lines.last?.hasPrefix("Showing 1–5 of ") == true)

            let json = try await cli("leads", "list", "--all", "--limit", "40", "--json")
            #expect(json.status == 0)
            let object = try #require(json.json as? [String: Any])
            let results = try #require(object["results"] as? [[String: Any]])
            #expect(results.count == object["count"] as? Int)
            #expect(results.first?["slug"] as? String == "ana-souza-1")
            #expect(results.first?["first_name"] as? String == "Ana")

            let assigned = try await cli("leads", "list", "--assigned", "--status", "customer", "--json")
            let assignedResults = try #require((assigned.json as? [String: Any])?["results"] as? [[String: Any]])
            #expect(assignedResults.allSatisfy { $0["status"] as? String == "customer" })
        }
    }

    @Test func showsALeadAndTheOverview() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let show = try await cli("leads", "show", "ana-souza-1")
            #expect(show.status == 0)
            #expect(show.stdout.contains("Name:       Ana Souza"))
            #expect(show.stdout.contains("Recent activities"))
            let detail = try #require(try await cli("leads", "show", "ana-souza-1", "--json").json as? [String: Any])
            #expect(detail["slug"] as? String == "ana-souza-1")
            let overview = try await cli("overview", "--appointments", "today")
            #expect(overview.status == 0)
            #expect(overview.stdout.contains("Total leads: "))
            #expect(overview.stdout.contains("Appointments (today): 4"))
            // The overview names no lead: each of its appointments gets one, with its slug, from the list.
            let rows = overview.stdout.split(separator: "\n").filter { $0.contains(" 09:00 ") || $0.contains(" 11:30 ") || $0.contains(" 14:00 ") || $0.contains(" 16:30 ") }
            #expect(rows.count == 4 && rows.allSatisfy { !$0.hasSuffix("?") }, "\(overview.stdout)")
            #expect(rows.contains { $0.contains("Ana Souza") && $0.hasSuffix("ana-souza-1") }, "\(overview.stdout)")
            let overviewJSON = try #require(try await cli("overview", "--json").json as? [String: Any])
            #expect((overviewJSON["status"] as? [[String: Any]])?.count == 6)
            let missing = try await cli("leads", "show", "no-such-lead")
            #expect(missing.status == 3)
            #expect(missing.stderr.contains("slug: Requested slug is invalid."))
        }
    }

    @Test func createUpdateAndDeleteALeadWithExitCodes() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let fields = ["--first-name", "Bea", "--last-name", "Quist", "--email", "bea@example.com", "--phone", "+4512345678",
                          "--location", "Aarhus", "--message", "Asked for pricing", "--assignee", "demo"]
            let bad = try await cli.run(["leads", "create"] + fields.map { $0 == "bea@example.com" ? "bea@" : $0 })
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("email (--email): Invalid email."))
            let missing = try await cli.run(["leads", "create"] + Array(fields.dropLast(2)))
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("assignee (--assignee): This field is required."))
            let rejected = try await cli.run(["leads", "create"] + Array(fields.dropLast()) + ["nobody"])
            #expect(rejected.status == 3)
            #expect(rejected.stderr.contains("the server rejected the request"))
            #expect(rejected.stderr.contains("assignee (--assignee): Assignee not found."))
            let created = try await cli.run(["leads", "create"] + fields + ["--status", "contact"])
            #expect(created.status == 0)
            #expect(created.stdout == "Lead created: Bea Quist.\n")

            let list = try #require(try await cli("leads", "list", "--email", "bea@", "--json").json as? [String: Any])
            let slug = try #require((list["results"] as? [[String: Any]])?.first?["slug"] as? String)
            let needsLocation = try await cli("leads", "update", slug, "--status", "customer")
            #expect(needsLocation.status == 2)
            #expect(needsLocation.stderr.contains("location (--location): The service does not return this field"))
            let updated = try await cli("leads", "update", slug, "--status", "customer", "--location", "Aarhus", "--assignee", "demo")
            #expect(updated.status == 0)
            let detail = try #require(try await cli("leads", "show", slug, "--json").json as? [String: Any])
            #expect(detail["status"] as? String == "customer")
            #expect(detail["email"] as? String == "bea@example.com")

            #expect(try await cli("leads", "delete", slug).status == 0)
            let again = try await cli("leads", "delete", slug)
            #expect(again.status == 3)
            #expect(again.stderr.contains("Requested lead already has a deleted status."))
        }
    }

    @Test func notesAddAndDelete() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            #expect(try await cli("notes", "add", "ana-souza-1", "Called; will call back").status == 0)
            #expect(try await cli("notes", "add", "ana-souza-1", "-", input: "From stdin\nsecond line\n").status == 0)
            let detail = try #require(try await cli("leads", "show", "ana-souza-1", "--json").json as? [String: Any])
            let notes = try #require(detail["notes"] as? [[String: Any]])
            #expect(notes.prefix(2).map { $0["note"] as? String } == ["From stdin\nsecond line", "Called; will call back"])
            let id = try #require(notes.first?["id"] as? Int)
            #expect(try await cli("notes", "delete", String(id)).stdout == "Note \(id) deleted.\n")
            let tooLong = try await cli("notes", "add", "ana-souza-1", String(repeating: "n", count: 500))
            #expect(tooLong.status == 2)
            #expect(tooLong.stderr.contains("note: Ensure this field has no more than 499 characters."))
        }
    }

    @Test func appointmentsBookConflictFulfilAndDelete() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let from = SandboxHarness.time(daysFromNow: 2, 7), to = SandboxHarness.time(daysFromNow: 2, 7, 30)
            let booked = try await cli("appointments", "create", "ana-souza-1", "--from", from, "--to", to, "--note", "Demo call")
            #expect(booked.status == 0)
            let clash = try await cli("appointments", "create", "ana-souza-1", "--from", from, "--to", to)
            #expect(clash.status == 3)
            #expect(clash.stderr == "leadterm: Appointment schedule exists for this time.\n")
            let backwards = try await cli("appointments", "create", "ana-souza-1", "--from", to, "--to", from)
            #expect(backwards.status == 2)
            #expect(backwards.stderr.contains("appointment_to (--to): End Date Can't be prior to Start Date."))

            let day = APIDate.parse(from)!
            let onDay = APIDate.formatFilterDate(year: day.year, month: day.month, day: day.day)
            let listed = try #require(try await cli("appointments", "list", "--on", onDay, "--json").json as? [String: Any])
            let item = try #require((listed["results"] as? [[String: Any]])?.first { $0["fromdate"] as? String == from })
            let id = try #require(item["id"] as? Int)
            #expect(item["appointment_note"] as? String == "Demo call")

            #expect(try await cli("appointments", "update", String(id), "--status", "fulfilled").status == 0)
            let table = try await cli("appointments", "list", "--on", onDay)
            #expect(table.stdout.contains("fulfilled"))
            #expect(!table.stdout.contains("fullfilled"))
            let json = try #require(try await cli("appointments", "list", "--on", onDay, "--status", "fulfilled", "--json").json as? [String: Any])
            #expect((json["results"] as? [[String: Any]])?.contains { $0["id"] as? Int == id && $0["appointment_status"] as? String == "fullfilled" } == true)

            #expect(try await cli("appointments", "delete", String(id)).status == 0)
            let gone = try await cli("appointments", "delete", String(id))
            #expect(gone.status == 3)
            #expect(gone.stderr.contains("appointment_id: Requested appointment not found."))
            let badDate = try await cli("appointments", "list", "--on", "2026-11-24")
            #expect(badDate.status == 2)
            #expect(badDate.stderr.contains("MM/DD/YYYY"))
        }
    }

    @Test func authenticationNetworkAndConfigurationFailures() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let wrongToken = try await CommandRunner(sandbox: sandbox, token: "not-the-token")("leads", "list")
            #expect(wrongToken.status == 4)
            #expect(wrongToken.stderr.contains("Authentication failed (401): Invalid token."))
            #expect(!wrongToken.stderr.contains("not-the-token"))

            var closed = CommandRunner(sandbox: sandbox)
            closed.environment["LEADTERM_BASE_URL"] = "http://127.0.0.1:1/api/v1/"
            let refused = try await closed("overview")
            #expect(refused.status == 5)
            #expect(refused.stderr.contains("Cannot connect"))

            var remote = CommandRunner(sandbox: sandbox)
            remote.environment["LEADTERM_BASE_URL"] = "http://crm.example.com/api/v1/"
            let insecure = try await remote("overview")
            #expect(insecure.status == 2)
            #expect(insecure.stderr.contains("Refusing plain http to crm.example.com"))

            let unconfigured = try await CommandRunner(sandbox: nil)("leads", "list")
            #expect(unconfigured.status == 2)
            #expect(unconfigured.stderr.contains("LEADTERM_BASE_URL"))

            let usage = try await CommandRunner(sandbox: sandbox)("leads", "list", "--token", "secret")
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("Unknown option '--token'"))
        }
    }

    @Test func untrustedTextNeverReachesTheTerminalRaw() async throws {
        try await SandboxHarness.with { sandbox, client in
            try await client.createLead(LeadDraft(firstName: "Eve\u{1B}[2J\u{1B}]0;pwned\u{07}", lastName: "Carriage\rReturn\u{9B}31m",
                                                  email: "eve@example.com", phone: "999999999", location: "\u{202E}nodnoL",
                                                  message: "line1\nline2\u{1B}[31m", assignee: "demo"))
            let cli = CommandRunner(sandbox: sandbox)
            let list = try await cli("leads", "list", "--email", "eve@")
            #expect(list.status == 0)
            for output in [list.stdout] {
                #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x0D || $0.value == 0x9B })
            }
            #expect(list.stdout.contains(#"Eve\e[2J\e]0;pwned\x07 Carriage\rReturn\x9B31m"#))
            let slug = try #require(try await client.leads(LeadQuery(email: "eve@")).results.first?.slug)
            let show = try await cli("leads", "show", slug)
            #expect(!show.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E })
            #expect(show.stdout.contains(#"line2\e[31m"#))
            // JSON keeps the data exact (escaped as JSON).
            let json = try #require(try await cli("leads", "show", slug, "--json").json as? [String: Any])
            #expect(json["first_name"] as? String == "Eve\u{1B}[2J\u{1B}]0;pwned\u{07}")
        }
    }

    @Test func demoNeedsNoAccountAndHelpShowsNoSecrets() async throws {
        let cli = CommandRunner(sandbox: nil)
        let demo = try await cli("leads", "list", "--demo", "--json")
        #expect(demo.status == 0)
        #expect(((demo.json as? [String: Any])?["count"] as? Int ?? 0) > 50)

        var withSecrets = CommandRunner(sandbox: nil)
        withSecrets.environment["LEADTERM_API_KEY"] = "SECRET-KEY-1"
        withSecrets.environment["LEADTERM_TOKEN"] = "SECRET-TOKEN-2"
        for command in [["--help"], ["leads", "--help"], ["leads", "list", "--help"], ["leads", "create", "--help"], ["leads", "update", "--help"],
                        ["leads", "show", "--help"], ["leads", "delete", "--help"], ["notes", "add", "--help"], ["notes", "delete", "--help"],
                        ["appointments", "list", "--help"], ["appointments", "create", "--help"], ["appointments", "update", "--help"],
                        ["appointments", "delete", "--help"], ["overview", "--help"], ["sandbox", "--help"]] {
            let help = try await withSecrets.run(command)
            #expect(help.status == 0, "\(command)")
            #expect(help.stdout.contains("USAGE:"), "\(command)")
            #expect(!help.stdout.contains("SECRET-KEY-1") && !help.stdout.contains("SECRET-TOKEN-2"))
        }
    }
}
