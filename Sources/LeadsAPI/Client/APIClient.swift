import Foundation
import Logging
import Synchronization

/// The Leads & CRM API over HTTP.
///
/// Paths are the document's section headings, relative to the base URL
/// (which carries the API prefix and version): `leads/list/`,
/// `leads/create/appointment/`, … The document's sample code drops `leads/`
/// from most paths and the create-lead heading shows an extra `v1/`; the
/// headings win. POST fields go as form data (`application/x-www-form-urlencoded`).
/// Every request carries both `apikey` and `Authorization: Bearer`.
public struct APIClient: LeadsService {
    public enum Path {
        public static let overview = "leads/overview/"
        public static let leads = "leads/list/"
        public static let appointments = "leads/appointments/list/"
        public static let lead = "leads/view/lead/"
        public static let createAppointment = "leads/create/appointment/"
        public static let updateAppointment = "leads/update/appointment/"
        public static let deleteAppointment = "leads/delete/appointment/"
        public static let createLead = "leads/create/lead/"
        public static let updateLead = "leads/update/lead/"
        public static let deleteLead = "leads/delete/lead/"
        public static let createNote = "leads/create/leadnote/"
        public static let deleteNote = "leads/delete/leadnote/"
    }

    public let configuration: ClientConfiguration
    private let transport: any HTTPTransport
    /// A token given while the client runs (`replaceToken`); it wins over the configured one.
    private let renewedToken = RenewedToken()

    final class RenewedToken: Sendable {
        let value = Mutex<String?>(nil)
    }

    public func replaceToken(_ token: String) async { renewedToken.value.withLock { $0 = token } }

    /// Fails with `APIError.configuration` for a base URL that is not https
    /// (plain http is allowed to loopback only).
    ///
    /// - Parameter transport: nil for the live one, `AsyncHTTPTransport`,
    ///   connecting within the request timeout or 10 s, whichever is shorter.
    ///   Call `shutdown()` when done with the client.
    public init(configuration: ClientConfiguration, transport: (any HTTPTransport)? = nil) throws {
        var checked = configuration
        checked.baseURL = try ClientConfiguration.validatedBaseURL(configuration.baseURL.absoluteString)
        self.configuration = checked
        self.transport = transport ?? AsyncHTTPTransport(connectTimeout: min(configuration.timeout, 10))
    }

    /// Closes the client's connections (requests still running fail).
    public func shutdown() async {
        await transport.shutdown()
    }

    // MARK: Endpoints

    public func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview {
        Overview(json: try await get(Path.overview, appointments.map { [("appointment", $0.rawValue)] } ?? []))
    }

    public func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> {
        Page.decode(try await get(Path.leads, query.queryItems), LeadSummary.init(json:))
    }

    public func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> {
        let problems = query.validate()
        if !problems.isEmpty { throw APIError.invalidInput(problems) }
        return Page.decode(try await get(Path.appointments, query.queryItems), Appointment.init(json:))
    }

    public func lead(slug: String) async throws -> LeadDetail {
        if slug.trimmingCharacters(in: .whitespaces).isEmpty {
            throw APIError.invalidInput(FieldErrors([("slug", [Messages.slugRequiredOrBlank])]))
        }
        return LeadDetail(json: try await get(Path.lead, [("slug", slug)]))
    }

    public func createAppointment(_ draft: AppointmentDraft) async throws {
        var problems = Rules.appointmentCreate(draft.form.asDictionary)
        if let order = Rules.appointmentOrder(from: draft.from, to: draft.to) { problems.add("appointment_to", order) }
        try await post(Path.createAppointment, draft.form, problems)
    }

    public func updateAppointment(_ changes: AppointmentChanges) async throws {
        var problems = Rules.appointmentUpdate(changes.form.asDictionary)
        if let from = changes.from, let to = changes.to, let order = Rules.appointmentOrder(from: from, to: to) {
            problems.add("appointment_to", order)
        }
        try await post(Path.updateAppointment, changes.form, problems)
    }

