import Foundation
import GRDB
import Logging
import Synchronization
import LeadsAPI
import LeadsStore
import LeadsUI

/// What the user has seen, per profile, so the next start shows it at once:
/// `$XDG_CACHE_HOME/leadterm/NAME.sqlite` (default `~/.cache/leadterm/`), one
/// SQLite file through GRDB, mode 0600 in a 0700 folder. It holds every lead
/// list page by its query (filters, offset), the last 500 lead details, every
/// appointments page by its query (the calendar's windows, today's agenda) and
/// the overviews, each with the time it was saved — never a credential.
///
/// Best effort: a file that cannot be opened or read is no cache (the app asks
/// the service as before); nothing here ever stops the app.
public final class LeadsCache: Sendable {
    private let database: DatabaseQueue
    public let url: URL
    /// Outbox rows that could not be read: kept in the file, never overwritten.
    private let unreadable = Mutex<Set<Int>>([])

    /// Lead details kept (the oldest go first).
    public static let detailLimit = 500

    /// The cache file of `name` (a profile, or the server's host) in `environment`'s cache folder.
    public static func url(name: String, environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            base = URL(fileURLWithPath: environment["HOME"] ?? NSHomeDirectory()).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("leadterm").appendingPathComponent("\(DraftStore.fileName(for: name)).sqlite")
    }

