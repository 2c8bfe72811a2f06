import Foundation
import LeadsAPI
import LeadsStore
import Testing
import TestSupport
@testable import LeadsUI

/// The hang-up draft is written once, by the loop or by the thread that exits
/// for a stuck loop, from the last state the loop published.
@Suite struct HangUpGuardTests {
    @Test func aStuckLoopsDraftComesFromItsLastPublishedState() async throws {
        let app = HeadlessApp(service: FakeService(), width: 80, height: 24)
        await app.waitFor(text: "First0 Last0")
        app.press("n")
        app.type("Typed before the loop stuck")
        // Another thread, as the signal watcher's deadline would.
        let guardian = app.app.hangUpGuard
        let done = DispatchSemaphore(value: 0)
        Thread { guardian.saveDraftUnlessTaken(); done.signal() }.start()
        #expect(done.wait(timeout: .now() + 5) == .success)
        let (drafts, problems) = app.drafts.load()
        #expect(problems.isEmpty)
        #expect(drafts.map(\.content) == [.note(slug: "lead-0", leadName: "First0 Last0", text: "Typed before the loop stuck")])
        // The loop comes back too late: it does not write it again.
        app.app.hangUp(signal: SIGHUP)
        #expect(app.drafts.load().drafts.count == 1)
        #expect(!guardian.take())
    }

    @Test func theLoopFirstAndTheGuardWritesNothing() async {
        let app = HeadlessApp(service: FakeService(), width: 80, height: 24)
        await app.waitFor(text: "First0 Last0")
        app.press("n")
        app.type("Saved by the loop")
        app.app.hangUp(signal: SIGTERM)
        #expect(app.drafts.load().drafts.count == 1)
        app.app.hangUpGuard.saveDraftUnlessTaken()
        #expect(app.drafts.load().drafts.count == 1)
    }
}
