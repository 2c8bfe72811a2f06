import Foundation
import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    static let roles = ThemeRoles.toolkit.union(["lead", "lead.status", "lead.status.customer"])

    func load(_ text: String, depth: ColorDepth = .colors256, find: (String) -> ThemeLoader.Source? = { _ in nil }) -> (Theme?, [String]) {
        let result = ThemeLoader.load(.init(file: "t.toml", text: text), knownRoles: Self.roles, depth: depth, find: find)
        return (result.theme, result.warnings.map(\.description))
    }

    @Test func ladderPicksTheBestRungPerTerminal() throws {
        let text = """
        [palette]
        blue = { hex = "#61afef", index = 75, base = "bright-blue" }
        hexOnly = "#ff0000"
        [styles]
        "ui.text" = "blue"
        "ui.selection" = { fg = "hexOnly", bg = "blue", modifiers = ["bold"], mono = ["reverse"] }
        """
        let (theme, warnings) = load(text)
        #expect(warnings.isEmpty)
        let t = try #require(theme)
        #expect(t["ui.text"].foreground == .index(75))
        #expect(t["ui.selection"].foreground == .index(196))
        #expect(t["ui.selection"].attributes == .bold)
        #expect(t.with(depth: .colors16)["ui.text"].foreground == .index(12))
        #expect(t.with(depth: .colors8)["ui.text"].foreground == .index(4))
        #expect(t.with(depth: .colors16)["ui.selection"].foreground == .index(9))
        let mono = t.with(depth: .mono)
        #expect(mono["ui.selection"] == Style(attributes: .reverse))
        #expect(mono["ui.text"] == Style())
    }

    @Test func missingRolesFallBackToTheirParentsThenUIText() throws {
        let (theme, _) = load("""
        [styles]
        "ui.text" = 7
        "lead.status" = "green"
        """)
        let t = try #require(theme)
        #expect(t["lead.status.customer"].foreground == .index(2))
        #expect(t["lead.status.anything"].foreground == .index(2))
        #expect(t["status.error"].foreground == .index(7))
    }

    @Test func inheritsAnotherTheme() throws {
        let parent = ThemeLoader.Source(file: "parent.toml", text: """
        [palette]
        fg = 250
        [styles]
        "ui.text" = "fg"
        "ui.border" = "red"
        """)
        let (theme, warnings) = load("""
        inherits = "parent"
        [palette]
        fg = 16
        [styles]
        "ui.text" = "fg"
        """, find: { $0 == "parent" ? parent : nil })
        #expect(warnings.isEmpty)
        let t = try #require(theme)
        #expect(t["ui.text"].foreground == .index(16))
        #expect(t["ui.border"].foreground == .index(1))
    }

    @Test func aChildPaletteRecoloursInheritedRoles() throws {
        let parent = ThemeLoader.Source(file: "parent.toml", text: "[palette]\ndim = 244\n[styles]\n\"ui.header\" = \"dim\"")
        let (theme, warnings) = load("inherits = \"parent\"\n[palette]\ndim = 243", find: { $0 == "parent" ? parent : nil })
        #expect(warnings.isEmpty)
        #expect(try #require(theme)["ui.header"].foreground == .index(243))
    }

    @Test(arguments: [
        ("[styles]\n\"ui.txt\" = \"red\"", "t.toml:2: unknown role \"ui.txt\""),
        ("[styles]\n\"ui.text\" = \"reddish\"", "t.toml:2: unknown colour \"reddish\": not in [palette], not #rrggbb or a base name"),
        ("[styles]\n\"ui.text\" = { fg = \"red\", modifiers = [\"blink\"] }", "t.toml:2: unknown modifier \"blink\" (bold, dim, italic, underline, reverse)"),
        ("[styles]\n\"ui.text\" = \"red\"\n\"ui.text\" = \"blue\"", "t.toml:3: role \"ui.text\" is set twice"),
        ("[palette]\nx = 300", "t.toml:2: colour index 300 is outside 0-255"),
        ("[palette]\nx = \"#12345\"", "t.toml:2: unknown colour \"#12345\" (use #rrggbb, 0-255, a base name or default)"),
        ("inherits = \"nope\"", "t.toml:1: inherits unknown theme \"nope\""),
        ("[colours]", "t.toml:1: unknown table [colours] (expected [palette] and [styles])"),
        ("[styles\n", "t.toml:1: expected ] after table name"),
        ("[styles]\n\"ui.text\" = { fg = \"red\", size = 3 }", "t.toml:2: unknown style field \"size\" (fg, bg, modifiers, mono)"),
    ])
    func everyKindOfMalformedThemeIsNamedAndRejected(_ text: String, _ expected: String) {
        let (theme, warnings) = load(text)
        #expect(theme == nil)
        #expect(warnings.first == expected)
    }

    @Test func anInheritanceCycleIsAWarning() {
        let a = ThemeLoader.Source(file: "a.toml", text: "inherits = \"b\"")
        let b = ThemeLoader.Source(file: "b.toml", text: "inherits = \"a\"")
        let result = ThemeLoader.load(a, knownRoles: Self.roles, depth: .colors256, find: { $0 == "a" ? a : b })
        #expect(result.theme == nil)
        #expect(result.warnings.map(\.description) == ["b.toml:1: inherits \"a\", which inherits this theme (a cycle)"])
    }

    @Test func colorDepthFromTheTerminalAndNO_COLOR() {
        #expect(ColorDepth.detect(colors: 256, environment: [:]) == .colors256)
        #expect(ColorDepth.detect(colors: 8, environment: [:]) == .colors8)
        #expect(ColorDepth.detect(colors: 0, environment: [:]) == .mono)
        #expect(ColorDepth.detect(colors: 256, environment: ["NO_COLOR": "1"]) == .mono)
    }
}