    public init?(url: URL) {
        self.url = url
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            chmod(folder.path, 0o700)
            // Created 0600 before SQLite opens it, so no moment exists when others could read it.
            if !FileManager.default.fileExists(atPath: url.path) {
                let descriptor = open(url.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
                if descriptor >= 0 { close(descriptor) }
            }
            chmod(url.path, 0o600)
            database = try DatabaseQueue(path: url.path)
            // Made once: a start reads, it does not write (no journal, no fsync before the first frame).
            let tables = try database.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('screens', 'outbox')") ?? 0
            }
            if tables < 2 { try database.write { db in
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS screens (key TEXT PRIMARY KEY, body BLOB NOT NULL, saved_at DOUBLE NOT NULL)")
                // The changes waiting to be sent (issue 12, point 7), in the order they were made.
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, body BLOB NOT NULL)")
            } }
        } catch {
            return nil
        }
    }

    public func save<Value: Encodable>(_ key: String, _ value: Value, at date: Date = Date()) {
        guard let body = try? JSONEncoder().encode(value) else { return }
        try? database.write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO screens (key, body, saved_at) VALUES (?, ?, ?)",
                           arguments: [key, body, date.timeIntervalSince1970])
            if key.hasPrefix("lead.") {
                try db.execute(sql: """
                    DELETE FROM screens WHERE key LIKE 'lead.%' AND key NOT IN
                    (SELECT key FROM screens WHERE key LIKE 'lead.%' ORDER BY saved_at DESC LIMIT ?)
                    """, arguments: [Self.detailLimit])
            }
        }
    }

    /// Replaces the stored outbox with `entries`.
    /// - Returns: nil when stored, else why not (said in the app: the changes are then only in memory).
    @discardableResult
    public func saveOutbox(_ entries: [OutboxEntry]) -> String? {
        do {
            let encoder = JSONEncoder()
            let rows = try entries.map { ($0.id, try encoder.encode($0)) }
            let kept = unreadable.withLock { $0.map(String.init).joined(separator: ",") }
            try database.write { db in
                try db.execute(sql: "DELETE FROM outbox WHERE id NOT IN (\(kept))")
                for (id, body) in rows { try db.execute(sql: "INSERT INTO outbox (id, body) VALUES (?, ?)", arguments: [id, body]) }
            }
            return nil
        } catch {
            return "\(error)"
        }
    }

    /// The stored outbox, in order; an entry that cannot be read is skipped and named in `problems`.
    public func loadOutbox() -> (entries: [OutboxEntry], problems: [String]) {
        guard let rows = try? database.read({ db in try Row.fetchAll(db, sql: "SELECT id, body FROM outbox ORDER BY id") }) else { return ([], []) }
        var entries: [OutboxEntry] = [], problems: [String] = []
        for row in rows {
            let id: Int = row["id"] ?? 0
            if let body: Data = row["body"], let entry = try? JSONDecoder().decode(OutboxEntry.self, from: body) {
                entries.append(entry)
            } else {
                unreadable.withLock { _ = $0.insert(id) }
                problems.append("change #\(id) of the outbox in \(url.path) could not be read (left there, not sent)")
            }
        }
        return (entries, problems)
    }

    public func load<Value: Decodable>(_ type: Value.Type, _ key: String) -> (value: Value, savedAt: Date)? {
        guard let row = try? database.read({ db in try Row.fetchOne(db, sql: "SELECT body, saved_at FROM screens WHERE key = ?", arguments: [key]) }),
              let body: Data = row["body"], let saved: Double = row["saved_at"],
              let value = try? JSONDecoder().decode(type, from: body) else { return nil }
        return (value, Date(timeIntervalSince1970: saved))
    }

    /// A page as stored (`Page` itself is not `Codable`: its `next` is a URL the client builds).
    public struct StoredPage<Item: Codable & Sendable>: Codable {
        public var results: [Item]
        public var count: Int
        public var next: String?

        public init(_ page: Page<Item>) { results = page.results; count = page.count; next = page.next?.absoluteString }
        public var page: Page<Item> { Page(results: results, count: count, next: next.flatMap(URL.init(string:))) }
    }

    public static func listKey(_ type: LeadListType) -> String { "leads.\(type.rawValue)" }

    /// The rows `offset..<offset+limit` of a lead list with `query`'s filters, put together
    /// from every page kept for those filters whatever their page size (the app reads 50 at a
    /// time, `leads list --all` 500): nil unless every row asked for is there. Saved at the
    /// oldest of the pages used.
    public func assembledLeads(_ query: LeadQuery) -> (page: Page<LeadSummary>, savedAt: Date)? {
        var filters = query
        filters.limit = nil
        filters.offset = nil
        let wanted = Self.key("leads", filters.queryItems)
        guard let rows = try? database.read({ db in
            try Row.fetchAll(db, sql: "SELECT key, body, saved_at FROM screens WHERE key LIKE 'leads?%'")
        }) else { return nil }
        var byPosition: [Int: LeadSummary] = [:]
        var count: Int?
        var oldest: Date?
        for row in rows {
            guard let key: String = row["key"], let body: Data = row["body"], let saved: Double = row["saved_at"] else { continue }
            let (rest, offset) = Self.withoutPaging(key)
            guard rest == wanted, let page = try? JSONDecoder().decode(StoredPage<LeadSummary>.self, from: body) else { continue }
            for (index, lead) in page.results.enumerated() { byPosition[offset + index] = lead }
            count = max(count ?? 0, page.count)
            let date = Date(timeIntervalSince1970: saved)
            oldest = min(oldest ?? date, date)
        }
        guard let total = count, let savedAt = oldest else { return nil }
        let start = query.offset ?? 0
        let end = min(total, start + (query.limit ?? 50))
        guard start <= end else { return nil }
        var results: [LeadSummary] = []
        for position in start..<end {
            guard let lead = byPosition[position] else { return nil }
            results.append(lead)
        }
        let next = end < total ? URL(string: "offline:leads?offset=\(end)") : nil
        return (Page(results: results, count: total, next: next), savedAt)
    }

    /// A list key without its `limit` and `offset` items, and the offset it had.
    static func withoutPaging(_ key: String) -> (String, Int) {
        guard let mark = key.firstIndex(of: "?") else { return (key, 0) }
        var offset = 0
        let kept = key[key.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: true).filter { item in
            if item.hasPrefix("offset=") { offset = Int(item.dropFirst(7)) ?? 0; return false }
            return !item.hasPrefix("limit=")
        }
        return (String(key[...mark]) + kept.joined(separator: "&"), offset)
    }

    /// A query's key: the endpoint and its parameters as sent.
    public static func key(_ endpoint: String, _ items: [(String, String)]) -> String {
        endpoint + "?" + items.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }


    /// What the last session saw, for the first frame: the owned list's first page,
    /// its first lead's detail, the overview; nil when nothing is cached.
    public func screens() -> CachedScreens? {
        guard let (page, saved) = load(StoredPage<LeadSummary>.self, Self.listKey(.owned)) else { return nil }
        var screens = CachedScreens(leads: page.page, savedAt: saved)
        screens.overview = load(Overview.self, "overview")?.value
        if let first = page.results.first { screens.detail = load(LeadDetail.self, "lead.\(first.slug)")?.value }
        // Today's agenda, as today's first request asks for it, when it was seen today and is whole.
        let today = Day(Date(), in: .current)
        let query = AppointmentQuery(dateSetting: .on, onDate: today.filterText, limit: AppointmentFetch.pageSize)
        if let (agenda, _) = load(StoredPage<Appointment>.self, Self.key("appointments", query.queryItems)), agenda.next == nil {
            screens.today = agenda.results.sorted(by: AppointmentFetch.startsEarlier)
        }
        return screens
    }
}

