import Foundation

/// Why a request was made. One request per purpose is current: a new one
/// supersedes (and cancels) the one in flight, whose answer is then dropped.
/// Each purpose belongs to one feature, which gets the answer.
public enum Purpose: String, Hashable, Sendable, CaseIterable {
    case leadsPage, overview, today, leadDetail, saveLead, saveNote, delete
    case calendarWindow, upcoming, appointmentCounts, saveAppointment, token
    /// The outbox's send (or look) in flight.
    case outbox
    /// A change to the marked leads: several in flight at once, each by its own serial (`BulkChange`).
    case bulk
}

/// A request and what it was for; its answer carries it back.
public struct RequestID: Hashable, Sendable {
    public var purpose: Purpose
    public var serial: Int
    public init(_ purpose: Purpose, _ serial: Int) { self.purpose = purpose; self.serial = serial }
}

/// What a feature may read beyond its own state: the time, the settings, the
/// sizes the UI measured, the requests in flight. Reducers never read a clock:
/// `now` is the time of the last tick.
public struct Context: Sendable {
    public var now: Date
    public var settings: Settings
    public var viewport: Viewport
    /// The requests in flight (the app's own table: reading it copies nothing).
    private var requests: [Purpose: RequestID]

    public init(now: Date, settings: Settings, viewport: Viewport, inFlight: Set<Purpose> = []) {
        self.now = now; self.settings = settings; self.viewport = viewport
        requests = Dictionary(uniqueKeysWithValues: inFlight.map { ($0, RequestID($0, 0)) })
    }

    init(now: Date, settings: Settings, viewport: Viewport, requests: [Purpose: RequestID]) {
        self.now = now; self.settings = settings; self.viewport = viewport; self.requests = requests
    }

    /// Whether a request for `purpose` is on its way.
    public func isInFlight(_ purpose: Purpose) -> Bool { requests[purpose] != nil }

    public var today: Day { Day(now, in: settings.timeZone) }
    public var zone: TimeZone { settings.timeZone }
}

/// What a feature's reducer asks of the app besides changing its own state.
///
/// A feature reduces only its own state (`reduce(&state.feature, action,
/// context) -> [Output<Delegate>]`); anything beyond it is a delegate its
/// parent handles (the shape of The Composable Architecture's delegate
/// actions). Requests are asked for by purpose: the app numbers them.
public enum Output<Delegate: Equatable & Sendable>: Equatable, Sendable {
    /// A request for `purpose`; the one it supersedes is cancelled.
    case request(Purpose, Request)
    /// Cancel the request in flight for `purpose`, if any.
    case cancel(Purpose)
    /// A line for the status bar.
    case message(TextWithKeys, StatusMessage.Level)
    case delegate(Delegate)
}

extension AppState {
    /// The context features read.
    public var context: Context {
        Context(now: now, settings: settings, viewport: viewport, requests: requests)
    }

    /// A request for `purpose`, cancelling the one it supersedes.
    mutating func issue(_ purpose: Purpose, _ request: Request) -> [Effect] {
        var effects: [Effect] = []
        if let old = requests[purpose] { effects.append(.cancel(old)) }
        let id = RequestID(purpose, nextSerial)
        nextSerial += 1
        requests[purpose] = id
        effects.append(.request(id, request))
        return effects
    }

    /// Cancels the request in flight for `purpose`, if any.
    mutating func cancel(_ purpose: Purpose) -> [Effect] {
        guard let current = requests.removeValue(forKey: purpose) else { return [] }
        return [.cancel(current)]
    }

    /// True (and the request forgotten) when `id` is the current request of its purpose.
    mutating func accept(_ id: RequestID) -> Bool {
        guard requests[id.purpose] == id else { return false }
        requests[id.purpose] = nil
        return true
    }

    /// Reduces a feature's `action` on its part of the state (`\.list`), with the context of now.
    mutating func reduce<Part, FeatureAction, Delegate>(_ part: WritableKeyPath<AppState, Part>,
                                                        _ reducer: (inout Part, FeatureAction, Context) -> [Output<Delegate>],
                                                        _ action: FeatureAction) -> [Output<Delegate>] {
        let context = self.context
        return reducer(&self[keyPath: part], action, context)
    }

    /// Carries out a feature's outputs: requests numbered, messages shown,
    /// each delegate handed to `delegate`. Returns the effects.
    mutating func absorb<Delegate>(_ outputs: [Output<Delegate>], _ delegate: (inout AppState, Delegate) -> [Effect]) -> [Effect] {
        var effects: [Effect] = []
        for output in outputs {
            switch output {
            case .request(let purpose, let request): effects += issue(purpose, request)
            case .cancel(let purpose): effects += cancel(purpose)
            case .message(let text, let level): message = StatusMessage(text, level, at: now)
            case .delegate(let value): effects += delegate(&self, value)
            }
        }
        return effects
    }
}
