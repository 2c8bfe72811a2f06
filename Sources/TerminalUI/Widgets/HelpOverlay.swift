/// The help screen: every binding of the keymap in effect, grouped by
/// context, with each action's description. Generated from the keymap,
/// never a hand-written copy, so a user's remapping shows here at once.
public struct HelpOverlay: Sendable {
    public var keymap: Keymap
    /// Contexts to show, in order, with their headings.
    public var contexts: [(id: String, title: String)]
    /// Action id → one-line description.
    public var descriptions: [String: String]
    /// First row shown (the overlay scrolls).
    public var offset: Int
    /// The frame's title, naming the keys that scroll and close it.
    public var title: String

    public init(keymap: Keymap, contexts: [(id: String, title: String)], descriptions: [String: String], offset: Int = 0,
                title: String = "Help") {
        self.keymap = keymap; self.contexts = contexts; self.descriptions = descriptions; self.offset = offset; self.title = title
    }

    public enum Row: Hashable, Sendable {
        case heading(String)
        case binding(keys: String, action: String, description: String)
        case blank
    }

    /// The rows, each action once per context with all its keys (`j/down`).
    public var rows: [Row] {
        var rows: [Row] = []
        for (id, title) in contexts {
            var order: [String] = []
            var keys: [String: [String]] = [:]
            for binding in keymap.bindings(in: id) {
                if keys[binding.action] == nil { order.append(binding.action) }
                keys[binding.action, default: []].append(binding.keys.description)
            }
            guard !order.isEmpty else { continue }
            if !rows.isEmpty { rows.append(.blank) }
            rows.append(.heading(title))
            for action in order {
                rows.append(.binding(keys: keys[action]!.joined(separator: "/"), action: action, description: descriptions[action] ?? action))
            }
        }
        return rows
    }

    public func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let box = area.centered(width: min(area.width, 72), height: area.height)
        buffer.fill(box, style: theme["ui.dialog"])
        let inside = PaneFrame(title: title, isFocused: true).render(in: box, buffer: &buffer, theme: theme)
        let all = rows
        let start = max(0, min(offset, max(0, all.count - inside.height)))
        for (index, row) in all.dropFirst(start).prefix(inside.height).enumerated() {
            let y = inside.y + index
            switch row {
            case .heading(let title): buffer.putPadded(title, x: inside.x + 1, y: y, width: inside.width - 1, style: theme["ui.help.group"])
            case .binding(let keys, _, let description):
                buffer.putPadded(keys, x: inside.x + 2, y: y, width: 16, style: theme["ui.help.key"])
                buffer.putPadded(description, x: inside.x + 19, y: y, width: max(0, inside.width - 19), style: theme["ui.dialog"])
            case .blank: break
            }
        }
    }
}
