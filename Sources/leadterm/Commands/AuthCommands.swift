import ArgumentParser
import Foundation
import LeadsAPI
import TerminalUI

/// `leadterm login`: asks for a profile's API key and token (echo off), or reads
/// them from standard input with `--with-token`; checks them with one request;
/// stores them in `credentials.toml` (0600, its folder 0700).
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Store a profile's API key and token, checked with one request first.",
        discussion: """
            Asks for both with echo off. --with-token reads them from standard input instead, \
            the API key on the first line and the token on the second (for scripts). \
            They are stored in credentials.toml beside config.toml (mode 0600); nothing is \
            stored when the service refuses them.
            """
    )

    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Read the API key and the token from standard input, one a line.") var withToken = false

    func validate() throws {
        if connection.demo { throw ValidationError("--demo needs no login.") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let locator = ConfigLocator(environment: environment)
        let (config, warnings) = ProfileConfig.load(locator.userDirectory.appendingPathComponent("config.toml"))
        for warning in warnings { Output.standardError("leadterm: \(warning)") }
        guard let name = connection.chosenProfile(config, environment: environment)?.name else {
            throw CommandFailure(message: "name the profile to log in to: leadterm login --profile NAME "
                                 + "(its base_url in \(locator.userDirectory.appendingPathComponent("config.toml").path))", exitCode: 2)
        }
        guard ProfileConfig.isValidName(name) else {
            throw CommandFailure(message: "“\(name)” is not a profile name (letters, digits, _ and -)", exitCode: 2)
        }
        let profile = config.profiles[name]
        guard let url = [connection.baseURL, environment["LEADTERM_BASE_URL"], profile?.baseURL].compactMap({ $0 }).first(where: { !$0.isEmpty }) else {
            throw CommandFailure(message: "profile “\(name)” has no server: add [profiles.\(name)] with base_url to "
                                 + "\(locator.userDirectory.appendingPathComponent("config.toml").path), or pass --base-url", exitCode: 2)
        }
        let (typedKey, typedToken) = try withToken ? Self.readStandardInput() : Self.ask(profile: name)
        let apiKey = try ConnectionOptions.checkedCredential(typedKey, what: "API key", source: withToken ? "standard input" : "the terminal")
        let token = try ConnectionOptions.checkedCredential(typedToken, what: "token", source: withToken ? "standard input" : "the terminal")
        let client = try APIClient(configuration: ClientConfiguration(
            baseURL: try ClientConfiguration.validatedBaseURL(url), credentials: Credentials(apiKey: apiKey, token: token),
            timeout: connection.timeout ?? profile?.timeout ?? ConnectionOptions.defaultTimeout))
        // One cheap request: a page of one lead.
        _ = try await ConnectionOptions.using(client) { try await $0.leads(LeadQuery(limit: 1)) }
        let file = CredentialStore.url(locator)
        try CredentialStore.write(file, profile: name, apiKey: apiKey, token: token)
        Output.standardOutput("Logged in to \(url) as profile \(name): the API key and token are stored in \(file.path) (mode 0600).")
    }

    /// Two lines from standard input: the API key, then the token.
    static func readStandardInput() throws -> (String, String) {
        let lines = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.count >= 2, !lines[0].isEmpty, !lines[1].isEmpty else {
            throw CommandFailure(message: "--with-token reads two lines from standard input: the API key, then the token", exitCode: 2)
        }
        return (lines[0], lines[1])
    }

    /// Both secrets from the terminal, echo off.
    static func ask(profile: String) throws -> (String, String) {
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(message: "no terminal to ask on: pipe the API key and the token in with --with-token", exitCode: 2)
        }
        func secret(_ prompt: String) throws -> String {
            guard let typed = getpass(prompt) else { throw CommandFailure(message: "nothing read", exitCode: 2) }
            let text = String(cString: typed).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw CommandFailure(message: "nothing typed: nothing stored", exitCode: 2) }
            return text
        }
        return (try secret("API key for \(profile): "), try secret("Token for \(profile): "))
    }
}

/// `leadterm logout`: removes what `login` stored for a profile.
struct LogoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Remove a profile's stored API key and token.")

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let locator = ConfigLocator(environment: environment)
        let (config, _) = ProfileConfig.load(locator.userDirectory.appendingPathComponent("config.toml"))
        guard let name = connection.chosenProfile(config, environment: environment)?.name else {
            throw CommandFailure(message: "name the profile: leadterm logout --profile NAME", exitCode: 2)
        }
        let file = CredentialStore.url(locator)
        if try CredentialStore.remove(file, profile: name) {
            Output.standardOutput("Removed the stored API key and token of profile \(name) from \(file.path).")
        } else {
            Output.standardOutput("Nothing stored for profile \(name).")
        }
    }
}

/// `leadterm auth status`: the profile, server and user in effect, and where each
/// credential comes from — never the secret itself.
struct AuthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "auth", abstract: "Where the connection's settings and credentials come from.",
                                                    subcommands: [Status.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show the profile, server, user and the source of each credential (never a secret).",
            discussion: "Exit status 0 when both credentials are found, 4 when one is missing.")

        @OptionGroup var connection: ConnectionOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let resolved = try connection.resolve(environment: environment)
            for warning in resolved.warnings { Output.standardError("leadterm: \(warning)") }
            let server: String
            if let url = resolved.baseURL {
                let source = connection.baseURL != nil ? "--base-url" : environment["LEADTERM_BASE_URL"].map { !$0.isEmpty } == true
                    ? "LEADTERM_BASE_URL" : "profile"
                server = "\(url) (from \(source))"
            } else {
                server = "none"
            }
            let lines = [
                ("Profile", resolved.profile.map { "\($0.name) (from \(resolved.profileSource ?? "?"))" } ?? "none"),
                ("Server", server),
                ("User", resolved.profile?.user ?? "not set"),
                ("API key", resolved.apiKey.map { "from \($0.source)" } ?? "missing"),
                ("Token", resolved.token.map { "from \($0.source)" } ?? "missing"),
            ]
            Output.standardOutput(lines.map { "\($0.0 + ":")\(String(repeating: " ", count: max(1, 10 - $0.0.count)))\(TerminalSafeText.escape($0.1))" }
                .joined(separator: "\n"))
            if resolved.apiKey == nil || resolved.token == nil { throw ExitCode(4) }
        }
    }
}
