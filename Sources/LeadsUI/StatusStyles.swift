import Foundation
import LeadsStore
import TerminalUI

/// Lead status styles: the colour the overview gives a status (`#28a745`,
/// `green`…) mapped to the terminal's depth, else the theme's
/// `lead.status.<status>` role. Kept until the overview's colours change.
struct StatusStyles {
    private(set) var colors: [String: String] = [:]
    private var styles: [String: Style] = [:]

    mutating func update(colors: [String: String], theme: Theme) {
        guard colors != self.colors else { return }
        self.colors = colors
        styles = [:]
        guard theme.depth != .mono else { return }
        for (status, text) in colors {
            let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
            let ladder: ColorLadder
            if let hex = Palette.parseHex(trimmed) {
                ladder = ColorLadder(hex: hex)
            } else if let base = Palette.baseNames[trimmed] {
                ladder = ColorLadder(base: base)
            } else {
                continue   // an unknown colour name: the theme's colour
            }
            guard let color = ladder.resolve(theme.depth) else { continue }
            var style = theme["lead.status.\(status)"]
            style.foreground = color
            styles[status] = style
        }
    }

    func style(for status: String, theme: Theme) -> Style {
        let key = status.lowercased()
        return styles[key] ?? theme["lead.status.\(key)"]
    }
}
