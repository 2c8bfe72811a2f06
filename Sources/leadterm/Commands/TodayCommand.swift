import ArgumentParser
import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI

/// `leadterm today`: today's agenda, short enough for a login banner over SSH.
struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Today's appointments: time, lead, status, note (exit 0, also when there are none).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let zone = TimeZone.current
        let today = Day(Date(), in: zone)
        let items = try await connection.withService { service in try await AppointmentFetch.day(service, today) }
        if output.json { return try Output.json(items) }
        Output.standardOutput(Self.agenda(items, today: today, width: Output.terminalWidth() ?? 80))
    }

    /// `Today, Tue 24 Nov: 4 appointments` and one line each: `09:00–09:30  Ana Souza  confirmed  Intro call`.
    static func agenda(_ items: [Appointment], today: Day, width: Int) -> String {
        guard !items.isEmpty else { return "No appointments today." }
        var table = Table([.init(title: "TIME"), .init(title: "LEAD", isFlexible: true, minimum: 10), .init(title: "STATUS"),
                           .init(title: "NOTE", isFlexible: true, minimum: 8, hideOrder: 1)])
        for item in items {
            let from = item.from?.components.map { String(format: "%02d:%02d", $0.hour, $0.minute) } ?? "?"
            let to = item.to?.components.map { String(format: "%02d:%02d", $0.hour, $0.minute) } ?? "?"
            table.add(["\(from)–\(to)", item.lead, item.appointmentStatus?.displayName ?? item.status,
                       item.note.replacingOccurrences(of: "\n", with: " ")])
        }
        let title = "Today, \(today.short) \(today.year): \(items.count) appointment\(items.count == 1 ? "" : "s")"
        return title + "\n" + table.render(width: width, header: false)
    }
}
