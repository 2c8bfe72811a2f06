import Foundation
import LeadsAPI
import Synchronization
import Testing
import TestSupport
@testable import LeadsStore

/// The runner: requests against the sandbox over real HTTP, cancellation as
/// a message (exactly `.cancelled`), a loop that never waits on the network,
/// and the injected side effects.
@Suite struct EffectRunnerTests {
    final class Collected: Sendable {
        private let actions = Mutex<[Action]>([])
        func add(_ action: Action) { actions.withLock { $0.append(action) } }
        var all: [Action] { actions.withLock { $0 } }

        /// Waits (polling, with a deadline) until `count` actions arrived.
        func wait(for count: Int, seconds: Double = 10) async -> [Action] {
            let deadline = Date().addingTimeInterval(seconds)
            while all.count < count, Date() < deadline { try? await Task.sleep(nanoseconds: 5_000_000) }
            return all
        }
    }

    @Test func startRunsTheFirstRequestsTogetherAndAnswersCarryTheirIDs() async throws {
        try await SandboxHarness.with(leads: 120) { _, client in
            let collected = Collected()
            let runner = EffectRunner(service: client) { collected.add($0) }
            var state = AppState(settings: Settings(serverLabel: "demo", timeZone: SandboxHarness.utc), now: SandboxHarness.now,
                                 viewport: Fixtures.viewport())
            #expect(runner.run(AppReducer.reduce(&state, .started(drafts: []))))
            // The first page and today together; the overview once the page has come.
            let answers = await collected.wait(for: 2)
            #expect(answers.count == 2)
            for answer in answers { #expect(runner.run(AppReducer.reduce(&state, answer)), "\(answer)") }
            let overview = await collected.wait(for: 3).dropFirst(2)
            #expect(overview.count == 1)
            for answer in overview { #expect(AppReducer.reduce(&state, answer) == [], "\(answer)") }
            #expect(state.requests.isEmpty)
            #expect(state.list.rows.count == 50)
            // The overview counts owned and assigned leads; the list, owned ones.
            #expect((state.list.total ?? 0) > 0 && (state.dashboard.totalLeads ?? 0) >= (state.list.total ?? 0))
            #expect(state.todayAppointments != nil)
            #expect(!state.dashboard.statusColors.isEmpty)
            runner.stop()
        }
    }

    @Test func aCancelledRequestAnswersExactlyCancelled() async throws {
        let service = BlockingService()
        let collected = Collected()
        let runner = EffectRunner(service: service) { collected.add($0) }
        let id = RequestID(.leadDetail, 1)
        runner.run([.request(id, .lead(slug: "lead-1"))])
        // It does not answer by itself: only the cancel ends it.
        #expect(await collected.wait(for: 1, seconds: 0.3).isEmpty)
        runner.run([.cancel(id)])
        #expect(await collected.wait(for: 1) == [.responded(id, .lead(slug: "lead-1", .failure(.cancelled)))])
        #expect(runner.runningCount == 0)
        // The reducer drops it: that request is no longer current.
        var state = Fixtures.loaded()
        #expect(AppReducer.reduce(&state, .responded(id, .lead(slug: "lead-1", .failure(.cancelled)))) == [])
    }

    @Test func theCallerNeverWaitsOnTheNetworkStackEvenWhenCancellingBlocks() async throws {
        let gate = DispatchSemaphore(value: 0)
        let service = BlockingService(onCancel: { gate.wait() })   // a cancel that hangs, as a deadlocked HTTP stack would
        let runner = EffectRunner(service: service) { _ in }
        let id = RequestID(.leadsPage, 1)
        runner.run([.request(id, .leads(LeadQuery()))])
        try #require(try await eventually { service.started.load(ordering: .relaxed) > 0 }, "the request never started")
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            runner.run([.cancel(id), .request(RequestID(.leadsPage, 2), .leads(LeadQuery())), .cancel(RequestID(.leadsPage, 2))])
        }
        #expect(elapsed < .milliseconds(50), "run waited \(elapsed)")
        gate.signal()
        gate.signal()
        runner.stop()
    }

    @Test func theOtherEffectsGoToTheirHandlersInOrder() {
        final class Log { var lines: [String] = [] }
        let log = Log()
        let draft = Draft(id: "d1", savedAt: Fixtures.now, content: .note(slug: "s", leadName: "Ana", text: "x"))
        let runner = EffectRunner(service: BlockingService(), handlers: EffectHandlers(
            saveDraft: { log.lines.append("save \($0.id)") }, discardDraft: { log.lines.append("discard \($0)") },
            bell: { log.lines.append("bell") }, suspend: { log.lines.append("suspend") }, redraw: { log.lines.append("redraw") }),
            send: { _ in })
        #expect(runner.run([.saveDraft(draft), .bell, .redraw, .suspend, .discardDraft(id: "d1")]))
        #expect(log.lines == ["save d1", "bell", "redraw", "suspend", "discard d1"])
        #expect(!runner.run([.bell, .quit]))
        runner.stop()
    }
}

/// A service whose every request waits until it is cancelled (and can make
/// the cancel itself hang).
final class BlockingService: LeadsService, Sendable {
    let started = Atomic<Int>(0)
    private let onCancel: @Sendable () -> Void

    init(onCancel: @escaping @Sendable () -> Void = {}) { self.onCancel = onCancel }

    func block<T>() async throws -> T {
        started.add(1, ordering: .relaxed)
        let onCancel = self.onCancel
        try await withTaskCancellationHandler {
            try await Task.sleep(nanoseconds: 600_000_000_000)
        } onCancel: {
            onCancel()
        }
        throw APIError.cancelled
    }

    func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview { try await block() }
    func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> { try await block() }
    func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> { try await block() }
    func lead(slug: String) async throws -> LeadDetail { try await block() }
    func createAppointment(_ draft: AppointmentDraft) async throws { try await block() as Void }
    func updateAppointment(_ changes: AppointmentChanges) async throws { try await block() as Void }
    func deleteAppointment(id: Int) async throws { try await block() as Void }
    func createLead(_ draft: LeadDraft) async throws { try await block() as Void }
    func updateLead(slug: String, _ draft: LeadDraft) async throws { try await block() as Void }
    func deleteLead(slug: String) async throws { try await block() as Void }
    func createNote(slug: String, text: String) async throws { try await block() as Void }
    func deleteNote(id: Int) async throws { try await block() as Void }
}
