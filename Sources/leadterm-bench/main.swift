// Figures for the performance goals (README, "Benchmarks"), on the app's
// real store and screen:
//   1. a key press in the lead list through the app's own event path
//      (key → keymap → action → reduce → effects → render → diff) with 100,
//      10,000 and 100,000 leads loaded, at 80x24 and 160x48;
//   2. the bytes the ncurses backend writes for the first frame, one
//      selection step, one scroll step, and an idle redraw;
//   3. the first frame with data: from creating the client and store to a
//      drawn list, against a sandbox in another process, over HTTP;
//   4. resident memory with 10,000 leads loaded through the client (measured
//      first, while the process holds nothing else);
//   5. the first frame from the local cache: 10,000 leads cached as the app
//      keeps them, the service not asked (issue 12, point 5).
// Run: swift run -c release leadterm-bench
import CTermGuard
import Foundation
import Glibc
import LeadsAPI
import LeadsCache
import LeadsSandbox
import LeadsStore
import LeadsUI
import TerminalUI

// The sandbox child: `leadterm-bench --serve-sandbox N` prints its URL and serves until killed.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--serve-sandbox" {
    var options = SandboxOptions()
    options.port = 0
    options.leads = Int(CommandLine.arguments[2]) ?? 200
    options.apiKey = "bench-key"
    options.token = "bench-token"
    let sandbox = try await Sandbox.start(options)
    FileHandle.standardOutput.write(Data((sandbox.baseURL.absoluteString + "\n").utf8))
    await sandbox.wait()
    exit(0)
}

enum Bench {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func shipped(_ path: String) -> String { (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? "" }
    static let theme = ThemeLoader.load(.init(file: "themes/default.toml", text: shipped("themes/default.toml")),
                                 knownRoles: Vocabulary.roles, depth: .colors256).theme ?? Theme(name: "plain", roles: [:], depth: .colors256)
    static let keymap = KeymapLoader.load(file: "keymaps/default.toml", text: shipped("keymaps/default.toml"),
                                   knownContexts: Set(Vocabulary.contexts.map(\.id)),
                                   knownActions: Set(Command.allCases.map(\.rawValue))).keymap ?? Keymap()
    static let utc = TimeZone(identifier: "UTC") ?? .current
    static let names = ["Ana Souza", "山田 太郎", "김 민준", "Zoë Ångström", "Mia Chen 🌸", "Siobhán O'Brien", "François Lefèvre"]
    static let statuses = ["prospect", "contact", "tentative", "potential", "customer", "closed"]

    static func leads(_ count: Int) -> [LeadSummary] {
        (0..<count).map { i in
            let name = names[i % names.count].split(separator: " ").map(String.init)
            return LeadSummary(id: i, slug: "lead-\(i)", firstName: name[0], lastName: name.dropFirst().joined(separator: " "),
                               phone: "+1555\(1_000_000 + i)", email: "lead\(i)@example.com",
                               addedOn: APIDate(raw: "2026-11-\(10 + i % 18) 09:00"), status: statuses[i % statuses.count],
                               source: "website", owner: "demo")
        }
    }

    static func newState(width: Int, height: Int) -> AppState {
        AppState(settings: Settings(serverLabel: "bench", timeZone: utc), now: Date(),
                 viewport: ScreenLayout.viewport(width: width, height: height))
    }

