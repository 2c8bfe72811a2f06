/// Reads `themes/*.toml`.
///
///     name = "dusk"
///     inherits = "default"            # optional
///     [palette]
///     blue = { hex = "#61afef", index = 75, base = "blue" }   # or ["#61afef", 75, "blue"]
///     [styles]
///     "ui.text" = "fg"                                        # a colour: the foreground
///     "ui.selection" = { fg = "bg", bg = "blue", modifiers = ["bold"], mono = "reverse" }
///
/// A colour is a palette name, `#rrggbb`, a 256-colour index, a base name
/// (`red`, `bright-blue`, …) or `default`. Any problem — bad TOML, an
/// unknown role, colour or modifier, a role set twice, a bad `inherits` — is
/// a warning naming file and line, and the theme is not used (the caller
/// falls back to the built-in default): half a theme is worse than none.
public enum ThemeLoader {
    public struct Source: Sendable {
        public var file: String
        public var text: String
        public init(file: String, text: String) { self.file = file; self.text = text }
    }

    /// - Parameter find: the source of another theme by name, for `inherits`.
    public static func load(_ source: Source, knownRoles: Set<String>, depth: ColorDepth,
                            find: (String) -> Source? = { _ in nil }) -> (theme: Theme?, warnings: [ConfigWarning]) {
        var visited: Set<String> = []
        var warnings: [ConfigWarning] = []
        guard let parsed = parse(source, knownRoles: knownRoles, find: find, visited: &visited, warnings: &warnings) else {
            return (nil, warnings)
        }
        // Styles are resolved once, against the merged palette, so a child theme's
        // palette recolours the roles it inherits.
        var roles: [String: Theme.RoleStyle] = [:]
        for (role, entry) in parsed.styles {
            let warn = { (line: Int, message: String) in warnings.append(ConfigWarning(file: entry.file, line: line, message: message)) }
            if let style = roleStyle(entry.value, palette: parsed.palette, line: entry.line, warn: warn) { roles[role] = style }
        }
        guard warnings.isEmpty else { return (nil, warnings) }
        return (Theme(name: parsed.name, roles: roles, depth: depth), [])
    }

    struct Parsed {
        var name: String
        var palette: [String: ColorLadder]
        var styles: [String: (value: TOMLValue, line: Int, file: String)]
    }

    static func parse(_ source: Source, knownRoles: Set<String>, find: (String) -> Source?,
                      visited: inout Set<String>, warnings: inout [ConfigWarning]) -> Parsed? {
        let file = source.file
        func warn(_ line: Int, _ message: String) { warnings.append(ConfigWarning(file: file, line: line, message: message)) }
        let tables: [TOMLTable]
        switch TOMLReader.read(source.text) {
        case .failure(let error): warn(error.line, error.message); return nil
        case .success(let value): tables = value
        }
        visited.insert(file)
        var result = Parsed(name: file, palette: [:], styles: [:])
        for entry in tables[0].entries {
            switch (entry.key, entry.value) {
            case ("name", .string(let name)): result.name = name
            case ("inherits", .string(let parent)):
                guard let parentSource = find(parent) else { warn(entry.line, "inherits unknown theme \"\(parent)\""); continue }
                guard !visited.contains(parentSource.file) else { warn(entry.line, "inherits \"\(parent)\", which inherits this theme (a cycle)"); continue }
                if let inherited = parse(parentSource, knownRoles: knownRoles, find: find, visited: &visited, warnings: &warnings) {
                    result.palette = inherited.palette
                    result.styles = inherited.styles
                }
            case ("name", _), ("inherits", _): warn(entry.line, "\(entry.key) must be a string")
            default: warn(entry.line, "unknown setting \"\(entry.key)\" (expected name, inherits, [palette], [styles])")
            }
        }
        for table in tables.dropFirst() {
            switch table.name {
            case "palette":
                for entry in table.entries {
                    if let ladder = ladder(entry.value, line: entry.line, warn: warn) { result.palette[entry.key] = ladder }
                }
            case "styles":
                var seen: Set<String> = []
                for entry in table.entries {
                    if !seen.insert(entry.key).inserted { warn(entry.line, "role \"\(entry.key)\" is set twice"); continue }
                    guard knownRoles.contains(entry.key) else { warn(entry.line, "unknown role \"\(entry.key)\""); continue }
                    result.styles[entry.key] = (entry.value, entry.line, file)
                }
            default:
                warn(table.line, "unknown table [\(table.name)] (expected [palette] and [styles])")
            }
        }
        return result
    }

