import Foundation
@testable import leadterm
import TerminalUI
import Testing

/// The shipped themes and keymap, the compiled-in defaults, and user files.
@Suite struct AppearanceTests {
    static let root = ConfigLocator.builtFrom!

    func text(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    func locator(user files: [String: String] = [:], environment extra: [String: String] = [:]) throws -> ConfigLocator {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-config-\(UUID().uuidString)")
        for (path, content) in files {
            let url = home.appendingPathComponent("leadterm").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try content.write(to: url, atomically: true, encoding: .utf8)
        }
        return ConfigLocator(environment: ["XDG_CONFIG_HOME": home.path].merging(extra) { $1 },
                             executable: URL(fileURLWithPath: "/nonexistent/bin/leadterm"), sourceRoot: Self.root)
    }

    @Test(arguments: ["default", "light", "mono"])
    func everyShippedThemeLoadsWithoutWarnings(_ name: String) throws {
        let source = ThemeLoader.Source(file: "themes/\(name).toml", text: try text("themes/\(name).toml"))
        let result = ThemeLoader.load(source, knownRoles: AppVocabulary.roles, depth: .colors256) { parent in
            (try? self.text("themes/\(parent).toml")).map { ThemeLoader.Source(file: "themes/\(parent).toml", text: $0) }
        }
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.theme != nil)
    }

    @Test func theEmacsVariantRemapsOverTheDefault() throws {
        let appearance = Appearance.load(locator: try locator(environment: ["LEADTERM_KEYMAP": "emacs"]), depth: .colors256)
        #expect(appearance.warnings.isEmpty, "\(appearance.warnings)")
        let keys = appearance.keymap
        #expect(keys.action(for: KeySequence([.ctrl("n")]), in: "list") == "list.down")
        #expect(keys.action(for: KeySequence([.ctrl("v")]), in: "list") == "list.page.down")
        #expect(keys.action(for: KeySequence([.alt("v")]), in: "list") == "list.page.up")
        #expect(keys.action(for: KeySequence([.ctrl("x"), .ctrl("c")]), in: "global") == "app.quit")
        #expect(keys.action(for: KeySequence([.character("j")]), in: "list") == "list.down")   // the default's keys stay
        let unknown = Appearance.load(locator: try locator(environment: ["LEADTERM_KEYMAP": "vi-ish"]), depth: .colors256)
        #expect(unknown.warnings.map(\.description) == ["LEADTERM_KEYMAP:0: no keymap named \"vi-ish\"; using the default"])
    }

    @Test func theShippedKeymapLoadsWithoutWarnings() throws {
        let result = KeymapLoader.load(file: "keymaps/default.toml", text: try text("keymaps/default.toml"),
                                       knownContexts: Set(AppVocabulary.contexts.map(\.id)), knownActions: AppVocabulary.actionIDs)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let keymap = try #require(result.keymap)
        #expect(keymap.action(for: KeySequence([.character("?")]), in: "global") == "app.help")
        #expect(keymap.action(for: KeySequence([.ctrl("f")]), in: "list") == "list.page.down")
        #expect(keymap.action(for: KeySequence([.character("u")]), in: "pending") == "delete.undo")
    }

    @Test func theCompiledInDefaultsAreTheShippedFiles() throws {
        #expect(BuiltInDefaults.theme == (try text("themes/default.toml")))
        #expect(BuiltInDefaults.keymap == (try text("keymaps/default.toml")))
    }

    @Test func aUserKeymapOverridesOnlyWhatItNamesAndShowsInHelp() throws {
        let appearance = Appearance.load(locator: try locator(user: ["keymap.toml": "[list]\nj = \"none\"\nn = \"list.down\"\n"]), depth: .colors256)
        #expect(appearance.warnings.isEmpty)
        #expect(appearance.keymap.action(for: KeySequence([.character("j")]), in: "list") == nil)
        #expect(appearance.keymap.action(for: KeySequence([.character("n")]), in: "list") == "list.down")
        #expect(appearance.keymap.action(for: KeySequence([.character("k")]), in: "list") == "list.up")
        let rows = HelpOverlay(keymap: appearance.keymap, contexts: AppVocabulary.contexts, descriptions: AppVocabulary.descriptions).rows
        #expect(rows.contains(.binding(keys: "down/n", action: "list.down", description: "Down")))
    }

    @Test func aBrokenUserFileIsNamedWithItsLineAndTheDefaultsStay() throws {
        let appearance = Appearance.load(locator: try locator(
            user: ["keymap.toml": "[list]\nj = \"list.dwn\"\n", "themes/dusk.toml": "[styles]\n\"ui.txt\" = \"red\"\n"],
            environment: ["LEADTERM_THEME": "dusk"]), depth: .colors256)
        let messages = appearance.warnings.map(\.description)
        // The first problem of a file says the file is not used (the status bar shows only the first).
        #expect(messages.contains { $0.hasSuffix("leadterm/keymap.toml:2: keymap not used until fixed: unknown action \"list.dwn\"") })
        #expect(messages.contains { $0.hasSuffix("leadterm/themes/dusk.toml:2: theme not used until fixed: unknown role \"ui.txt\"") })
        #expect(appearance.keymap.action(for: KeySequence([.character("j")]), in: "list") == "list.down")
        #expect(appearance.theme.name == "default")
    }

    @Test func noColorMeansTheMonoTheme() throws {
        let appearance = Appearance.load(locator: try locator(environment: ["NO_COLOR": "1"]), depth: .colors256)
        #expect(appearance.theme.name == "mono")
        #expect(appearance.theme["ui.selection"] == Style(attributes: .reverse))
        #expect(appearance.warnings.isEmpty)
        let light = Appearance.load(locator: try locator(environment: ["LEADTERM_THEME": "light"]), depth: .colors256)
        #expect(light.theme.name == "light")
        #expect(light.theme["lead.status.prospect"] != Style())
    }

    /// Issue 14.7: with no theme chosen it is "auto": COLORFGBG's light background starts light,
    /// the terminal's answer picks light or default; a theme named anywhere wins.
    @Test func autoFollowsTheTerminalsBackgroundAndAChoiceWins() throws {
        let plain = Appearance.load(locator: try locator(environment: [:]), depth: .colors256)
        #expect(plain.isAutomatic && plain.theme.name == "default" && plain.warnings.isEmpty)
        #expect(plain.theme(for: .light).name == "light" && plain.theme(for: .dark).name == "default")
        let fgbg = Appearance.load(locator: try locator(environment: ["COLORFGBG": "0;15"]), depth: .colors256)
        #expect(fgbg.isAutomatic && fgbg.theme.name == "light")
        let configured = Appearance.load(locator: try locator(environment: ["COLORFGBG": "0;15"]), depth: .colors256, configuredTheme: "mono")
        #expect(!configured.isAutomatic && configured.theme.name == "mono")
        let chosen = Appearance.load(locator: try locator(environment: ["LEADTERM_THEME": "default"]), depth: .colors256, configuredTheme: "auto")
        #expect(!chosen.isAutomatic && chosen.theme.name == "default")
        #expect(!Appearance.load(locator: try locator(environment: ["NO_COLOR": "1"]), depth: .colors256).isAutomatic)
    }
}
