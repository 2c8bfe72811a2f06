import Foundation
import LeadsStore
import Testing

/// The calendar and dashboard in a real terminal, as a salesperson over SSH
/// would use them; then `leadterm today` and the .ics export on the same data.
@Suite(.serialized) struct CalendarEndToEndTests {
    /// The agenda's appointment lines from their time range on (`09:00–09:30  Ana Souza …`), in screen
    /// order; beside the month grid too.
    static func items(_ lines: [String]) -> [String] {
        lines.compactMap { line in
            let characters = Array(line)
            guard characters.count >= 11 else { return nil }
            for start in 0...(characters.count - 11) {
                let candidate = characters[start..<start + 11]
                let pattern = Array("00:00–00:00")
                if zip(candidate, pattern).allSatisfy({ $1 == "0" ? $0.isNumber : $0 == $1 }) { return String(characters[start...]) }
            }
            return nil
        }
    }

    /// Moves the agenda's selection (from the top) to the line containing `text`.
    static func select(_ text: String, in tmux: TmuxSession) async throws {
        let lines = try await tmux.screen()
        guard let index = items(lines).firstIndex(where: { $0.contains(text) }) else {
            Issue.record("no agenda line with \(text):\n\(lines.joined(separator: "\n"))")
            throw CancellationError()
        }
        try await tmux.keys("g")
        for _ in 0..<index { try await tmux.keys("j") }
    }

