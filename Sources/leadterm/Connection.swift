import ArgumentParser
import Foundation
import LeadsAPI
import Logging
import TerminalUI
import LeadsSandbox

/// Where the service is and who you are there: a profile of `config.toml`
/// (`--profile`, else `LEADTERM_PROFILE`, else its `default_profile`), with
/// `--base-url`/`LEADTERM_BASE_URL` over its base URL, and the API key and
/// token from `LEADTERM_API_KEY`/`LEADTERM_TOKEN`, else the profile's
/// `api_key_command`/`token_command`, else what `leadterm login` stored in
/// `credentials.toml` — never from arguments (argv is visible to every user of
/// the machine). `--demo` starts an in-process sandbox with seeded data instead.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The API root with prefix and version (default: the profile's, or $LEADTERM_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The profile of config.toml to use (default: $LEADTERM_PROFILE, else default_profile).", valueName: "name"))
    var profile: String?

    @Flag(help: "Run against a built-in sandbox with demo data; no account needed.")
    var demo = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds before a request gives up (default: the profile's, else 15).", valueName: "seconds"))
    var timeout: Double?

    @Option(help: ArgumentHelp("Append each request (method, path, status, ms), retry, cache answer, offline change and outbox send "
                               + "to this file (default: $LEADTERM_LOG; none). Never a header, key, token or body.", valueName: "file"))
    var log: String?

    /// The log `--log` or `LEADTERM_LOG` names (nil: none).
    /// - Throws: `CommandFailure` (2) when the file cannot be written.
    func logFile(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LogFile? {
        try LogFile.named(log, environment: environment)
    }

    /// A logger for `label` in the log file, else one that writes nothing.
    func logger(_ label: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Logger {
        try logFile(environment: environment)?.logger(label) ?? .silent
    }

    func validate() throws {
        if let timeout { guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds.") } }
        if demo && baseURL != nil { throw ValidationError("--demo and --base-url exclude each other.") }
        if let profile, !ProfileConfig.isValidName(profile) {
            throw ValidationError("--profile must be a profile's name: letters, digits, _ and - (got “\(profile)”).")
        }
    }

    /// A credential as a header can carry it: spaces and line breaks around it dropped (a
    /// paste from a mail); anything but printable ASCII inside it refused, never echoed.
    /// - Throws: `CommandFailure` (status 2) naming the credential and where it came from.
    static func checkedCredential(_ value: String, what: String, source: String) throws -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw CommandFailure(message: "the \(what) from \(source) holds a character no HTTP header can carry "
                                 + "(a space, a line break or a control character inside it): it was not sent", exitCode: 2)
        }
        return trimmed
    }

    /// Seconds before a request gives up when no profile says otherwise.
    static let defaultTimeout: Double = 15

    /// What the options, the environment and the files make of the connection.
    struct Resolved {
        /// The profile in effect and where it was chosen ("--profile", "LEADTERM_PROFILE", "default_profile").
        var profile: Profile?
        var profileSource: String?
        var baseURL: String?
        var timeout: Double
        var apiKey: (value: String, source: String)?
        var token: (value: String, source: String)?
        /// Problems in config.toml (the file is still used where it is right).
        var warnings: [ConfigWarning]
    }

    /// The profile asked for and where: `--profile`, else `LEADTERM_PROFILE`, else `default_profile`.
    func chosenProfile(_ config: ProfileConfig, environment: [String: String]) -> (name: String, source: String)? {
        if let profile { return (profile, "--profile") }
        if let name = environment["LEADTERM_PROFILE"], !name.isEmpty { return (name, "LEADTERM_PROFILE") }
        return config.defaultProfile.map { ($0, "default_profile") }
    }

    /// - Throws: `CommandFailure` (2) for a profile that does not exist, a credentials
    ///   file others can read, or a credential command that fails.
    /// - Parameter needsCredentials: false to skip the API key and token (no command run, no file read).
    /// - Parameter aroundCommand: runs a credential command (`token_command`, `api_key_command`),
    ///   e.g. with the terminal given back to the shell first, for a command that asks on it.
    func resolve(environment: [String: String], needsCredentials: Bool = true,
                 aroundCommand: ((() throws -> String) throws -> String)? = nil) throws -> Resolved {
        let locator = ConfigLocator(environment: environment)
        let (config, warnings) = ProfileConfig.load(locator.userDirectory.appendingPathComponent("config.toml"))
        var chosen = chosenProfile(config, environment: environment)
        // A default_profile without its table is only warned about (ProfileConfig.load): no profile.
        if chosen?.source == "default_profile", let name = chosen?.name, config.profiles[name] == nil { chosen = nil }
        var selected: Profile?
        if let (name, source) = chosen {
            guard let found = config.profiles[name] else {
                let known = config.profiles.keys.sorted()
                throw CommandFailure(message: "no profile “\(name)” (from \(source)) in \(locator.userDirectory.appendingPathComponent("config.toml").path)"
                                     + (known.isEmpty ? "" : "; profiles: \(known.joined(separator: ", "))"), exitCode: 2)
            }
            selected = found
        }
        var resolved = Resolved(profile: selected, profileSource: chosen?.1,
                                baseURL: [baseURL, environment["LEADTERM_BASE_URL"], selected?.baseURL].compactMap { $0 }.first { !$0.isEmpty },
                                timeout: timeout ?? selected?.timeout ?? Self.defaultTimeout, warnings: warnings)
        let credentials = CredentialStore.url(locator)
        var stored: CredentialStore.Stored?? = .none
        func fromFile() throws -> CredentialStore.Stored? {
            if case .some(let known) = stored { return known }
            guard let name = selected?.name else { stored = .some(nil); return nil }
            let read = try CredentialStore.read(credentials, profile: name)
            stored = .some(read)
            return read
        }
        // The environment, else the profile's command, else the stored file.
        func credential(_ variable: String, command: String?, setting: String, stored: (CredentialStore.Stored) -> String?) throws -> (String, String)? {
            var found: (String, String)?
            if let value = environment[variable], !value.isEmpty { found = (value, "environment (\(variable))") }
            else if let command {
                let run = { try SecretCommand.run(command, setting: setting, timeout: resolved.timeout) }
                found = (try aroundCommand?(run) ?? run(), "command (\(setting): \(command))")
            }
            else { found = try fromFile().flatMap(stored).map { ($0, "file (\(credentials.path))") } }
            guard let (value, source) = found else { return nil }
            return (try Self.checkedCredential(value, what: variable == "LEADTERM_TOKEN" ? "token" : "API key", source: source), source)
        }
        guard needsCredentials else { return resolved }
        resolved.apiKey = try credential("LEADTERM_API_KEY", command: selected?.apiKeyCommand, setting: "api_key_command") { $0.apiKey }
        resolved.token = try credential("LEADTERM_TOKEN", command: selected?.tokenCommand, setting: "token_command") { $0.token }
        return resolved
    }

    /// Runs `body` with a client for the configured service (or a sandbox), then tidies up.
    func withService<T: Sendable>(_ body: (any LeadsService) async throws -> T) async throws -> T {
        if demo {
            var options = SandboxOptions()
            options.port = 0
            let sandbox: RunningSandbox
            do {
                sandbox = try await Sandbox.start(options)
            } catch {
                throw CommandFailure(message: "cannot start the demo sandbox: \(error)", exitCode: 5)
            }
            do {
                let client = try APIClient(configuration: ClientConfiguration(
                    baseURL: sandbox.baseURL, credentials: sandbox.credentials, timeout: timeout ?? Self.defaultTimeout,
                    logger: try logger("leadterm.api")))
                let result = try await Self.using(client, body)
                await sandbox.stop()
                return result
            } catch {
                await sandbox.stop()
                throw error
            }
        }
        let resolved = try resolve(environment: ProcessInfo.processInfo.environment)
        for warning in resolved.warnings { Output.standardError("leadterm: \(warning)") }
        return try await Self.using(try makeClient(resolved), body)
    }

    /// Runs `body` with `client`, then closes its connections whatever happened.
    static func using<T: Sendable>(_ client: APIClient, _ body: (any LeadsService) async throws -> T) async throws -> T {
        // A request still running (a read given up on) must not hold the exit.
        do {
            let result = try await body(client)
            await Bounded.wait(seconds: 1) { await client.shutdown() }
            return result
        } catch {
            await Bounded.wait(seconds: 1) { await client.shutdown() }
            throw error
        }
    }

    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> APIClient {
        try makeClient(try resolve(environment: environment))
    }

    func makeClient(_ resolved: Resolved) throws -> APIClient {
        let login = resolved.profile.map { " or run `leadterm login --profile \($0.name)`" } ?? ""
        guard let url = resolved.baseURL else {
            throw APIError.configuration("No server configured: set base_url in a profile of config.toml, LEADTERM_BASE_URL or --base-url (or try --demo).")
        }
        guard let apiKey = resolved.apiKey?.value else { throw APIError.configuration("No API key: set LEADTERM_API_KEY\(login).") }
        guard let token = resolved.token?.value else { throw APIError.configuration("No token: set LEADTERM_TOKEN\(login).") }
        let baseURL = try ClientConfiguration.validatedBaseURL(url)
        return try APIClient(configuration: ClientConfiguration(
            baseURL: baseURL, credentials: Credentials(apiKey: apiKey, token: token), timeout: resolved.timeout,
            logger: try logger("leadterm.api")))
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the data as one JSON document on stdout, for scripts.")
    var json = false
}

/// `--csv` of the commands that list rows.
struct CSVOption: ParsableArguments {
    @Flag(help: "Print the rows as CSV (RFC 4180, UTF-8; a cell a spreadsheet would run as a formula starts with ').")
    var csv = false
}