    /// A started state with `count` leads in one page (as many pages would leave it).
    static func loadedState(_ count: Int, width: Int, height: Int) -> AppState {
        var state = newState(width: width, height: height)
        _ = AppReducer.reduce(&state, .started(drafts: []))
        if let id = state.requests[.leadsPage] {
            _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 0, .success(Page(results: leads(count), count: count)))))
        }
        return state
    }

    /// A service that answers nothing: the key press figures leave the network out.
    struct NoService: LeadsService {
        func overview(appointments: OverviewAppointmentFilter?) async throws -> Overview { throw APIError.cancelled }
        func leads(_ query: LeadQuery) async throws -> Page<LeadSummary> { throw APIError.cancelled }
        func appointments(_ query: AppointmentQuery) async throws -> Page<Appointment> { throw APIError.cancelled }
        func lead(slug: String) async throws -> LeadDetail { throw APIError.cancelled }
        func createAppointment(_ draft: AppointmentDraft) async throws { throw APIError.cancelled }
        func updateAppointment(_ changes: AppointmentChanges) async throws { throw APIError.cancelled }
        func deleteAppointment(id: Int) async throws { throw APIError.cancelled }
        func createLead(_ draft: LeadDraft) async throws { throw APIError.cancelled }
        func updateLead(slug: String, _ draft: LeadDraft) async throws { throw APIError.cancelled }
        func deleteLead(slug: String) async throws { throw APIError.cancelled }
        func createNote(slug: String, text: String) async throws { throw APIError.cancelled }
        func deleteNote(id: Int) async throws { throw APIError.cancelled }
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
    }

    static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    static func makeScreen() -> Screen {
        Screen(theme: theme, keymap: keymap, helpContexts: Vocabulary.contexts, descriptions: Vocabulary.descriptions)
    }

    // MARK: 1. Key presses

    static func keyPresses() {
        print("")
        print("1. One key press in the lead list (j/k): key → keymap → action → reduce → effects → render → diff, test backend")
        print("leads     size     median µs   p95 µs")
        let clock = ContinuousClock()
        let drafts = DraftStore(environment: ["XDG_STATE_HOME": FileManager.default.temporaryDirectory.path])
        for count in [100, 10_000, 100_000] {
            for (width, height) in [(80, 24), (160, 48)] {
                var state = loadedState(count, width: width, height: height)
                for _ in 0..<(count / 2) / max(1, state.viewport.listRows - 1) {
                    _ = AppReducer.reduce(&state, .commandInvoked(.pageDown))   // start mid-list, away from the edges
                }
                let backend = TestBackend(width: width, height: height)
                let app = LeadsApp(backend: backend, service: NoService(), state: state, keymap: keymap, screen: makeScreen(),
                                   drafts: drafts, wake: {})
                var samples: [Double] = []
                for step in 0..<600 {
                    let key: Key = step % 40 < 20 ? .character("j") : .character("k")
                    let elapsed = clock.measure {
                        app.handle(.key(key))
                        var buffer = Buffer(width: width, height: height)
                        app.render(into: &buffer)
                        backend.draw(buffer)
                    }
                    if step >= 100 { samples.append(microseconds(elapsed)) }   // the first hundred warm the caches
                }
                print(String(format: "%-8d  %3dx%-3d  %9.1f  %8.1f", count, width, height, percentile(samples, 0.5), percentile(samples, 0.95)))
            }
        }
    }

    // MARK: 2. Bytes written

    static func bytesWritten() throws {
        print("")
        print("2. Bytes the ncurses backend writes (TERM=xterm-256color, 80x24, 10,000 leads)")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-bench-\(getpid()).out").path
        guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { fatalError("cannot open \(path)") }
        let backend = try NcursesBackend(terminal: "xterm-256color", output: output, input: input, environment: ["TERM": "xterm-256color"])
        backend.setSize(width: 80, height: 24)
        var state = loadedState(10_000, width: 80, height: 24)
        let screen = makeScreen()
        func written(_ body: (inout AppState) -> Void) -> Int {
            fflush(output)
            let before = ftell(output)
            body(&state)
            var buffer = Buffer(width: 80, height: 24)
            screen.render(state, into: &buffer)
            backend.draw(buffer)
            fflush(output)
            return ftell(output) - before
        }
        let first = written { _ in }
        let step = written { _ = AppReducer.reduce(&$0, .commandInvoked(.down)) }
        let rows = state.viewport.listRows
        _ = written { for _ in 0..<(rows - 2) { _ = AppReducer.reduce(&$0, .commandInvoked(.down)) } }
        let scroll = written { _ = AppReducer.reduce(&$0, .commandInvoked(.down)) }
        let idle = written { _ in }
        backend.restore()
        fclose(output)
        unlink(path)
        print("first frame (whole screen):             \(first) bytes")
        print("one selection step (2 rows + counter):  \(step) bytes")
        print("one scroll step (the list shifts):      \(scroll) bytes")
        print("idle redraw of an unchanged state:      \(idle) bytes")
    }

    // MARK: 3 and 4. Over HTTP, against a sandbox in another process

    /// Starts this binary as a sandbox child with `leads` leads; returns its URL and the process.
    static func startSandbox(leads: Int) throws -> (URL, Process) {
        let process = Process()
        process.executableURL = Bundle.main.executableURL
        process.arguments = ["--serve-sandbox", String(leads)]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        var line = Data()
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) { line += byte }
        guard let url = URL(string: String(decoding: line, as: UTF8.self)) else { throw CocoaError(.fileReadCorruptFile) }
        return (url, process)
    }

    final class Mailbox: @unchecked Sendable {
        private let lock = NSLock()
        private var actions: [Action] = []
        private let signal = DispatchSemaphore(value: 0)
        func post(_ action: Action) { lock.lock(); actions.append(action); lock.unlock(); signal.signal() }
        /// The next action (waits up to 10 s).
        func next() -> Action? {
            guard signal.wait(timeout: .now() + 10) == .success else { return nil }
            lock.lock(); defer { lock.unlock() }
            return actions.isEmpty ? nil : actions.removeFirst()
        }
    }

    static func client(_ url: URL) throws -> APIClient {
        try APIClient(configuration: ClientConfiguration(baseURL: url, credentials: Credentials(apiKey: "bench-key", token: "bench-token"), timeout: 10))
    }

    /// Runs on a thread of its own: blocking waits must not sit on the concurrency pool the client needs.
    static func onThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        Thread { body(); done.signal() }.start()
        done.wait()
    }

    static func firstFrame() throws {
        print("")
        print("3. First frame with data: new client and store → first page over HTTP → frame drawn (80x24)")
        let (url, sandbox) = try startSandbox(leads: 200)
        defer { sandbox.terminate() }
        onThread {
            let clock = ContinuousClock()
            var samples: [Double] = []
            for _ in 0..<20 {
                let start = clock.now
                guard let api = try? client(url) else { return }
                let mailbox = Mailbox()
                let runner = EffectRunner(service: api) { mailbox.post($0) }
                var state = newState(width: 80, height: 24)
                runner.run(AppReducer.reduce(&state, .started(drafts: [])))
                while !state.list.isFirstPageLoaded, let action = mailbox.next() { runner.run(AppReducer.reduce(&state, action)) }
                var buffer = Buffer(width: 80, height: 24)
                makeScreen().render(state, into: &buffer)
                samples.append(microseconds(clock.now - start) / 1000)
                while runner.runningCount > 0 { usleep(1000) }
                runner.stop()
                let done = DispatchSemaphore(value: 0)
                Task { await api.shutdown(); done.signal() }
                done.wait()
            }
            print(String(format: "median %.1f ms, p95 %.1f ms, worst %.1f ms (20 starts)",
                         percentile(samples, 0.5), percentile(samples, 0.95), samples.max() ?? 0))
        }
    }

    /// A figure of /proc/self/status in MiB: VmRSS (everything resident, shared libraries
    /// included) or RssAnon (the process's own heap and stacks).
    static func status(_ field: String) -> Double {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    static func memory() throws {
        print("4. Resident memory with the demo user's leads loaded page by page through the client (sandbox in another process)")
        let (url, sandbox) = try startSandbox(leads: 19_000)   // about 10,000 of them are the demo user's own
        defer { sandbox.terminate() }
        onThread {
            guard let api = try? client(url) else { return }
            let mailbox = Mailbox()
            let runner = EffectRunner(service: api) { mailbox.post($0) }
            var state = newState(width: 80, height: 24)
            let before = (status("VmRSS"), status("RssAnon"))
            runner.run(AppReducer.reduce(&state, .started(drafts: [])))
            while state.list.nextOffset != nil || state.requests[.leadsPage] != nil {
                guard let action = mailbox.next() else { break }
                runner.run(AppReducer.reduce(&state, action))
                runner.run(AppReducer.reduce(&state, .commandInvoked(.bottom)))
            }
            termguard_release_free_memory()   // as the app does once a page is in and nothing else happens
            var buffer = Buffer(width: 80, height: 24)
            makeScreen().render(state, into: &buffer)
            print(String(format: "%d leads loaded (server count %d): resident %.1f MiB, of which heap %.1f MiB",
                         state.list.rows.count, state.list.total ?? 0, status("VmRSS"), status("RssAnon")))
            print(String(format: "before loading: resident %.1f MiB, heap %.1f MiB (the rest is shared library code: Swift, Foundation, ICU; SwiftNIO and BoringSSL in the binary)",
                         before.0, before.1))
        }
    }
}

