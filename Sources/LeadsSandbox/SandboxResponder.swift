import Foundation
import Synchronization
import HTTPTypes
import Hummingbird
import LeadsAPI

/// Routes `/<prefix>/<path>` to the service after checking both credentials.
///
/// Paths are the document's headings; a missing trailing slash is accepted.
/// Authentication, as Django REST framework does it: no or a malformed
/// `Authorization: Bearer` header, or an unknown token, is 401 with
/// `WWW-Authenticate`; a missing or wrong `apikey` with a good token is 403.
struct SandboxResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let service: SandboxService
    let prefix: String
    let apiKey: String
    /// The tokens accepted now, and whom each signs in.
    let tokens: SandboxTokens

    enum Method { case get, post }

    static let routes: [String: Method] = [
        APIClient.Path.overview: .get, APIClient.Path.leads: .get, APIClient.Path.appointments: .get,
        APIClient.Path.lead: .get, APIClient.Path.createAppointment: .post, APIClient.Path.updateAppointment: .post,
        APIClient.Path.deleteAppointment: .post, APIClient.Path.createLead: .post, APIClient.Path.updateLead: .post,
        APIClient.Path.deleteLead: .post, APIClient.Path.createNote: .post, APIClient.Path.deleteNote: .post,
    ]

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let reply: Reply
        do {
            reply = try await answer(&request)
        } catch {
            reply = Reply(status: 500, body: Reply.envelope(500, errors: ["detail": .string("Sandbox error: \(error)")], data: .object([:])))
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        for (name, value) in reply.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: .init(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body.serialized())))
    }

    private func answer(_ request: inout Request) async throws -> Reply {
        var path = request.uri.path
        guard path.hasPrefix(prefix) else { return .notFound() }
        path.removeFirst(prefix.count)
        if !path.hasSuffix("/") { path += "/" }
        guard let method = Self.routes[path] else { return .notFound() }
        switch (method, request.method) {
        case (.get, .get), (.get, .head), (.post, .post): break
        default: return .methodNotAllowed(request.method.rawValue)
        }

        let user: String
        switch authenticate(request.headers) {
        case .failure(let failure): return failure.reply
        case .success(let username): user = username
        }

        let body = try await request.collectBody(upTo: 1 << 20)
        let fields = RequestFields.parse(query: request.uri.query, body: Data(body.readableBytesView),
                                         contentType: request.headers[.contentType])
        let host = request.head.authority ?? "127.0.0.1"
        let pageURL = "http://\(host)\(prefix)\(path)"

        switch path {
        case APIClient.Path.overview: return try await service.overview(user: user, fields)
        case APIClient.Path.leads: return try await service.leads(user: user, fields, pageURL: pageURL)
        case APIClient.Path.appointments: return try await service.appointments(user: user, fields, pageURL: pageURL)
        case APIClient.Path.lead: return try await service.lead(user: user, fields)
        case APIClient.Path.createAppointment: return try await service.createAppointment(user: user, fields)
        case APIClient.Path.updateAppointment: return try await service.updateAppointment(user: user, fields)
        case APIClient.Path.deleteAppointment: return try await service.deleteAppointment(user: user, fields)
        case APIClient.Path.createLead: return try await service.createLead(user: user, fields)
        case APIClient.Path.updateLead: return try await service.updateLead(user: user, fields)
        case APIClient.Path.deleteLead: return try await service.deleteLead(user: user, fields)
        case APIClient.Path.createNote: return try await service.createNote(user: user, fields)
        case APIClient.Path.deleteNote: return try await service.deleteNote(user: user, fields)
        default: return .notFound()
        }
    }

    struct Refusal: Error { let reply: Reply }

    private func authenticate(_ headers: HTTPFields) -> Result<String, Refusal> {
        guard let authorization = headers[.authorization] else {
            return .failure(Refusal(reply: .notAuthenticated("Authentication credentials were not provided.")))
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .failure(Refusal(reply: .notAuthenticated("Invalid token header. No credentials provided.")))
        }
        let presented = String(parts[1]).trimmingCharacters(in: .whitespaces)
        guard let user = tokens.users.first(where: { constantTimeEqual(presented, $0.key) })?.value else {
            return .failure(Refusal(reply: .notAuthenticated("Invalid token.")))
        }
        guard let key = HTTPField.Name("apikey").flatMap({ headers[$0] }), constantTimeEqual(key, apiKey) else {
            return .failure(Refusal(reply: .forbidden("Invalid or missing API key.")))
        }
        return .success(user)
    }

    private func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var difference = x.count ^ y.count
        for index in 0..<min(x.count, y.count) { difference |= Int(x[index] ^ y[index]) }
        return difference == 0
    }
}

/// Bearer token → username: the configured token signs in `demo`, and
/// `<token>-<username>` signs in each other seeded user. Replaced as a whole
/// when the sandbox's token is rotated.
final class SandboxTokens: Sendable {
    private let table: Mutex<[String: String]>

    init(_ token: String) { table = Mutex(Self.users(for: token)) }

    var users: [String: String] { table.withLock { $0 } }

    func rotate(to token: String) { table.withLock { $0 = Self.users(for: token) } }

    private static func users(for token: String) -> [String: String] {
        var users = [token: SeedData.signedInUser]
        for (username, _) in SeedData.users where username != SeedData.signedInUser { users["\(token)-\(username)"] = username }
        return users
    }
}
