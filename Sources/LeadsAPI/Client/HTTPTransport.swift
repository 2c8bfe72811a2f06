import Foundation

/// A request as the client builds it; the transport only moves bytes.
public struct HTTPRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    /// Header names as sent. Holds the credentials: never log or print a request.
    public var headers: [String: String]
    public var body: Data?
    public var timeout: TimeInterval

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 15) {
        self.method = method; self.url = url; self.headers = headers; self.body = body; self.timeout = timeout
    }
}

public struct HTTPResponse: Sendable, Hashable {
    public var status: Int
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }
}

/// Moves one request over the network. Throws `APIError.transport` or
/// `APIError.cancelled`, never anything else; an HTTP error status is a response.
/// Tests inject faults through this protocol.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
    /// Closes the transport's connections; requests still running fail. Call
    /// once, when the client is no longer needed.
    func shutdown() async
}

extension HTTPTransport {
    /// Nothing to close (a scripted or fake transport).
    public func shutdown() async {}
}

public enum LeadsAPIVersion {
    public static let current = "0.1.0"
}
