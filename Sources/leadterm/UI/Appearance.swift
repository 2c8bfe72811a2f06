import Foundation
import LeadsStore
import LeadsUI
import TerminalUI

/// What the app knows that the toolkit does not: its action ids (with the
/// one-line descriptions that feed help and the palette), keymap contexts,
/// and the theme roles of leads and appointments.
enum AppVocabulary {
    /// The app's commands (the store's `Command`), then the toolkit demo's.
    static let actions: [(id: String, description: String)] = Command.allCases.map { ($0.rawValue, $0.description) } + [
        ("demo.form", "Show the form (toolkit demo)"), ("demo.confirm", "Show a confirmation (toolkit demo)"),
        ("demo.toast", "Show a toast (toolkit demo)"),
    ]

    static let actionIDs = Set(actions.map(\.id))
    static let descriptions = Dictionary(actions.map { ($0.id, $0.description) }, uniquingKeysWith: { a, _ in a })

    static let contexts: [(id: String, title: String)] = Vocabulary.contexts + [("demo", "Toolkit demo")]

    /// The contexts the app's help shows (not the toolkit demo's).
    static let appContexts = Vocabulary.contexts

    static let roles = Vocabulary.roles
}

/// The theme and keymap in effect, and every problem found on the way.
struct Appearance {
    var theme: Theme
    var keymap: Keymap
    var warnings: [ConfigWarning]
    /// `theme = "auto"`: the terminal's background, once it answers, picks `light` or `default`.
    var isAutomatic = false
    var locator: ConfigLocator
    var depth: ColorDepth

    /// Theme: `LEADTERM_THEME` (a profile's `theme` is put there), else settings.toml's
    /// `[terminal] theme`, else "auto"; `NO_COLOR` → "mono". "auto" starts with `light` when
    /// `COLORFGBG` names a light background, else `default`; the terminal's own answer to OSC 11
    /// may change it (`isAutomatic`, `theme(for:)`).
    /// Keymap: the shipped default, then a variant named by `LEADTERM_KEYMAP`
    /// (e.g. `emacs`), then the user's `keymap.toml` over them.
    /// A file with any problem is skipped (with its warnings) for the built-in default;
    /// its first warning says so, since the status bar shows only the first.
    static func load(locator: ConfigLocator, depth: ColorDepth, configuredTheme: String? = nil) -> Appearance {
        var warnings: [ConfigWarning] = []
        func rejected(_ fileWarnings: [ConfigWarning], _ what: String) -> [ConfigWarning] {
            guard var first = fileWarnings.first else { return [] }
            first.message = "\(what) not used until fixed: \(first.message)"
            return [first] + fileWarnings.dropFirst()
        }
        let environment = locator.environment
        var wanted = environment["NO_COLOR"].map { !$0.isEmpty } == true ? "mono" : (environment["LEADTERM_THEME"] ?? configuredTheme ?? "auto")
        let isAutomatic = wanted == "auto"
        if isAutomatic { wanted = TerminalBackground.fromColorFGBG(environment["COLORFGBG"]) == .light ? "light" : "default" }
        let theme = Self.theme(named: wanted, locator: locator, depth: depth, warnings: &warnings)
        func keymap(file: String, text: String) -> Keymap? {
            let loaded = KeymapLoader.load(file: file, text: text, knownContexts: Set(AppVocabulary.contexts.map(\.id)),
                                           knownActions: AppVocabulary.actionIDs)
            warnings += loaded.keymap == nil ? rejected(loaded.warnings, "keymap") : loaded.warnings
            return loaded.keymap
        }
        var keys = keymap(file: "built-in default keymap", text: BuiltInDefaults.keymap) ?? Keymap()
        if let shipped = locator.shipped("keymaps", "default.toml"), case .success(let text) = ConfigLocator.read(shipped),
           text != BuiltInDefaults.keymap, let shippedKeys = keymap(file: shipped.path, text: text) {
            keys = shippedKeys
        }
        // A named variant over the default: LEADTERM_KEYMAP=emacs (a user's keymaps/<name>.toml, else a shipped one).
        if let name = environment["LEADTERM_KEYMAP"], !name.isEmpty, name != "default" {
            if !name.contains("/"), let url = locator.user("keymaps/\(name).toml") ?? locator.shipped("keymaps", "\(name).toml") {
                switch ConfigLocator.read(url) {
                case .success(let text): if let variant = keymap(file: url.path, text: text) { keys = keys.merging(variant) }
                case .failure(let warning): warnings.append(warning)
                }
            } else {
                warnings.append(ConfigWarning(file: "LEADTERM_KEYMAP", line: 0, message: "no keymap named \"\(name)\"; using the default"))
            }
        }
        if let user = locator.user("keymap.toml") {
            switch ConfigLocator.read(user) {
            case .success(let text): if let overrides = keymap(file: user.path, text: text) { keys = keys.merging(overrides) }
            case .failure(let warning): warnings.append(warning)
            }
        }
        return Appearance(theme: theme, keymap: keys, warnings: warnings, isAutomatic: isAutomatic, locator: locator, depth: depth)
    }

    /// The theme `theme = "auto"` takes for `background`: `light` or `default`.
    func theme(for background: TerminalBackground) -> Theme {
        var ignored: [ConfigWarning] = []
        return Self.theme(named: background == .light ? "light" : "default", locator: locator, depth: depth, warnings: &ignored)
    }

    /// The theme named `wanted`: a user's `themes/NAME.toml`, else a shipped one, else (with a
    /// warning) the built-in default.
    static func theme(named wanted: String, locator: ConfigLocator, depth: ColorDepth, warnings: inout [ConfigWarning]) -> Theme {
        func rejected(_ fileWarnings: [ConfigWarning]) -> [ConfigWarning] {
            guard var first = fileWarnings.first else { return [] }
            first.message = "theme not used until fixed: \(first.message)"
            return [first] + fileWarnings.dropFirst()
        }
        var found: [ConfigWarning] = []
        func themeSource(_ name: String) -> ThemeLoader.Source? {
            guard !name.contains("/"), let url = locator.user("themes/\(name).toml") ?? locator.shipped("themes", "\(name).toml") else { return nil }
            switch ConfigLocator.read(url) {
            case .success(let text): return ThemeLoader.Source(file: url.path, text: text)
            case .failure(let warning): found.append(warning); return nil
            }
        }
        let builtIn = ThemeLoader.load(ThemeLoader.Source(file: "built-in default theme", text: BuiltInDefaults.theme),
                                       knownRoles: AppVocabulary.roles, depth: depth).theme
            ?? Theme(name: "plain", roles: [:], depth: depth)
        var theme = builtIn
        // The shipped default is the built-in text (a test keeps them equal): parsed once, not twice.
        if let source = themeSource(wanted), source.text != BuiltInDefaults.theme || wanted != "default" {
            let loaded = ThemeLoader.load(source, knownRoles: AppVocabulary.roles, depth: depth, find: themeSource)
            found += loaded.theme == nil ? rejected(loaded.warnings) : loaded.warnings
            if let loadedTheme = loaded.theme { theme = loadedTheme }
        } else if wanted != "default" {
            found.append(ConfigWarning(file: "LEADTERM_THEME", line: 0, message: "no theme named \"\(wanted)\"; using the default"))
        }
        if wanted == "mono" { theme = theme.with(depth: .mono) }
        warnings += found
        return theme
    }
}
