import Foundation
import Logging

/// The API key and bearer token. Printing, dumping or interpolating this
/// value never shows them.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public let apiKey: String
    public let token: String

    public init(apiKey: String, token: String) {
        self.apiKey = apiKey
        self.token = token
    }

    public var description: String { "Credentials(apiKey: \(apiKey.isEmpty ? "missing" : "set"), token: \(token.isEmpty ? "missing" : "set"))" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["redacted": description]) }
}

/// When and how long to wait before trying a GET again.
///
/// Capped exponential backoff with jitter: before try n+1 the client waits
/// a random share (50–100 %) of min(maxDelay, baseDelay·2^(n-1)).
/// POSTs are never retried: the service has no idempotency keys and a
/// duplicated note or appointment is worse than an error.
public struct RetryPolicy: Sendable {
    public var maxAttempts: Int
    public var baseDelay: Double
    public var maxDelay: Double
    /// Waits; injected so tests do not sleep.
    public var sleep: @Sendable (Double) async throws -> Void
    /// A number in 0...1; injected so tests are deterministic.
    public var random: @Sendable () -> Double

    public init(maxAttempts: Int = 3, baseDelay: Double = 0.25, maxDelay: Double = 2,
                sleep: @escaping @Sendable (Double) async throws -> Void = { seconds in
                    try await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000))
                },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.sleep = sleep
        self.random = random
    }

    public static let standard = RetryPolicy()
    public static let never = RetryPolicy(maxAttempts: 1)

    /// The wait after failed attempt `attempt` (1-based).
    public func delay(afterAttempt attempt: Int) -> Double {
        let exponential = baseDelay * pow(2, Double(max(0, attempt - 1)))
        return min(maxDelay, exponential) * (0.5 + 0.5 * min(1, max(0, random())))
    }
}

/// Where the service is and how to talk to it.
public struct ClientConfiguration: Sendable {
    /// The API root with prefix and version, e.g. `https://crm.example.com/api/v1/`.
    public var baseURL: URL
    public var credentials: Credentials
    /// Seconds before a request gives up.
    public var timeout: TimeInterval
    public var retry: RetryPolicy
    /// Where each request (method, path, status, milliseconds) and each retry is told; never a
    /// header, key, token, query or body. Silent unless given one (`--log FILE`).
    public var logger: Logger

    public init(baseURL: URL, credentials: Credentials, timeout: TimeInterval = 15, retry: RetryPolicy = .standard,
                logger: Logger = .silent) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.timeout = timeout
        self.retry = retry
        self.logger = logger
    }

    /// Checks the base URL: absolute http(s), and https unless the host is loopback.
    /// Returns the URL with a trailing slash, so paths append cleanly.
    public static func validatedBaseURL(_ text: String) throws -> URL {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw APIError.configuration("Base URL “\(APIError.excerpt(of: trimmed, limit: 80))” is not an absolute http(s) URL, e.g. https://crm.example.com/api/v1/")
        }
        if url.user != nil || url.password != nil {
            throw APIError.configuration("Base URL must not carry a user or password; use LEADTERM_API_KEY and LEADTERM_TOKEN.")
        }
        switch scheme {
        case "https": break
        case "http":
            guard isLoopback(host) else {
                throw APIError.configuration("Refusing plain http to \(host): credentials would cross the network unencrypted. Use https (http is allowed only for localhost/127.0.0.1/::1).")
            }
        default:
            throw APIError.configuration("Base URL scheme “\(scheme)” is not supported; use https.")
        }
        var absolute = url.absoluteString
        if let query = absolute.firstIndex(where: { $0 == "?" || $0 == "#" }) { absolute = String(absolute[..<query]) }
        if !absolute.hasSuffix("/") { absolute += "/" }
        return URL(string: absolute) ?? url
    }

    /// localhost, 127.0.0.0/8 and ::1.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if lowered == "localhost" || lowered == "localhost." || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }
}

extension Logger {
    /// A logger that writes nothing: the default wherever one may be given.
    public static let silent = Logger(label: "leadterm.silent") { _ in SwiftLogNoOpLogHandler() }
}
