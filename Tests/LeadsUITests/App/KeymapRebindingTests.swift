import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import Testing
import TestSupport
@testable import LeadsUI

/// Keys only from the keymap: a user who rebinds a command reads the new key
/// in every hint, dialog and message, and the old key does nothing.
@Suite struct KeymapRebindingTests {
    /// The default keymap with save, yes, no, undo, redraw and back moved, as a user's keymap.toml would.
    static let user: (keymap: Keymap?, warnings: [ConfigWarning]) = {
        let user = """
        [global]
        esc = "none"
        "ctrl-g" = "app.back"
        "ctrl-l" = "none"
        "ctrl-r" = "app.redraw"
        [form]
        "ctrl-s" = "none"
        "ctrl-w" = "form.save"
        esc = "none"
        "ctrl-g" = "form.cancel"
        [dialog]
        y = "none"
        n = "none"
        esc = "none"
        j = "dialog.yes"
        k = "dialog.no"
        [pending]
        u = "none"
        z = "delete.undo"
        """
        let loaded = KeymapLoader.load(file: "keymap.toml", text: user, knownContexts: Set(Vocabulary.contexts.map(\.id)),
                                       knownActions: Set(Command.allCases.map(\.rawValue)))
        return (loaded.keymap, loaded.warnings)
    }()

    static var rebound: Keymap { ScreenSnapshotTests.keymap.merging(user.keymap ?? Keymap()) }

    @Test func everyHintDialogAndMessageShowsTheNewKeys() async {
        #expect(Self.user.warnings.isEmpty, "\(Self.user.warnings)")
        let service = FakeService()
        let app = HeadlessApp(service: service, keymap: Self.rebound, width: 100, height: 30)
        await app.waitFor(text: "First0 Last0")
        // A dialog: the new keys answer it, the old ones do nothing.
        app.press("D")
        await app.waitFor(text: "Delete lead First0 Last0?")
        #expect(app.screen.contains("j yes · k no"))
        #expect(app.lines[29].contains("j yes") && app.lines[29].contains("k no"))   // the status bar's hints
        app.press("y", "n", "esc")
        #expect(app.screen.contains("Delete lead First0 Last0?"))
        app.press("j")
        await app.waitFor(text: "Deleted First0 Last0 — z to undo")
        app.press("u")
        #expect(app.state.pending.waiting != nil)
        app.press("z")
        await app.waitFor(text: "Undone: First0 Last0 is not deleted.")

        // A form: its hint and a failed save name the new save and cancel keys.
        app.press("n")
        await app.waitFor(text: "ctrl-w save · enter new line · ctrl-g cancel")
        #expect(app.lines[29].contains("ctrl-w save") && app.lines[29].contains("ctrl-g cancel") && !app.lines[29].contains("ctrl-s"))
        app.type("Called back")
        service.failChanges()
        app.press("ctrl-s")
        #expect(!app.screen.contains("Saving…"))
        app.press("ctrl-w")
        await app.waitFor("the save refused") { app in
            if case .noteForm(let form) = app.state.topModal { return form.form.message?.description.contains("to retry") == true }
            return false
        }
        guard case .noteForm(let refused) = app.state.topModal, let message = refused.form.message else { Issue.record("no form"); return }
        #expect(app.app.screen.keys.text(message, in: app.state.keyScope.contexts)
                == "Not saved: Server error 503: busy, try again Your input is kept; ctrl-w to retry.")
        #expect(app.screen.contains("Not saved: Server error 503: busy, try again"))
        // Esc no longer cancels; ctrl-g does, and asks first: j/k.
        app.press("esc")
        #expect(app.state.modals.count == 1)
        app.press("ctrl-g")
        await app.waitFor(text: "Discard what you typed? j discards · k keeps editing")
        app.press("j")
        #expect(app.state.modals.isEmpty)

        // Redraw moved: ctrl-r repaints, ctrl-l does nothing.
        let before = app.backend.drawCount
        app.press("ctrl-l")
        #expect(app.backend.drawCount == before)
        app.press("ctrl-r")
        #expect(app.backend.drawCount == before + 1 && app.backend.lastChangedCells == 100 * 30)

        // Back moved: the filter bar closes on ctrl-g, not on esc.
        app.press("/")
        app.type("first1")
        app.press("esc")
        #expect(app.state.filterBar != nil)
        app.press("ctrl-g")
        #expect(app.state.filterBar == nil)
        // The palette lists the new keys.
        app.press(":")
        app.type("back")
        #expect(app.lines.contains { $0.contains("Back / cancel") && $0.contains("ctrl-g") })
        app.press("ctrl-g")
        #expect(app.state.modals.isEmpty)
    }

    @Test func emacsCtrlGClosesTheFilterBarAndThePalette() async {
        let emacs = KeymapLoader.load(file: "emacs.toml", text: (try? String(contentsOf: ScreenSnapshotTests.root.appendingPathComponent("keymaps/emacs.toml"),
                                                                               encoding: .utf8)) ?? "",
                                      knownContexts: Set(Vocabulary.contexts.map(\.id)), knownActions: Set(Command.allCases.map(\.rawValue)))
        #expect(emacs.warnings.isEmpty)
        let app = HeadlessApp(service: FakeService(), keymap: ScreenSnapshotTests.keymap.merging(emacs.keymap ?? Keymap()), width: 80, height: 24)
        await app.waitFor(text: "First0 Last0")
        app.press("/")
        app.type("first1")
        await app.waitFor(text: "matching")
        app.press("ctrl-g")
        #expect(app.state.filterBar == nil && app.state.list.text.isEmpty)
        app.press("alt-x")
        #expect(app.state.topModal == .palette(PaletteState()))
        app.press("ctrl-g")
        #expect(app.state.modals.isEmpty)
        // Emacs's two-key quit shows what may follow, then quits.
        app.press("ctrl-x")
        #expect(app.lines[23].contains("ctrl-x ctrl-c …"))
        app.press("ctrl-c")
        #expect(app.app.isFinished)
    }
}
