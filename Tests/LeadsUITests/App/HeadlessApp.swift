import Foundation
import LeadsAPI
import Synchronization
import LeadsStore
import TerminalUI
import Testing
import TestSupport
@testable import LeadsUI

/// The whole app without a terminal: the keymap, the store, the effect
/// runner against a service, the screen — driven by the run loop's own
/// `step` on the test backend. Keys in (keymap notation), frames out.
final class HeadlessApp {
    let backend: TestBackend
    let app: LeadsApp
    let loop: TerminalUI.RunLoop
    let drafts: DraftStore
    /// The app's clock: the test moves it on (`advance`).
    let clock: TestClock
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-headless-\(UUID().uuidString)")

    init(service: any LeadsService, keymap: Keymap = ScreenSnapshotTests.keymap, width: Int = 100, height: Int = 30,
         settings: Settings = Fixtures.settings(), now: Date = Fixtures.now, drafts found: [Draft] = []) {
        backend = TestBackend(width: width, height: height)
        drafts = DraftStore(environment: ["XDG_STATE_HOME": scratch.path])
        let screen = Screen(theme: ScreenSnapshotTests.theme, keymap: keymap, helpContexts: Vocabulary.contexts,
                            descriptions: Vocabulary.descriptions)
        let state = AppState(settings: settings, now: now, viewport: ScreenLayout.viewport(width: width, height: height))
        let clock = TestClock(now)
        self.clock = clock
        app = LeadsApp(backend: backend, service: service, state: state, keymap: keymap, screen: screen, drafts: drafts,
                       clock: { clock.now }, wake: {})
        loop = TerminalUI.RunLoop(backend: backend)
        loop.tickInterval = 0
        app.start(drafts: found)
    }

    deinit {
        app.stop()
        try? FileManager.default.removeItem(at: scratch)
    }

    var state: AppState { app.state }
    var lines: [String] { backend.lines }
    var screen: String { lines.joined(separator: "\n") }

    /// Keys in keymap notation, one after another: `"j"`, `"ctrl-s"`, `"esc"`, `"g g"`.
    func press(_ keys: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        for description in keys {
            guard let sequence = KeySequence(description: description) else { Issue.record("no key “\(description)”", sourceLocation: sourceLocation); continue }
            backend.type(sequence.keys)
            turn()
        }
    }

    /// Text typed key by key.
    func type(_ text: String) {
        backend.type(text.map { .character($0) })
        turn()
    }

    func paste(_ text: String) {
        backend.events.append(.paste(text))
        turn()
    }

    /// Moves the app's clock on (the next tick sees it).
    func advance(_ seconds: Double) {
        clock.advance(seconds)
        turn()
    }

    /// Turns of the loop until the input waiting is taken, then one to draw
    /// it, and a frame of what arrived meanwhile.
    func turn() {
        var turns = 0
        while !backend.events.isEmpty, turns < 100 {
            _ = loop.step(app)
            turns += 1
        }
        _ = loop.step(app)
        if app.needsDraw { drawNow() }
    }

    /// A frame of the state as it is now (what arrived in the last turn included).
    func drawNow() { backend.draw(loop.frame(app.render, hasUnsavedInput: app.hasUnsavedInput)) }

    /// Turns the loop until `condition` holds (answers arrive from other threads).
    /// Sleeps by `Task.sleep`: the tests run on the same few threads as the app's requests.
    @discardableResult
    func waitFor(_ what: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation,
                 _ condition: (HeadlessApp) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            turn()
            if condition(self) {
                drawNow()
                return true
            }
            try? await Task.sleep(nanoseconds: 2_000_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(screen)", sourceLocation: sourceLocation)
        return false
    }

    /// Waits until some line shows `text`.
    @discardableResult
    func waitFor(text: String, seconds: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        await waitFor("“\(text)”", seconds: seconds, sourceLocation: sourceLocation) { $0.screen.contains(text) }
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date) { time = Mutex(start) }
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: Double) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}
