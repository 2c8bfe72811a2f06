import Foundation
import LeadsAPI

/// A delete that waits for its undo window to pass before it is sent.
public struct PendingDelete: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        case lead(slug: String)
        case note(id: Int, slug: String)
        case appointment(id: Int)
    }

    public var target: Target
    /// "Ana Souza", "the note “Called, no answer…”".
    public var label: String
    public var deadline: Date

    public init(target: Target, label: String, deadline: Date) { self.target = target; self.label = label; self.deadline = deadline }

    var request: Request {
        switch target {
        case .lead(let slug): return .deleteLead(slug: slug)
        case .note(let id, _): return .deleteNote(id: id)
        case .appointment(let id): return .deleteAppointment(id: id)
        }
    }
}

/// The delete in its undo window, and those past it, sent one at a time in
/// the order they were confirmed (the first one is in flight).
public struct DeleteQueue: Equatable, Sendable {
    public var waiting: PendingDelete?
    public var sending: [PendingDelete] = []
    public init() {}

    public var isEmpty: Bool { waiting == nil && sending.isEmpty }
}

/// Deletes with an undo window: after the confirmation nothing is sent for
/// `undo_seconds`; undo takes it back; a second delete, or quitting, sends
/// the waiting one at once. The app hides and shows the rows.
public enum PendingDeleteFeature {
    public enum Action: Equatable, Sendable {
        case start(PendingDelete.Target, label: String)
        case undo
        /// Send the waiting one now (quitting).
        case flush
        case ticked
        case finished(Result<Done, APIError>)
    }

    public enum Delegate: Equatable, Sendable {
        case undone(PendingDelete.Target)
        case deleted(PendingDelete.Target)
        case failed(PendingDelete.Target)
    }

    public static func reduce(_ state: inout DeleteQueue, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .start(let target, let label):
            let flushed = reduce(&state, .flush, context)
            state.waiting = PendingDelete(target: target, label: label, deadline: context.now.addingTimeInterval(context.settings.undoSeconds))
            return flushed
        case .undo:
            guard let pending = state.waiting else { return [] }
            state.waiting = nil
            return [.message("Undone: \(pending.label) is not deleted.", .success), .delegate(.undone(pending.target))]
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
                outputs = [.message("Deleted \(done.label).", .success), .delegate(.deleted(done.target))]
            case .failure(let error):
                outputs = [.message("Could not delete \(done.label): \(error.message)", .error), .delegate(.failed(done.target))]
            }
            if let next = state.sending.first { outputs.append(.request(.delete, next.request)) }
            return outputs
        }
    }
}