    public func deleteAppointment(id: Int) async throws {
        let form = [("appointment_id", String(id))]
        try await post(Path.deleteAppointment, form, Rules.appointmentID(form.asDictionary))
    }

    public func createLead(_ draft: LeadDraft) async throws {
        let form = draft.form()
        try await post(Path.createLead, form, Rules.lead(form.asDictionary, requireSlug: false))
    }

    public func updateLead(slug: String, _ draft: LeadDraft) async throws {
        let form = draft.form(slug: slug)
        try await post(Path.updateLead, form, Rules.lead(form.asDictionary, requireSlug: true))
    }

    public func deleteLead(slug: String) async throws {
        let form = [("slug", slug)]
        try await post(Path.deleteLead, form, Rules.leadDelete(form.asDictionary))
    }

    public func createNote(slug: String, text: String) async throws {
        let form = [("note", text), ("slug", slug)]
        try await post(Path.createNote, form, Rules.noteCreate(form.asDictionary))
    }

    public func deleteNote(id: Int) async throws {
        let form = [("note_id", String(id))]
        try await post(Path.deleteNote, form, Rules.noteDelete(form.asDictionary))
    }

    // MARK: Requests

    /// A GET, tried up to `retry.maxAttempts` times on timeouts, dropped
    /// connections and 5xx.
    func get(_ path: String, _ query: [(String, String)]) async throws -> JSONValue {
        let request = makeRequest("GET", path, query: query, body: nil)
        var attempt = 1
        while true {
            do {
                return try await perform(request, path: path)
            } catch let error as APIError where error.isRetryable && attempt < configuration.retry.maxAttempts {
                let delay = configuration.retry.delay(afterAttempt: attempt)
                configuration.logger.info("retry GET \(path) (attempt \(attempt + 1) of \(configuration.retry.maxAttempts)) in \(Int(delay * 1000)) ms after: \(error.logSummary)")
                do {
                    try await configuration.retry.sleep(delay)
                } catch {
                    throw APIError.cancelled
                }
                attempt += 1
            }
        }
    }

    /// A POST after the client's own checks; sent once, never retried.
    func post(_ path: String, _ form: [(String, String)], _ problems: FieldErrors) async throws {
        if !problems.isEmpty { throw APIError.invalidInput(problems) }
        _ = try await perform(makeRequest("POST", path, query: [], body: Data(FormEncoding.encode(form).utf8)), path: path)
    }

    private func perform(_ request: HTTPRequest, path: String) async throws -> JSONValue {
        if Task.isCancelled { throw APIError.cancelled }
        let started = ContinuousClock.now
        func milliseconds() -> Int {
            let elapsed = ContinuousClock.now - started
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            let failure: APIError = switch error {
            case let error as APIError: error
            case is CancellationError: .cancelled
            default: .transport(.init(.other, String(describing: type(of: error))))
            }
            configuration.logger.info("\(request.method) \(path) failed after \(milliseconds()) ms: \(failure.logSummary)")
            throw failure
        }
        configuration.logger.info("\(request.method) \(path) \(response.status) \(milliseconds()) ms")
        return try ResponseInterpreter.data(from: response)
    }

    func makeRequest(_ method: String, _ path: String, query: [(String, String)], body: Data?) -> HTTPRequest {
        var text = configuration.baseURL.absoluteString + path
        if !query.isEmpty { text += "?" + FormEncoding.encode(query) }
        var headers = [
            "apikey": configuration.credentials.apiKey,
            "Authorization": "Bearer \(renewedToken.value.withLock { $0 } ?? configuration.credentials.token)",
            "Accept": "application/json",
        ]
        if body != nil { headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8" }
        // The base URL was validated and every path and query is percent-encoded, so this cannot fail.
        let url = URL(string: text) ?? configuration.baseURL
        return HTTPRequest(method: method, url: url, headers: headers, body: body, timeout: configuration.timeout)
    }
}
