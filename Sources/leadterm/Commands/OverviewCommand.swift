import ArgumentParser
import LeadsAPI
import LeadsStore

struct OverviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "overview",
        abstract: "Lead counts by status and source, and appointments (leads/overview/)."
    )

    @Option(help: ArgumentHelp("Which appointments: upcoming, today, week or month.", valueName: "filter"))
    var appointments: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let appointments, OverviewAppointmentFilter(rawValue: appointments) == nil {
            throw ValidationError("--appointments must be one of upcoming, today, week, month (got “\(appointments)”).")
        }
    }

    func run() async throws {
        let filter = appointments.flatMap(OverviewAppointmentFilter.init(rawValue:))
        let ((overview, leads), cachedAt) = try await connection.withCachedReads(offline: cache.offline) { service, _ in
            let overview = try await service.overview(appointments: filter)
            // The overview's appointments name no lead: looked up in the appointments list of their days.
            return (overview, output.json ? [:] : await Self.leads(of: overview.appointments, in: service))
        }
        Output.noteCached(cachedAt)
        if output.json { return try Output.json(overview) }
        let width = Output.terminalWidth()
        var text = "Total leads: \(overview.totalLeads) (the service's count of yours, owned or assigned; `leads list` counts one list)\n\n"
        var statuses = Table([.init(title: "STATUS"), .init(title: "COUNT", alignRight: true),
                              .init(title: "DESCRIPTION", isFlexible: true), .init(title: "COLOR")])
        for item in overview.statuses { statuses.add([item.status, String(item.count), item.description, item.color]) }
        text += statuses.render(width: width) + "\n\n"
        var sources = Table([.init(title: "SOURCE"), .init(title: "COUNT", alignRight: true)])
        for item in overview.sources { sources.add([item.source, String(item.count)]) }
        text += sources.render(width: width) + "\n\n"
        text += "Appointments (\(filter?.rawValue ?? "as the server chooses")): \(overview.appointments.count)\n"
        if !overview.appointments.isEmpty {
            var table = Table([.init(title: "FROM"), .init(title: "TO"), .init(title: "LEAD", isFlexible: true), .init(title: "STATUS"),
                               .init(title: "NOTE", isFlexible: true, hideOrder: 1), .init(title: "SLUG", isIdentifier: true)])
            for item in overview.appointments {
                let lead = leads[Self.key(item)]
                table.add([Output.dateTime(item.from), Output.dateTime(item.to), lead?.name ?? "?",
                           AppointmentStatus(lenient: item.status)?.displayName ?? item.status, item.note, lead?.slug ?? "?"])
            }
            text += table.render(width: width)
            if overview.appointments.contains(where: { leads[Self.key($0)] == nil }) {
                text += "\n? the overview names no lead, and the appointments list of that day has no one appointment with that start, end and note."
            }
        }
        Output.standardOutput(text)
    }

    /// How an overview appointment is found in the list (it has no id): its start, end and note.
    static func key(_ item: Overview.AppointmentItem) -> String { key(from: item.from, to: item.to, note: item.note) }
    static func key(from: APIDate?, to: APIDate?, note: String) -> String { "\(from?.raw ?? "")|\(to?.raw ?? "")|\(note)" }

    /// The lead (name, slug) of each appointment, from the appointments list of the days they
    /// span. Missing when that list cannot be read or does not have it, and when two leads
    /// share the same start, end and note (the table then says "?").
    static func leads(of items: [Overview.AppointmentItem], in service: any LeadsService) async -> [String: (name: String, slug: String)] {
        let days = items.compactMap { $0.from?.components?.calendarDay }
        guard let first = days.min(), let last = days.max() else { return [:] }
        guard let listed = try? await AppointmentFetch.range(service, from: first, to: last) else { return [:] }
        var found: [String: (name: String, slug: String)] = [:], ambiguous: Set<String> = []
        for item in listed where !item.leadSlug.isEmpty {
            let key = key(from: item.from, to: item.to, note: item.note)
            if let other = found[key], other.slug != item.leadSlug { ambiguous.insert(key) }
            found[key] = (item.lead, item.leadSlug)
        }
        for key in ambiguous { found[key] = nil }
        return found
    }
}
