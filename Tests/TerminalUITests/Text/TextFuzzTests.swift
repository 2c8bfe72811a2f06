import Foundation
import LeadsSandbox
import TestSupport
import Testing
@testable import TerminalUI

/// Seeded hostile text (combining marks, ZWJ, VS16, flags, skin tones, RTL and
/// bidi controls, C0/C1 controls, CR, very long words…) through every widget
/// at widths from 1 to 70: no trap, no control character in any cell, every
/// cell well formed, and nothing written outside the widget's rect (the
/// buffer around it is filled with a sentinel that must survive).
///
/// `swift test` runs 3,000 rounds; `scripts/fuzz` more, with `FUZZ_SEED`.
@Suite struct TextFuzzTests {
    static let theme = Theme(name: "fuzz", roles: [:], depth: .colors256)

    @Test func hostileTextThroughEveryWidget() async throws {
        let seed = Fuzz.seed(default: 102_026), rounds = Fuzz.steps("TEXT", default: 3_000)
        print("text fuzz: FUZZ_SEED=\(seed) FUZZ_TEXT_STEPS=\(rounds)")
        // On a low-priority thread of its own: the loop never holds the cooperative pool.
        let problem = try await onOwnThread(lowPriority: true) { Self.run(seed: seed, rounds: rounds) }
        if let problem { Issue.record(Comment(rawValue: problem)) }
    }

    static func run(seed: UInt64, rounds: Int) -> String? {
        var random = SplitMix64(seed: seed)
        for round in 0..<rounds {
            let texts = (0..<6).map { _ in Fuzz.text(using: &random, pieces: 10) }
            let width = Int.random(in: 1...70, using: &random), height = Int.random(in: 1...12, using: &random)
            for (name, draw) in widgets(texts, &random) {
                var buffer = Buffer(width: width + 4, height: height + 4)
                let sentinel = Cell("·", style: Style(attributes: .underline))
                for y in 0..<buffer.height { for x in 0..<buffer.width { buffer[x, y] = sentinel } }
                let rect = Rect(x: 2, y: 2, width: width, height: height)
                draw(rect, &buffer)
                for y in 0..<buffer.height {
                    for x in 0..<buffer.width where !rect.contains(x: x, y: y) && buffer[x, y] != sentinel {
                        return "FUZZ_SEED=\(seed) round \(round): \(name) wrote outside its \(width)x\(height) rect at \(x),\(y) with \(texts.map(\.debugDescription))"
                    }
                }
                if let problem = buffer.malformedCell {
                    return "FUZZ_SEED=\(seed) round \(round): \(name): \(problem) with \(texts.map(\.debugDescription))"
                }
            }
        }
        return nil
    }

    typealias Draw = (Rect, inout Buffer) -> Void

    static func widgets(_ t: [String], _ random: inout SplitMix64) -> [(String, Draw)] {
        let number = Int.random(in: -5...Int.max, using: &random)
        let cursor = Int.random(in: 0...max(0, t[0].count), using: &random)
        return [
            ("put", { rect, buffer in for row in 0..<rect.height { buffer.put(t[row % 6], x: rect.x, y: rect.y + row, maxWidth: rect.width) } }),
            ("putPadded", { rect, buffer in buffer.putPadded(t[1], x: rect.x, y: rect.y, width: rect.width, alignRight: number % 2 == 0) }),
            ("TextField", { rect, buffer in
                TextField(state: TextFieldState(characters: Array(t[0]), cursor: cursor), placeholder: t[1], isFocused: true).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("TextArea", { rect, buffer in
                TextArea(state: TextAreaState(characters: Array(t[0]), cursor: cursor), limit: 499, isFocused: true, placeholder: t[2]).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("TableWidget", { rect, buffer in
                TableWidget(columns: [.init(t[3], .min(4)), .init("S", .fixed(6)), .init("N", .flex(1), alignRight: true)], rowCount: 5,
                            state: ListState(selected: 2, offset: 1), cell: { row, column in t[(row + column) % 6] }).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("StatusBar", { rect, buffer in
                StatusBar(hints: [(key: t[4], label: t[5]), (key: "q", label: "quit")], message: (text: t[0], level: .error)).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("PaneFrame", { rect, buffer in _ = PaneFrame(title: t[1], isFocused: true, counter: t[2]).render(in: rect, buffer: &buffer, theme: theme) }),
            ("Tabs", { rect, buffer in Tabs(titles: [t[0], t[1], t[2]], active: 1).render(in: rect, buffer: &buffer, theme: theme) }),
            ("Form", { rect, buffer in
                Form(title: t[3], fields: [
                    .init(label: t[4], input: .line(TextFieldState(t[0]), masked: false), placeholder: t[1], error: t[2], note: t[5]),
                    .init(label: "Note", input: .area(TextAreaState(t[1]), limit: 200, rows: 3), error: t[3]),
                ], focus: 1, message: t[5], messageIsError: true).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("ConfirmDialog", { rect, buffer in ConfirmDialog(title: t[0], message: t[1], hint: t[2]).render(in: rect, buffer: &buffer, theme: theme) }),
            ("Toast", { rect, buffer in Toast(t[3], level: .warning).render(in: rect, buffer: &buffer, theme: theme) }),
            ("BarChart", { rect, buffer in
                BarChart(bars: [.init(label: t[0], value: number), .init(label: t[1], value: 3), .init(label: t[2], value: Int.max)]).render(in: rect, buffer: &buffer, theme: theme)
            }),
            ("MonthCalendar", { rect, buffer in
                MonthCalendar(year: 2026, month: 1 + abs(number % 12), today: (2026, 11, 30), selectedDay: 5, counts: [1: number, 28: 12])
                    .render(in: rect, buffer: &buffer, theme: theme)
            }),
        ]
    }
}
