import ArgumentParser
import Foundation
import LeadsAPI
import LeadsCache

/// `--offline` of the read commands.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Answer from the local cache (what the app and earlier commands saw), without asking the service; said on stderr when it was saved.")
    var offline = false
}

extension ConnectionOptions {
    /// The cache (and drafts) name of an account: the profile, else the server's host and port.
    static func cacheName(_ profile: Profile?, _ baseURL: URL) -> String {
        profile?.name ?? "host-\(baseURL.host ?? "")-\(baseURL.port ?? 0)"
    }

    /// A cache key as people say it: `lead.ana-souza-1` → "lead ana-souza-1", `appointments` → "these appointments".
    static func describe(_ key: String) -> String {
        if key.hasPrefix("lead.") { return "lead \(key.dropFirst(5))" }
        switch key {
        case "leads": return "these leads"
        case "appointments": return "these appointments"
        default: return key.hasPrefix("overview") ? "the overview" : key
        }
    }

    /// Runs a read command's `body` with the account's local cache (issue 12, point 9): every
    /// answer is kept there, as the app keeps what it shows; with `offline`, or when the
    /// service cannot be reached, what the cache holds answers instead. `body` gets the
    /// cache-backed service and a cache-only one (for a fallback of its own).
    ///
    /// - Returns: `body`'s value and when the oldest answer taken from the cache was saved
    ///   (nil: all from the service).
    /// - Throws: `CommandFailure` (5) when an answer was needed from the cache and it has none,
    ///   (2) for `--offline` with `--demo`; else what the service or `body` throws.
    func withCachedReads<T: Sendable>(offline: Bool,
                                      _ body: (_ service: any LeadsService, _ cacheOnly: any LeadsService) async throws -> T) async throws -> (T, Date?) {
        if demo {
            guard !offline else { throw CommandFailure(message: "--offline reads a profile's cache; the demo has none.", exitCode: 2) }
            return try await withService { service in (try await body(service, OfflineService()), nil) }
        }
        let environment = ProcessInfo.processInfo.environment
        let resolved = try resolve(environment: environment, needsCredentials: !offline)
        for warning in resolved.warnings { Output.standardError("leadterm: \(warning)") }
        // No cache to use: the service alone.
        func uncached() async throws -> (T, Date?) {
            try await Self.using(try makeClient(resolved)) { service in (try await body(service, OfflineService()), nil) }
        }
        guard let url = resolved.baseURL, let baseURL = try? ClientConfiguration.validatedBaseURL(url) else {
            if offline { throw CommandFailure(message: "--offline needs a profile or a base URL: the cache is kept per account.", exitCode: 2) }
            return try await uncached()
        }
        let name = Self.cacheName(resolved.profile, baseURL)
        let file = LeadsCache.url(name: name, environment: environment)
        guard let cache = LeadsCache(url: file) else {
            if offline { throw CommandFailure(message: "cannot open the cache \(file.path)", exitCode: 5) }
            return try await uncached()
        }
        let answers = CacheAnswers()
        let connectivity = Connectivity(logger: try logger("leadterm.connectivity"))
        let cacheOnly = CachingService(base: OfflineService(), cache: cache, connectivity: connectivity, answeredFromCache: answers)
        func missing(_ error: APIError) -> CommandFailure {
            let reason = offline ? "--offline" : "the service cannot be reached (\(error.message))"
            let what = answers.firstMissed.map(Self.describe) ?? "this"
            return CommandFailure(message: "\(reason), and the cache of \(name) (\(file.path)) does not hold \(what) yet: "
                                  + "run it once while online, or open it in the app.", exitCode: 5)
        }
        do {
            if offline { return (try await body(cacheOnly, cacheOnly), answers.savedAt) }
            let client = try makeClient(resolved)
            let service = CachingService(base: client, cache: cache, connectivity: connectivity, answeredFromCache: answers)
            let value = try await Self.using(client) { _ in try await body(service, cacheOnly) }
            return (value, answers.savedAt)
        } catch let error as APIError where Connectivity.isUnreachable(error) {
            throw missing(error)
        }
    }
}
