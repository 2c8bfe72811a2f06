import Foundation
import LeadsAPI
import TestSupport
import Testing

/// Odd but legal shapes decode; broken bodies give a clear error, never a crash.
@Suite struct DecodingTests {
    func client(_ response: HTTPResponse) throws -> APIClient {
        try ScriptedTransport([.respond(response)]).client(maxAttempts: 1)
    }

    @Test func leadListToleratesStringIDsNullsUnknownFieldsOddDatesAndOddRecords() async throws {
        let body = """
        {"status_code": "200", "errors": {}, "data": {"count": "3", "next": null, "previous": null, "results": [
          {"id": "17", "slug": "ana-souza", "first_name": "Ana", "last_name": "Souza", "name": null, "phone": 351912345678,
           "email": null, "added_on": "11/28/2026", "status": "customer", "source": "website", "owner": "demo", "shoe_size": 38},
          "not a record",
          {"id": 18.0, "slug": "x", "first_name": "山田", "last_name": "太郎", "added_on": "yesterday-ish", "extra": {"nested": [1, 2]}}
        ]}}
        """
        let page = try await client(.text(200, body)).leads(LeadQuery())
        #expect(page.count == 3)
        #expect(page.skippedRecords == 1)
        #expect(page.results.count == 2)
        let ana = page.results[0]
        #expect(ana.id == 17)
        #expect(ana.name == "Ana Souza")
        #expect(ana.phone == "351912345678")
        #expect(ana.email == "")
        #expect(ana.addedOn?.components == APIDate.Components(year: 2026, month: 11, day: 28, hasTime: false))
        #expect(ana.leadStatus == .customer)
        let yamada = page.results[1]
        #expect(yamada.id == 18)
        #expect(yamada.addedOn?.raw == "yesterday-ish")
        #expect(yamada.addedOn?.components == nil)
        #expect(yamada.owner == "")
    }

    @Test func detailWithConversionAsTextAndMissingLists() async throws {
        let body = """
        {"status_code": 200, "errors": {}, "data": {"id": 3, "slug": "a", "first_name": "A", "last_name": "B",
         "conversion": "42.5%", "notes": [{"id": "9", "note": "hi", "note_created": "2026-11-28T09:00:00+01:00", "user": "demo"}, null],
         "recent_activities": null, "location": "Lisbon"}}
        """
        let lead = try await client(.text(200, body)).lead(slug: "a")
        #expect(lead.conversion == 42.5)
        #expect(lead.notes.count == 1)
        #expect(lead.notes[0].id == 9)
        #expect(lead.notes[0].created?.components?.utcOffset == 3600)
        #expect(lead.recentActivities.isEmpty)
        #expect(lead.location == "Lisbon")
        #expect(lead.assignee == nil)
        #expect(lead.name == "A B")
    }

    @Test func overviewWithCapitalisedAndLowerCaseKeys() async throws {
        let body = """
        {"status_code": 200, "errors": {}, "data": {"LeadsData": {
          "status": [{"status": "customer", "count": "4", "Description": "Bought", "Color": "#2ecc71"},
                     {"status": "prospect", "count": 2, "description": "New", "color": "blue"}],
          "source": [{"source": "web", "count": 6}]},
          "TotalLeads": "6", "appointments": [{"appointment_note": "Demo", "appointment_status": "fullfilled",
             "appointment_date": "2026-11-28 10:00", "appointment_to": "2026-11-28 10:30"}]}}
        """
        let overview = try await client(.text(200, body)).overview(appointments: .today)
        #expect(overview.totalLeads == 6)
        #expect(overview.statuses.map(\.count) == [4, 2])
        #expect(overview.statuses[1].description == "New")
        #expect(overview.statuses[1].color == "blue")
        #expect(overview.sources == [.init(source: "web", count: 6)])
        #expect(overview.appointments.first?.from?.raw == "2026-11-28 10:00")
        #expect(AppointmentStatus(lenient: overview.appointments[0].status)?.displayName == "fulfilled")
    }

    @Test func anHTMLErrorPageIsUndecodableWithAnExcerpt() async throws {
        let html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
        await #expect(throws: APIError.undecodable(status: 200, excerpt: "<!DOCTYPE html> <html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")) {
            try await client(.text(200, html, headers: ["Content-Type": "text/html"])).leads(LeadQuery())
        }
    }

    @Test func truncatedJSONIsUndecodable() async throws {
        do {
            _ = try await client(.text(200, #"{"status_code": 200, "errors": {}, "data": {"results": [{"id": 1, "sl"#)).leads(LeadQuery())
            Issue.record("expected an error")
        } catch let error as APIError {
            guard case .undecodable(200, let excerpt) = error else { Issue.record("got \(error)"); return }
            #expect(excerpt.hasPrefix(#"{"status_code": 200"#))
            #expect(error.message.hasPrefix("Unreadable response (HTTP 200)"))
        }
    }

    @Test(arguments: [#"[1, 2, 3]"#, #"{"results": []}"#, #""just a string""#, ""])
    func aWrongEnvelopeIsUndecodable(_ body: String) async throws {
        await #expect {
            try await client(.text(200, body)).leads(LeadQuery())
        } throws: { error in
            if case APIError.undecodable = error { return true }
            return false
        }
    }

    @Test func excerptsOfLongBodiesAreShortAndOnOneLine() async throws {
        let body = String(repeating: "<p>line</p>\n\t", count: 200)
        do {
            _ = try await ScriptedTransport([.respond(.text(404, body, headers: [:]))]).client(maxAttempts: 1).leads(LeadQuery())
            Issue.record("expected an error")
        } catch let error as APIError {
            guard case .unexpectedStatus(404, _) = error else { Issue.record("got \(error)"); return }
            #expect(!error.message.contains("\n") && !error.message.contains("\t"))
            #expect(error.message.count < 160)
            #expect(error.message.hasSuffix("…"))
        }
    }
}
