import ArgumentParser
import LeadsAPI

struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Lead counts by status and source, and appointments (leads/overview/)."
    )

    @Option(help: ArgumentHelp("Which appointments: upcoming, today, week or month.", valueName: "filter"))
    var appointments: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let appointments, OverviewAppointmentFilter(rawValue: appointments) == nil {
            throw ValidationError("--appointments must be one of upcoming, today, week, month (got “\(appointments)”).")
        }
    }

    func run() async throws {
        let filter = appointments.flatMap(OverviewAppointmentFilter.init(rawValue:))
        let overview = try await connection.withService { try await $0.overview(appointments: filter) }
        if output.json { return try Output.json(overview) }
        let width = Output.terminalWidth()
        var text = "Total leads: \(overview.totalLeads)\n\n"
        var statuses = Table([.init(title: "STATUS"), .init(title: "COUNT", alignRight: true),
                              .init(title: "DESCRIPTION", isFlexible: true), .init(title: "COLOR")])
        for item in overview.statuses { statuses.add([item.status, String(item.count), item.description, item.color]) }
        text += statuses.render(width: width) + "\n\n"
        var sources = Table([.init(title: "SOURCE"), .init(title: "COUNT", alignRight: true)])
        for item in overview.sources { sources.add([item.source, String(item.count)]) }
        text += sources.render(width: width) + "\n\n"
        text += "Appointments (\(filter?.rawValue ?? "as the server chooses")): \(overview.appointments.count)\n"
        if !overview.appointments.isEmpty {
            var table = Table([.init(title: "FROM"), .init(title: "TO"), .init(title: "STATUS"), .init(title: "NOTE", isFlexible: true)])
            for item in overview.appointments {
                table.add([Output.dateTime(item.from), Output.dateTime(item.to),
                           AppointmentStatus(lenient: item.status)?.displayName ?? item.status, item.note])
            }
            text += table.render(width: width)
        }
        Output.standardOutput(text)
    }
}
