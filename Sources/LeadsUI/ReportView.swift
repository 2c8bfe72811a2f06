import LeadsStore
import TerminalUI

/// What a change to several leads could not do: one line (wrapped) a lead, with its reason;
/// scrolls when longer than the box.
struct ReportView {
    var report: BulkReport
    var hint: String

    func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let width = min(area.width - 2, 100)
        let wrapped = report.lines.dropFirst(report.offset).flatMap { line in
            TextArea.lines(of: "• " + line, width: max(1, width - 4)).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        let box = area.centered(width: width, height: min(max(3, area.height - 2), wrapped.count + 4))
        buffer.fill(box, style: theme["ui.dialog"])
        let counter = report.lines.count > 1 ? "\(min(report.offset + 1, report.lines.count)) of \(report.lines.count)" : nil
        let inside = PaneFrame(title: report.title, isFocused: true, counter: counter).render(in: box, buffer: &buffer, theme: theme)
        guard inside.height > 1 else { return }
        for (row, line) in wrapped.prefix(inside.height - 2).enumerated() {
            buffer.putPadded(line, x: inside.x + 1, y: inside.y + row, width: inside.width - 1, style: theme["ui.text"])
        }
        buffer.putPadded(hint, x: inside.x + 1, y: inside.maxY - 1, width: inside.width - 1, style: theme["ui.hint"])
    }
}
