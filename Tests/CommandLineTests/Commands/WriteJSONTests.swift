import Foundation
import LeadsAPI
import TestSupport
import Testing

/// Every write subcommand's `--json` says what was done: the fields sent, the
/// outcome, and the record as the service has it afterwards (it answers
/// writes with no record, so the command looks it up). Before, each printed `{ }`.
@Suite struct WriteJSONTests {
    func report(_ result: CommandRunner.Result, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        return try #require(result.json as? [String: Any], "not JSON: \(result.stdout)", sourceLocation: sourceLocation)
    }

    @Test func leadsNotesAndAppointments() async throws {
        try await SandboxHarness.with { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let created = try report(await cli("leads", "create", "--first-name", "Bea", "--last-name", "Quist", "--email", "bea@example.com",
                                                "--phone", "+4512345678", "--location", "Aarhus", "--message", "Pricing", "--assignee", "demo", "--json"))
            #expect(created["command"] as? String == "leads create" && created["outcome"] as? String == "created")
            #expect((created["sent"] as? [String: String])?["email"] == "bea@example.com")
            let lead = try #require(created["record"] as? [String: Any], "\(created)")
            let slug = try #require(lead["slug"] as? String)
            #expect(lead["first_name"] as? String == "Bea" && lead["email"] as? String == "bea@example.com")
            #expect((created["lookup"] as? String)?.contains("email bea@example.com") == true)

            let updated = try report(await cli("leads", "update", slug, "--status", "customer", "--location", "Aarhus", "--assignee", "demo", "--json"))
            #expect(updated["outcome"] as? String == "updated" && (updated["sent"] as? [String: String])?["status"] == "customer")
            #expect((updated["record"] as? [String: Any])?["status"] as? String == "customer")

            let note = try report(await cli("notes", "add", slug, "Called\r\nSends contract", "--json"))
            let noteRecord = try #require(note["record"] as? [String: Any], "\(note)")
            let noteID = try #require(noteRecord["id"] as? Int)
            #expect(noteRecord["note"] as? String == "Called\nSends contract")   // CRLF typed or pasted is sent as one line break
            #expect((note["sent"] as? [String: String])?["note"] == "Called\nSends contract")
            let noteGone = try report(await cli("notes", "delete", String(noteID), "--json"))
            #expect(noteGone["outcome"] as? String == "deleted" && noteGone["record"] is NSNull)
            #expect((noteGone["sent"] as? [String: String])?["note_id"] == String(noteID))

            let from = SandboxHarness.time(daysFromNow: 3, 5, 10), to = SandboxHarness.time(daysFromNow: 3, 5, 40)
            let booked = try report(await cli("appointments", "create", slug, "--from", from, "--to", to, "--note", "Demo", "--json"))
            let appointment = try #require(booked["record"] as? [String: Any], "\(booked)")
            let id = try #require(appointment["id"] as? Int)
            #expect(appointment["leadslug"] as? String == slug && appointment["appointment_note"] as? String == "Demo")
            #expect((booked["sent"] as? [String: String])?["appointment_date"] == from)

            let changed = try report(await cli("appointments", "update", String(id), "--note", "Demo, with legal", "--json"))
            #expect((changed["record"] as? [String: Any])?["appointment_note"] as? String == "Demo, with legal", "\(changed)")
            let cancelled = try report(await cli("appointments", "delete", String(id), "--json"))
            #expect(cancelled["outcome"] as? String == "deleted" && cancelled["record"] is NSNull)

            let deleted = try report(await cli("leads", "delete", slug, "--json"))
            #expect(deleted["command"] as? String == "leads delete" && (deleted["sent"] as? [String: String])?["slug"] == slug)
        }
    }
}
