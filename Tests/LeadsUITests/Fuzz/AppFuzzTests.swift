import Foundation
import LeadsAPI
import LeadsSandbox
import LeadsStore
import TerminalUI
import TestSupport
import Testing
import TextEditing
@testable import LeadsUI

/// The store and the screen under a seeded random stream of keys, pastes,
/// resizes (20x5 to 300x100), clock ticks and answers arriving in any order
/// (late, twice, for requests long cancelled, failing), from every pane,
/// form and dialog. After every step: no trap, the selections inside their
/// lists, every cell of the frame well formed (no half of a wide character,
/// no control character, each grapheme as wide as its cell), the frame's
/// click regions inside the screen; every so often, every modal closes with
/// Esc (and a dialog's answer).
///
/// `swift test` runs 20,000 steps; `scripts/fuzz` a million with a seed
/// printed so a failure can be replayed (`scripts/fuzz STEPS SEED`).
@Suite struct AppFuzzTests {
    @Test func keysPastesResizesAndAnswersInAnyOrder() async throws {
        let seed = Fuzz.seed(default: 20_261_130), steps = Fuzz.steps("APP", default: 20_000)
        print("app fuzz: FUZZ_SEED=\(seed) FUZZ_APP_STEPS=\(steps)")
        // On a low-priority thread of its own: the loop never holds the cooperative pool.
        let problem = try await onOwnThread(lowPriority: true) { () -> String? in
            var fuzzer = AppFuzzer(seed: seed)
            for step in 0..<steps {
                if let problem = fuzzer.step() {
                    return "FUZZ_SEED=\(seed), step \(step): \(problem)\nlast events:\n\(fuzzer.recent.joined(separator: "\n"))"
                }
            }
            print("app fuzz: \(steps) steps, \(fuzzer.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            return nil
        }
        if let problem { Issue.record(Comment(rawValue: problem)) }
    }
}

struct AppFuzzer {
    var random: SplitMix64
    var state: AppState
    var router = KeyRouter(keymap: ScreenSnapshotTests.keymap)
    let screen = ScreenSnapshotTests.screen()
    var frame = FrameMap()
    var pending: [(RequestID, Request)] = []
    /// Requests answered or cancelled: answered again now and then, as a slow server would.
    var gone: [(RequestID, Request)] = []
    var recent: [String] = []
    var counts: [String: Int] = [:]
    var serial = 0

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        state = Fixtures.state(width: 100, height: 30)
        for effect in AppReducer.reduce(&state, .started(drafts: [])) { if case .request(let id, let request) = effect { pending.append((id, request)) } }
    }

    static let keys: [Key] = {
        var keys: [Key] = [.up, .down, .left, .right, .enter, .escape, .tab, .backTab, .backspace, .delete, .insert,
                           .home, .end, .pageUp, .pageDown, .function(1), .function(5), .function(12), .alt("x"), .alt("j")]
        keys += "jkgGdDanexsuyAbcwfr123[]/:?.tTmMlhpqvzN ".map { Key.character($0) }
        keys += "acdefghklnrsuwz".map { Key.ctrl($0) }
        return keys
    }()

    mutating func note(_ event: String) {
        recent.append(event)
        if recent.count > 12 { recent.removeFirst() }
    }