    @Test func bookMoveFulfilDeleteAndTheDashboardAt100x30() async throws {
        let tmux = try TmuxSession()
        let app = try AppEndToEndTests.prepare(tmux)
        try await tmux.start("\(app); echo $? > \(tmux.scratch.path)/exit.partial; mv \(tmux.scratch.path)/exit.partial \(tmux.scratch.path)/exit; sleep 60", width: 100, height: 30)
        try await tmux.waitFor("the first page") { AppEndToEndTests.counter($0) != nil }

        // The four views and their periods.
        try await tmux.keys("2")
        var lines = try await tmux.waitFor(text: "· today")
        let todayItems = Self.items(lines)
        #expect(todayItems.contains { $0.contains("Ana Souza") })
        try await tmux.keys("w")
        lines = try await tmux.waitFor("the week") { $0[1].contains("Calendar · ") && $0[1].contains(" – ") }
        let thisWeek = lines[1]
        try await tmux.keys("]")
        try await tmux.waitFor("the next week") { $0[1].contains(" – ") && $0[1] != thisWeek }
        try await tmux.keys("[")
        try await tmux.waitFor("this week again") { $0[1] == thisWeek }
        try await tmux.keys("u")
        try await tmux.waitFor(text: "Calendar · Next 30 days")
        let zone = TimeZone.current
        let today = Day(Date(), in: zone)
        try await tmux.keys("m")
        try await tmux.waitFor(text: "Calendar · \(today.monthTitle)")

        // Book on a chosen day in the month view: two days on, in the evening (the seeded ones are in office hours).
        let chosen = today.adding(days: 2)
        try await tmux.keys("right", "right")
        try await tmux.waitFor(text: chosen.short)
        try await tmux.keys("a")
        try await tmux.waitFor(text: "New appointment")
        try await tmux.type("mia chen")
        try await tmux.waitFor(text: "▸ Mia Chen")
        try await tmux.keys("Tab", "C-u")
        try await tmux.type("\(chosen) 20:00")
        try await tmux.waitFor(text: "→ \(chosen.short) 20:00 – 20:30")
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Booked Mia Chen")
        try await tmux.waitFor("the booking in the agenda") { Self.items($0).contains { $0.contains("20:00–20:30") && $0.contains("Mia Chen") } }

        // An overlapping one: the service's message, the form kept.
        try await tmux.keys("a")
        try await tmux.waitFor(text: "New appointment")
        try await tmux.type("mia chen")
        try await tmux.keys("Tab", "C-u")
        try await tmux.type("\(chosen) 20:15")
        try await tmux.keys("C-s")
        lines = try await tmux.waitFor(text: "Appointment schedule exists for this time.")
        #expect(lines.contains { $0.contains("\(chosen) 20:15") })
        try await tmux.keys("Escape")
        try await tmux.waitFor(text: "Discard what you typed?")
        try await tmux.keys("y")
        try await tmux.waitFor("the form closed") { !$0.contains { $0.contains("New appointment") } }

        // Reschedule, mark fulfilled, delete.
        try await Self.select("Mia Chen", in: tmux)
        try await tmux.keys("e")
        try await tmux.waitFor(text: "Change appointment")
        try await tmux.keys("C-u")
        try await tmux.type("\(chosen) 21:00")
        try await tmux.keys("C-s")
        try await tmux.waitFor(text: "Changed Mia Chen")
        try await tmux.waitFor("the new time") { Self.items($0).contains { $0.contains("21:00–21:30") && $0.contains("Mia Chen") } }
        try await Self.select("Mia Chen", in: tmux)
        try await tmux.keys("f")
        try await tmux.waitFor("fulfilled") { Self.items($0).contains { $0.contains("Mia Chen") && $0.contains("fulfilled") } }
        try await Self.select("Mia Chen", in: tmux)
        try await tmux.keys("D")
        try await tmux.waitFor(text: "Delete the appointment with Mia Chen")
        try await tmux.keys("y")
        try await tmux.waitFor(text: "Deleted the appointment with Mia Chen")
        try await tmux.waitFor("gone from the agenda") { !Self.items($0).contains { $0.contains("Mia Chen") } }

        // Jump to a lead from its appointment.
        try await tmux.keys(".", "t")
        try await tmux.waitFor(text: "· today")
        try await Self.select("Ana Souza", in: tmux)
        try await tmux.keys("Enter")
        try await tmux.waitFor(text: "Intro call done: wants a demo")

        // The dashboard.
        try await tmux.keys("3")
        // Each count names its period (the week's days, the month's name), none cut.
        lines = try await tmux.waitFor("the totals") { $0.contains { $0.contains("Total leads") } && $0.contains { $0.contains("Appointments today") && $0.contains(" · week ") && !$0.contains("…") } }
        let totals = try #require(lines.first { $0.contains("Appointments today") })
        #expect(totals.contains("Appointments today \(todayItems.count) · week "), "\(totals) vs \(todayItems.count) today")
        #expect(lines.contains { $0.contains("Leads by status") } && lines.contains { $0.contains("Leads by source") })
        try await tmux.keys("q")
        _ = try await tmux.waitForFile("exit")
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        // `leadterm today` lists what the app's day view showed (the demo data is the same for the day).
        let cli = CommandRunner(sandbox: nil)
        let agenda = try await cli("today", "--demo")
        #expect(agenda.status == 0)
        for item in todayItems {
            let time = String(item.prefix(11))
            #expect(agenda.stdout.contains(time), "\(time) missing from:\n\(agenda.stdout)")
        }
        let ics = tmux.scratch.appendingPathComponent("today.ics")
        let export = try await cli("appointments", "export", "--demo", "--ics", ics.path, "--from", "\(today)", "--to", "\(today)")
        #expect(export.status == 0)
        let text = try String(contentsOf: ics, encoding: .utf8)
        #expect(text.components(separatedBy: "BEGIN:VEVENT").count - 1 == todayItems.count)
    }

    @Test func everyViewFitsAt80x24() async throws {
        let tmux = try TmuxSession()
        let app = try AppEndToEndTests.prepare(tmux)
        try await tmux.start("\(app); echo $? > \(tmux.scratch.path)/exit.partial; mv \(tmux.scratch.path)/exit.partial \(tmux.scratch.path)/exit; sleep 60", width: 80, height: 24)
        try await tmux.waitFor("the first page") { AppEndToEndTests.counter($0) != nil }
        try await tmux.keys("2")
        try await tmux.waitFor(text: "· today")
        for (key, expected) in [("w", " – "), ("m", "Mo   Tu   We"), ("u", "Next 30 days"), ("t", "· today")] {
            try await tmux.keys(key)
            let lines = try await tmux.waitFor(text: expected)
            #expect(lines.allSatisfy { $0.count <= 80 })
            let statusBar = lines.count >= 24 ? lines[23] : ""
            #expect(statusBar.contains("a book"), "\(key): \(statusBar)")
        }
        try await tmux.keys("3")
        try await tmux.waitFor(text: "Leads by status")
        try await tmux.keys("?")
        try await tmux.waitFor(text: "Calendar")
        try await tmux.keys("Escape", "q")
        _ = try await tmux.waitForFile("exit")
        #expect(tmux.fileText("exit")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }
}
