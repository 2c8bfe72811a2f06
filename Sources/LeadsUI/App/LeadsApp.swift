import Foundation
import LeadsAPI
import LeadsStore
import Synchronization
import TerminalUI

/// The full-screen app as the run loop drives it (the shape of bubbletea's
/// `Program`): everything that happens becomes actions through one `send`
/// on the loop's thread, which owns the state:
///
///     key    ─ KeyRouter (keymap) ─┐
///     paste ───────────────────────┤
///     size  ── ScreenLayout ───────┼─▶ send ─▶ AppReducer ─▶ effects ─▶ EffectRunner
///     tick  ───────────────────────┤                                     │ requests, cancels: a queue
///     answer ─ inbox (any thread) ─┘◀────────────────────────────────────┘ drafts, bell, suspend, redraw
///
/// `render` only draws the state and returns the frame's map, which the
/// mouse is resolved against. Answers come from the runner's tasks through
/// an inbox that wakes the loop, so a response is drawn at once.
public final class LeadsApp: TerminalProgram {
    public private(set) var state: AppState
    public let screen: Screen
    /// The last state the loop published and the draft's hand-over, for an
    /// exit from another thread when the loop is stuck.
    public let hangUpGuard: HangUpGuard
    private var router: KeyRouter
    private var runner: EffectRunner!
    private let inbox: Inbox
    private let clock: @Sendable () -> Date
    private var frame = FrameMap()
    private var isDirty = true
    public private(set) var isFinished = false
    private var lastMinute = -1
    /// A page of leads came in since memory was last given back.
    private var hasLoadedSinceTrim = false
    /// When the last `.ticked` was sent (wake-ups by answers within 90 ms of it send none).
    private var lastTickAt: Date?
    /// Drafts that could not be written, for the message at exit.
    public private(set) var draftProblems: [String] = []
    public private(set) var timings = Timings()
    private let log: (String) -> Void

    public struct Timings: Sendable {
        public var start = Date()
        public var firstFrameWithData: Date?
    }

    /// - Parameters:
    ///   - storeToken: stores a token renewed in the app for the profile; nil when stored, else why not.
    ///   - editor: runs the user's editor on a note's text (the terminal is given to it meanwhile).
    ///   - saveOutbox: stores what waits to be sent (the cache database), replacing what was stored.
    ///   - saveView: writes a saved view into settings.toml: nil when written, else why not.
    ///   - log: one line for `--log` (outbox sends and refusals); never a body.
    ///   - wake: wakes the loop when an answer arrives (called from any thread).
    public init(backend: any TerminalBackend, service: any LeadsService, state: AppState, keymap: Keymap, screen: Screen,
                drafts: DraftStore, clock: @escaping @Sendable () -> Date = { Date() },
                storeToken: @escaping (String) -> String? = { _ in "no profile to store it in (leadterm login --profile NAME stores one)" },
                editor: @escaping (String) -> Result<String, EditorProblem> = { _ in .failure(EditorProblem("no editor in this run")) },
                saveOutbox: @escaping ([OutboxEntry]) -> Void = { _ in },
                saveView: @escaping (SavedView) -> String? = { _ in "no settings file in this run" }, log: @escaping (String) -> Void = { _ in },
                wake: @escaping @Sendable () -> Void) {
        self.state = state
        self.log = log
        self.screen = screen
        self.clock = clock
        router = KeyRouter(keymap: keymap)
        let inbox = Inbox(wake: wake)
        self.inbox = inbox
        hangUpGuard = HangUpGuard(state: state, drafts: drafts)
        let handlers = EffectHandlers(
            saveDraft: { [weak self] draft in
                do { try drafts.save(draft) } catch { self?.draftProblems.append("could not save the draft: \(error)") }
            },
            discardDraft: { drafts.discard(id: $0) },
            bell: { backend.bell() },
            copy: { backend.copyToClipboard($0) },
            editText: { text in backend.runExternal { editor(text) } },
            saveView: saveView,
            suspend: { backend.suspend() },
            redraw: { backend.invalidate() },
            storeToken: storeToken,
            saveOutbox: saveOutbox)
        runner = EffectRunner(service: service, handlers: handlers) { inbox.post($0) }
    }

    /// Starts the first requests (together), shows what the cache kept meanwhile, and offers any saved draft.
    /// - Parameter outbox: the changes the last session could not send (sent now, in order).
    public func start(drafts found: [Draft], cached: CachedScreens? = nil, outbox: [OutboxEntry] = []) {
        timings.start = clock()
        send(.started(drafts: found))
        if let cached { send(.cached(cached)) }
        if !outbox.isEmpty { send(.outboxRestored(outbox)) }
    }

    /// Reduces one action and carries out its effects. On the loop's thread only.
    public func send(_ action: Action) {
        if case .responded(let id, let response) = action, id.purpose == .outbox, state.requests[.outbox] == id,
           let entry = state.outbox.entries.first(where: { $0.id == state.outbox.inFlight }) {
            log(Self.outboxLogLine(entry, response))
        }
        let effects = AppReducer.reduce(&state, action)
        // A tick changes what is shown only when it starts work or the spinner turns.
        if case .ticked = action { isDirty = isDirty || !effects.isEmpty || state.isBusy } else { isDirty = true }
        if case .responded(_, .leadsPage) = action { hasLoadedSinceTrim = true }
        if !runner.run(effects) { isFinished = true }
    }

