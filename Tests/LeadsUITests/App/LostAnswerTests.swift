import Foundation
import LeadsAPI
import LeadsSandbox
import LeadsStore
import Synchronization
import Testing
import TestSupport
@testable import LeadsUI

/// The service's writes are not idempotent (issue 12, point 8): a note whose request
/// reached the sandbox but whose answer was lost is there once after the retry.
@Suite struct LostAnswerTests {
    /// Forwards every request to the sandbox; the first POST to `path` reaches it, and
    /// then its answer is lost (the connection "dropped while waiting").
    final class LosingTransport: HTTPTransport {
        let base = AsyncHTTPTransport()
        let path: String
        let lost = Atomic<Int>(0)
        init(losing path: String) { self.path = path }

        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let response = try await base.send(request)
            if request.method == "POST", request.url.absoluteString.hasSuffix(path), lost.add(1, ordering: .relaxed).oldValue == 0 {
                throw APIError.transport(.init(.connectionLost, "the connection was reset while waiting for the answer"))
            }
            return response
        }

        func shutdown() async { await base.shutdown() }
    }

    @Test func aNoteWhoseAnswerWasLostExistsOnceAfterTheRetry() async throws {
        try await SandboxHarness.with(leads: 10) { sandbox, check in
            let transport = LosingTransport(losing: APIClient.Path.createNote)
            let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials,
                                                                          timeout: 10, retry: .never), transport: transport)
            defer { Task { await client.shutdown() } }
            let app = HeadlessApp(service: client, width: 120, height: 36, settings: Fixtures.settings(), now: SandboxHarness.now)
            await app.waitFor(text: "Ana Souza")
            let slug = app.state.list.selectedLead?.slug ?? ""
            app.press("n")
            app.type("Sent the contract, twice?")
            app.press("ctrl-s")
            await app.waitFor("the lost answer, kept in the outbox") { $0.state.outbox.entries.first?.mayHaveArrived == true }
            #expect(transport.lost.load(ordering: .relaxed) == 1)
            #expect(app.state.modals.isEmpty && app.screen.contains("1 to send"))
            // The retry (5 s later) looks first: the note is there, so it is not sent again.
            app.advance(6)
            await app.waitFor("the outbox empty") { $0.state.outbox.isEmpty }
            #expect(app.state.message?.text.description.hasPrefix("Already there: a note on Ana Souza") == true)
            #expect(transport.lost.load(ordering: .relaxed) == 1, "sent a second time")
            let notes = try await check.lead(slug: slug).notes.filter { $0.note == "Sent the contract, twice?" }
            #expect(notes.count == 1)
        }
    }
}