/// Whether the service answers: the first failure to reach it (refused, timed
/// out, no such host, TLS, a dropped connection) and the first answer after
/// one are told to the observer, once each.
public final class Connectivity: Sendable {
    private let state = Mutex<(offlineSince: Date?, observer: (@Sendable (Date?) -> Void)?)>((nil, nil))
    /// Where the changes are told (`--log`).
    public let logger: Logger

    public init(logger: Logger = .silent) { self.logger = logger }

    public func observe(_ observer: @escaping @Sendable (Date?) -> Void) { state.withLock { $0.observer = observer } }

    public func failed() {
        let told = state.withLock { state -> (@Sendable (Date?) -> Void, Date)? in
            guard state.offlineSince == nil else { return nil }
            let now = Date()
            state.offlineSince = now
            return state.observer.map { ($0, now) }
        }
        if let (observer, since) = told {
            logger.notice("offline: the service cannot be reached")
            observer(since)
        }
    }

    public func answered() {
        let told = state.withLock { state -> (Date, (@Sendable (Date?) -> Void)?)? in
            guard let since = state.offlineSince else { return nil }
            state.offlineSince = nil
            return (since, state.observer)
        }
        guard let (since, observer) = told else { return }
        logger.notice("online: the service answers again after \(Int(Date().timeIntervalSince(since))) s offline")
        observer?(nil)
    }

    /// A failure that means the service cannot be reached (not one it answered).
    public static func isUnreachable(_ error: any Error) -> Bool {
        (error as? APIError)?.isUnreachable == true
    }
}

/// The service, each read the user sees also kept in the cache; when the
/// service cannot be reached, a read the cache has is answered from it (and
/// `connectivity` says the app is offline), so every screen seen keeps working.
public struct CachingService: LeadsService {
    public let base: any LeadsService
    public let cache: LeadsCache
    public let connectivity: Connectivity
    /// When the oldest answer taken from the cache was saved (the command line marks its output with it).
    public var answeredFromCache: CacheAnswers? = nil

    public init(base: any LeadsService, cache: LeadsCache, connectivity: Connectivity, answeredFromCache: CacheAnswers? = nil) {
        self.base = base; self.cache = cache; self.connectivity = connectivity; self.answeredFromCache = answeredFromCache
    }

    /// `fetch`, saved under `key` as `store(value)`; unreachable, the cache's copy under `key`,
    /// else what `fallback` puts together from other copies.
    private func read<Value, Stored: Codable>(_ key: String, _ fetch: () async throws -> Value,
                                              store: (Value) -> Stored, restore: (Stored) -> Value,
                                              fallback: () -> (Value, Date)? = { nil }) async throws -> Value {
        do {
            let value = try await fetch()
            connectivity.answered()
            cache.save(key, store(value))
            return value
        } catch {
            guard Connectivity.isUnreachable(error) else { throw error }
            connectivity.failed()
            let what = key.split(separator: "?", maxSplits: 1).first.map(String.init) ?? key
            guard let (kept, savedAt) = cache.load(Stored.self, key) else {
                if let (value, savedAt) = fallback() {
                    connectivity.logger.info("cache: answered \(what) from the pages kept, the oldest saved \(savedAt.formatted(.iso8601))")
                    answeredFromCache?.saw(savedAt)
                    return value
                }
                connectivity.logger.info("cache: no copy of \(what) to answer with")
                answeredFromCache?.missed(what)
                throw error
            }
            connectivity.logger.info("cache: answered \(what) with the copy saved \(savedAt.formatted(.iso8601))")
            answeredFromCache?.saw(savedAt)
            return restore(kept)
        }
    }

