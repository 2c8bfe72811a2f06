import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TestSupport
import Testing
import TextEditing
@testable import LeadsUI

/// Screens drawn from states built by the reducer, at 80x24 and 160x48,
/// compared with the text files in `Snapshots/`. After a deliberate change,
/// `RECORD_SNAPSHOTS=1 swift test --filter LeadsUITests` rewrites them
/// (then read the diff before committing).
@Suite struct ScreenSnapshotTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let theme: Theme = {
        let text = (try? String(contentsOf: root.appendingPathComponent("themes/default.toml"), encoding: .utf8)) ?? ""
        return ThemeLoader.load(.init(file: "default.toml", text: text), knownRoles: Vocabulary.roles, depth: .colors256).theme
            ?? Theme(name: "none", roles: [:], depth: .colors256)
    }()

    static let keymap: Keymap = {
        let text = (try? String(contentsOf: root.appendingPathComponent("keymaps/default.toml"), encoding: .utf8)) ?? ""
        return KeymapLoader.load(file: "default.toml", text: text, knownContexts: Set(Vocabulary.contexts.map(\.id)),
                                 knownActions: Set(Command.allCases.map(\.rawValue))).keymap ?? Keymap()
    }()

    static func screen() -> Screen {
        Screen(theme: theme, keymap: keymap, helpContexts: Vocabulary.contexts, descriptions: Vocabulary.descriptions)
    }

    /// The state `actions` lead to (their effects are the store's tests' business).
    static func apply(_ state: inout AppState, _ actions: Action...) { state = AppReducer.preview(state, actions) }

    /// The answer to the request in flight for `purpose`, if there is one.
    static func answer(_ state: inout AppState, _ purpose: Purpose, _ response: Response) {
        if let id = state.requests[purpose] { Self.apply(&state, .responded(id, response)) }
    }

    static func draw(_ state: AppState) -> Buffer {
        var buffer = Buffer(width: state.width, height: state.height)
        screen().render(state, into: &buffer)
        return buffer
    }

    /// Compares the screen's text with `Snapshots/<name>.txt`.
    static func assertSnapshot(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let text = draw(state).lines.joined(separator: "\n") + "\n"
        let file = root.appendingPathComponent("Tests/LeadsUITests/Snapshots/\(name).txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no snapshot \(file.path): record with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifferent = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("""
                \(name) differs from its snapshot at line \(firstDifferent + 1):
                got:      \(firstDifferent < got.count ? got[firstDifferent] : "(none)")
                expected: \(firstDifferent < want.count ? want[firstDifferent] : "(none)")
                """, sourceLocation: sourceLocation)
        }
    }

    static let sizes = [(80, 24), (160, 48)]

    /// Loaded leads, the first one's detail with notes and activities.
    static func withDetail(width: Int, height: Int) -> AppState {
        var state = Fixtures.loaded(width: width, height: height)
        Self.answer(&state, .overview, .overview(.success(Overview(json: .object([
            "total_leads": .integer(130),
            "LeadsData": .object(["status": .array([.object(["status": .string("prospect"), "count": .integer(100), "Color": .string("#ff0000")])])]),
        ])))))
        let today = Day(year: 2026, month: 11, day: 24)
        Self.answer(&state, .today, .appointments(from: today, to: today, .success(
            [Fixtures.appointment(1, 9), Fixtures.appointment(2, 11, 30), Fixtures.appointment(3, 14), Fixtures.appointment(4, 16, 30)])))
        Self.apply(&state, .ticked(Fixtures.now))
        var json: [String: JSONValue] = [
            "slug": .string("lead-0"), "first_name": .string("Ana"), "last_name": .string("Souza"),
            "email": .string("ana@example.com"), "phone": .string("+155500000"), "status": .string("prospect"),
            "source": .string("website"), "message": .string("Wants a demo"), "conversion": .integer(40),
            "added_on": .string("2026-11-01 09:00"),
        ]
        json["notes"] = .array([
            .object(["id": .integer(1), "note": .string("Sent the brochure"), "note_created": .string("2026-11-20 10:00"), "user": .string("demo")]),
            .object(["id": .integer(2), "note": .string("Called back; wants a demo next week"), "note_created": .string("2026-11-23 16:30"), "user": .string("alex")]),
        ])
        json["recent_activities"] = .array([
            .object(["activity_type": .string("lead_created"), "activity": .string("Lead created"), "created": .string("2026-11-01 09:00")]),
            .object(["activity_type": .string("note_added"), "activity": .string("Note added"), "created": .string("2026-11-23 16:30")]),
        ])
        Self.answer(&state, .leadDetail, .lead(slug: "lead-0", .success(LeadDetail(json: .object(json)))))
        return state
    }

    @Test(arguments: sizes) func leadList(width: Int, height: Int) {
        Self.assertSnapshot("list-\(width)x\(height)", Self.withDetail(width: width, height: height))
    }

    @Test(arguments: sizes) func leadDetail(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.open))
        Self.assertSnapshot("detail-\(width)x\(height)", state)
        // Issue 14.2: the email and the phone are links (OSC 8 where the terminal opens them), over exactly their text.
        let buffer = Self.draw(state)
        let links = buffer.hyperlinks.map { link in
            (link.target, (link.x..<(link.x + link.width)).map { buffer[$0, link.y].grapheme }.joined())
        }
        #expect(links.map(\.0) == ["mailto:ana@example.com", "tel:+155500000"])
        #expect(links.map(\.1) == ["ana@example.com", "+155500000"])
    }

    @Test(arguments: sizes) func leadFormWithErrors(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.newLead))
        for character in "Bo" { Self.apply(&state, .textEdited(.insert(String(character)))) }
        for _ in 0..<3 { Self.apply(&state, .commandInvoked(.nextField)) }
        for character in "12ab" { Self.apply(&state, .textEdited(.insert(String(character)))) }
        Self.apply(&state, .commandInvoked(.save))
        Self.assertSnapshot("lead-form-errors-\(width)x\(height)", state)
    }

    @Test(arguments: sizes) func editFormWithServerErrors(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        state.lastUsed["lead-0"] = LeadExtras(location: "Lisbon", message: "Older message", assignee: "alex")
        Self.apply(&state, .commandInvoked(.editLead))
        Self.apply(&state, .commandInvoked(.save))
        let error = APIError.validation(FieldErrors([("email", ["Lead with this email already exists."])]))
        Self.answer(&state, .saveLead, .change(.failure(error)))
        Self.assertSnapshot("edit-form-server-errors-\(width)x\(height)", state)
    }

    @Test(arguments: sizes) func noteForm(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.newNote))
        Self.apply(&state, .textEdited(.insert("Called: wants pricing for 20 seats.\nFollow up Friday.")))
        Self.assertSnapshot("note-form-\(width)x\(height)", state)
    }

    @Test(arguments: sizes) func deleteConfirmationAndPending(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.deleteLead))
        Self.assertSnapshot("confirm-delete-\(width)x\(height)", state)
        Self.apply(&state, .commandInvoked(.yes))
        Self.assertSnapshot("pending-delete-\(width)x\(height)", state)
    }

    @Test(arguments: sizes) func helpAndPalette(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.help))
        Self.assertSnapshot("help-\(width)x\(height)", state)
        Self.apply(&state, .commandInvoked(.back))
        Self.apply(&state, .commandInvoked(.palette))
        Self.apply(&state, .textEdited(.insert("de")))
        Self.assertSnapshot("palette-\(width)x\(height)", state)
    }

    @Test(arguments: sizes) func filterBar(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        Self.apply(&state, .commandInvoked(.filter))
        Self.apply(&state, .textEdited(.insert("status:customer first1")))
        Self.assertSnapshot("filter-\(width)x\(height)", state)
    }

    /// Issue 14.4 and 14.5: the saved views as tabs in the list's border, marked leads with ●
    /// and their count, a status on the marks in its undo window (the new status in the rows),
    /// then the summary naming the lead that failed.
    @Test(arguments: sizes) func viewsMarksAndABulkChange(width: Int, height: Int) {
        var state = Self.withDetail(width: width, height: height)
        state.settings.views = [SavedView(name: "hot", filter: "status:potential"), SavedView(name: "follow-ups", sort: .added)]
        Self.apply(&state, .commandInvoked(.toggleMark), .commandInvoked(.toggleMark), .commandInvoked(.toggleMark))
        Self.apply(&state, .commandInvoked(.palette), .pasted("status customer location:Oslo assignee:demo"), .commandInvoked(.runCommand))
        Self.assertSnapshot("bulk-waiting-\(width)x\(height)", state)
        let sent = AppReducer.reduce(&state, .ticked(state.now.addingTimeInterval(10))).compactMap { effect -> RequestID? in
            if case .request(let id, .setLeadStatus) = effect { return id }
            return nil
        }
        for (index, id) in sent.enumerated() {
            Self.apply(&state, .responded(id, .change(index == 1 ? .failure(.requestFailed(["The lead does not esixt."])) : .success(Done()))))
        }
        Self.assertSnapshot("bulk-report-\(width)x\(height)", state)
    }

    /// A refused filter's message wraps over two rows at 80x24; the bar moves above it, its text
    /// in sight (it was covered, and the words typed next went in unseen).
    @Test func theFilterBarStaysInSightAboveAWrappedMessage() {
        var state = Self.withDetail(width: 80, height: 24)
        Self.apply(&state, .commandInvoked(.filter))
        Self.apply(&state, .textEdited(.insert("status:won")))
        Self.apply(&state, .commandInvoked(.applyFilter))
        Self.apply(&state, .textEdited(.insert(" next")))
        let lines = Self.draw(state).lines
        let message = lines.firstIndex { $0.contains("Unknown status") }
        let bar = lines.firstIndex { $0.contains("/ status:won next") }
        #expect(message != nil && bar != nil, "\(lines.joined(separator: "\n"))")
        if let message, let bar { #expect(bar < message) }
        #expect(lines.contains { $0.contains("customer.") }, "the message's end")
    }

    // MARK: Styles

    @Test func statusTakesTheOverviewColourAndErrorsTheErrorStyle() {
        let state = Self.withDetail(width: 80, height: 24)
        let buffer = Self.draw(state)
        let row = 4   // the second data row (the first is selected: the selection's colours win)
        let statusColumn = (0..<buffer.width).first { buffer[$0, 2].grapheme == "S" && buffer.line(2).dropFirst($0).hasPrefix("STATUS") }
        guard let column = statusColumn else { Issue.record("no STATUS column"); return }
        #expect(buffer[column, row].style.foreground == .index(Palette.nearest256(255, 0, 0)))
        var form = state
        Self.apply(&form, .commandInvoked(.newLead))
        Self.apply(&form, .commandInvoked(.save))
        let drawn = Self.draw(form)
        guard let errorRow = (0..<drawn.height).first(where: { drawn.line($0).contains("✗ This field may not be blank.") }) else {
            Issue.record("no error line"); return
        }
        let x = drawn.line(errorRow).distance(from: drawn.line(errorRow).startIndex, to: drawn.line(errorRow).firstIndex(of: "✗")!)
        #expect(drawn[x, errorRow].style == Self.theme["form.error"])
    }

    @Test func aFrameCostsTheSameForAHundredOrTenThousandLeads() {
        // Only visible rows are formatted: the cell closure is asked for a screenful.
        var state = Fixtures.loaded(width: 80, height: 24, count: 10_000)
        for offset in stride(from: 50, to: 10_000, by: 50) {
            Self.apply(&state, .commandInvoked(.bottom))
            Self.answer(&state, .leadsPage, .leadsPage(offset: offset, .success(Fixtures.page(offset..<min(offset + 50, 10_000), count: 10_000))))
        }
        Self.apply(&state, .commandInvoked(.bottom))
        #expect(state.list.rows.count == 10_000)
        let lines = Self.draw(state).lines
        #expect(lines[1].contains("10,000 of 10,000"))
        #expect(lines[21].contains("First9999 Last9999"))
    }
}
