import ArgumentParser
import Foundation
import LeadsAPI
import TerminalUI

/// `leadterm`: the full-screen terminal UI, and subcommands that reach
/// every endpoint of the Leads & CRM API.
struct Leadterm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leadterm",
        abstract: "Work your leads and appointments in a Leads & CRM service from the terminal.",
        usage: """
            leadterm [--base-url <url>] [--demo] [--timeout <seconds>]    (opens the full-screen app)
            leadterm [--base-url <url>] [--demo] [--timeout <seconds>] <subcommand>
            """,
        discussion: """
            `leadterm` alone opens the full-screen app (keys: ? inside it); the subcommands \
            below are for scripts and one-off questions.

            Connection: a profile of config.toml (--profile, LEADTERM_PROFILE or default_profile) \
            with its base_url, the credentials `leadterm login` stored (or its token_command); \
            LEADTERM_BASE_URL, LEADTERM_API_KEY and LEADTERM_TOKEN win over the profile, --base-url \
            over all. --demo runs any command against a built-in sandbox.

            Exit status: 0 ok, 2 usage or invalid input, 3 rejected by the server (validation or \
            request failed), 4 authentication, 5 network or server error.
            """,
        version: LeadsAPIVersion.current,
        subcommands: [TodayCommand.self, OverviewCommand.self, LeadsCommand.self, NotesCommand.self, AppointmentsCommand.self,
                      LoginCommand.self, LogoutCommand.self, AuthCommand.self, SandboxCommand.self, ToolkitDemoCommand.self]
    )

    @OptionGroup var connection: ConnectionOptions

    /// No subcommand: the full-screen app.
    func run() async throws {
        try await AppLauncher.run(connection: connection)
    }
}

@main
enum Main {
    static func main() async {
        let status = await run(Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }

    /// Runs one command line and returns its exit status.
    static func run(_ arguments: [String]) async -> Int32 {
        do {
            if arguments.isEmpty {
                // `leadterm` alone: the app. The terminal first (the screen answers at once), then
                // only the connection's options to read (their defaults and environment), not the
                // whole command tree (~5 ms of a start).
                let terminal = AppLauncher.earlyTerminal()
                let connection: ConnectionOptions
                do { connection = try ConnectionOptions.parse([]) } catch {
                    terminal?.backend.restore()
                    throw error
                }
                try await AppLauncher.run(connection: connection, terminal: terminal)
                return 0
            }
            var command = try Leadterm.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let error as APIError {
            Output.report(error)
            return error.exitCode
        } catch let error as CommandFailure {
            Output.standardError("leadterm: \(TerminalSafeText.escape(error.message))")
            return error.exitCode
        } catch {
            let code = Leadterm.exitCode(for: error)
            if code == .success {
                Output.standardOutput(Leadterm.fullMessage(for: error))
                return 0
            }
            let message = Leadterm.fullMessage(for: error)
            if !message.isEmpty { Output.standardError(message) }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// A failure the command itself reports, with its exit status.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32
}