    /// A write: sent, or said to be unreachable (it stays in its form, nothing lost).
    private func write(_ send: () async throws -> Void) async throws {
        do {
            try await send()
            connectivity.answered()
        } catch {
            if Connectivity.isUnreachable(error) { connectivity.failed() }
            throw error
        }
    }

    public func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> {
        let page = try await read(LeadsCache.key("leads", query.queryItems), { try await base.leads(query) },
                                  store: LeadsCache.StoredPage.init, restore: \.page, fallback: { cache.assembledLeads(query) })
        // The first page of a list without filters: what the next start shows first.
        if (query.offset ?? 0) == 0, query == LeadQuery(listType: query.listType, limit: query.limit, offset: query.offset) {
            cache.save(LeadsCache.listKey(query.listType), LeadsCache.StoredPage(page))
        }
        return page
    }

    public func lead(slug: String) async throws -> LeadDetail {
        try await read("lead.\(slug)", { try await base.lead(slug: slug) }, store: { $0 }, restore: { $0 })
    }

    public func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview {
        try await read(appointments.map { "overview?appointment=\($0.rawValue)" } ?? "overview", { try await base.overview(appointments: appointments) },
                       store: { $0 }, restore: { $0 })
    }

    public func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> {
        try await read(LeadsCache.key("appointments", query.queryItems), { try await base.appointments(query) },
                       store: LeadsCache.StoredPage.init, restore: \.page)
    }

    public func createAppointment(_ draft: AppointmentDraft) async throws { try await write { try await base.createAppointment(draft) } }
    public func updateAppointment(_ changes: AppointmentChanges) async throws { try await write { try await base.updateAppointment(changes) } }
    public func deleteAppointment(id: Int) async throws { try await write { try await base.deleteAppointment(id: id) } }
    public func createLead(_ draft: LeadDraft) async throws { try await write { try await base.createLead(draft) } }
    public func updateLead(slug: String, _ draft: LeadDraft) async throws { try await write { try await base.updateLead(slug: slug, draft) } }
    public func deleteLead(slug: String) async throws { try await write { try await base.deleteLead(slug: slug) } }
    public func createNote(slug: String, text: String) async throws { try await write { try await base.createNote(slug: slug, text: text) } }
    public func deleteNote(id: Int) async throws { try await write { try await base.deleteNote(id: id) } }
    public func shutdown() async { await base.shutdown() }
    public func replaceToken(_ token: String) async { await base.replaceToken(token) }
}

/// The oldest save time among the answers a command took from the cache.
public final class CacheAnswers: Sendable {
    private let oldest = Mutex<Date?>(nil)
    private let missing = Mutex<String?>(nil)
    public init() {}
    /// What was asked of the cache and not there (`lead.ana-souza-1`, `leads`), the first such.
    public func missed(_ what: String) { missing.withLock { $0 = $0 ?? what } }
    public var firstMissed: String? { missing.withLock { $0 } }
    public func saw(_ savedAt: Date) { oldest.withLock { $0 = min($0 ?? savedAt, savedAt) } }
    /// Nil when every answer came from the service.
    public var savedAt: Date? { oldest.withLock { $0 } }
}

/// The service as `--offline` sees it: never reached, so every read is the cache's.
public struct OfflineService: LeadsService {
    public init() {}
    public static let error = APIError.transport(.init(.cannotConnect, "--offline: the service is not asked"))
    public func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview { throw Self.error }
    public func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> { throw Self.error }
    public func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> { throw Self.error }
    public func lead(slug: String) async throws -> LeadDetail { throw Self.error }
    public func createAppointment(_ draft: AppointmentDraft) async throws { throw Self.error }
    public func updateAppointment(_ changes: AppointmentChanges) async throws { throw Self.error }
    public func deleteAppointment(id: Int) async throws { throw Self.error }
    public func createLead(_ draft: LeadDraft) async throws { throw Self.error }
    public func updateLead(slug: String, _ draft: LeadDraft) async throws { throw Self.error }
    public func deleteLead(slug: String) async throws { throw Self.error }
    public func createNote(slug: String, text: String) async throws { throw Self.error }
    public func deleteNote(id: Int) async throws { throw Self.error }
}
