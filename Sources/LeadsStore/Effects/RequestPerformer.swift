import Foundation
import LeadsAPI

/// One request against the service, as the answer the app reads.
enum RequestPerformer {
    static func perform(_ request: Request, on service: any LeadsService) async -> Response {
        func change(_ body: () async throws -> Void) async -> Response {
            do {
                try await body()
                return .change(.success(Done()))
            } catch {
                return .change(.failure(APIError.wrap(error)))
            }
        }
        func result<Value>(_ body: () async throws -> Value) async -> Result<Value, APIError> {
            do { return .success(try await body()) } catch { return .failure(APIError.wrap(error)) }
        }
        switch request {
        case .leads(let query):
            return .leadsPage(offset: query.offset ?? 0, await result { try await service.leads(query) })
        case .overview:
            return .overview(await result { try await service.overview(appointments: nil) })
        case .dayAppointments(let day):
            return .appointments(from: day, to: day, await result { try await AppointmentFetch.day(service, day) })
        case .appointments(let from, let to):
            return .appointments(from: from, to: to, await result { try await AppointmentFetch.range(service, from: from, to: to) })
        case .appointmentCounts:
            return .appointmentCounts(await result {
                var counts: [String: Int] = [:]
                for filter in [OverviewAppointmentFilter.today, .week, .month] {
                    counts[filter.rawValue] = try await service.overview(appointments: filter).appointments.count
                }
                return counts
            })
        case .lead(let slug):
            return .lead(slug: slug, await result { try await service.lead(slug: slug) })
        case .createAppointment(let draft): return await change { try await service.createAppointment(draft) }
        case .updateAppointment(let changes): return await change { try await service.updateAppointment(changes) }
        case .deleteAppointment(let id): return await change { try await service.deleteAppointment(id: id) }
        case .createLead(let draft): return await change { try await service.createLead(draft) }
        case .updateLead(let slug, let draft): return await change { try await service.updateLead(slug: slug, draft) }
        case .deleteLead(let slug): return await change { try await service.deleteLead(slug: slug) }
        case .setLeadStatus(let slug, let status, let extras):
            return await change {
                let lead = try await service.lead(slug: slug)
                let location = lead.location.flatMap { $0.isEmpty ? nil : $0 } ?? extras?.location
                let assignee = lead.assignee.flatMap { $0.isEmpty ? nil : $0 } ?? extras?.assignee
                guard let location, let assignee else {
                    // Update lead needs both and the detail lacks them: never guessed (as the edit form).
                    let missing = [location == nil ? "location" : nil, assignee == nil ? "assignee" : nil].compactMap { $0 }
                    throw APIError.invalidInput(FieldErrors(missing.map { ($0, ["not known for this lead: set it once with the edit form"]) }))
                }
                try await service.updateLead(slug: slug, LeadDraft(
                    firstName: lead.firstName, lastName: lead.lastName, email: lead.email, phone: lead.phone, location: location,
                    message: lead.message.isEmpty ? extras?.message ?? lead.message : lead.message, assignee: assignee,
                    status: status, source: lead.source.isEmpty ? nil : lead.source))
            }
        case .createNote(let slug, let text): return await change { try await service.createNote(slug: slug, text: text) }
        case .deleteNote(let id): return await change { try await service.deleteNote(id: id) }
        case .lookFor(let write):
            do { return .found(.success(try await OutboxLookup.isThere(write, on: service))) } catch {
                return .found(.failure(APIError.wrap(error)))
            }
        case .useToken(let token):
            return await change {
                await service.replaceToken(token)
                _ = try await service.leads(LeadQuery(limit: 1))
            }
        }
    }
}

extension APIError {
    /// Any error as an `APIError` (a cancelled task becomes `.cancelled`).
    static func wrap(_ error: any Error) -> APIError {
        if let error = error as? APIError { return error }
        if error is CancellationError { return .cancelled }
        return .transport(.init(.other, String(describing: type(of: error))))
    }
}
