import Foundation
import LeadsAPI
import TestSupport
import Testing

/// Faults injected through the transport protocol: dropped connections,
/// 5xx then success, timeouts; what is retried and what is not.
@Suite struct TransportFaultTests {
    static let emptyPage = HTTPResponse.envelope(#"{"results": [], "count": 0, "next": null, "previous": null}"#)
    static let ok = HTTPResponse.envelope("{}")

    @Test func aDroppedConnectionOnAGetIsRetried() async throws {
        let transport = ScriptedTransport([.fail(.transport(.init(.connectionLost))), .respond(Self.emptyPage)])
        let delays = DelayLog()
        _ = try await transport.client(delays: delays).leads(LeadQuery())
        #expect(transport.requests.count == 2)
        #expect(delays.all == [0.25])
    }

    @Test func a500ThenA200OnAGetSucceeds() async throws {
        let transport = ScriptedTransport([.respond(.text(500, "oops", headers: [:])), .respond(Self.emptyPage)])
        let page = try await transport.client().leads(LeadQuery())
        #expect(page.count == 0)
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0] == transport.requests[1])
    }

    @Test func aPostIsNeverRetried() async throws {
        let transport = ScriptedTransport([.respond(.text(500, "oops", headers: [:])), .respond(Self.ok)])
        await #expect(throws: APIError.server(status: 500, message: "oops")) {
            try await transport.client().createNote(slug: "ana-1", text: "hello")
        }
        #expect(transport.requests.count == 1)
        let dropped = ScriptedTransport([.fail(.transport(.init(.connectionLost))), .respond(Self.ok)])
        await #expect(throws: APIError.transport(.init(.connectionLost))) {
            try await dropped.client().deleteLead(slug: "ana-1")
        }
        #expect(dropped.requests.count == 1)
    }

    @Test func timeoutsAreTriedThreeTimesWithGrowingCappedDelays() async throws {
        let timeout = ScriptedTransport.Step.fail(.transport(.init(.timedOut, "no answer")))
        let transport = ScriptedTransport([timeout, timeout, timeout, .respond(Self.emptyPage)])
        let delays = DelayLog()
        await #expect(throws: APIError.transport(.init(.timedOut, "no answer"))) {
            _ = try await transport.client(delays: delays).leads(LeadQuery())
        }
        #expect(transport.requests.count == 3)
        #expect(delays.all == [0.25, 0.5])
    }

    @Test func backoffIsCappedAndJittered() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.25, maxDelay: 2, random: { 0 })
        #expect(policy.delay(afterAttempt: 1) == 0.125)
        #expect(policy.delay(afterAttempt: 8) == 1.0)
        let full = RetryPolicy(maxAttempts: 10, baseDelay: 0.25, maxDelay: 2, random: { 1 })
        #expect((1...8).map(full.delay(afterAttempt:)) == [0.25, 0.5, 1, 2, 2, 2, 2, 2])
    }

    @Test func refusedConnectionsAnd4xxAreNotRetried() async throws {
        let refused = ScriptedTransport([.fail(.transport(.init(.cannotConnect))), .respond(Self.emptyPage)])
        await #expect(throws: APIError.transport(.init(.cannotConnect))) { _ = try await refused.client().leads(LeadQuery()) }
        #expect(refused.requests.count == 1)
        let notFound = ScriptedTransport([.respond(.text(404, "", headers: [:])), .respond(Self.emptyPage)])
        await #expect(throws: APIError.self) { _ = try await notFound.client().leads(LeadQuery()) }
        #expect(notFound.requests.count == 1)
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let transport = SlowTransport()
        let client = try APIClient(configuration: ClientConfiguration(
            baseURL: URL(string: "https://crm.example.com/api/v1/")!, credentials: Credentials(apiKey: "k", token: "t")), transport: transport)
        let task = Task { try await client.leads(LeadQuery()) }
        try await Task.sleep(nanoseconds: 20_000_000)
        task.cancel()
        await #expect(throws: APIError.cancelled) { _ = try await task.value }
    }

    @Test func everyRequestCarriesBothCredentialsAndPostsAreForms() async throws {
        let transport = ScriptedTransport([.respond(Self.emptyPage), .respond(Self.ok)])
        let client = try transport.client()
        _ = try await client.leads(LeadQuery(listType: .assigned, firstName: "Zoë & co", limit: 5))
        try await client.createNote(slug: "ana-1", text: "a=b&c+d 100%")
        for request in transport.requests {
            #expect(request.headers["apikey"] == "KEY-123")
            #expect(request.headers["Authorization"] == "Bearer TOKEN-456")
        }
        #expect(transport.requests[0].method == "GET")
        #expect(transport.requests[0].url.absoluteString
                == "https://crm.example.com/api/v1/leads/list/?list_type=assigned&first_name=Zo%C3%AB%20%26%20co&limit=5")
        #expect(transport.requests[1].method == "POST")
        #expect(transport.requests[1].url.absoluteString == "https://crm.example.com/api/v1/leads/create/leadnote/")
        #expect(transport.requests[1].headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true)
        let body = String(decoding: transport.requests[1].body ?? Data(), as: UTF8.self)
        #expect(body == "note=a%3Db%26c%2Bd%20100%25&slug=ana-1")
        #expect(FormEncoding.decode(body).map { [$0.0, $0.1] } == [["note", "a=b&c+d 100%"], ["slug", "ana-1"]])
    }

    @Test func clientSideValidationSendsNothing() async throws {
        let transport = ScriptedTransport([])
        await #expect(throws: APIError.invalidInput(FieldErrors([("note", [Messages.blank])]))) {
            try await transport.client().createNote(slug: "ana-1", text: "   ")
        }
        await #expect(throws: APIError.invalidInput(FieldErrors([("appointment_to", [Messages.endBeforeStart])]))) {
            try await transport.client().createAppointment(AppointmentDraft(slug: "a", from: "2026-12-01 10:00", to: "2026-12-01 09:00"))
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func credentialsNeverAppearInErrorsOrDescriptions() async throws {
        let credentials = Credentials(apiKey: "KEY-123", token: "TOKEN-456")
        #expect(!"\(credentials)".contains("KEY-123"))
        #expect(!String(reflecting: credentials).contains("TOKEN-456"))
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("KEY-123") && !dumped.contains("TOKEN-456"))
        let transport = ScriptedTransport([.respond(.text(401, #"{"detail": "Invalid token."}"#, headers: ["WWW-Authenticate": "Bearer"]))])
        do {
            _ = try await transport.client(maxAttempts: 1).leads(LeadQuery())
        } catch let error as APIError {
            #expect(!error.message.contains("TOKEN-456") && !error.message.contains("KEY-123"))
            #expect(!"\(error)".contains("TOKEN-456"))
        }
    }
}

/// Never answers until cancelled.
final class SlowTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            try await Task.sleep(nanoseconds: 10_000_000_000)
        } catch {
            throw APIError.cancelled
        }
        return HTTPResponse(status: 200)
    }
}
