import ArgumentParser
import Dispatch
import Foundation
import LeadsSandbox

struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Serve the whole API from SQLite with seeded demo data, on loopback.",
        discussion: """
            The credentials are the sandbox's own (defaults: sandbox-key / sandbox-token); never \
            give it a real key. Without --db the database is temporary and removed on exit; with \
            --db an existing file is reused as it is, a new one is seeded.
            """
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(parsing: .unconditional, help: "Port (0 picks a free one).") var port = 8080
    @Option(help: ArgumentHelp("Keep the data in this SQLite file.", valueName: "path")) var db: String?
    @Option(parsing: .unconditional, help: "Seed of the generated data.") var seed: UInt64 = 42
    @Option(parsing: .unconditional, help: "How many leads to generate.") var leads = 200
    @Option(help: ArgumentHelp("The API key the sandbox accepts.", valueName: "key")) var apiKey = "sandbox-key"
    @Option(help: ArgumentHelp("The bearer token the sandbox accepts.", valueName: "token")) var token = "sandbox-token"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0...65535.") }
        guard (0...1_000_000).contains(leads) else { throw ValidationError("--leads must be 0...1000000.") }
        guard !apiKey.isEmpty, !token.isEmpty else { throw ValidationError("--api-key and --token may not be empty.") }
    }

    func run() async throws {
        var options = SandboxOptions()
        options.host = host
        options.port = port
        options.databasePath = db
        options.seed = seed
        options.leads = leads
        options.apiKey = apiKey
        options.token = token
        let started = Date()
        let sandbox: RunningSandbox
        do {
            sandbox = try await Sandbox.start(options)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 5)
        }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Output.standardOutput("""
            leadterm sandbox listening on \(sandbox.baseURL.absoluteString) (ready in \(seconds) s; \
            database: \(db ?? "temporary"); signed in as demo)
            export LEADTERM_BASE_URL=\(sandbox.baseURL.absoluteString)
            export LEADTERM_API_KEY=\(sandbox.apiKey)
            export LEADTERM_TOKEN=\(sandbox.token)
            Press Ctrl-C to stop.
            """)
        let stopper = SignalStopper(sandbox: sandbox)
        await sandbox.wait()
        withExtendedLifetime(stopper) {}
    }
}

/// Stops the sandbox on SIGINT or SIGTERM.
final class SignalStopper {
    private let sources: [any DispatchSourceSignal]

    init(sandbox: RunningSandbox) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await sandbox.stop() } }
            source.resume()
            return source
        }
    }
}
