import Foundation
import LeadsAPI
import Testing
import TestSupport
@testable import LeadsStore

/// The runner against the sandbox over real HTTP.
@Suite struct EffectRunnerTests {
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var actions: [Action] = []
        func add(_ action: Action) { lock.lock(); actions.append(action); lock.unlock() }
        var all: [Action] { lock.lock(); defer { lock.unlock() }; return actions }

        /// Waits (polling, with a deadline) until `count` actions arrived.
        func wait(for count: Int, seconds: Double = 10) async -> [Action] {
            let deadline = Date().addingTimeInterval(seconds)
            while all.count < count, Date() < deadline { try? await Task.sleep(nanoseconds: 5_000_000) }
            return all
        }
    }

    @Test func startRunsTheFirstRequestsConcurrentlyAndAnswersCarryTheirIDs() async throws {
        try await SandboxHarness.with(leads: 120) { _, client in
            let collected = Collected()
            let runner = EffectRunner(service: client) { collected.add($0) }
            var state = AppState(settings: Settings(serverLabel: "demo", timeZone: SandboxHarness.utc), now: SandboxHarness.now)
            let effects = AppReducer.reduce(&state, .started(drafts: []))
            #expect(runner.run(effects).isEmpty)
            #expect(runner.runningCount <= 3)
            let answers = await collected.wait(for: 3)
            #expect(answers.count == 3)
            for answer in answers { _ = AppReducer.reduce(&state, answer) }
            #expect(state.requests.isEmpty)
            #expect(state.list.rows.count == 50)
            // The overview counts owned and assigned leads; the list, owned ones.
            #expect((state.list.total ?? 0) > 0 && (state.totalLeads ?? 0) >= (state.list.total ?? 0))
            #expect(state.todayAppointments != nil)
            #expect(!state.statusColors.isEmpty)
        }
    }

    @Test func aCancelledRequestAnswersCancelledAndIsDropped() async throws {
        try await SandboxHarness.with(leads: 20) { _, client in
            let collected = Collected()
            let runner = EffectRunner(service: client) { collected.add($0) }
            let id = RequestID(.leadDetail, 1)
            runner.run([.request(id, .lead(slug: "no-such-lead")), .cancel(id)])
            let answers = await collected.wait(for: 1)
            guard case .leadLoaded(let answered, _, let result)? = answers.first else { Issue.record("no answer: \(answers)"); return }
            #expect(answered == id)
            // Cancelled before or after the server answered: either way the state ignores it.
            if case .failure(let error) = result { #expect(error == .cancelled || error.exitCode == 3 || error.exitCode == 5) }
            var state = AppState(settings: Settings(serverLabel: "demo"), now: SandboxHarness.now)
            #expect(AppReducer.reduce(&state, answers[0]) == [])
        }
    }
}