extension Bench {
    /// 5. From process-level start of the app's work to a drawn frame with the cached list:
    /// open the cache file, read the first screens, start the store, draw (120x36).
    static func cachedStart() throws {
        print("")
        print("5. First frame with data from the local cache (10,000 leads cached in 200 pages, a detail; the service not asked, 120x36)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-bench-cache-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bench.sqlite")
        guard let cache = LeadsCache(url: file) else { print("cannot create \(file.path)"); return }
        let all = leads(10_000)
        for offset in stride(from: 0, to: all.count, by: 50) {
            let query = LeadQuery(limit: 50, offset: offset)
            let page = Page(results: Array(all[offset..<offset + 50]), count: all.count,
                            next: offset + 50 < all.count ? URL(string: "https://crm.example.com/api/v1/leads/list/?offset=\(offset + 50)") : nil)
            cache.save(LeadsCache.key("leads", query.queryItems), LeadsCache.StoredPage(page))
            if offset == 0 { cache.save(LeadsCache.listKey(.owned), LeadsCache.StoredPage(page)) }
        }
        let detail = LeadDetail(json: .object(["slug": .string("lead-0"), "first_name": .string("Ana"), "last_name": .string("Souza"),
                                               "email": .string("lead0@example.com"), "status": .string("prospect"),
                                               "notes": .array((0..<20).map { .object(["id": .integer($0), "note": .string("Note \($0) 📞"),
                                                                                     "user": .string("demo")]) })]))
        cache.save("lead.lead-0", detail)
        let size = ((try? FileManager.default.attributesOfItem(atPath: file.path)[.size]) as? Int) ?? 0
        let clock = ContinuousClock()
        var samples: [Double] = []
        let screen = makeScreen()
        for _ in 0..<20 {
            let start = clock.now
            guard let opened = LeadsCache(url: file), let screens = opened.screens() else { print("nothing cached"); return }
            var state = newState(width: 120, height: 36)
            _ = AppReducer.reduce(&state, .started(drafts: []))
            _ = AppReducer.reduce(&state, .cached(screens))
            var buffer = Buffer(width: 120, height: 36)
            screen.render(state, into: &buffer)
            guard state.list.isFirstPageLoaded, state.detail?.lead != nil else { print("the cached screens did not show"); return }
            samples.append(microseconds(clock.now - start) / 1000)
        }
        print(String(format: "median %.2f ms, p95 %.2f ms, worst %.2f ms (20 starts; cache file %.1f MiB)",
                     percentile(samples, 0.5), percentile(samples, 0.95), samples.max() ?? 0, Double(size) / 1_048_576))
    }
}

