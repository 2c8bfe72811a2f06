/// Styles for dotted semantic roles, resolved for one terminal.
///
/// A role that is not set falls back to its parent (`lead.status.customer`
/// → `lead.status` → `lead`), and finally to `ui.text`. On a terminal
/// without colours a role's `mono` attribute is used instead of its colours.
public struct Theme: Sendable {
    public struct RoleStyle: Hashable, Sendable {
        public var foreground: ColorLadder?
        public var background: ColorLadder?
        public var attributes: Attributes = []
        /// Used instead of colours on a mono terminal (the modifiers when empty).
        public var mono: Attributes = []

        public init(foreground: ColorLadder? = nil, background: ColorLadder? = nil, attributes: Attributes = [], mono: Attributes = []) {
            self.foreground = foreground; self.background = background; self.attributes = attributes; self.mono = mono
        }
    }

    public var name: String
    public var roles: [String: RoleStyle]
    public private(set) var depth: ColorDepth
    private var resolved: [String: Style] = [:]

    public init(name: String, roles: [String: RoleStyle], depth: ColorDepth) {
        self.name = name
        self.roles = roles
        self.depth = depth
        for role in roles.keys { resolved[role] = Self.resolve(roles[role]!, depth: depth, base: nil) }
    }

    /// The style of `role`, through its parents, to `ui.text`.
    public subscript(role: String) -> Style {
        var name = Substring(role)
        while true {
            if let style = resolved[String(name)] { return style }
            guard let dot = name.lastIndex(of: ".") else { break }
            name = name[..<dot]
        }
        return resolved["ui.text"] ?? .plain
    }

    /// The same theme for another colour depth.
    public func with(depth: ColorDepth) -> Theme { Theme(name: name, roles: roles, depth: depth) }

    static func resolve(_ role: RoleStyle, depth: ColorDepth, base: Style?) -> Style {
        // Without colours: the role's `mono` attributes, else its own modifiers.
        if depth == .mono { return Style(attributes: role.mono.isEmpty ? role.attributes : role.mono) }
        return Style(foreground: role.foreground?.resolve(depth) ?? .default,
                     background: role.background?.resolve(depth) ?? .default,
                     attributes: role.attributes)
    }
}

/// The roles the toolkit's widgets draw with. The app adds its own.
public enum ThemeRoles {
    public static let toolkit: Set<String> = [
        "ui", "ui.text", "ui.text.dim", "ui.background", "ui.title", "ui.selection", "ui.selection.unfocused",
        "ui.border", "ui.border.focused", "ui.header", "ui.placeholder", "ui.cursor", "ui.input", "ui.input.focused",
        "ui.label", "ui.help.key", "ui.help.group", "ui.tab", "ui.tab.active", "ui.dialog", "ui.dialog.title",
        "ui.hint", "ui.hint.key", "ui.spinner", "ui.chart.bar", "ui.calendar.today", "ui.calendar.selected",
        "ui.calendar.marker", "ui.calendar.weekend", "ui.calendar.outside",
        "status", "status.info", "status.warning", "status.error", "status.success",
        "data", "data.stale", "data.missing", "form.error", "form.error.summary",
    ]
}
