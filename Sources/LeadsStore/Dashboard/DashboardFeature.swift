import Foundation
import LeadsAPI

/// The overview as last loaded: totals, the status colours the service
/// gives, the appointment counts.
public struct DashboardState: Equatable, Sendable {
    public var overview: Overview?
    /// Status → colour as the overview sends it (`#28a745`, a name…).
    public var statusColors: [String: String] = [:]
    public var totalLeads: Int?
    public var appointmentCounts: [String: Int] = [:]
    public var loadedAt: Date?
    public init() {}
}

/// The overview dashboard: loaded at start (for the status colours and the
/// total), with its appointment counts when shown; `r` refreshes it and it
/// refreshes itself every `overview_refresh_minutes` without moving anything.
public enum DashboardFeature {
    public enum Action: Equatable, Sendable {
        case refresh(withCounts: Bool)
        /// Shown: what is not loaded (nor on its way) is asked for.
        case shown
        case overviewLoaded(Result<Overview, APIError>)
        case countsLoaded(Result<[String: Int], APIError>)
        case ticked
    }

    public enum Delegate: Equatable, Sendable {
        /// It refreshed itself: today's appointments are due again too.
        case refreshedItself
    }

    public static func reduce(_ state: inout DashboardState, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .refresh(let withCounts):
            state.loadedAt = context.now
            return [.request(.overview, .overview)] + (withCounts ? [.request(.appointmentCounts, .appointmentCounts)] : [])
        case .shown:
            var outputs: [Output<Delegate>] = []
            if state.overview == nil, !context.isInFlight(.overview) { outputs.append(.request(.overview, .overview)) }
            if state.appointmentCounts.isEmpty, !context.isInFlight(.appointmentCounts) {
                outputs.append(.request(.appointmentCounts, .appointmentCounts))
            }
            if !outputs.isEmpty { state.loadedAt = context.now }
            return outputs
        case .overviewLoaded(let result):
            // A failed overview only loses the status colours (the theme's are used): no message.
            if case .success(let overview) = result {
                state.overview = overview
                var colors: [String: String] = [:]
                for status in overview.statuses where !status.color.isEmpty { colors[status.status.lowercased()] = status.color }
                state.statusColors = colors
                state.totalLeads = overview.totalLeads
            }
            return []
        case .countsLoaded(let result):
            if case .success(let counts) = result { state.appointmentCounts = counts }
            return []
        case .ticked:
            guard let last = state.loadedAt,
                  context.now.timeIntervalSince(last) >= Double(context.settings.dashboardRefreshMinutes) * 60 else { return [] }
            return reduce(&state, .refresh(withCounts: true), context) + [.delegate(.refreshedItself)]
        }
    }
}
