import Foundation
import LeadsAPI

/// A delete, or an appointment's status change, that waits for its undo
/// window to pass before it is sent (shown done meanwhile).
public struct PendingChange: Equatable, Sendable {
    public enum Target: Equatable, Sendable, Codable {
        case lead(slug: String)
        case note(id: Int, slug: String)
        case appointment(id: Int)
        /// An appointment marked `status` (the service's spelling: `fullfilled`).
        case appointmentStatus(id: Int, status: String)
    }

    public var target: Target
    /// What it is done to: "Ana Souza", "the note “Called, no answer…”",
    /// "First1 Last1 at Tue 24 Nov 15:00".
    public var label: String
    public var deadline: Date

    public init(target: Target, label: String, deadline: Date) { self.target = target; self.label = label; self.deadline = deadline }

    public var request: Request {
        switch target {
        case .lead(let slug): return .deleteLead(slug: slug)
        case .note(let id, _): return .deleteNote(id: id)
        case .appointment(let id): return .deleteAppointment(id: id)
        case .appointmentStatus(let id, let status): return .updateAppointment(AppointmentChanges(id: id, status: status))
        }
    }

    /// "fulfilled" for a status change (as people read it), nil for a delete.
    var status: String? {
        if case .appointmentStatus(_, let status) = target { return AppointmentStatus(lenient: status)?.displayName ?? status }
        return nil
    }

    /// While it waits: "Deleted Ana Souza", "Marked First1 Last1 at … fulfilled".
    public var done: String { status.map { "Marked \(label) \($0)" } ?? "Deleted \(label)" }
    /// While it is sent: "Deleting Ana Souza…".
    public var sendingText: String { status.map { "Marking \(label) \($0)…" } ?? "Deleting \(label)…" }
    /// What is sent before quitting: "the delete of Ana Souza", "First1 Last1 at … marked fulfilled".
    var whatIsSent: String { status.map { "\(label) marked \($0)" } ?? "the delete of \(label)" }
    var undone: String { status.map { "Undone: \(label) is not marked \($0)." } ?? "Undone: \(label) is not deleted." }
    func failed(_ error: APIError) -> String {
        status.map { "Could not mark \(label) \($0): \(error.message)" } ?? "Could not delete \(label): \(error.message)"
    }
}

/// The delete in its undo window, and those past it, sent one at a time in
/// the order they were confirmed (the first one is in flight).
public struct UndoQueue: Equatable, Sendable {
    public var waiting: PendingChange?
    public var sending: [PendingChange] = []
    public init() {}

    public var isEmpty: Bool { waiting == nil && sending.isEmpty }
}

/// Deletes and appointment status changes with an undo window: after the
/// key (and a delete's confirmation) nothing is sent for `undo_seconds`; undo
/// takes it back; a second one, or quitting, sends the waiting one at once.
/// The app shows it done meanwhile (rows hidden, the new status).
public enum UndoWindowFeature {
    public enum Action: Equatable, Sendable {
        case start(PendingChange.Target, label: String)
        case undo
        /// Send the waiting one now (quitting).
        case flush
        case ticked
        case finished(Result<Done, APIError>)
        /// The one being sent went to the outbox instead (the service cannot be reached): the next one goes.
        case queued
    }

    public enum Delegate: Equatable, Sendable {
        case undone(PendingChange.Target)
        case deleted(PendingChange.Target)
        case failed(PendingChange.Target)
    }

    public static func reduce(_ state: inout UndoQueue, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .start(let target, let label):
            let flushed = reduce(&state, .flush, context)
            state.waiting = PendingChange(target: target, label: label, deadline: context.now.addingTimeInterval(context.settings.undoSeconds))
            return flushed
        case .undo:
            guard let pending = state.waiting else { return [] }
            state.waiting = nil
            return [.message("\(pending.undone)", .success), .delegate(.undone(pending.target))]
        case .flush:
            guard let pending = state.waiting else { return [] }
            state.waiting = nil
            state.sending.append(pending)
            return state.sending.count == 1 ? [.request(.delete, pending.request)] : []
        case .ticked:
            guard let pending = state.waiting, context.now >= pending.deadline else { return [] }
            return reduce(&state, .flush, context)
        case .finished(let result):
            guard !state.sending.isEmpty else { return [] }
            let done = state.sending.removeFirst()
            var outputs: [Output<Delegate>]
            switch result {
            case .success:
                outputs = [.message("\(done.done).", .success), .delegate(.deleted(done.target))]
            case .failure(let error):
                outputs = [.message("\(done.failed(error))", .error), .delegate(.failed(done.target))]
            }
            if let next = state.sending.first { outputs.append(.request(.delete, next.request)) }
            return outputs
        case .queued:
            guard !state.sending.isEmpty else { return [] }
            state.sending.removeFirst()
            return state.sending.first.map { [.request(.delete, $0.request)] } ?? []
        }
    }
}
