import Foundation
import LeadsAPI
import Synchronization

/// A transport that answers from a script and records every request:
/// for injecting dropped connections, 5xx, timeouts and odd bodies.
public final class ScriptedTransport: HTTPTransport {
    public enum Step: Sendable {
        case respond(HTTPResponse)
        case fail(APIError)
    }

    private let state: Mutex<(steps: [Step], requests: [HTTPRequest])>

    public init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    public var requests: [HTTPRequest] { state.withLock { $0.requests } }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let step: Step = state.withLock { state in
            state.requests.append(request)
            return state.steps.isEmpty ? .fail(.transport(.init(.other, "script exhausted"))) : state.steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        }
    }

    /// A client for `https://crm.example.com/api/v1/` with this transport
    /// and retries that record their delays instead of sleeping.
    public func client(maxAttempts: Int = 3, delays: DelayLog = DelayLog()) throws -> APIClient {
        let retry = RetryPolicy(maxAttempts: maxAttempts, sleep: { seconds in delays.append(seconds) }, random: { 1 })
        return try APIClient(
            configuration: ClientConfiguration(baseURL: URL(string: "https://crm.example.com/api/v1")!,
                                               credentials: Credentials(apiKey: "KEY-123", token: "TOKEN-456"), retry: retry),
            transport: self)
    }
}

/// Records the waits a retry policy asked for.
public final class DelayLog: Sendable {
    private let values = Mutex<[Double]>([])
    public init() {}
    public func append(_ value: Double) { values.withLock { $0.append(value) } }
    public var all: [Double] { values.withLock { $0 } }
}

extension HTTPResponse {
    /// A response with a JSON (or any) text body.
    public static func text(_ status: Int, _ body: String, headers: [String: String] = ["Content-Type": "application/json"]) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    /// `{"status_code": 200, "errors": {}, "data": <data>}`.
    public static func envelope(_ data: String, status: Int = 200) -> HTTPResponse {
        .text(status, #"{"status_code": \#(status), "errors": {}, "data": \#(data)}"#)
    }
}
