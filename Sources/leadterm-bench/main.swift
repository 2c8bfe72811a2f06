// Figures for the toolkit's performance goals (README, "Benchmarks"):
//   1. the time to draw one frame of a list of 100, 10,000 and 100,000 rows
//      at 80x24 and 200x60 through the test backend (render + diff);
//   2. the bytes the ncurses backend writes for one selection step, one
//      scroll step, and an idle redraw of an unchanged frame.
// Run: swift run -c release leadterm-bench
import Foundation
import Glibc
import TerminalUI

let theme = Theme(name: "bench", roles: [
    "ui.text": .init(foreground: ColorLadder(index: 252)),
    "ui.selection": .init(foreground: ColorLadder(index: 255), background: ColorLadder(index: 24)),
    "ui.header": .init(foreground: ColorLadder(index: 244), attributes: .bold),
    "lead.status.customer": .init(foreground: ColorLadder(index: 114)),
], depth: .colors256)

let names = ["Ana Souza", "山田 太郎", "김 민준", "Zoë Ångström", "Mia Chen 🌸", "Siobhán O'Brien", "François Lefèvre"]
let statuses = ["prospect", "contact", "tentative", "potential", "customer", "closed"]

func makeRows(_ count: Int) -> [[String]] {
    (0..<count).map { i in [names[i % names.count], statuses[i % statuses.count], "+1555\(1_000_000 + i)", "lead\(i)@example.com", "2026-11-\(10 + i % 18)"] }
}

func frame(_ rows: [[String]], _ state: ListState, width: Int, height: Int) -> Buffer {
    var buffer = Buffer(width: width, height: height)
    let inside = PaneFrame(title: "Leads", isFocused: true, counter: "\(state.selected + 1) of \(rows.count)").render(in: buffer.area, buffer: &buffer, theme: theme)
    TableWidget(columns: [.init("NAME", .min(16)), .init("STATUS", .fixed(10)), .init("PHONE", .fixed(13)), .init("EMAIL", .flex(1)), .init("ADDED", .fixed(10))],
                rowCount: rows.count, state: state, cell: { rows[$0][$1] },
                cellRole: { row, column in column == 1 && rows[row][1] == "customer" ? "lead.status.customer" : nil })
        .render(in: inside, buffer: &buffer, theme: theme)
    return buffer
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

print("Frame time: one key press (selection moves) → render + diff through the test backend")
print("rows      size     median µs   p95 µs")
let clock = ContinuousClock()
for count in [100, 10_000, 100_000] {
    let rows = makeRows(count)
    for (width, height) in [(80, 24), (200, 60)] {
        let backend = TestBackend(width: width, height: height)
        var state = ListState(selected: count / 2, offset: count / 2 - 5)
        var samples: [Double] = []
        for step in 0..<400 {
            state.move(by: step % 40 < 20 ? 1 : -1, count: count)
            state.keepSelectionVisible(height: height - 3, count: count)
            let elapsed = clock.measure { backend.draw(frame(rows, state, width: width, height: height)) }
            samples.append(Double(elapsed.components.attoseconds) / 1e12 + Double(elapsed.components.seconds) * 1e6)
        }
        print(String(format: "%-8d  %3dx%-3d  %9.1f  %8.1f", count, width, height, percentile(samples, 0.5), percentile(samples, 0.95)))
    }
}

print("")
print("Bytes the ncurses backend writes (TERM=xterm-256color, 80x24, 10,000 rows)")
let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-bench-\(getpid()).out").path
guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { fatalError("cannot open \(path)") }
let backend = try NcursesBackend(terminal: "xterm-256color", output: output, input: input, environment: ["TERM": "xterm-256color"])
backend.setSize(width: 80, height: 24)
let rows = makeRows(10_000)
var state = ListState(selected: 5, offset: 0)
func written(_ body: () -> Void) -> Int {
    fflush(output)
    let before = ftell(output)
    body()
    fflush(output)
    return ftell(output) - before
}
let first = written { backend.draw(frame(rows, state, width: 80, height: 24)) }
state.move(by: 1, count: rows.count)
let step = written { backend.draw(frame(rows, state, width: 80, height: 24)) }
state = ListState(selected: 20, offset: 0)
_ = written { backend.draw(frame(rows, state, width: 80, height: 24)) }
state.move(by: 1, count: rows.count)
state.keepSelectionVisible(height: 21, count: rows.count)
let scroll = written { backend.draw(frame(rows, state, width: 80, height: 24)) }
let idle = written { backend.draw(frame(rows, state, width: 80, height: 24)) }
backend.restore()
fclose(output)
unlink(path)
print("first frame (whole screen):           \(first) bytes")
print("one selection step (2 rows + counter): \(step) bytes")
print("one scroll step (list shifts a row):   \(scroll) bytes")
print("idle redraw of an unchanged frame:     \(idle) bytes")
