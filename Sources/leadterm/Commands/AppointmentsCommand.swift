import ArgumentParser
import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI

struct AppointmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointments",
        abstract: "List, create, update and delete appointments.",
        subcommands: [List.self, Create.self, Update.self, Delete.self, Export.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List appointments (leads/appointments/list/).")

        @Option(help: ArgumentHelp("Appointments on this day.", valueName: "MM/DD/YYYY")) var on: String?
        @Option(help: ArgumentHelp("Appointments before this day.", valueName: "MM/DD/YYYY")) var before: String?
        @Option(help: ArgumentHelp("Appointments after this day.", valueName: "MM/DD/YYYY")) var after: String?
        @Option(help: ArgumentHelp("pending, rescheduled, cancelled, fullfilled (or fulfilled) or confirmed.", valueName: "status")) var status: String?
        @Option(help: ArgumentHelp("The lead's first name.", valueName: "first-name")) var lead: String?
        @Option(parsing: .unconditional, help: "Rows per page (the server's default when not given).") var limit: Int?
        @Option(parsing: .unconditional, help: "Rows to skip.") var offset: Int?
        @Flag(help: "Every page, not just the first.") var all = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var cache: CacheOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csvOption: CSVOption

        func validate() throws {
            if output.json && csvOption.csv { throw ValidationError("--json and --csv: choose one.") }
            let dates = [on, before, after].compactMap { $0 }
            if dates.count > 1 { throw ValidationError("Give only one of --on, --before, --after.") }
            if let date = dates.first, !AppointmentQuery.isFilterDate(date) {
                throw ValidationError("Dates are MM/DD/YYYY, e.g. 11/28/2026 (got “\(date)”).")
            }
            if let status, AppointmentStatus(lenient: status) == nil {
                throw ValidationError("--status must be one of pending, rescheduled, cancelled, fulfilled, confirmed (got “\(status)”).")
            }
            try validatePaging(limit: limit, offset: offset)
        }

        func run() async throws {
            let setting: DateSetting? = on != nil ? .on : before != nil ? .before : after != nil ? .after : nil
            let query = AppointmentQuery(dateSetting: setting, onDate: on ?? before ?? after,
                                         status: status.flatMap(AppointmentStatus.init(lenient:))?.rawValue,
                                         lead: lead, limit: limit, offset: offset)
            let (page, cachedAt): (Page<Appointment>, Date?) = try await connection.withCachedReads(offline: cache.offline) { service, _ in
                all ? try await collect(service.allAppointments(query)) : try await service.appointments(query)
            }
            Output.noteCached(cachedAt)
            if output.json { return try Output.json(page) }
            if csvOption.csv { return Output.csv(LeadsStore.Export.appointments(page.results, as: .csv)) }
            var table = Table([.init(title: "ID", alignRight: true, isIdentifier: true), .init(title: "FROM"), .init(title: "TO"),
                               .init(title: "LEAD", isFlexible: true, minimum: 14), .init(title: "STATUS"),
                               .init(title: "NOTE", isFlexible: true, minimum: 10, hideOrder: 1)])
            for item in page.results {
                table.add([item.id.map(String.init) ?? "", Output.dateTime(item.from), Output.dateTime(item.to), item.lead,
                           item.appointmentStatus?.displayName ?? item.status, item.note])
            }
            Output.standardOutput(table.render(width: Output.terminalWidth()) + "\n" + footer(page, offset: all ? 0 : offset ?? 0, noun: "appointments"))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write appointments to an iCalendar (.ics) file that calendar programs import.")

        @Option(help: ArgumentHelp("The file to write (\"-\" for standard output).", valueName: "file")) var ics: String
        @Option(help: ArgumentHelp("The first day (default: every appointment).", valueName: "yyyy-mm-dd")) var from: String?
        @Option(help: ArgumentHelp("The last day (default: every appointment from --from on).", valueName: "yyyy-mm-dd")) var to: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var cache: CacheOptions

        static func day(_ text: String?, _ option: String) throws -> Day? {
            guard let text else { return nil }
            guard let day = DateInput.day(text, today: Day(Date(), in: .current)), text.contains("-"), text.count == 10 else {
                throw ValidationError("\(option) must be a day as yyyy-mm-dd, e.g. 2026-12-01 (got “\(text)”).")
            }
            return day
        }

        func validate() throws {
            if let first = try Self.day(from, "--from"), let last = try Self.day(to, "--to"), last < first {
                throw ValidationError("--to (\(last)) is before --from (\(first)).")
            }
        }

        func run() async throws {
            let first = try Self.day(from, "--from"), last = try Self.day(to, "--to")
            let (items, cachedAt): ([Appointment], Date?) = try await connection.withCachedReads(offline: cache.offline) { service, _ in
                if first == nil && last == nil {
                    var all: [Appointment] = []
                    for try await page in service.allAppointments(AppointmentQuery(limit: AppointmentFetch.pageSize)) { all += page.results }
                    return all.sorted(by: AppointmentFetch.startsEarlier)
                }
                return try await AppointmentFetch.range(service, from: first ?? Day(year: 1970, month: 1, day: 1),
                                                       to: last ?? Day(year: 9999, month: 12, day: 31))
            }
            Output.noteCached(cachedAt)
            let host = connection.demo ? "demo.leadterm" : (try? connection.makeClient().configuration.baseURL.host) ?? "leadterm"
            let text = ICalendar.document(items, zone: .current, host: host, stamp: Date())
            if ics == "-" { return FileHandle.standardOutput.write(Data(text.utf8)) }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: ics), options: .atomic)
            } catch {
                throw CommandFailure(message: "cannot write \(ics): \(error.localizedDescription)", exitCode: 2)
            }
            Output.standardError("Wrote \(items.count) appointment\(items.count == 1 ? "" : "s") to \(ics).")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book an appointment with a lead (leads/create/appointment/).")

        @Argument(help: "The lead's slug.") var slug: String
        @Option(help: ArgumentHelp("Start.", valueName: "yyyy-mm-dd hh:mm")) var from: String
        @Option(help: ArgumentHelp("End.", valueName: "yyyy-mm-dd hh:mm")) var to: String
        @Option(help: ArgumentHelp("Note, up to 200 characters (the service's default: \"Prospect appointment\").", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("pending (default), rescheduled, cancelled, fulfilled or confirmed.", valueName: "status")) var status: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let draft = AppointmentDraft(slug: slug, from: from, to: to, note: note, status: status.map(statusToSend))
            let json = output.json
            let report = try await connection.withService { service -> WriteReport? in
                try await service.createAppointment(draft)
                guard json else { return nil }
                let (record, lookup) = await RecordLookup.appointment(id: nil, slug: slug, from: from, in: service)
                return WriteReport("appointments create", "created", sent: draft.form, record: record, lookup: lookup)
            }
            if let report { return try Output.json(report) }
            Output.standardOutput("Appointment booked: \(TerminalSafeText.escape(from)) – \(TerminalSafeText.escape(to)) with \(TerminalSafeText.escape(slug)).")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an appointment: only the options given are sent (leads/update/appointment/).")

        @Argument(help: "The appointment's id.") var id: Int
        @Option(help: ArgumentHelp("Move it to another lead.", valueName: "slug")) var slug: String?
        @Option(help: ArgumentHelp("New start.", valueName: "yyyy-mm-dd hh:mm")) var from: String?
        @Option(help: ArgumentHelp("New end.", valueName: "yyyy-mm-dd hh:mm")) var to: String?
        @Option(help: ArgumentHelp("New note.", valueName: "text")) var note: String?
        @Option(help: ArgumentHelp("pending, rescheduled, cancelled, fulfilled or confirmed.", valueName: "status")) var status: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if [slug, from, to, note, status].allSatisfy({ $0 == nil }) {
                throw ValidationError("Nothing to change: give at least one of --slug, --from, --to, --note, --status.")
            }
        }

        func run() async throws {
            let changes = AppointmentChanges(id: id, slug: slug, from: from, to: to, note: note, status: status.map(statusToSend))
            let json = output.json, from = from
            let report = try await connection.withService { service -> WriteReport? in
                try await service.updateAppointment(changes)
                guard json else { return nil }
                let (record, lookup) = await RecordLookup.appointment(id: changes.id, slug: nil, from: from, in: service)
                return WriteReport("appointments update", "updated", sent: changes.form, record: record, lookup: lookup)
            }
            if let report { return try Output.json(report) }
            Output.standardOutput("Appointment \(id) updated.")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an appointment (leads/delete/appointment/).")

        @Argument(help: "The appointment's id.") var id: Int
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await connection.withService { try await $0.deleteAppointment(id: id) }
            if output.json { return try Output.json(WriteReport("appointments delete", "deleted", sent: [("appointment_id", String(id))], lookup: "deleted: nothing is left to show")) }
            Output.standardOutput("Appointment \(id) deleted.")
        }
    }
}

/// People type "fulfilled"; the service spells it "fullfilled". Anything
/// unknown goes as typed, so the rules name it.
func statusToSend(_ typed: String) -> String {
    AppointmentStatus(lenient: typed)?.rawValue ?? typed
}
