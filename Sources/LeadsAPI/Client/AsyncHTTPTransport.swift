import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Synchronization

/// The live transport: AsyncHTTPClient on SwiftNIO's shared event loops.
///
/// One transport is one connection pool: connections are kept alive between
/// requests (idle ones close after a minute). Choices:
/// - Redirects are refused (a 3xx comes back as a response), so credentials
///   never follow a redirect to another host.
/// - A refused connection fails at once instead of being retried until the
///   connect timeout (AsyncHTTPClient retries by default).
/// - Each request has a deadline (`HTTPRequest.timeout`, seconds); connecting
///   has its own, the shorter of that and 10 s.
/// - Bodies are read whole, at most `maximumResponseBytes` after gzip/deflate.
/// - Cancelling the task that sends cancels the request: `APIError.cancelled`.
/// - IPv6 literals (`http://[::1]:8080/`) work as any host.
///
/// `shutdown()` closes the pool; a transport dropped without it closes the
/// pool in the background.
public final class AsyncHTTPTransport: HTTPTransport {
    /// 32 MiB: a page of leads is a few hundred KB.
    public static let maximumResponseBytes = 32 << 20

    private let configuration: HTTPClient.Configuration
    /// Made at the first request, on the thread that sends it: starting SwiftNIO's event
    /// loops takes milliseconds a start-up should not wait for (the first frame comes first).
    private let made = Mutex<HTTPClient?>(nil)

    /// - Parameter connectTimeout: seconds to establish a connection (TCP and TLS).
    public init(connectTimeout: TimeInterval = 10) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(connect: .milliseconds(Int64(max(0.001, connectTimeout) * 1000))),
            decompression: .enabled(limit: .ratio(100)))
        configuration.connectionPool.retryConnectionEstablishment = false
        self.configuration = configuration
    }

    private var client: HTTPClient {
        made.withLock { made in
            if let client = made { return client }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            made = client
            return client
        }
    }

    deinit {
        // Never blocks: the pool closes on its event loop.
        made.withLock { $0 }?.shutdown { _ in }
    }

    public func shutdown() async {
        guard let client = made.withLock({ $0 }) else { return }
        try? await client.shutdown()
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.add(name: "User-Agent", value: "leadterm/\(LeadsAPIVersion.current)")
        outgoing.headers.add(name: "Accept-Encoding", value: "gzip, deflate")
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) { outgoing.headers.replaceOrAdd(name: name, value: value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let host = request.url.host ?? ""
        do {
            let response = try await client.execute(outgoing, timeout: .milliseconds(Int64(max(0.001, request.timeout) * 1000)))
            var body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { "\($0), \(value)" } ?? value
            }
            let bytes = body.readBytes(length: body.readableBytes) ?? []
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Data(bytes))
        } catch {
            throw Self.map(error, host: host)
        }
    }

    /// Any error of the HTTP stack as one of ours. The detail names the host
    /// only, never the URL (its query can hold what the user typed).
    static func map(_ error: any Error, host: String) -> APIError {
        let at = host.isEmpty ? "" : " \(host)"
        if let error = error as? APIError { return error }
        if error is CancellationError { return .cancelled }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled: return .cancelled
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout,
                 .getConnectionFromPoolTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return .transport(.init(.timedOut, "no answer from\(at)"))
            case .remoteConnectionClosed, .uncleanShutdown:
                return .transport(.init(.connectionLost, "\(host) closed the connection".trimmingCharacters(in: .whitespaces)))
            case .invalidURL, .emptyHost, .emptyScheme:
                return .configuration("The server address is not a usable URL.")
            default:
                let text = "\(error)"
                // That description holds the header values: a credential would be printed.
                if text.contains("invalidHeaderField") {
                    return .configuration("A header value holds a character no HTTP header can carry (a credential with a line break or a control character?).")
                }
                return .transport(.init(.other, "HTTP client: \(text)"))
            }
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAError != nil || error.dnsAAAAError != nil, error.connectionErrors.isEmpty {
                return .transport(.init(.hostNotFound, "cannot resolve\(at)"))
            }
            return .transport(.init(.cannotConnect, "connection refused by\(at)"))
        }
        if error is NIOTooManyBytesError {
            return .transport(.init(.other, "an answer of more than \(maximumResponseBytes >> 20) MiB from\(at)"))
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .transport(.init(.secureConnection, "TLS with\(at) failed"))
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .transport(.init(.timedOut, "no answer from\(at)"))
            default: return .transport(.init(.connectionLost, "\(host) closed the connection".trimmingCharacters(in: .whitespaces)))
            }
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL:
                return .transport(.init(.cannotConnect, "connection refused by\(at)"))
            case ETIMEDOUT: return .transport(.init(.timedOut, "no answer from\(at)"))
            default: return .transport(.init(.connectionLost, "\(host) closed the connection".trimmingCharacters(in: .whitespaces)))
            }
        }
        if error is SocketAddressError { return .transport(.init(.hostNotFound, "cannot resolve\(at)")) }
        return .transport(.init(.other, String(describing: type(of: error))))
    }
}
