import Foundation
import LeadsAPI
import Synchronization

/// An in-memory service for UI tests: the fixtures' leads (120), their
/// details, no appointments; changes succeed, or fail as the network would.
public final class FakeService: LeadsService, Sendable {
    private let failing = Atomic<Bool>(false)
    private let changes = Mutex<[String]>([])

    public init() {}

    /// From now on every create, update and delete times out.
    public func failChanges(_ fail: Bool = true) { failing.store(fail, ordering: .relaxed) }
    /// What was changed, in order (`createNote lead-0`).
    public var changed: [String] { changes.withLock { $0 } }

    func change(_ what: String) throws {
        // An answer that refuses (not a lost connection, which would put the change in the outbox).
        if failing.load(ordering: .relaxed) { throw APIError.server(status: 503, message: "busy, try again") }
        changes.withLock { $0.append(what) }
    }

    public func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview {
        Overview(json: .object(["total_leads": .integer(120)]))
    }
    public func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> {
        let offset = query.offset ?? 0
        return Fixtures.page(offset..<min(120, offset + (query.limit ?? 50)), count: 120)
    }
    public func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> { Page(results: [], count: 0) }
    public func lead(slug: String) async throws -> LeadDetail {
        Fixtures.detail(Int(slug.split(separator: "-").last ?? "") ?? 0, notes: [(1, "Sent the brochure", "2026-11-20 10:00")])
    }
    public func createAppointment(_ draft: AppointmentDraft) async throws { try change("createAppointment \(draft.slug)") }
    public func updateAppointment(_ changes: AppointmentChanges) async throws { try change("updateAppointment \(changes.id)") }
    public func deleteAppointment(id: Int) async throws { try change("deleteAppointment \(id)") }
    public func createLead(_ draft: LeadDraft) async throws { try change("createLead \(draft.email)") }
    public func updateLead(slug: String, _ draft: LeadDraft) async throws { try change("updateLead \(slug)") }
    public func deleteLead(slug: String) async throws { try change("deleteLead \(slug)") }
    public func createNote(slug: String, text: String) async throws { try change("createNote \(slug)") }
    public func deleteNote(id: Int) async throws { try change("deleteNote \(id)") }
}
