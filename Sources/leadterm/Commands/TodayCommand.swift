import ArgumentParser
import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI

/// `leadterm today`: today's agenda, short enough for a login banner over SSH.
struct TodayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "Today's appointments: time, lead, status, note (exit 0, also when there are none).",
        discussion: """
            Made for a login banner: when the service has not answered within --wait seconds (or \
            cannot be reached), the agenda the local cache holds for today is printed instead, \
            marked “(cached 10:42)”, with exit status 0. With nothing cached for today it says \
            so in one line (exit status 5).
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var cache: CacheOptions
    @OptionGroup var output: OutputOptions

    @Option(help: ArgumentHelp("Seconds to wait for the service before the cached agenda is shown.", valueName: "seconds"))
    var wait: Double = 2

    func validate() throws {
        guard wait >= 0, wait <= 600 else { throw ValidationError("--wait must be between 0 and 600 seconds.") }
    }

    func run() async throws {
        let zone = TimeZone.current
        let today = Day(Date(), in: zone)
        let wait = wait
        let (items, cachedAt) = try await connection.withCachedReads(offline: cache.offline) { service, cacheOnly in
            let answer = await Bounded.value(seconds: wait) { () -> Result<[Appointment], any Error> in
                do { return .success(try await AppointmentFetch.day(service, today)) } catch { return .failure(error) }
            }
            if let answer { return try answer.get() }
            do {
                return try await AppointmentFetch.day(cacheOnly, today)
            } catch {
                throw CommandFailure(message: "the service has not answered within \(Output.seconds(wait)) s, "
                                     + "and nothing is cached for today.", exitCode: 5)
            }
        }
        if output.json { return try Output.json(items) }
        Output.standardOutput(Self.agenda(items, today: today, width: Output.terminalWidth() ?? 80, cachedAt: cachedAt))
    }

    /// `Today, Tue 24 Nov: 4 appointments` and one line each: `09:00–09:30  Ana Souza  confirmed  Intro call`;
    /// ` (cached 10:42)` after the title when the agenda is the cache's.
    static func agenda(_ items: [Appointment], today: Day, width: Int, cachedAt: Date? = nil) -> String {
        let mark = cachedAt.map { " (\(Output.cachedMark($0)))" } ?? ""
        guard !items.isEmpty else { return "No appointments today\(mark)." }
        var table = Table([.init(title: "TIME"), .init(title: "LEAD", isFlexible: true, minimum: 10), .init(title: "STATUS"),
                           .init(title: "NOTE", isFlexible: true, minimum: 8, hideOrder: 1)])
        for item in items {
            let from = item.from?.components.map { String(format: "%02d:%02d", $0.hour, $0.minute) } ?? "?"
            let to = item.to?.components.map { String(format: "%02d:%02d", $0.hour, $0.minute) } ?? "?"
            table.add(["\(from)–\(to)", item.lead, item.appointmentStatus?.displayName ?? item.status,
                       item.note.replacingOccurrences(of: "\n", with: " ")])
        }
        let title = "Today, \(today.short) \(today.year): \(items.count) appointment\(items.count == 1 ? "" : "s")\(mark)"
        return title + "\n" + table.render(width: width, header: false)
    }
}