/// The same figures measured through a real pty by `scripts/bench-peers` (the peers'
/// harness JSON): printed under each in-process figure, so neither is read alone.
struct PtyFigures {
    let file: String
    let scenarios: [String: [String: Any]]

    /// `--pty FILE`, else the newest `.bench/peers-*.json` of the source tree; nil when there is none.
    static func load(_ arguments: [String]) -> PtyFigures? {
        var path: String?
        if let index = arguments.firstIndex(of: "--pty"), index + 1 < arguments.count { path = arguments[index + 1] }
        if path == nil {
            let folder = Bench.root.appendingPathComponent(".bench")
            let runs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            path = runs.filter { $0.hasPrefix("peers-") && $0.hasSuffix(".json") }.max().map { folder.appendingPathComponent($0).path }
        }
        guard let path, let data = FileManager.default.contents(atPath: path),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let scenarios = json["scenarios"] as? [String: [String: Any]] else { return nil }
        return PtyFigures(file: path, scenarios: scenarios.compactMapValues { $0["summary"] as? [String: Any] })
    }

    func value(_ scenario: String, _ field: String) -> Double? { scenarios[scenario]?[field] as? Double }
    func key(_ scenario: String, _ group: String, _ field: String) -> Double? {
        ((scenarios[scenario]?["keys"] as? [String: Any])?[group] as? [String: Any])?[field] as? Double
    }