@Suite struct KeymapTests {
    static let contexts: Set<String> = ["global", "list", "form"]
    static let actions: Set<String> = ["app.quit", "list.down", "list.top", "list.bottom", "form.save"]

    func load(_ text: String) -> (Keymap?, [String]) {
        let result = KeymapLoader.load(file: "k.toml", text: text, knownContexts: Self.contexts, knownActions: Self.actions)
        return (result.keymap, result.warnings.map(\.description))
    }

    @Test func userKeymapOverridesOnlyWhatItNames() throws {
        let (base, baseWarnings) = load("""
        [global]
        q = "app.quit"
        [list]
        j = "list.down"
        down = "list.down"
        "g g" = "list.top"
        """)
        #expect(baseWarnings.isEmpty)
        let (user, userWarnings) = load("""
        [list]
        j = "none"
        n = "list.down"
        "g g" = "list.bottom"
        """)
        #expect(userWarnings.isEmpty)
        let merged = try #require(base).merging(try #require(user))
        #expect(merged.action(for: KeySequence([.character("j")]), in: "list") == nil)
        #expect(merged.action(for: KeySequence([.character("n")]), in: "list") == "list.down")
        #expect(merged.action(for: KeySequence([.down]), in: "list") == "list.down")
        #expect(merged.action(for: try #require(KeySequence(description: "g g")), in: "list") == "list.bottom")
        #expect(merged.action(for: KeySequence([.character("q")]), in: "global") == "app.quit")
        #expect(merged.keys(for: "list.down", stack: ["global", "list"]).map(\.description) == ["down", "n"])
    }

    @Test(arguments: [
        ("[lists]\nj = \"list.down\"", "k.toml:1: unknown context [lists] (known: form, global, list)"),
        ("[list]\njj = \"list.down\"", "k.toml:2: \"jj\" is not a key (e.g. \"j\", \"ctrl-f\", \"shift-tab\", \"f1\", \"g g\")"),
        ("[list]\nj = \"list.dwn\"", "k.toml:2: unknown action \"list.dwn\""),
        ("[list]\nj = \"list.down\"\nj = \"list.top\"", "k.toml:3: \"j\" is bound twice in [list] (first on line 2)"),
        ("[list]\ng = \"list.top\"\n\"g g\" = \"list.top\"", "k.toml:3: \"g g\" starts with \"g\", bound alone on line 2"),
        ("[list]\nj = 3", "k.toml:2: the action for \"j\" must be a string"),
        ("j = \"list.down\"", "k.toml:1: \"j\" is outside any [context] table"),
        ("[list\n", "k.toml:1: expected ] after table name"),
        // Keys terminals cannot send as themselves are named at load, with the reason.
        ("[list]\n\"ctrl-h\" = \"list.top\"", "k.toml:2: \"ctrl-h\" can never fire: terminals send ctrl-h as backspace: bind \"backspace\" (or another key) instead"),
        ("[list]\n\"ctrl-i\" = \"list.top\"", "k.toml:2: \"ctrl-i\" can never fire: terminals send ctrl-i as tab: bind \"tab\" (or another key) instead"),
        ("[list]\n\"ctrl-m\" = \"list.top\"", "k.toml:2: \"ctrl-m\" can never fire: terminals send ctrl-m as enter: bind \"enter\" (or another key) instead"),
        ("[list]\n\"ctrl-j\" = \"list.top\"", "k.toml:2: \"ctrl-j\" can never fire: terminals send ctrl-j as a newline, read as enter: bind another key"),
        ("[list]\n\"ctrl-[\" = \"list.top\"", "k.toml:2: \"ctrl-[\" can never fire: terminals send ctrl-[ as esc: bind \"esc\" (or another key) instead"),
        ("[list]\n\"ctrl-space\" = \"list.top\"", "k.toml:2: \"ctrl-space\" can never fire: terminals send ctrl-space as a NUL byte, which arrives as no key: bind another key"),
        ("[list]\n\"g ctrl-h\" = \"list.top\"", "k.toml:2: \"g ctrl-h\" can never fire: terminals send ctrl-h as backspace: bind \"backspace\" (or another key) instead"),
    ])
    func everyKindOfMalformedKeymapIsNamedAndRejected(_ text: String, _ expected: String) {
        let (keymap, warnings) = load(text)
        #expect(keymap == nil)
        #expect(warnings.first == expected)
    }

    /// CRLF files (Windows editors) and a lone CR: the same keymap as with LF.
    /// Before, a CRLF keymap starting with a comment read as one long comment.
    @Test(arguments: ["\r\n", "\r"])
    func lineBreaksOfEveryKindEndLines(_ newline: String) throws {
        let text = ["# my keys", "[list]", "j = \"list.down\"   # down", "\"g g\" = \"list.top\"", "", "[global]", "q = \"app.quit\""].joined(separator: newline)
        let (keymap, warnings) = load(text)
        #expect(warnings.isEmpty)
        let map = try #require(keymap)
        #expect(map.action(for: KeySequence([.character("j")]), in: "list") == "list.down")
        #expect(map.action(for: try #require(KeySequence(description: "g g")), in: "list") == "list.top")
        #expect(map.action(for: KeySequence([.character("q")]), in: "global") == "app.quit")
        // And a problem is still named on its own line.
        let (_, bad) = load(["# c", "[list]", "j = \"list.dwn\""].joined(separator: newline))
        #expect(bad == ["k.toml:3: unknown action \"list.dwn\""])
    }
}
