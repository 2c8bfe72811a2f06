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
}

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The live transport: Foundation's URLSession (libcurl on Linux).
///
/// Redirects are refused, so credentials are never forwarded to another
/// host; a 3xx comes back as a response. On Linux a per-task delegate is
/// ignored, so the refusal is a session delegate.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpAdditionalHeaders = ["User-Agent": "leadterm/\(LeadsAPIVersion.current)"]
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    deinit { session.finishTasksAndInvalidate() }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.timeoutInterval = request.timeout
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw APIError.transport(.init(.other, "not an HTTP response"))
            }
            var headers: [String: String] = [:]
            for (key, value) in http.allHeaderFields {
                if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
            }
            return HTTPResponse(status: http.statusCode, headers: headers, body: data)
        } catch let error as APIError {
            throw error
        } catch let error as URLError {
            throw URLSessionTransport.map(error)
        } catch is CancellationError {
            throw APIError.cancelled
        } catch {
            throw APIError.transport(.init(.other, String(describing: type(of: error))))
        }
    }

    /// URLError to our kinds. The description names the host only, never the full URL.
    static func map(_ error: URLError) -> APIError {
        let host = error.failingURL?.host.map { " \($0)" } ?? ""
        switch error.code {
        case .cancelled: return .cancelled
        case .timedOut: return .transport(.init(.timedOut, "no answer from\(host)"))
        case .cannotConnectToHost: return .transport(.init(.cannotConnect, "connection refused by\(host)"))
        case .networkConnectionLost: return .transport(.init(.connectionLost, "\(host) closed the connection".trimmingCharacters(in: .whitespaces)))
        case .cannotFindHost, .dnsLookupFailed: return .transport(.init(.hostNotFound, "cannot resolve\(host)"))
        case .notConnectedToInternet: return .transport(.init(.cannotConnect, "no network"))
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .transport(.init(.secureConnection, "TLS with\(host) failed"))
        case .badServerResponse, .cannotParseResponse:
            return .transport(.init(.connectionLost, "bad response from\(host)"))
        default: return .transport(.init(.other, "URLError \(error.code.rawValue)"))
        }
    }
}

private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

public enum LeadsAPIVersion {
    public static let current = "0.1.0"
}
