import Foundation
import LeadsAPI
import TestSupport
import Testing

@Suite struct ConfigurationTests {
    @Test(arguments: [
        ("https://crm.example.com/api/v1", "https://crm.example.com/api/v1/"),
        ("https://crm.example.com/api/v1/", "https://crm.example.com/api/v1/"),
        ("http://127.0.0.1:8080/api/v1/", "http://127.0.0.1:8080/api/v1/"),
        ("http://localhost:9/x", "http://localhost:9/x/"),
        ("http://[::1]:8080/api/v1/", "http://[::1]:8080/api/v1/"),
        ("http://127.10.0.3/api/", "http://127.10.0.3/api/"),
        ("https://crm.example.com/api/v1/?debug=1", "https://crm.example.com/api/v1/"),
    ])
    func acceptedBaseURLs(_ text: String, _ expected: String) throws {
        #expect(try ClientConfiguration.validatedBaseURL(text).absoluteString == expected)
    }

    @Test(arguments: ["http://crm.example.com/api/v1/", "http://10.0.0.5/api/", "http://127.0.0.1.evil.com/",
                      "ftp://crm.example.com/", "crm.example.com/api/v1", "", "https://user:pw@crm.example.com/api/"])
    func refusedBaseURLs(_ text: String) {
        #expect(throws: APIError.self) { try ClientConfiguration.validatedBaseURL(text) }
    }

    @Test func plainHTTPToARemoteHostSaysWhy() {
        do {
            _ = try ClientConfiguration.validatedBaseURL("http://crm.example.com/api/v1/")
        } catch let error as APIError {
            #expect(error.message.contains("Refusing plain http to crm.example.com"))
            #expect(error.exitCode == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

@Suite struct PaginationTests {
    static func page(_ ids: ClosedRange<Int>, count: Int, next: String?) -> HTTPResponse {
        let results = ids.map { #"{"id": \#($0), "slug": "lead-\#($0)"}"# }.joined(separator: ",")
        let link = next.map { "\"\($0)\"" } ?? "null"
        return .envelope(#"{"results": [\#(results)], "count": \#(count), "next": \#(link), "previous": null}"#)
    }

    @Test func walksEveryPageByTheNextLinksOffsetAndLimit() async throws {
        let transport = ScriptedTransport([
            .respond(Self.page(1...3, count: 7, next: "https://crm.example.com/api/v1/leads/list/?limit=3&offset=3")),
            .respond(Self.page(4...6, count: 7, next: "https://crm.example.com/api/v1/leads/list/?limit=3&offset=6")),
            .respond(Self.page(7...7, count: 7, next: nil)),
        ])
        let leads = try await transport.client().allLeads(LeadQuery(status: "customer", limit: 3)).collect()
        #expect(leads.compactMap(\.id) == Array(1...7))
        #expect(transport.requests.map { $0.url.query ?? "" } == ["status=customer&limit=3", "status=customer&limit=3&offset=3", "status=customer&limit=3&offset=6"])
    }

    @Test func aNextLinkToAnotherHostNeverReceivesTheCredentials() async throws {
        let transport = ScriptedTransport([
            .respond(Self.page(1...2, count: 4, next: "https://evil.example.net/steal?offset=2&limit=2")),
            .respond(Self.page(3...4, count: 4, next: nil)),
        ])
        _ = try await transport.client().allLeads(LeadQuery()).collect()
        #expect(transport.requests.allSatisfy { $0.url.host == "crm.example.com" })
        #expect(transport.requests[1].url.query == "limit=2&offset=2")
    }

    @Test func stopsWhenTheOffsetWouldNotAdvanceOrAPageIsEmpty() async throws {
        let looping = ScriptedTransport([
            .respond(Self.page(1...2, count: 9, next: "https://crm.example.com/api/v1/leads/list/?offset=0")),
            .respond(Self.page(1...2, count: 9, next: nil)),
        ])
        #expect(try await looping.client().allLeads(LeadQuery()).collect().count == 2)
        #expect(looping.requests.count == 1)
        let empty = ScriptedTransport([.respond(.envelope(#"{"results": [], "count": 9, "next": "https://crm.example.com/x?offset=50"}"#))])
        #expect(try await empty.client().allLeads(LeadQuery()).collect().isEmpty)
        #expect(empty.requests.count == 1)
    }
}
