import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import Testing
import TestSupport
@testable import LeadsUI

/// The whole app headless against the sandbox over real HTTP: one
/// salesperson's morning, keys in and frames out, no terminal.
@Suite struct LeadsAppTests {
    @Test func aSalespersonsMorning() async throws {
        try await SandboxHarness.with(leads: 60) { _, client in
            let settings = Settings(serverLabel: "demo", undoSeconds: 5, pageSize: 50, signedInUser: "demo", timeZone: SandboxHarness.utc)
            let app = HeadlessApp(service: client, width: 100, height: 30, settings: settings, now: SandboxHarness.now)

            // The first page, the title bar's counts, Ana Souza first.
            await app.waitFor("the first page and today's count") { $0.screen.contains("Ana Souza") && $0.lines[0].contains(" today") }
            #expect(app.lines[0].contains("demo") && app.lines[0].contains("owned"))
            #expect(app.lines.allSatisfy { DisplayWidth.of($0) <= 100 })

            // Her notes; a note added and seen.
            app.press("enter")
            await app.waitFor(text: "Intro call done: wants a demo")
            app.press("n")
            await app.waitFor(text: "Note on Ana Souza")
            app.type("Headless: asked for a trial")
            await app.waitFor(text: "27/499")
            app.press("ctrl-s")
            await app.waitFor(text: "Note added to Ana Souza.")
            await app.waitFor(text: "Headless: asked for a trial")
            app.press("esc")
            #expect(app.state.focus == .list && !app.state.isShowingDetail)

            // A filter: words filter the loaded leads as they are typed.
            app.press("/")
            app.type("mia")
            await app.waitFor(text: "1 of 1 matching")
            #expect(app.screen.contains("Mia Chen"))
            app.press("enter", "esc")
            await app.waitFor("the whole list") { !$0.screen.contains("matching") }

            // The calendar: today, a booking at 21:10 with the lead picked by name.
            app.press("2")
            await app.waitFor(text: "Calendar ·")
            app.press("t", "a")
            await app.waitFor(text: "New appointment")
            app.type("ana sou")
            await app.waitFor(text: "▸ Ana Souza")
            app.press("tab", "ctrl-u")
            app.type("today 21:10")
            await app.waitFor(text: "→ Tue 24 Nov 21:10 – 21:40")
            app.press("ctrl-s")
            await app.waitFor(text: "Booked Ana Souza Tue 24 Nov 21:10.")
            await app.waitFor(text: "21:10–21:40")

            // The overview, then back to the leads.
            app.press("3")
            await app.waitFor(text: "Total leads")
            await app.waitFor("today's appointments counted") { $0.screen.contains("today ") && !$0.screen.contains("today …") }
            app.press("1")

            // Delete a lead: the confirmation names it, the undo window, then it is gone.
            app.press("j", "D")
            await app.waitFor(text: "Delete lead")
            let name = app.state.list.selectedLead?.name ?? ""
            app.press("y")
            await app.waitFor(text: "— u to undo")
            app.advance(6)
            await app.waitFor(text: "Deleted \(name).")
            #expect(!app.state.list.rows.contains { $0.name == name })

            // Quit: nothing unsaved, nothing waiting.
            app.press("q")
            #expect(app.app.isFinished)
        }
    }

    @Test func anAnswerIsDrawnWithoutAKey() async throws {
        let service = FakeService()
        let app = HeadlessApp(service: service, width: 80, height: 24)
        await app.waitFor(text: "First0 Last0")
        #expect(app.lines[1].contains("1 of 120"))
    }

    /// An answer wakes the loop, which ticks: within 90 ms of the last tick that is no quiet
    /// moment, and no `.ticked` is sent (a page 10 ms after a key started the selection's rest).
    @Test func aWakeByAnAnswerSoonAfterATickIsNoTick() {
        let app = HeadlessApp(service: FakeService(), width: 80, height: 24)
        let start = app.clock.now
        app.app.tick()
        #expect(app.state.now == start)
        app.clock.advance(0.05)
        app.app.poster(.resized(ScreenLayout.viewport(width: 80, height: 24)))
        app.app.tick()
        #expect(app.state.now == start, "a tick 50 ms after the last, with an answer waiting")
        app.app.receive()
        app.clock.advance(0.05)
        app.app.poster(.resized(ScreenLayout.viewport(width: 80, height: 24)))
        app.app.tick()
        #expect(abs(app.state.now.timeIntervalSince(start) - 0.1) < 0.001, "100 ms after the last: a tick")
    }
}
