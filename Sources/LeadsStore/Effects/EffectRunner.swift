import Foundation
import LeadsAPI

/// Runs request effects as tasks against the service and sends each result
/// back as an action carrying its request id. A `cancel` cancels the task of
/// the request it names (its late answer would be dropped anyway).
public final class EffectRunner: @unchecked Sendable {
    private let service: any LeadsService
    private let send: @Sendable (Action) -> Void
    private let lock = NSLock()
    private var tasks: [RequestID: Task<Void, Never>] = [:]

    public init(service: any LeadsService, send: @escaping @Sendable (Action) -> Void) {
        self.service = service
        self.send = send
    }

    /// Starts the requests and cancellations; returns the effects that are not its business
    /// (drafts, quit) for the app to carry out.
    @discardableResult
    public func run(_ effects: [Effect]) -> [Effect] {
        var rest: [Effect] = []
        for effect in effects {
            switch effect {
            case .request(let id, let request): start(id, request)
            case .cancel(let id):
                lock.lock()
                let task = tasks.removeValue(forKey: id)
                lock.unlock()
                task?.cancel()
            default: rest.append(effect)
            }
        }
        return rest
    }

    /// Requests still running.
    public var runningCount: Int {
        lock.lock(); defer { lock.unlock() }
        return tasks.count
    }

    private func start(_ id: RequestID, _ request: Request) {
        let service = self.service, send = self.send
        let task = Task {
            let action = await Self.perform(id, request, service)
            self.finished(id)
            send(action)
        }
        lock.lock()
        tasks[id] = task
        lock.unlock()
    }

    private func finished(_ id: RequestID) {
        lock.lock()
        tasks[id] = nil
        lock.unlock()
    }

    static func perform(_ id: RequestID, _ request: Request, _ service: any LeadsService) async -> Action {
        func change(_ body: () async throws -> Void) async -> Action {
            do {
                try await body()
                return .changeFinished(id, .success(Done()))
            } catch {
                return .changeFinished(id, .failure(APIError.wrap(error)))
            }
        }
        switch request {
        case .leads(let query):
            do { return .leadsPageLoaded(id, offset: query.offset ?? 0, .success(try await service.leads(query))) }
            catch { return .leadsPageLoaded(id, offset: query.offset ?? 0, .failure(APIError.wrap(error))) }
        case .overview:
            do { return .overviewLoaded(id, .success(try await service.overview(appointments: nil))) }
            catch { return .overviewLoaded(id, .failure(APIError.wrap(error))) }
        case .dayAppointments(let day):
            do { return .todayAppointmentsLoaded(id, .success(try await AppointmentFetch.day(service, day))) }
            catch { return .todayAppointmentsLoaded(id, .failure(APIError.wrap(error))) }
        case .appointments(let from, let to):
            do { return .appointmentsLoaded(id, from: from, to: to, .success(try await AppointmentFetch.range(service, from: from, to: to))) }
            catch { return .appointmentsLoaded(id, from: from, to: to, .failure(APIError.wrap(error))) }
        case .appointmentCounts:
            do {
                var counts: [String: Int] = [:]
                for filter in [OverviewAppointmentFilter.today, .week, .month] {
                    counts[filter.rawValue] = try await service.overview(appointments: filter).appointments.count
                }
                return .appointmentCountsLoaded(id, .success(counts))
            } catch { return .appointmentCountsLoaded(id, .failure(APIError.wrap(error))) }
        case .createAppointment(let draft): return await change { try await service.createAppointment(draft) }
        case .updateAppointment(let changes): return await change { try await service.updateAppointment(changes) }
        case .deleteAppointment(let appointmentID): return await change { try await service.deleteAppointment(id: appointmentID) }
        case .lead(let slug):
            do { return .leadLoaded(id, slug: slug, .success(try await service.lead(slug: slug))) }
            catch { return .leadLoaded(id, slug: slug, .failure(APIError.wrap(error))) }
        case .createLead(let draft): return await change { try await service.createLead(draft) }
        case .updateLead(let slug, let draft): return await change { try await service.updateLead(slug: slug, draft) }
        case .deleteLead(let slug): return await change { try await service.deleteLead(slug: slug) }
        case .createNote(let slug, let text): return await change { try await service.createNote(slug: slug, text: text) }
        case .deleteNote(let id): return await change { try await service.deleteNote(id: id) }
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
