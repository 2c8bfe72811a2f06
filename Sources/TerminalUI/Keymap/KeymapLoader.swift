/// Reads `keymaps/*.toml`: one table per context, `"key" = "action.id"`.
///
///     [list]
///     j = "list.down"
///     "g g" = "list.top"
///     "ctrl-f" = "list.page.down"
///     x = "none"            # unbinds a default
///
/// Any problem — bad TOML, an unknown context, key or action, a key
/// terminals cannot send as itself (`ctrl-h` arrives as Backspace:
/// `Key.undeliverableReason`), one key bound
/// twice in a context (or both alone and as the start of a sequence) — is a
/// warning naming file and line, and the file is not used.
public enum KeymapLoader {
    public static func load(file: String, text: String, knownContexts: Set<String>,
                            knownActions: Set<String>) -> (keymap: Keymap?, warnings: [ConfigWarning]) {
        var warnings: [ConfigWarning] = []
        func warn(_ line: Int, _ message: String) { warnings.append(ConfigWarning(file: file, line: line, message: message)) }
        let tables: [TOMLTable]
        switch TOMLReader.read(text) {
        case .failure(let error): return (nil, [ConfigWarning(file: file, line: error.line, message: error.message)])
        case .success(let value): tables = value
        }
        for entry in tables[0].entries { warn(entry.line, "\"\(entry.key)\" is outside any [context] table") }
        var keymap = Keymap()
        for table in tables.dropFirst() {
            guard knownContexts.contains(table.name) else {
                warn(table.line, "unknown context [\(table.name)] (known: \(knownContexts.sorted().joined(separator: ", ")))")
                continue
            }
            var singles: [Key: Int] = [:], firsts: [Key: Int] = [:], seen: [KeySequence: Int] = [:]
            for entry in table.entries {
                if let reason = entry.key.split(separator: " ").lazy.compactMap({ Key.undeliverableReason(String($0)) }).first {
                    warn(entry.line, "\"\(entry.key)\" can never fire: \(reason)")
                    continue
                }
                guard let keys = KeySequence(description: entry.key) else {
                    warn(entry.line, "\"\(entry.key)\" is not a key (e.g. \"j\", \"ctrl-f\", \"shift-tab\", \"f1\", \"g g\")")
                    continue
                }
                guard let action = entry.value.string else { warn(entry.line, "the action for \"\(entry.key)\" must be a string"); continue }
                guard action == "none" || knownActions.contains(action) else { warn(entry.line, "unknown action \"\(action)\""); continue }
                if let earlier = seen[keys] {
                    warn(entry.line, "\"\(keys)\" is bound twice in [\(table.name)] (first on line \(earlier))")
                    continue
                }
                seen[keys] = entry.line
                let first = keys.keys[0]
                if keys.keys.count == 1 {
                    if let line = firsts[first] { warn(entry.line, "\"\(keys)\" is also the start of a sequence on line \(line)") }
                    singles[first] = entry.line
                } else {
                    if let line = singles[first] { warn(entry.line, "\"\(keys)\" starts with \"\(first)\", bound alone on line \(line)") }
                    firsts[first] = firsts[first] ?? entry.line
                }
                keymap.bind(keys, to: action, in: table.name)
            }
        }
        return warnings.isEmpty ? (keymap, []) : (nil, warnings)
    }
}
