import ArgumentParser
import Foundation
import LeadsAPI
import LeadsSandbox
import LeadsStore
import TerminalUI

/// Starts the full-screen app: on the configured service, or with `--demo`
/// on an in-process sandbox with seeded data.
enum AppLauncher {
    static func run(connection: ConnectionOptions) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(message: "the full-screen app needs a terminal on standard input and output; "
                                 + "for scripts use the subcommands (leadterm --help).", exitCode: 2)
        }
        let environment = ProcessInfo.processInfo.environment
        let started = Date()
        var settings = Settings(serverLabel: "demo")
        var sandbox: RunningSandbox?
        let service: any LeadsService
        if connection.demo {
            var options = SandboxOptions()
            options.port = 0
            do { sandbox = try await Sandbox.start(options) } catch {
                throw CommandFailure(message: "cannot start the demo sandbox: \(error)", exitCode: 5)
            }
            guard let sandbox else { return }
            service = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials,
                                                                       timeout: connection.timeout))
            settings.signedInUser = "demo"
        } else {
            let client = try connection.makeClient(environment: environment)
            service = client
            settings.serverLabel = client.configuration.baseURL.host ?? client.configuration.baseURL.absoluteString
        }
        let chosen = settings
        let exit = try runOnOwnThread { try Self.runUI(service: service, settings: chosen, environment: environment, started: started) }
        // The terminal is already restored: close the connections, and do not let
        // the demo server's graceful shutdown hold the exit.
        await service.shutdown()
        await sandbox?.stop(within: 1)
        if exit != 0 { throw ExitCode(exit) }
    }

    /// The UI loop blocks: it runs on a thread of its own, never on the
    /// concurrency pool (whose threads the API client's tasks need).
    static func runOnOwnThread(_ body: @escaping @Sendable () throws -> Int32) throws -> Int32 {
        final class Box: @unchecked Sendable { var result: Result<Int32, any Error> = .success(0) }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { try body() }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        done.wait()
        return try box.result.get()
    }

    static func runUI(service: any LeadsService, settings: Settings, environment: [String: String], started: Date) throws -> Int32 {
        let backend: NcursesBackend
        do { backend = try NcursesBackend(environment: environment) } catch {
            throw CommandFailure(message: "\(error)", exitCode: 2)
        }
        let locator = ConfigLocator(environment: environment)
        var appearance = Appearance.load(locator: locator, depth: backend.colorDepth)
        var settings = settings
        appearance.warnings += SettingsFile.apply(locator.user("settings.toml"), to: &settings)
        let draftStore = DraftStore(environment: environment)
        let (drafts, problems) = draftStore.load()
        let wakePipe = WakePipe()
        backend.wakePipe = wakePipe
        var wake: (@Sendable () -> Void)?
        if let wakePipe { wake = { wakePipe.wake() } }
        let app = LeadtermApp(backend: backend, service: service, settings: settings, appearance: appearance, drafts: draftStore, wake: wake)
        app.start(drafts: drafts)
        let loop = RunLoop(backend: backend)
        let exit = loop.run(render: app.render, handle: app.handle, tick: app.tick)
        if case .signal = exit { app.hangUp() }   // the draft is written before the terminal is given back
        backend.restore()
        for warning in appearance.warnings { Output.standardError("leadterm: \(warning)") }
        for problem in problems { Output.standardError("leadterm: \(problem)") }
        if let message = app.currentState.message, message.level == .error {
            Output.standardError("leadterm: \(TerminalSafeText.escape(message.text))")
        }
        if environment["LEADTERM_TIMINGS"] == "1", let first = app.timings.firstFrameWithData {
            Output.standardError(String(format: "leadterm: first frame with data %.1f ms after the UI started, %.1f ms after launch",
                                        first.timeIntervalSince(app.timings.start) * 1000, first.timeIntervalSince(started) * 1000))
        }
        if case .signal(let number) = exit { return 128 + number }
        return 0
    }
}