    static func ladder(_ value: TOMLValue, line: Int, warn: (Int, String) -> Void) -> ColorLadder? {
        var ladder = ColorLadder()
        func rung(_ value: TOMLValue) -> Bool {
            switch value {
            case .string(let text):
                if let hex = Palette.parseHex(text) { ladder.hex = (hex.0, hex.1, hex.2); return true }
                if let base = Palette.baseNames[text.lowercased()] { ladder.base = base; return true }
                if text == "default" { ladder.isDefault = true; return true }
                warn(line, "unknown colour \"\(text)\" (use #rrggbb, 0-255, a base name or default)")
            case .integer(let index):
                if (0...255).contains(index) { ladder.index = UInt8(index); return true }
                warn(line, "colour index \(index) is outside 0-255")
            default:
                warn(line, "a palette colour is a string, a number, a list or { hex, index, base }")
            }
            return false
        }
        switch value {
        case .array(let rungs): guard rungs.allSatisfy(rung) else { return nil }
        case .table(let entries):
            for entry in entries {
                guard ["hex", "index", "base"].contains(entry.key) else { warn(entry.line, "unknown colour field \"\(entry.key)\" (hex, index, base)"); return nil }
                guard rung(entry.value) else { return nil }
            }
        default: guard rung(value) else { return nil }
        }
        return ladder
    }

    static func roleStyle(_ value: TOMLValue, palette: [String: ColorLadder], line: Int, warn: (Int, String) -> Void) -> Theme.RoleStyle? {
        func color(_ value: TOMLValue, _ line: Int) -> ColorLadder? {
            if case .string(let name) = value, let named = palette[name] { return named }
            var problems: [String] = []
            let direct = ladder(value, line: line) { _, message in problems.append(message) }
            if direct == nil {
                if case .string(let name) = value { warn(line, "unknown colour \"\(name)\": not in [palette], not #rrggbb or a base name") } else { problems.forEach { warn(line, $0) } }
            }
            return direct
        }
        func attributes(_ value: TOMLValue, _ line: Int) -> Attributes? {
            let names: [TOMLValue]
            switch value {
            case .array(let items): names = items
            case .string: names = [value]
            default: warn(line, "modifiers are a list of names"); return nil
            }
            var result: Attributes = []
            for name in names {
                guard let text = name.string, let attribute = Attributes.names.first(where: { $0.0 == text })?.1 else {
                    warn(line, "unknown modifier \(name.string.map { "\"\($0)\"" } ?? "value") (bold, dim, italic, underline, reverse)")
                    return nil
                }
                result.insert(attribute)
            }
            return result
        }
        switch value {
        case .string, .integer:
            return color(value, line).map { Theme.RoleStyle(foreground: $0) }
        case .table(let entries):
            var style = Theme.RoleStyle()
            for entry in entries {
                switch entry.key {
                case "fg": guard let c = color(entry.value, entry.line) else { return nil }; style.foreground = c
                case "bg": guard let c = color(entry.value, entry.line) else { return nil }; style.background = c
                case "modifiers": guard let a = attributes(entry.value, entry.line) else { return nil }; style.attributes = a
                case "mono": guard let a = attributes(entry.value, entry.line) else { return nil }; style.mono = a
                default: warn(entry.line, "unknown style field \"\(entry.key)\" (fg, bg, modifiers, mono)"); return nil
                }
            }
            return style
        default:
            warn(line, "a style is a colour or { fg, bg, modifiers, mono }")
            return nil
        }
    }
}
