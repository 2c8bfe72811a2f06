import Foundation
import LeadsAPI
import LeadsSandbox
import Testing
import TestSupport

/// The live transport against real sockets on this machine: an IPv6 literal,
/// keep-alive, refused redirects, deadlines, cancellation, refused
/// connections and shutdown.
@Suite struct AsyncHTTPTransportTests {
    static let page = #"{"status_code": 200, "errors": {}, "data": {"count": 0, "next": null, "previous": null, "results": []}}"#

    func client(_ url: URL, timeout: Double = 5) throws -> APIClient {
        try APIClient(configuration: ClientConfiguration(baseURL: url, credentials: Credentials(apiKey: "k", token: "t"),
                                                         timeout: timeout, retry: .never))
    }

    @Test func anIPv6LiteralReachesASandboxOnLoopback() async throws {
        var options = SandboxHarness.options(leads: 20)
        options.host = "::1"
        let sandbox = try await Sandbox.start(options)
        #expect(sandbox.baseURL.absoluteString.hasPrefix("http://[::1]:"))
        let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials))
        let page = await Result { try await client.leads(LeadQuery(limit: 5)) }
        await client.shutdown()
        await sandbox.stop()
        #expect(try page.get().results.count == 5)
    }

    @Test func requestsShareOneKeptAliveConnection() async throws {
        let server = try LoopbackServer(.respond(status: 200, headers: ["Content-Type": "application/json"], body: Self.page))
        let client = try client(server.baseURL)
        for _ in 0..<4 { _ = try await client.leads(LeadQuery()) }
        await client.shutdown()
        #expect(server.requestLines.count == 4)
        #expect(server.connectionCount == 1)
        server.stop()
    }

    @Test func aRedirectIsNotFollowed() async throws {
        let server = try LoopbackServer(.respond(status: 302, headers: ["Location": "http://127.0.0.2:9/steal"], body: ""))
        let client = try client(server.baseURL)
        await #expect(throws: APIError.unexpectedStatus(status: 302, excerpt: "redirected to 127.0.0.2; check the base URL")) { _ = try await client.leads(LeadQuery()) }
        await client.shutdown()
        #expect(server.requestLines == ["GET /api/v1/leads/list/ HTTP/1.1"])
        server.stop()
    }

    @Test func aSilentServerTimesOutAtTheRequestsDeadline() async throws {
        let server = try LoopbackServer(.silent)
        let client = try client(server.baseURL, timeout: 0.3)
        let started = Date()
        await #expect(throws: APIError.transport(.init(.timedOut, "no answer from 127.0.0.1"))) { _ = try await client.leads(LeadQuery()) }
        #expect(Date().timeIntervalSince(started) < 3)
        await client.shutdown()
        server.stop()
    }

    @Test func cancellingAHungRequestAnswersCancelledAtOnce() async throws {
        let server = try LoopbackServer(.silent)
        let client = try client(server.baseURL, timeout: 30)
        let task = Task { try await client.leads(LeadQuery()) }
        // Bounded: a request that never reaches the server fails the test, saying what the client
        // answered, instead of hanging the run (it did once in CI).
        guard try await eventually({ !server.requestLines.isEmpty }) else {
            task.cancel()
            Issue.record("the request never reached the server; the client answered: \(await Result { try await task.value })")
            return
        }
        let started = Date()
        task.cancel()
        await #expect(throws: APIError.cancelled) { _ = try await task.value }
        #expect(Date().timeIntervalSince(started) < 1)
        await client.shutdown()
        server.stop()
    }

    @Test func aRefusedConnectionFailsAtOnce() async throws {
        let server = try LoopbackServer(.silent)
        let url = server.baseURL
        server.stop()   // nothing listens on that port now
        let client = try client(url, timeout: 10)
        let started = Date()
        await #expect(throws: APIError.transport(.init(.cannotConnect, "connection refused by 127.0.0.1"))) { _ = try await client.leads(LeadQuery()) }
        #expect(Date().timeIntervalSince(started) < 2)
        await client.shutdown()
    }

    @Test func shutdownEndsARequestInFlightAndRefusesNewOnes() async throws {
        let server = try LoopbackServer(.silent)
        let client = try client(server.baseURL, timeout: 30)
        let task = Task { try await client.leads(LeadQuery()) }
        // Bounded: a request that never reaches the server fails the test, saying what the client
        // answered, instead of hanging the run (it did once in CI).
        guard try await eventually({ !server.requestLines.isEmpty }) else {
            task.cancel()
            Issue.record("the request never reached the server; the client answered: \(await Result { try await task.value })")
            return
        }
        let started = Date()
        await client.shutdown()
        await #expect(throws: APIError.self) { _ = try await task.value }
        await #expect(throws: APIError.self) { _ = try await client.leads(LeadQuery()) }
        #expect(Date().timeIntervalSince(started) < 2)
        server.stop()
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body, to tidy up before checking it.
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
