import Foundation
import LeadsAPI
import Synchronization

/// The side effects the runner cannot do itself, injected (tests fake them).
/// They are called on the thread that calls `run`: the loop's, which owns
/// the terminal.
public struct EffectHandlers {
    public var saveDraft: (Draft) -> Void
    public var discardDraft: (String) -> Void
    public var bell: () -> Void
    /// Puts text on the user's clipboard (the terminal's OSC 52).
    public var copy: (String) -> Void
    /// Runs the user's editor on the text and returns what it saved.
    public var editText: (String) -> Result<String, EditorProblem>
    /// Writes an export to a new file: its absolute path, or why not.
    public var writeExport: @Sendable (String, Data) -> Result<String, ExportProblem>
    /// Writes a saved view into settings.toml: nil when written, else why not.
    public var saveView: (SavedView) -> String?
    public var suspend: () -> Void
    public var redraw: () -> Void
    /// Stores a renewed token for the profile in use; nil when stored, else why not.
    public var storeToken: (String) -> String?
    /// Stores the outbox (replacing what was stored).
    public var saveOutbox: ([OutboxEntry]) -> Void

    public init(saveDraft: @escaping (Draft) -> Void = { _ in }, discardDraft: @escaping (String) -> Void = { _ in },
                bell: @escaping () -> Void = {}, copy: @escaping (String) -> Void = { _ in },
                editText: @escaping (String) -> Result<String, EditorProblem> = { _ in .failure(EditorProblem("no editor here")) },
                writeExport: @escaping @Sendable (String, Data) -> Result<String, ExportProblem> = ExportFile.writeNew,
                saveView: @escaping (SavedView) -> String? = { _ in "no settings file in this run" },
                suspend: @escaping () -> Void = {}, redraw: @escaping () -> Void = {},
                storeToken: @escaping (String) -> String? = { _ in "no profile to store it in" },
                saveOutbox: @escaping ([OutboxEntry]) -> Void = { _ in }) {
        self.saveDraft = saveDraft; self.discardDraft = discardDraft; self.bell = bell; self.copy = copy; self.editText = editText; self.writeExport = writeExport; self.saveView = saveView; self.suspend = suspend; self.redraw = redraw
        self.storeToken = storeToken; self.saveOutbox = saveOutbox
    }
}

/// Carries out every effect a reduction returns.
///
/// Requests and cancellations never touch the network on the caller's
/// thread: they are messages on a queue that a worker task reads, which
/// starts each request as a task of its own and cancels it when told to. So
/// the loop can never block in the network stack, whatever it does. Each
/// answer goes to `send` as `.responded(id, response)`, from the worker's
/// threads. Drafts, the bell, suspend and redraw go to the handlers.
public final class EffectRunner {
    private let handlers: EffectHandlers
    private let worker: RequestWorker
    private let send: @Sendable (Action) -> Void

    public init(service: any LeadsService, handlers: EffectHandlers = EffectHandlers(), send: @escaping @Sendable (Action) -> Void) {
        self.handlers = handlers
        self.send = send
        worker = RequestWorker(service: service, send: send)
    }

    deinit { worker.stop() }

    /// Carries out `effects` in order; false when one of them ends the app.
    @discardableResult
    public func run(_ effects: [Effect]) -> Bool {
        var keepRunning = true
        for effect in effects {
            switch effect {
            case .request(let id, let request): worker.post(.start(id, request))
            case .cancel(let id): worker.post(.cancel(id))
            case .saveDraft(let draft): handlers.saveDraft(draft)
            case .discardDraft(let id): handlers.discardDraft(id)
            case .bell: handlers.bell()
            case .copy(let text): handlers.copy(text)
            case .editText(let text): send(.editorFinished(handlers.editText(text)))
            case .writeExport(let path, let rows):
                // Tens of thousands of rows and a slow disk never hold a key: serialised and written on a thread of their own.
                let write = handlers.writeExport, send = self.send
                DispatchQueue.global(qos: .userInitiated).async { send(.exportWritten(write(path, rows.data()), what: rows.summary)) }
            case .saveView(let view): send(.viewSaved(view, problem: handlers.saveView(view)))
            case .suspend: handlers.suspend()
            case .redraw: handlers.redraw()
            case .storeToken(let token): send(.tokenStored(handlers.storeToken(token)))
            case .saveOutbox(let entries): handlers.saveOutbox(entries)
            case .quit: keepRunning = false
            }
        }
        return keepRunning
    }

    /// Requests started and not yet answered.
    public var runningCount: Int { worker.runningCount }

    /// Cancels every request still running; nothing more is started.
    public func stop() { worker.stop() }
}

/// The worker behind the runner's queue.
final class RequestWorker: Sendable {
    enum Message: Sendable {
        case start(RequestID, Request)
        case cancel(RequestID)
        case finished(RequestID)
    }

    private let queue: AsyncStream<Message>.Continuation
    private let running = Atomic<Int>(0)

    /// The worker task holds the worker until `stop()` ends its queue.
    init(service: any LeadsService, send: @escaping @Sendable (Action) -> Void) {
        let (messages, queue) = AsyncStream.makeStream(of: Message.self)
        self.queue = queue
        Task.detached { [self] in
            var tasks: [RequestID: Task<Void, Never>] = [:]
            for await message in messages {
                switch message {
                case .start(let id, let request):
                    running.add(1, ordering: .relaxed)
                    tasks[id] = Task {
                        let response = await RequestPerformer.perform(request, on: service)
                        queue.yield(.finished(id))
                        running.subtract(1, ordering: .relaxed)
                        send(.responded(id, response))
                    }
                case .cancel(let id):
                    tasks.removeValue(forKey: id)?.cancel()
                case .finished(let id):
                    tasks[id] = nil
                }
            }
            for task in tasks.values { task.cancel() }
        }
    }

    func post(_ message: Message) { queue.yield(message) }
    func stop() { queue.finish() }
    var runningCount: Int { running.load(ordering: .relaxed) }
}
