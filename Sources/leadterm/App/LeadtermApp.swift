import CTermGuard
import Foundation
import LeadsAPI
import LeadsStore
import LeadsUI
import TerminalUI

/// The full-screen app: the store's state, the effect runner on the
/// service, the screen, and the terminal's run loop.
///
/// One thread owns the state: keys and responses are reduced there, in
/// order. Responses arrive from the runner's tasks through `Inbox`, which
/// wakes the loop so an answer is drawn at once, not at the next tick.
final class LeadtermApp {
    private var state: AppState
    private var router: KeyRouter
    private let screen: Screen
    private let runner: EffectRunner
    private let inbox: Inbox
    private let drafts: DraftStore
    private let backend: any TerminalBackend
    private let clock: @Sendable () -> Date
    private var lastMinute = -1
    /// Something the screen shows changed since the last frame.
    private var isDirty = true
    /// A page of leads came in since memory was last given back.
    private var hasLoadedSinceTrim = false
    private(set) var timings = Timings()

    struct Timings {
        var start = Date()
        var firstFrameWithData: Date?
    }

    init(backend: any TerminalBackend, service: any LeadsService, settings: Settings, appearance: Appearance,
         drafts: DraftStore, clock: @escaping @Sendable () -> Date = { Date() }, wake: (@Sendable () -> Void)? = nil) {
        self.backend = backend
        self.clock = clock
        self.drafts = drafts
        let inbox = Inbox(wake: wake)
        self.inbox = inbox
        runner = EffectRunner(service: service) { action in inbox.post(action) }
        state = AppState(settings: settings, now: clock(), width: backend.size.width, height: backend.size.height)
        router = KeyRouter(keymap: appearance.keymap)
        screen = Screen(theme: appearance.theme, keymap: appearance.keymap, helpContexts: AppVocabulary.appContexts,
                        descriptions: AppVocabulary.descriptions)
        if let first = appearance.warnings.first {
            let more = appearance.warnings.count > 1 ? " (+\(appearance.warnings.count - 1) more, listed at exit)" : ""
            state.message = StatusMessage("\(first)\(more)", .error, at: state.now)
        }
    }

    var currentState: AppState { state }

    /// Starts the first requests (concurrently) and offers any saved draft.
    func start(drafts found: [Draft]) {
        timings.start = clock()
        _ = send(.started(drafts: found))
    }

    /// Reduces one action and carries out its effects; false when the app should quit.
    @discardableResult
    func send(_ action: Action) -> Bool {
        let effects = AppReducer.reduce(&state, action)
        // A tick changes what is shown only when it starts work (a pending delete, the
        // detail following the selection) or while the spinner turns.
        if case .ticked = action { isDirty = isDirty || !effects.isEmpty || state.isBusy } else { isDirty = true }
        if case .leadsPageLoaded = action { hasLoadedSinceTrim = true }
        var keepRunning = true
        for effect in runner.run(effects) {
            switch effect {
            case .saveDraft(let draft):
                do { try drafts.save(draft) } catch { Output.standardError("leadterm: could not save the draft: \(error)") }
            case .discardDraft(let id): drafts.discard(id: id)
            case .quit: keepRunning = false
            case .bell: backend.bell()
            case .request, .cancel: break
            }
        }
        return keepRunning
    }

    /// Applies responses that arrived; false when one of them ends the app.
    private func drainInbox() -> Bool {
        for action in inbox.take() where !send(action) { return false }
        return true
    }

    // MARK: The loop's three closures

    func render(_ buffer: inout Buffer) {
        if state.width != buffer.width || state.height != buffer.height {
            _ = send(.resized(width: buffer.width, height: buffer.height))
        }
        screen.render(state, into: &buffer, pendingKeys: router.pendingHint)
        isDirty = false
        if timings.firstFrameWithData == nil, state.list.isFirstPageLoaded { timings.firstFrameWithData = clock() }
    }

    /// A key: its actions, then any responses that came meanwhile. Nil quits.
    func handle(_ key: Key) -> Bool? {
        for action in router.actions(for: key, state: state) where !send(action) { return nil }
        guard drainInbox() else { return nil }
        return true
    }

    /// No key came: responses, the clock, a pending delete's deadline.
    func tick() -> Bool? {
        guard drainInbox() else { return nil }
        let now = clock()
        guard send(.ticked(now)) else { return nil }
        if hasLoadedSinceTrim, state.requests[.leadsPage] == nil {
            // Decoding a page leaves freed memory in the allocator's per-thread
            // arenas; give it back while nothing else happens.
            hasLoadedSinceTrim = false
            termguard_release_free_memory()
        }
        let minute = Int(now.timeIntervalSince1970 / 60)
        if minute != lastMinute { lastMinute = minute; isDirty = true }   // the clock in the title bar
        return isDirty
    }

    /// SIGHUP/SIGTERM: write what is being typed before the terminal goes.
    func hangUp() {
        _ = drainInbox()
        _ = send(.hungUp)
    }
}

/// Actions posted from the runner's tasks, taken by the loop's thread.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    private let wake: (@Sendable () -> Void)?

    init(wake: (@Sendable () -> Void)?) { self.wake = wake }

    func post(_ action: Action) {
        lock.lock()
        actions.append(action)
        lock.unlock()
        wake?()
    }

    func take() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        return taken
    }
}
