import Foundation
import LeadsAPI
import TestSupport
import Testing

/// Issue 14.3: `leads list --all --csv` and `appointments list --all --csv`, read back by
/// Python's csv module: every lead of `--json` in the same order, RFC 4180 quoting, and a cell
/// a spreadsheet would run as a formula neutralised.
@Suite struct CSVExportTests {
    static let reader = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/read_export.py")

    /// The rows of a CSV or JSON export as Python's csv / json modules read them.
    static func read(_ contents: String, as name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent(name)
        try contents.write(to: file, atomically: true, encoding: .utf8)
        return try readFile(file.path, sourceLocation: sourceLocation)
    }

    static func readFile(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
        let output = path + ".read"
        defer { unlink(output) }
        let status = system("python3 '\(reader.path)' '\(path)' > '\(output)' 2>&1")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "Python could not read \(path): \(text)", sourceLocation: sourceLocation)
        return try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func everyLeadAsTheJSONListsItReadBackByPython() async throws {
        try await SandboxHarness.with(leads: 120) { sandbox, _ in
            let cli = CommandRunner(sandbox: sandbox)
            let created = try await cli("leads", "create", "--first-name", "=HYPERLINK(\"http://evil\")", "--last-name", "Doe, \"Jr\"",
                                        "--email", "doe@example.com", "--phone", "+4512345678", "--location", "Aarhus",
                                        "--message", "Pricing", "--assignee", "demo")
            #expect(created.status == 0, "\(created.stderr)")
            let csv = try await cli("leads", "list", "--all", "--csv")
            #expect(csv.status == 0, "\(csv.stderr)")
            let json = try await cli("leads", "list", "--all", "--json")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let leads = try #require(page["results"] as? [[String: Any]])
            let rows = try #require(try Self.read(csv.stdout, as: "leads.csv") as? [[String]])
            #expect(rows.first == ["name", "first_name", "last_name", "status", "source", "phone", "email", "owner", "added_on", "slug"])
            #expect(rows.count == leads.count + 1 && leads.count > 50)
            #expect(rows.dropFirst().map { $0[9] } == leads.map { $0["slug"] as? String ?? "" })
            let doe = try #require(rows.first { $0[6] == "doe@example.com" })
            #expect(doe[1] == "'=HYPERLINK(\"http://evil\")" && doe[2] == "Doe, \"Jr\"" && doe[5] == "'+4512345678")
            #expect(try await cli("leads", "list", "--csv", "--json").stderr.contains("--json and --csv: choose one."))

            let appointments = try await cli("appointments", "list", "--all", "--csv")
            #expect(appointments.status == 0, "\(appointments.stderr)")
            let booked = try #require(try Self.read(appointments.stdout, as: "appointments.csv") as? [[String]])
            #expect(booked.first == ["from", "to", "lead", "lead_slug", "status", "note", "id"] && booked.count > 1)
        }
    }
}
