import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI

/// The outbox (issue 12, point 7): each change the service has not taken yet, in the
/// order it will be sent — when it was made, what it is, and how its last try went —
/// with the keys that open, send or discard the selected one.
struct OutboxView {
    var outbox: OutboxState
    var zone: TimeZone
    var hint: String

    /// One row's state: on its way, looked for first, why it did not go, or waiting.
    static func state(of entry: OutboxEntry, in outbox: OutboxState) -> String {
        if outbox.inFlight == entry.id { return outbox.isLooking ? "checking whether it arrived…" : "sending…" }
        if outbox.editing == entry.id { return "open in its form" }
        if entry.mayHaveArrived && entry.write.createsSomething { return "may have arrived: looked for before it is sent again" }
        return entry.lastProblem.map { "not sent: \($0)" } ?? "waiting"
    }

    func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let rows = max(1, outbox.entries.count * 2)
        let box = area.centered(width: min(area.width - 2, 100), height: min(max(3, area.height - 2), rows + 4))
        buffer.fill(box, style: theme["ui.dialog"])
        let counter = outbox.isEmpty ? nil : "\(outbox.count) to send"
        let inside = PaneFrame(title: "Outbox — changes waiting to be sent", isFocused: true, counter: counter)
            .render(in: box, buffer: &buffer, theme: theme)
        guard inside.height > 1 else { return }
        let listHeight = inside.height - 1
        buffer.putPadded(hint, x: inside.x + 1, y: inside.maxY - 1, width: inside.width - 1, style: theme["ui.hint"])
        guard !outbox.isEmpty else {
            buffer.putPadded("Nothing waits to be sent.", x: inside.x + 1, y: inside.y, width: inside.width - 1, style: theme["ui.text.dim"])
            return
        }
        // Two lines each: when and what; then how it stands. The selection stays in view.
        let perScreen = max(1, listHeight / 2)
        let first = max(0, min(outbox.selected - perScreen + 1, outbox.entries.count - perScreen))
        for (offset, entry) in outbox.entries.dropFirst(first).prefix(perScreen).enumerated() {
            let index = first + offset
            let y = inside.y + offset * 2
            let selected = index == outbox.selected
            let style = selected ? theme["ui.selection"] : theme["ui.text"]
            let when = AppReducer.clock(entry.madeAt, zone)
            buffer.putPadded("\(selected ? "▸" : " ")\(when)  \(entry.label)", x: inside.x, y: y, width: inside.width, style: style)
            if y + 1 < inside.y + listHeight {
                let stateStyle = entry.lastProblem != nil && outbox.inFlight != entry.id ? theme["status.warning"] : theme["ui.text.dim"]
                buffer.putPadded("        \(Self.state(of: entry, in: outbox))", x: inside.x, y: y + 1, width: inside.width,
                                 style: selected ? theme["ui.selection"] : stateStyle)
            }
        }
    }
}
