import ArgumentParser
import Foundation
import LeadsAPI
import LeadsCache
import LeadsSandbox
import LeadsStore
import LeadsUI
import TerminalUI

/// Starts the full-screen app: on the configured service, or with `--demo`
/// on an in-process sandbox with seeded data.
enum AppLauncher {
    /// After SIGHUP, SIGTERM or SIGINT the process is gone within this many
    /// seconds, whatever any thread is doing (the guard's deadline).
    static let hangUpDeadline = 1.5

    /// The terminal taken before anything else, for `leadterm` alone: its first bytes go out
    /// before the connection's options, config and credentials are read (3–4 ms). Nil when
    /// standard input or output is not a terminal, or ncurses cannot start (`run` then says why).
    static func earlyTerminal() -> EarlyTerminal? {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
              let backend = try? NcursesBackend(environment: ProcessInfo.processInfo.environment) else { return nil }
        return EarlyTerminal(backend: backend)
    }

    /// The backend made on the main thread and handed to the UI's (ncurses is used by one thread at a time).
    final class EarlyTerminal: @unchecked Sendable {
        let backend: NcursesBackend
        init(backend: NcursesBackend) { self.backend = backend }
    }

    static func run(connection: ConnectionOptions, terminal early: EarlyTerminal? = nil) async throws {
        // Whatever fails before the UI runs gives the terminal back before it is reported.
        do { try await launch(connection: connection, terminal: early) } catch {
            early?.backend.restore()
            throw error
        }
    }

