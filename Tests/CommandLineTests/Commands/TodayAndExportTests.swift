import Foundation
import LeadsAPI
import LeadsStore
import Testing
@testable import leadterm

/// `leadterm today` and `leadterm appointments export --ics` on the same
/// demo data; the .ics file is read back by an independent parser (Python's
/// `icalendar`, which `.ci/run` installs) and every event checked.
@Suite struct TodayAndExportTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    struct Expected: Encodable { var uid, start, end, summary, description, status: String }

    /// Runs the Python checker; records its output as the failure when it does not pass.
    func check(_ ics: URL, against expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expectedFile = ics.deletingPathExtension().appendingPathExtension("json")
        try JSONEncoder().encode(expected).write(to: expectedFile)
        let output = ics.deletingPathExtension().appendingPathExtension("out")
        let status = system("python3 \(Self.scripts.appendingPathComponent("check_ics.py").path) \(ics.path) \(expectedFile.path) > \(output.path) 2>&1")
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        #expect(status == 0, "the iCalendar check failed (is `pip install icalendar` done?):\n\(text)", sourceLocation: sourceLocation)
    }

    static func utc(_ date: APIDate?) -> String {
        guard let date = date?.date(in: .current) else { return "" }
        return ICalendar.utc(date)
    }

    @Test func todayAndTheExportAgreeWithTheList() async throws {
        let cli = CommandRunner(sandbox: nil)
        let today = try await cli("today", "--demo")
        #expect(today.status == 0)
        #expect(today.stdout.hasPrefix("Today, "))
        #expect(today.stdout.contains("Ana Souza") && today.stdout.contains("09:00–"))
        let todayJSON = try await cli("today", "--demo", "--json")
        #expect(todayJSON.status == 0 && todayJSON.stdout.hasPrefix("["))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ics = dir.appendingPathComponent("appointments.ics")
        let export = try await cli("appointments", "export", "--demo", "--ics", ics.path)
        #expect(export.status == 0, "\(export.stderr)")
        let listed = try await cli("appointments", "list", "--demo", "--all", "--json")
        let data = try #require(listed.stdout.data(using: .utf8))
        let results = try #require(JSONValue.parse(data)?["results"]?.arrayValue)
        #expect(results.count > 10)
        let expected = results.map { row -> Expected in
            let item = Appointment(json: row)
            let status = AppointmentStatus(lenient: item.status)
            return Expected(uid: "appointment-\(item.id ?? -1)@demo.leadterm", start: Self.utc(item.from), end: Self.utc(item.to),
                            summary: "Appointment with \(item.lead)", description: item.note,
                            status: status == .confirmed ? "CONFIRMED" : status == .cancelled ? "CANCELLED" : "TENTATIVE")
        }
        try check(ics, against: expected)
        #expect(export.stderr.contains("Wrote \(results.count) appointments"))

        let badRange = try await cli("appointments", "export", "--demo", "--ics", ics.path, "--from", "2026-12-01", "--to", "2026-11-01")
        #expect(badRange.status == 2 && badRange.stderr.contains("--to (2026-11-01) is before --from (2026-12-01)"))
    }

    @Test func anEmptyDaySaysSo() {
        #expect(TodayCommand.agenda([], today: Day(year: 2026, month: 11, day: 24), width: 80) == "No appointments today.")
        let one = [Appointment(id: 1, lead: "Ana Souza", from: APIDate(raw: "2026-11-24 09:00"), to: APIDate(raw: "2026-11-24 09:30"),
                               note: "Intro\ncall", status: "fullfilled")]
        #expect(TodayCommand.agenda(one, today: Day(year: 2026, month: 11, day: 24), width: 80)
                == "Today, Tue 24 Nov 2026: 1 appointment\n09:00–09:30  Ana Souza  fulfilled  Intro call")
    }

    @Test func hostileTextIsEscapedAndLongLinesFolded() throws {
        let note = "Bring: contract; NDA, slides\nSecond line \\ backslash — " + String(repeating: "長い説明", count: 20)
        let item = Appointment(id: 7, lead: "Zoë Ångström, Jr.", from: APIDate(raw: "2026-11-24 09:00"), to: APIDate(raw: "2026-11-24 09:30"),
                               note: note, status: "fullfilled")
        let zone = TimeZone(identifier: "UTC")!
        let text = ICalendar.document([item], zone: zone, host: "example.test", stamp: Date(timeIntervalSince1970: 0))
        #expect(text.contains("SUMMARY:Appointment with Zoë Ångström\\, Jr."))
        #expect(text.contains("DESCRIPTION:Bring: contract\\; NDA\\, slides\\nSecond line \\\\ backslash"))
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ics = dir.appendingPathComponent("one.ics")
        try Data(text.utf8).write(to: ics)
        try check(ics, against: [Expected(uid: "appointment-7@example.test", start: "20261124T090000Z", end: "20261124T093000Z",
                                          summary: "Appointment with Zoë Ångström, Jr.", description: note, status: "TENTATIVE")])
    }
}