    /// One random event; the problem found after it, if any.
    mutating func step() -> String? {
        // A large screen is drawn for a few steps, then left: every size is visited, the run stays short.
        let large = state.width * state.height > 5_000 && Int.random(in: 0..<3, using: &random) == 0
        let roll = large ? 60 : Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<52:
            var key = Self.keys.randomElement(using: &random)!
            if Int.random(in: 0..<6, using: &random) == 0, let character = Fuzz.text(using: &random, pieces: 1).first { key = .character(character) }
            if Int.random(in: 0..<30, using: &random) == 0 {
                key = .mouse(MouseEvent(kind: [.press, .wheelUp, .wheelDown].randomElement(using: &random)!,
                                        x: Int.random(in: -2...state.width + 2, using: &random), y: Int.random(in: -2...state.height + 2, using: &random)))
            }
            note("key \(key)")
            count("key")
            for action in router.actions(for: key, state: state, frame: frame) { apply(action) }
        case 52..<60:
            let text = Fuzz.text(using: &random, pieces: Int.random(in: 1...12, using: &random))
            note("paste \(text.debugDescription.prefix(80))")
            count("paste")
            apply(.pasted(text))
        case 60..<64:
            // Mostly the sizes people use; now and then any size up to 300x100.
            let sizes = [(20, 5), (40, 12), (80, 24), (80, 24), (100, 30), (120, 36), (160, 48)]
            let (width, height) = Int.random(in: 0..<8, using: &random) == 0
                ? (Int.random(in: 20...300, using: &random), Int.random(in: 5...100, using: &random))
                : sizes.randomElement(using: &random)!
            note("resize \(width)x\(height)")
            count("resize")
            apply(.resized(ScreenLayout.viewport(width: width, height: height)))
        case 64..<90 where !pending.isEmpty:
            let index = Int.random(in: 0..<pending.count, using: &random)
            let (id, request) = pending.remove(at: index)
            gone.append((id, request))
            note("answer \(id.purpose) \(id.serial)")
            count("answer")
            apply(.responded(id, answer(request)))
        case 90..<93 where !gone.isEmpty:
            let (id, request) = gone.randomElement(using: &random)!
            note("late answer \(id.purpose) \(id.serial)")
            count("late answer")
            apply(.responded(id, answer(request)))
        case 93..<97:
            let seconds = Double([1, 5, 30, 61, 600, 86_400].randomElement(using: &random)!)
            note("tick +\(Int(seconds)) s")
            count("tick")
            apply(.ticked(state.now.addingTimeInterval(seconds)))
        default:
            note("nothing")
        }
        if let top = state.modals.last { count("on " + String(Self.kind(top).prefix { $0 != "(" })) }
        count("view \(state.view)")
        var buffer = Buffer(width: state.width, height: state.height)
        frame = screen.render(state, into: &buffer)
        if let problem = buffer.malformedCell ?? selectionProblem() ?? frameProblem() { return problem }
        if Int.random(in: 0..<20, using: &random) == 0, let problem = closeEveryModal() { return problem }
        return nil
    }

    mutating func count(_ kind: String) { counts[kind, default: 0] += 1 }

    mutating func apply(_ action: Action) {
        for effect in AppReducer.reduce(&state, action) {
            switch effect {
            case .request(let id, let request): pending.append((id, request))
            case .cancel(let id):
                if let index = pending.firstIndex(where: { $0.0 == id }) { gone.append(pending.remove(at: index)) }
            default: break
            }
        }
        if gone.count > 200 { gone.removeFirst(100) }
    }

    // MARK: Checks

    func selectionProblem() -> String? {
        let list = state.list
        if list.visible.isEmpty ? list.selected != 0 : !list.visible.indices.contains(list.selected) {
            return "the list's selection \(list.selected) outside \(list.visible.count) rows"
        }
        let agenda = state.calendar.agenda
        if !agenda.isEmpty, !agenda.indices.contains(state.calendar.selection) {
            return "the calendar's selection \(state.calendar.selection) outside \(agenda.count) items"
        }
        if let detail = state.detail {
            if !detail.notes.isEmpty, !detail.notes.indices.contains(detail.noteSelected) { return "the note selection outside the notes" }
            if !detail.activities.isEmpty, !detail.activities.indices.contains(detail.activitySelected) { return "the activity selection outside the activities" }
        }
        return nil
    }

    func frameProblem() -> String? {
        let screenRect = Rect(x: 0, y: 0, width: state.width, height: state.height)
        for region in frame.hits.regions where !region.rect.isEmpty && region.rect.intersection(screenRect) != region.rect {
            return "a click region \(region.rect) outside the \(state.width)x\(state.height) screen"
        }
        return nil
    }

    /// On a copy: Esc (and Yes on a dialog) closes every modal, one at a time.
    func closeEveryModal() -> String? {
        var copy = state
        var trail: [String] = []
        for _ in 0..<(3 * copy.modals.count + 2) {
            guard let top = copy.modals.last else { return nil }
            let command: Command
            if case .confirm = top { command = .yes } else { command = .cancel }
            _ = AppReducer.reduce(&copy, .commandInvoked(command))
            trail.append("\(command) → \(copy.modals.map(Self.kind))")
        }
        return copy.modals.isEmpty ? nil : "a modal does not close: \(trail.joined(separator: "; "))"
    }

    static func kind(_ modal: Modal) -> String {
        switch modal {
        case .help: return "help"
        case .reader(let reader): return "reader(\(reader.pane), \(reader.index))"
        case .tokenPrompt(let prompt): return "tokenPrompt(checking: \(prompt.isChecking))"
        case .palette: return "palette"
        case .confirm(let confirmation): return "confirm(\(confirmation.title))"
        case .leadForm(let form): return "leadForm(saving: \(form.form.isSaving))"
        case .noteForm(let form): return "noteForm(saving: \(form.form.isSaving))"
        case .appointmentForm(let form): return "appointmentForm(saving: \(form.form.isSaving))"
        case .outbox: return "outbox"
        case .report(let report): return "report(\(report.lines.count))"
        }
    }

    // MARK: Answers

    mutating func answer(_ request: Request) -> Response {
        let fails = Int.random(in: 0..<5, using: &random) == 0
        switch request {
        case .leads(let query):
            return .leadsPage(offset: query.offset ?? 0, fails ? .failure(error()) : .success(leadsPage(query)))
        case .overview:
            return .overview(fails ? .failure(error()) : .success(Overview(json: overview())))
        case .dayAppointments(let day):
            return .appointments(from: day, to: day, fails ? .failure(error()) : .success(appointments(from: day, to: day)))
        case .appointments(let from, let to):
            return .appointments(from: from, to: to, fails ? .failure(error()) : .success(appointments(from: from, to: to)))
        case .appointmentCounts:
            return .appointmentCounts(fails ? .failure(error())
                                      : .success(["today": Fuzz.number(using: &random), "week": Fuzz.number(using: &random), "month": 3]))
        case .lead(let slug):
            return .lead(slug: slug, fails ? .failure(error()) : .success(detail(slug)))
        case .createAppointment, .updateAppointment, .deleteAppointment, .createLead, .updateLead, .deleteLead, .createNote, .deleteNote, .useToken,
             .setLeadStatus:
            return .change(fails || Int.random(in: 0..<4, using: &random) == 0 ? .failure(error()) : .success(Done()))
        case .lookFor:
            return .found(fails ? .failure(error()) : .success(Bool.random(using: &random)))
        }
    }

    mutating func error() -> APIError {
        let text = Fuzz.text(using: &random)
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return .validation(FieldErrors([("email", [text]), ("phone", ["Bad."]), ("non_field_errors", [text]), (text, ["odd field"])]))
        case 1: return .transport(.init(.timedOut, text))
        case 2: return .transport(.init(.cannotConnect))
        case 3: return .server(status: 500, message: text)
        case 4: return .authentication(status: 401, message: text)
        case 5: return .undecodable(status: 200, excerpt: text)
        default: return .cancelled
        }
    }

    mutating func name() -> String {
        Int.random(in: 0..<3, using: &random) == 0 ? Fuzz.text(using: &random, pieces: 3) : ["Ana", "Zoë", "민준", "Heart❤️", "Flag🇧🇷"].randomElement(using: &random)!
    }

    mutating func leadsPage(_ query: LeadQuery) -> Page<LeadSummary> {
        var results: [LeadSummary] = []
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            serial += 1
            let slug = Int.random(in: 0..<10, using: &random) == 0 ? "dup" : "s\(serial)"
            results.append(LeadSummary(id: Int.random(in: 0..<5, using: &random) == 0 ? Fuzz.number(using: &random) : serial, slug: slug,
                                       firstName: name(), lastName: name(), phone: Fuzz.text(using: &random, pieces: 2), email: Fuzz.text(using: &random, pieces: 2),
                                       addedOn: APIDate(raw: ["2026-11-24 09:00", "11/28/2026", Fuzz.text(using: &random, pieces: 2)].randomElement(using: &random)!),
                                       status: ["prospect", "customer", Fuzz.text(using: &random, pieces: 1)].randomElement(using: &random)!,
                                       source: "website", owner: name()))
        }
        let offset = query.offset ?? 0
        let next = Int.random(in: 0..<3, using: &random) == 0 ? nil
            : URL(string: "https://crm.example.com/api/v1/leads/?offset=\(WholeNumber.adding(offset, max(1, results.count)))")
        return Page(results: results, count: max(0, Fuzz.number(using: &random)), next: next)
    }

    mutating func overview() -> JSONValue {
        .object([
            "TotalLeads": .integer(Int64(Fuzz.number(using: &random))),
            "LeadsData": .object([
                "status": .array((0..<Int.random(in: 0...6, using: &random)).map { _ in
                    .object(["status": .string(Fuzz.text(using: &random, pieces: 2)), "count": .integer(Int64(Fuzz.number(using: &random))),
                             "Color": .string(["#ff0000", "red", Fuzz.text(using: &random, pieces: 1)].randomElement(using: &random)!)])
                }),
                "source": .array([.object(["source": .string(Fuzz.text(using: &random, pieces: 2)), "count": .integer(Int64(Fuzz.number(using: &random)))])]),
            ]),
        ])
    }

    mutating func appointments(from: Day, to: Day) -> [Appointment] {
        let span = max(0, min(60, from.days(to: to)))
        return (0..<Int.random(in: 0...8, using: &random)).map { _ in
            serial += 1
            let day = from.adding(days: Int.random(in: 0...span, using: &random))
            let hour = Int.random(in: 0...23, using: &random)
            return Appointment(json: .object([
                "id": .integer(Int64(serial)), "lead": .string(name()), "leadslug": .string("s\(Int.random(in: 1...max(1, serial), using: &random))"),
                "fromdate": .string("\(day) \(String(format: "%02d", hour)):00"),
                "todate": .string(Int.random(in: 0..<8, using: &random) == 0 ? Fuzz.text(using: &random, pieces: 1) : "\(day) \(String(format: "%02d", min(23, hour + 1))):30"),
                "appointment_note": .string(Fuzz.text(using: &random)),
                "appointment_status": .string(["pending", "fullfilled", "cancelled", Fuzz.text(using: &random, pieces: 1)].randomElement(using: &random)!),
            ]))
        }
    }

    mutating func detail(_ slug: String) -> LeadDetail {
        LeadDetail(json: .object([
            "slug": .string(slug), "first_name": .string(name()), "last_name": .string(name()),
            "email": .string(Fuzz.text(using: &random, pieces: 3)), "phone": .string(Fuzz.text(using: &random, pieces: 2)),
            "status": .string("prospect"), "source": .string(Fuzz.text(using: &random, pieces: 1)), "message": .string(Fuzz.text(using: &random, pieces: 20)),
            "conversion": .integer(Int64(Fuzz.number(using: &random))),
            "notes": .array((0..<Int.random(in: 0...12, using: &random)).map { index in
                .object(["id": .integer(Int64(index)), "note": .string(Fuzz.text(using: &random, pieces: 30)), "note_created": .string("2026-11-20 10:00"), "user": .string(name())])
            }),
            "recent_activities": .array((0..<Int.random(in: 0...6, using: &random)).map { index in
                .object(["id": .integer(Int64(index)), "activity": .string(Fuzz.text(using: &random, pieces: 10)), "activity_type": .string(Fuzz.text(using: &random, pieces: 1)), "created": .string("2026-11-20 10:00")])
            }),
        ]))
    }
}
