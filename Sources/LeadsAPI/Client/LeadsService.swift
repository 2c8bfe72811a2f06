/// Every endpoint of the Leads & CRM API. `APIClient` talks to a server;
/// the store and tests can use any other conformance (a fake, a failing one).
/// Every method throws `APIError` only.
public protocol LeadsService: Sendable {
    func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview
    func leads(_ query: LeadQuery) async throws -> Page<LeadSummary>
    func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment>
    func lead(slug: String) async throws -> LeadDetail
    func createAppointment(_ draft: AppointmentDraft) async throws
    func updateAppointment(_ changes: AppointmentChanges) async throws
    func deleteAppointment(id: Int) async throws
    func createLead(_ draft: LeadDraft) async throws
    func updateLead(slug: String, _ draft: LeadDraft) async throws
    func deleteLead(slug: String) async throws
    func createNote(slug: String, text: String) async throws
    func deleteNote(id: Int) async throws
    /// Closes the connections when the service is no longer needed.
    func shutdown() async
    /// Sends `token` from now on instead of the configured one (a token renewed while the app runs).
    func replaceToken(_ token: String) async
}

extension LeadsService {
    /// Nothing to close (a fake or in-memory service).
    public func shutdown() async {}
    /// No token to replace (a fake or in-memory service).
    public func replaceToken(_ token: String) async {}

    /// Every page of leads matching `query`, starting at its offset.
    public func allLeads(_ query: LeadQuery) -> PageSequence<LeadSummary> {
        PageSequence(offset: query.offset, limit: query.limit) { offset, limit in
            var page = query
            page.offset = offset
            page.limit = limit
            return try await self.leads(page)
        }
    }

    /// Every page of appointments matching `query`.
    public func allAppointments(_ query: AppointmentQuery) -> PageSequence<Appointment> {
        PageSequence(offset: query.offset, limit: query.limit) { offset, limit in
            var page = query
            page.offset = offset
            page.limit = limit
            return try await self.appointments(page)
        }
    }
}
