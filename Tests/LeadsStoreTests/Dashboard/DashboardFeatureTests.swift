import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// The overview: its colours and totals, its counts, its own refresh.
@Suite struct DashboardFeatureTests {
    @Test func theOverviewGivesStatusColoursAndTheTotal() {
        var store = TestStore(Fixtures.loaded())
        let overview = Overview(json: .object([
            "total_leads": .integer(120),
            "LeadsData": .object(["status": .array([.object(["status": .string("Customer"), "count": .integer(3), "Color": .string("#28a745")])])]),
        ]))
        store.send(.responded(RequestID(.overview, 3), .overview(.success(overview)))) {
            $0.requests[.overview] = nil
            $0.dashboard.statusColors = ["customer": "#28a745"]
            $0.dashboard.totalLeads = 120
            $0.dashboard.overview = overview
        }
        // A failed overview only loses the colours: nothing said.
        var failed = TestStore(Fixtures.loaded())
        failed.send(.responded(RequestID(.overview, 3), .overview(.failure(.transport(.init(.timedOut)))))) { $0.requests[.overview] = nil }
    }

    @Test func itRefreshesItselfEveryFewMinutesWithoutMovingAnything() {
        var store = TestStore(Fixtures.loaded())
        store.press(.viewOverview, effects: [.request(RequestID(.appointmentCounts, 4), .appointmentCounts)])
        store.send(.responded(RequestID(.appointmentCounts, 4), .appointmentCounts(.success(["today": 4, "week": 9, "month": 20])))) {
            $0.requests[.appointmentCounts] = nil
            $0.dashboard.appointmentCounts = ["today": 4, "week": 9, "month": 20]
        }
        store.send(.ticked(Fixtures.now.addingTimeInterval(60)))
        store.send(.ticked(Fixtures.now.addingTimeInterval(5 * 60)), effects: [
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 5), .overview),
            .request(RequestID(.appointmentCounts, 6), .appointmentCounts),
            .cancel(RequestID(.today, 2)), .request(RequestID(.today, 7), .dayAppointments(CalendarFeatureTests.today)),
        ])
        #expect(store.state.view == .overview && store.state.modals.isEmpty)
        store.press(.refresh, effects: [
            .cancel(RequestID(.overview, 5)), .request(RequestID(.overview, 8), .overview),
            .cancel(RequestID(.appointmentCounts, 6)), .request(RequestID(.appointmentCounts, 9), .appointmentCounts),
        ])
    }
}