    /// One line under a figure: what the pty run measured of the same thing.
    func say(_ text: String) { print("  through a pty (scripts/bench-peers, \((file as NSString).lastPathComponent)): \(text)") }
    static func ms(_ value: Double?) -> String { value.map { String(format: "%.2f ms", $0) } ?? "—" }
}

// `leadterm-bench [memory] [keys] [bytes] [first-frame] [cached-start] [--pty FILE]`: those figures only (all by default).
let arguments = Array(CommandLine.arguments.dropFirst())
let pty = PtyFigures.load(arguments)
let chosen = Set(arguments.enumerated().filter { $0.element != "--pty" && ($0.offset == 0 || arguments[$0.offset - 1] != "--pty") }.map(\.element))
func wanted(_ name: String) -> Bool { chosen.isEmpty || chosen.contains(name) }
// Memory first, while the process holds nothing else.
if wanted("memory") {
    try Bench.memory()
    if let pty {
        pty.say(String(format: "the app at 120x40 with 10,384 leads: peak resident %.1f MiB, private %.1f MiB",
                       (pty.value("leadterm_10k", "peak_rss_kb") ?? .nan) / 1024, (pty.value("leadterm_10k", "max_sampled_anon_kb") ?? .nan) / 1024))
    }
}
if wanted("keys") {
    Bench.keyPresses()
    if let pty {
        pty.say("Down settle p50 / p95 at 120x40: \(PtyFigures.ms(pty.key("leadterm_10k", "Down*50", "settle_p50_ms"))) / "
                + "\(PtyFigures.ms(pty.key("leadterm_10k", "Down*50", "settle_p95_ms"))) (10,384 leads), "
                + "\(PtyFigures.ms(pty.key("leadterm_100k", "Down*50", "settle_p50_ms"))) / \(PtyFigures.ms(pty.key("leadterm_100k", "Down*50", "settle_p95_ms"))) (104,440)")
    }
}
if wanted("bytes") {
    try Bench.bytesWritten()
    if let pty {
        pty.say(String(format: "at 120x40, per Down %.0f bytes, per PageDown %.0f, idle %.0f B/s",
                       pty.key("leadterm_10k", "Down*50", "bytes_per_key_avg") ?? .nan, pty.key("leadterm_10k", "PageDown*20", "bytes_per_key_avg") ?? .nan,
                       pty.value("leadterm_10k", "idle_bytes_per_s") ?? .nan))
    }
}
if wanted("first-frame") {
    try Bench.firstFrame()
    if let pty {
        pty.say("from spawn, first byte \(PtyFigures.ms(pty.value("leadterm_10k", "first_byte_ms"))), first frame with data "
                + "\(PtyFigures.ms(pty.value("leadterm_10k", "first_frame_ms"))) (10,384 leads), \(PtyFigures.ms(pty.value("leadterm_100k", "first_frame_ms"))) (104,440)")
    }
}
if wanted("cached-start") {
    try Bench.cachedStart()
    if let pty { pty.say("from spawn to the first frame with the cache's data: \(PtyFigures.ms(pty.value("leadterm_10k_cached", "first_frame_ms")))") }
}
if pty == nil { print("\n(no pty figures: run scripts/bench-peers, or give --pty FILE, to see them under these)") }