    private static func launch(connection: ConnectionOptions, terminal early: EarlyTerminal?) async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(message: "the full-screen app needs a terminal on standard input and output; "
                                 + "for scripts use the subcommands (leadterm --help).", exitCode: 2)
        }
        var environment = ProcessInfo.processInfo.environment
        let started = Date()
        var settings = Settings(serverLabel: "demo")
        var sandbox: RunningSandbox?
        /// The service, and the profile's cache: opened on a thread of their own while the UI starts.
        let openService: @Sendable () -> (service: any LeadsService, cache: LeadsCache?)
        /// A cache from earlier runs exists: its screens are the first frame (no empty one before them).
        var hasCache = false
        var account: String?   // the profile or server: its cache and drafts
        let connectivity = Connectivity(logger: try connection.logger("leadterm.connectivity"))
        var profileUser: String?
        var configWarnings: [ConfigWarning] = []
        var storeToken: @Sendable (String) -> String? = { _ in "no profile in use: `leadterm login --profile NAME` stores one" }
        if connection.demo {
            var options = SandboxOptions()
            options.port = 0
            do { sandbox = try await Sandbox.start(options) } catch {
                throw CommandFailure(message: "cannot start the demo sandbox: \(error)", exitCode: 5)
            }
            guard let sandbox else { return }
            let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials,
                                                                          timeout: connection.timeout ?? ConnectionOptions.defaultTimeout,
                                                                          logger: try connection.logger("leadterm.api")))
            openService = { (client, nil) }
            settings.signedInUser = "demo"
        } else {
            // A credential command may ask on the terminal (pinentry, a password manager): the
            // terminal taken early is given back to it meanwhile.
            let resolved = try connection.resolve(environment: environment, aroundCommand: early.map { terminal in
                { command in try terminal.backend.runExternal { Result { try command() } }.get() }
            })
            let client = try connection.makeClient(resolved)
            // The local cache of this profile (or server): the first frame shows it, every read refreshes it.
            let cacheName = ConnectionOptions.cacheName(resolved.profile, client.configuration.baseURL)
            account = cacheName
            let cacheURL = LeadsCache.url(name: cacheName, environment: environment)
            hasCache = FileManager.default.fileExists(atPath: cacheURL.path)
            openService = {
                guard let opened = LeadsCache(url: cacheURL) else { return (client, nil) }
                return (CachingService(base: client, cache: opened, connectivity: connectivity), opened)
            }
            let host = client.configuration.baseURL.host ?? client.configuration.baseURL.absoluteString
            // The title bar shows the profile (and its server); LEADTERM_THEME/KEYMAP still win over its theme and keymap.
            settings.serverLabel = resolved.profile.map { "\($0.name) · \(host)" } ?? host
            if let theme = resolved.profile?.theme, environment["LEADTERM_THEME"] == nil { environment["LEADTERM_THEME"] = theme }
            if let keymap = resolved.profile?.keymap, environment["LEADTERM_KEYMAP"] == nil { environment["LEADTERM_KEYMAP"] = keymap }
            profileUser = resolved.profile?.user
            if let profile = resolved.profile, let key = resolved.apiKey, let token = resolved.token,
               !key.source.hasPrefix("file") || !token.source.hasPrefix("file") {
                // Only a pair `login` stored is stored again: a token from the environment or a command
                // would still win at the next start, and a key kept off disk must stay off it.
                let from = token.source.hasPrefix("file") ? key.source : token.source
                let what = token.source.hasPrefix("file") ? "API key" : "token"
                storeToken = { _ in "profile \(profile.name)'s \(what) comes from \(from), which wins over a stored one: update it there" }
            } else if let profile = resolved.profile, let apiKey = resolved.apiKey?.value {
                let file = CredentialStore.url(ConfigLocator(environment: environment))
                storeToken = { token in
                    do { try CredentialStore.write(file, profile: profile.name, apiKey: apiKey, token: token); return nil } catch {
                        return (error as? CommandFailure)?.message ?? "\(error)"
                    }
                }
            }
            configWarnings = resolved.warnings
        }
        let chosen = settings, chosenEnvironment = environment, user = profileUser, problems = configWarnings, store = storeToken, owner = account
        let outboxLog = try connection.logger("leadterm.outbox")
        let opened = OpenedService(), cacheExists = hasCache
        let exit = try runOnOwnThread {
            try Self.runUI(terminal: early, hasCache: cacheExists, openService: { let pair = openService(); opened.service = pair.service; return pair },
                           settings: chosen, environment: chosenEnvironment, started: started, profileUser: user,
                           configWarnings: problems, storeToken: store, connectivity: connectivity, account: owner,
                           log: { outboxLog.info("\($0)") })
        }
        // The terminal is already restored: close the connections, and do not let
        // the demo server's graceful shutdown hold the exit.
        if let service = opened.service { await Bounded.wait(seconds: 0.5) { await service.shutdown() } }
        await sandbox?.stop(within: 0.5)
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

    /// What the opening thread hands to the UI's: written before `done` is signalled, read after.
    final class Opening: @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        var result: (service: any LeadsService, cache: LeadsCache?, screens: CachedScreens?,
                     outbox: (entries: [OutboxEntry], problems: [String]))?
    }

    /// The service the UI opened, for its shutdown once the UI has ended.
    final class OpenedService: @unchecked Sendable {
        var service: (any LeadsService)?   // written by the UI's thread before `runOnOwnThread` returns
    }

    /// The terminal first, then everything else: the cache is opened and read on a thread of its
    /// own while the UI starts; on a first start (no cache yet) a frame with no data (title bar,
    /// panes, "Loading leads…") goes out meanwhile, else the cache's screens are the first frame.
    static func runUI(terminal early: EarlyTerminal? = nil, hasCache: Bool = false, openService: @escaping @Sendable () -> (service: any LeadsService, cache: LeadsCache?), settings: Settings,
                      environment: [String: String], started: Date,
                      profileUser: String? = nil, configWarnings: [ConfigWarning] = [],
                      storeToken: @escaping @Sendable (String) -> String? = { _ in nil },
                      connectivity: Connectivity? = nil, account: String? = nil,
                      log: @escaping (String) -> Void = { _ in }) throws -> Int32 {
        // The cache is opened and read on a thread of its own meanwhile (3–4 ms on a 2-core
        // machine): its screens are ready when the first frame has gone out. (Not a task: the
        // concurrency pool's threads belong to the HTTP client, one of them waiting for this UI.)
        let opening = Opening()
        Thread {
            let (service, cache) = openService()
            opening.result = (service, cache, cache?.screens(), cache?.loadOutbox() ?? ([], []))
            opening.done.signal()
        }.start()
        let backend: NcursesBackend
        if let early { backend = early.backend } else {
            do { backend = try NcursesBackend(environment: environment) } catch {
                opening.done.wait()
                throw CommandFailure(message: "\(error)", exitCode: 2)
            }
        }
        let locator = ConfigLocator(environment: environment)
        var settings = settings
        var terminalSettings = TerminalSettings()
        let settingsWarnings = SettingsFile.apply(locator.user("settings.toml"), to: &settings, terminal: &terminalSettings)
        let settingsURL = locator.userDirectory.appendingPathComponent("settings.toml")
        settings.settingsFile = settingsURL.path
        let appearance = Appearance.load(locator: locator, depth: backend.colorDepth, configuredTheme: terminalSettings.theme)
        // theme = "auto": the terminal is asked for its background; its answer comes with the input,
        // often before the first frame (read just below), else whenever it comes (a redraw).
        var answered: TerminalBackground?
        if appearance.isAutomatic, TerminalBackground.canAsk(environment: environment) {
            backend.onBackground = { answered = $0 }
            backend.askBackground()
        }
        backend.sendsHyperlinks = terminalSettings.hyperlinks.isOn(environment: environment)
        var warnings = appearance.warnings
        warnings += settingsWarnings + configWarnings
        // The profile's user wins over settings.toml's (which holds for every profile).
        if let profileUser, !profileUser.isEmpty { settings.signedInUser = profileUser }
        let draftStore = DraftStore(environment: environment, account: account)
        let (drafts, problems) = draftStore.load()
        let wakePipe = WakePipe()
        backend.wakePipe = wakePipe
        let size = backend.size
        var state = AppState(settings: settings, now: Date(), viewport: ScreenLayout.viewport(width: size.width, height: size.height))
        if let first = warnings.first {
            let more = warnings.count > 1 ? " (+\(warnings.count - 1) more, listed at exit)" : ""
            state.message = StatusMessage("\(first)\(more)", .error, at: state.now)
        }
        let warningMessage = state.message
        // What came before the first frame: the terminal's answers are taken, keys kept for the app.
        var early: [TerminalEvent] = []
        if appearance.isAutomatic { while let event = backend.readEvent(timeout: 0) { early.append(event) } }
        let screen = Screen(theme: answered.map(appearance.theme(for:)) ?? appearance.theme, keymap: appearance.keymap,
                            helpContexts: AppVocabulary.appContexts, descriptions: AppVocabulary.descriptions)
        let loop = RunLoop(backend: backend)
        // The frame before any data (title bar, panes, "Loading leads…") — unless a cache is
        // there, whose screens, read meanwhile, are the first frame.
        if !hasCache { backend.draw(loop.frame { buffer in _ = screen.render(state, into: &buffer) }) }
        opening.done.wait()
        guard let (service, cache, cached, (outbox, outboxProblems)) = opening.result else {
            backend.restore()
            throw CommandFailure(message: "the service could not be opened", exitCode: 5)   // not reached: the thread always answers
        }
        state.settings.outboxFile = cache?.url.path
        let app = LeadsApp(backend: backend, service: service, state: state, keymap: appearance.keymap, screen: screen,
                           drafts: draftStore, storeToken: storeToken,
                           editor: { text in ExternalEditor.edit(text, environment: environment).mapError { EditorProblem($0.description) } },
                           saveOutbox: { entries in
                               if let problem = cache?.saveOutbox(entries) { log("outbox: not stored: \(problem)") }
                           },
                           saveView: { SettingsFile.save($0, to: settingsURL) },
                           log: log, wake: { wakePipe?.wake() })
        // Whatever any thread is doing, a hang-up ends the process in time:
        // the draft of the last published state, the terminal given back, the exit status.
        let guardian = app.hangUpGuard, restore = backend.emergencyRestorer
        SignalWatcher.shared.onHangUp(deadline: hangUpDeadline) { signal in
            // Whatever these two meet, the process ends 0.4 s later.
            Thread { usleep(400_000); _exit(128 + signal) }.start()
            guardian.saveDraftUnlessTaken()
            restore.run()
            _exit(128 + signal)
        }
        let post = app.poster
        connectivity?.observe { since in post(.connectivity(offlineSince: since)) }
        app.start(drafts: drafts, cached: cached, outbox: outbox)
        if appearance.isAutomatic {
            backend.onBackground = { [unowned app] background in app.use(appearance.theme(for: background)) }
            if let answered { app.use(appearance.theme(for: answered)) }
        }
        for event in early where event != .resize { app.handle(event) }
        // A key that quits even where text is typed (ctrl-c rather than q, which a form takes as a letter).
        let quitKeys = appearance.keymap.keys(for: Command.quit.rawValue, in: "global")
        let quitKey = quitKeys.first { sequence in sequence.keys.allSatisfy { if case .character = $0 { return false }; return true } } ?? quitKeys.first
        loop.quitHint = quitKey.map { "\($0) to quit" } ?? "\(screen.keys.label(.quit, in: ["global"])) to quit"
        loop.quitKeys = Set(quitKeys.compactMap { $0.keys.count == 1 ? $0.keys[0] : nil })
        let exit = loop.run(app)
        app.stop()
        backend.restore()
        // The screen is given back: a second Ctrl-C or SIGTERM now ends the process at once.
        SignalWatcher.shared.release()
        for warning in warnings { Output.standardError("leadterm: \(warning)") }
        for problem in problems + outboxProblems + app.draftProblems { Output.standardError("leadterm: \(problem)") }
        if !app.state.outbox.isEmpty {
            let count = app.state.outbox.count
            Output.standardError("leadterm: \(count) change\(count == 1 ? "" : "s") could not be sent yet and \(count == 1 ? "is" : "are") kept"
                                 + (cache == nil ? " only until now: the demo has no cache" : " in \(cache?.url.path ?? "the cache"); sent at the next start"))
        }
        if let message = app.state.message, message.level == .error, message != warningMessage {   // the warnings are listed above
            Output.standardError("leadterm: \(TerminalSafeText.escape(screen.keys.text(message.text, in: ["global"])))")
        }
        if environment["LEADTERM_TIMINGS"] == "1", let first = app.timings.firstFrameWithData {
            Output.standardError(String(format: "leadterm: first frame with data %.1f ms after the UI started, %.1f ms after launch",
                                        first.timeIntervalSince(app.timings.start) * 1000, first.timeIntervalSince(started) * 1000))
        }
        if case .signal(let number) = exit { return 128 + number }
        // As the command line: a refused credential is exit status 4 (`Leadterm`'s discussion).
        return app.state.wasRefusedCredentials ? 4 : 0
    }
}
