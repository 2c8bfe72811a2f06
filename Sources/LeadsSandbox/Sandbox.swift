import Foundation
import GRDB
import Hummingbird
import LeadsAPI
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// How to start a sandbox.
public struct SandboxOptions: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 8080
    /// A SQLite file to keep; nil means a fresh temporary database, removed on stop.
    public var databasePath: String?
    public var seed: UInt64 = 42
    public var leads: Int = 200
    public var apiKey: String = "sandbox-key"
    public var token: String = "sandbox-token"
    /// The API prefix and version, as in `https://crm.example.com/api/v1/`.
    public var pathPrefix: String = "/api/v1/"
    public var timeZone: TimeZone = .current
    public var now: @Sendable () -> Date = { Date() }

    public init() {}
}

/// A sandbox server that imitates the Leads & CRM service over SQLite.
public enum Sandbox {
    /// Starts the server and returns once it listens. Seeds the database when it is new.
    public static func start(_ options: SandboxOptions) async throws -> RunningSandbox {
        let temporaryPath = options.databasePath == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-sandbox-\(UUID().uuidString).sqlite3").path
            : nil
        let path = options.databasePath ?? temporaryPath!
        let clock = WallClock(timeZone: options.timeZone)
        let database = try SandboxDatabase.open(path: path)
        if try SandboxDatabase.isEmpty(database) {
            let now = options.now()
            try await database.write { db in
                var seed = SeedData(seed: options.seed, clock: clock, now: now)
                try seed.write(leadCount: options.leads, into: db)
            }
        }
        let service = SandboxService(database: database, clock: clock, now: options.now)
        let tokens = SandboxTokens(options.token)
        let responder = SandboxResponder(service: service, prefix: options.pathPrefix, apiKey: options.apiKey, tokens: tokens)

        let (ports, portContinuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        var logger = Logger(label: "leadterm.sandbox")
        logger.logLevel = .critical
        let application = Application(
            responder: responder,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "leadterm-sandbox"),
            onServerRunning: { channel in portContinuation.yield(.success(channel.localAddress?.port ?? options.port)) },
            logger: logger
        )
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        let task = Task {
            do {
                try await group.run()
                portContinuation.yield(.failure(SandboxError.stoppedBeforeListening))
            } catch {
                portContinuation.yield(.failure(error))
            }
            portContinuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let first = await iterator.next() else { throw SandboxError.stoppedBeforeListening }
        switch first {
        case .failure(let error):
            if let temporaryPath { RunningSandbox.removeDatabase(temporaryPath) }
            throw SandboxError.cannotListen(host: options.host, port: options.port, reason: String(describing: error))
        case .success(let port):
            let hostForURL = options.host.contains(":") ? "[\(options.host)]" : options.host
            let url = URL(string: "http://\(hostForURL):\(port)\(options.pathPrefix)")!
            return RunningSandbox(baseURL: url, apiKey: options.apiKey, token: options.token, port: port,
                                  group: group, task: task, temporaryPath: temporaryPath, tokens: tokens)
        }
    }
}

public enum SandboxError: Error, CustomStringConvertible {
    case cannotListen(host: String, port: Int, reason: String)
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .cannotListen(let host, let port, let reason): return "Cannot listen on \(host):\(port): \(reason)"
        case .stoppedBeforeListening: return "The sandbox stopped before it was listening."
        }
    }
}

/// A started sandbox: where it is, and how to stop it.
public final class RunningSandbox: Sendable {
    public let baseURL: URL
    public let apiKey: String
    public let token: String
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>
    private let temporaryPath: String?
    private let tokens: SandboxTokens

    init(baseURL: URL, apiKey: String, token: String, port: Int, group: ServiceGroup, task: Task<Void, Never>, temporaryPath: String?,
         tokens: SandboxTokens) {
        self.baseURL = baseURL; self.apiKey = apiKey; self.token = token; self.port = port
        self.group = group; self.task = task; self.temporaryPath = temporaryPath; self.tokens = tokens
    }

    /// Replaces the tokens the sandbox accepts, as a service does when a token expires or
    /// is revoked: from now on `token` signs in `demo` (and `<token>-<username>` the others),
    /// and the earlier ones are refused (401). `self.token` stays the first one.
    public func rotateToken(to token: String) { tokens.rotate(to: token) }

    /// The demo user's credentials.
    public var credentials: Credentials { Credentials(apiKey: apiKey, token: token) }

    /// The seeded users besides `demo`, who can sign in too.
    public static let otherUsers = SeedData.users.map(\.0).filter { $0 != SeedData.signedInUser }

    /// Credentials of another seeded user (`alex`, `sam`, `priya`, `kenji`): token `<token>-<username>`.
    public func credentials(for username: String) -> Credentials {
        username == SeedData.signedInUser ? credentials : Credentials(apiKey: apiKey, token: "\(token)-\(username)")
    }

    /// Stops serving and removes a temporary database.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
        if let temporaryPath { Self.removeDatabase(temporaryPath) }
    }

    /// Stops as `stop()`, but waits at most `seconds` for open connections to
    /// wind down (a client's keep-alive connection can hold a graceful
    /// shutdown); the temporary database is removed either way. For a process
    /// about to exit.
    public func stop(within seconds: Double) async {
        await group.triggerGracefulShutdown()
        let task = self.task
        await Bounded.wait(seconds: seconds) { await task.value }
        if let temporaryPath { Self.removeDatabase(temporaryPath) }
    }

    /// Waits until the server stops by itself (or is stopped).
    public func wait() async { await task.value }

    static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