    /// `outbox: note on ana-souza-1 (made 10:42): sent` — the kind of change and its lead, never its text.
    static func outboxLogLine(_ entry: OutboxEntry, _ response: Response) -> String {
        let what: String
        switch entry.write {
        case .createNote: what = "note"
        case .createAppointment: what = "booking"
        case .updateAppointment: what = "appointment change"
        case .deleteAppointment(let id): what = "appointment #\(id) delete"
        case .createLead: what = "new lead"
        case .updateLead: what = "lead change"
        case .deleteLead: what = "lead delete"
        case .deleteNote(let id): what = "note #\(id) delete"
        }
        let lead = entry.slug.map { " on \($0)" } ?? ""
        let outcome: String
        switch response {
        case .change(.success): outcome = "sent"
        case .found(.success(true)): outcome = "already there (its answer had been lost): not sent again"
        case .found(.success(false)): outcome = "not there: sending it"
        case .change(.failure(let error)), .found(.failure(let error)):
            outcome = error.isUnreachable ? "not sent, kept: \(error.logSummary)" : "refused: \(error.logSummary)"
        default: outcome = "answered"
        }
        return "outbox: \(what)\(lead): \(outcome)"
    }

    /// Hands actions to the loop from any thread (each reduced on the loop's thread at its next turn).
    public var poster: @Sendable (Action) -> Void {
        let inbox = inbox
        return { inbox.post($0) }
    }

    /// Stops the requests still running (the app is ending).
    public func stop() { runner.stop() }

    // MARK: TerminalProgram

    public func resized(width: Int, height: Int) {
        send(.resized(ScreenLayout.viewport(width: width, height: height)))
    }

    public func handle(_ event: TerminalEvent) {
        switch event {
        case .key(let key):
            for action in router.actions(for: key, state: state, frame: frame) { send(action) }
        case .paste(let text):
            send(.pasted(text))
        case .resize:
            break   // the loop reads the new size and calls `resized`
        }
    }

    public func receive() {
        for action in inbox.take() { send(action) }
        hangUpGuard.publish(state)
    }

    public func tick() {
        let now = clock()
        // The loop also ticks when an answer wakes it. Such a tick within 90 ms of the last is
        // no quiet moment: skipped (the answer is taken by `receive` next). So a page arriving
        // 10 ms after a key does not start the selection's rest, after which the detail would
        // follow 100 ms later — in the middle of the next keys (issue 13: 2.7 KB late).
        if inbox.hasPending, let last = lastTickAt, now.timeIntervalSince(last) < 0.09 { return }
        lastTickAt = now
        send(.ticked(now))
        if hasLoadedSinceTrim, state.requests[.leadsPage] == nil {
            // Decoding a page leaves freed memory behind; give it back while nothing else happens.
            hasLoadedSinceTrim = false
            ProcessMemory.releaseFree()
        }
        let minute = Int(now.timeIntervalSince1970 / 60)
        if minute != lastMinute { lastMinute = minute; isDirty = true }   // the clock in the title bar
    }

    public func hangUp(signal: Int32) {
        receive()
        guard hangUpGuard.take() else { return }
        send(.hungUp)
    }

    public func render(into buffer: inout Buffer) {
        frame = screen.render(state, into: &buffer)
        isDirty = false
        if timings.firstFrameWithData == nil, state.list.isFirstPageLoaded { timings.firstFrameWithData = clock() }
    }

    public var needsDraw: Bool { isDirty }

    /// Draws with `theme` from the next frame on (`theme = "auto"`: the terminal's answer came).
    public func use(_ theme: Theme) {
        guard theme.name != screen.theme.name else { return }
        screen.use(theme)
        isDirty = true
    }

    public var hasUnsavedInput: Bool { AppReducer.draft(of: state) != nil }
}

/// The hand-over of the hang-up draft between the loop and a thread that
/// exits for it: whoever takes it first writes the draft, once.
public final class HangUpGuard: Sendable {
    private let published: Mutex<AppState>
    private let isTaken = Atomic<Bool>(false)
    private let drafts: DraftStore

    init(state: AppState, drafts: DraftStore) {
        published = Mutex(state)
        self.drafts = drafts
    }

    /// The loop's latest state (after every batch of input and every wait).
    func publish(_ state: AppState) { published.withLock { $0 = state } }

    /// True for the first caller only.
    public func take() -> Bool { !isTaken.exchange(true, ordering: .acquiringAndReleasing) }

    /// Writes the draft of the last published state, unless the loop took it.
    /// From any thread: the state is a copy and the reducer is pure.
    public func saveDraftUnlessTaken() {
        guard take() else { return }
        var state = published.withLock { $0 }
        for case .saveDraft(let draft) in AppReducer.reduce(&state, .hungUp) { try? drafts.save(draft) }
    }
}

/// Actions posted from the runner's tasks, taken by the loop's thread.
final class Inbox: Sendable {
    private let actions = Mutex<[Action]>([])
    private let wake: @Sendable () -> Void

    init(wake: @escaping @Sendable () -> Void) { self.wake = wake }

    func post(_ action: Action) {
        actions.withLock { $0.append(action) }
        wake()
    }

    /// Answers wait to be taken.
    var hasPending: Bool { actions.withLock { !$0.isEmpty } }

    func take() -> [Action] {
        actions.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }
}
