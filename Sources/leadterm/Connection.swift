import ArgumentParser
import Foundation
import LeadsAPI
import LeadsSandbox

/// Where the service is: `--base-url`, else `LEADTERM_BASE_URL`; credentials
/// only from `LEADTERM_API_KEY` and `LEADTERM_TOKEN`, never from arguments
/// (argv is visible to every user of the machine). `--demo` starts an
/// in-process sandbox with seeded data instead.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The API root with prefix and version (default: $LEADTERM_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Run against a built-in sandbox with demo data; no account needed.")
    var demo = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds before a request gives up.", valueName: "seconds"))
    var timeout: Double = 15

    func validate() throws {
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be between 0 and 600 seconds.") }
        if demo && baseURL != nil { throw ValidationError("--demo and --base-url exclude each other.") }
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
                    baseURL: sandbox.baseURL, credentials: sandbox.credentials, timeout: timeout))
                let result = try await Self.using(client, body)
                await sandbox.stop()
                return result
            } catch {
                await sandbox.stop()
                throw error
            }
        }
        return try await Self.using(try makeClient(), body)
    }

    /// Runs `body` with `client`, then closes its connections whatever happened.
    static func using<T: Sendable>(_ client: APIClient, _ body: (any LeadsService) async throws -> T) async throws -> T {
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    func makeClient(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> APIClient {
        guard let url = (baseURL ?? environment["LEADTERM_BASE_URL"]).flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw APIError.configuration("No server configured: set LEADTERM_BASE_URL or pass --base-url (or try --demo).")
        }
        let apiKey = environment["LEADTERM_API_KEY"] ?? ""
        let token = environment["LEADTERM_TOKEN"] ?? ""
        if apiKey.isEmpty { throw APIError.configuration("LEADTERM_API_KEY is not set.") }
        if token.isEmpty { throw APIError.configuration("LEADTERM_TOKEN is not set.") }
        let baseURL = try ClientConfiguration.validatedBaseURL(url)
        return try APIClient(configuration: ClientConfiguration(
            baseURL: baseURL, credentials: Credentials(apiKey: apiKey, token: token), timeout: timeout))
    }
}

struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the data as one JSON document on stdout, for scripts.")
    var json = false
}
