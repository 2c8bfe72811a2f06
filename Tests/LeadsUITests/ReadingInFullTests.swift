import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TestSupport
import Testing
@testable import LeadsUI

/// What a salesperson reads before a call, whole: the detail's name, email
/// and phone never cut while the pane has room; a note or activity opened in
/// the reader, wrapped and scrolled; a second line of each where there is room.
@Suite struct ReadingInFullTests {
    static let email = "maximilian.hohenzollern@sales-example.com"   // 40 characters
    static let phone = "+123456789012345"                            // + and 15 digits: 16 characters
    static let first = "Maximilian-Alexander", last = "von Hohenzollern-Sigmaringen"
    static let longNote = (1...60).map { "word\($0)" }.joined(separator: " ") + "\r\nSecond paragraph: call on Friday.\n"
        + String(repeating: "Details of the offer, seats and prices. ", count: 20) + "THE-END"

    /// Loaded leads, and lead-0's detail with long values, three notes and an activity.
    static func state(width: Int, height: Int) -> AppState {
        var state = Fixtures.loaded(width: width, height: height)
        ScreenSnapshotTests.apply(&state, .ticked(Fixtures.now))   // the detail follows the selection: lead-0 asked for
        let json: [String: JSONValue] = [
            "slug": .string("lead-0"), "first_name": .string(first), "last_name": .string(last),
            "email": .string(email), "phone": .string(phone), "status": .string("prospect"),
            "source": .string("website"), "message": .string("Wants a demo"), "conversion": .integer(40),
            "added_on": .string("2026-11-01 09:00"),
            "notes": .array([
                .object(["id": .integer(1), "note": .string(longNote), "note_created": .string("2026-11-23 16:30"), "user": .string("alex")]),
                .object(["id": .integer(2), "note": .string("Sent the brochure"), "note_created": .string("2026-11-20 10:00"), "user": .string("demo")]),
                .object(["id": .integer(3), "note": .string("First call"), "note_created": .string("2026-11-02 10:00"), "user": .string("demo")]),
            ]),
            "recent_activities": .array([
                .object(["activity_type": .string("appointment_created"), "activity": .string("Appointment booked for 2026-11-30 10:00 with the whole buying committee"),
                         "created": .string("2026-11-23 16:30")]),
            ]),
        ]
        ScreenSnapshotTests.answer(&state, .leadDetail, .lead(slug: "lead-0", .success(LeadDetail(json: .object(json)))))
        return state
    }

    static func text(_ state: AppState) -> (lines: [String], frame: FrameMap) {
        var buffer = Buffer(width: state.width, height: state.height)
        let frame = ScreenSnapshotTests.screen().render(state, into: &buffer)
        return (buffer.lines, frame)
    }

    @Test(arguments: [(80, 24), (120, 36), (160, 48)])
    func theDetailShowsNameEmailAndPhoneWhole(width: Int, height: Int) {
        var state = Self.state(width: width, height: height)
        if !state.isWide { ScreenSnapshotTests.apply(&state, .commandInvoked(.open)) }
        let lines = Self.text(state).lines
        let all = lines.joined(separator: "\n")
        #expect(lines.contains { $0.contains(Self.email) }, "\(width)x\(height): email cut\n\(all)")
        #expect(lines.contains { $0.contains(Self.phone) }, "\(width)x\(height): phone cut\n\(all)")
        // The name, maybe over two lines, every word whole.
        for word in (Self.first + " " + Self.last).split(separator: " ") {
            #expect(lines.contains { $0.contains(word) }, "\(width)x\(height): \(word) cut\n\(all)")
        }
        #expect(lines.contains { $0.contains("lead-0") }, "\(width)x\(height): the slug cut")
    }

    @Test(arguments: [(80, 24), (120, 36), (160, 48)])
    func enterOpensANoteWholeAndJAndKGoToTheNextOne(width: Int, height: Int) {
        var state = Self.state(width: width, height: height)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.open))   // the list: focus goes to the notes
        if state.focus != .notes { ScreenSnapshotTests.apply(&state, .commandInvoked(.open)) }
        #expect(state.focus == .notes)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.open))
        guard case .reader(let reader) = state.topModal else { Issue.record("no reader at \(width)x\(height)"); return }
        #expect(reader == ReaderState(pane: .notes, index: 0))

        // Scrolled page by page with the keymap's keys, every word of the note is shown once whole.
        var router = KeyRouter(keymap: ScreenSnapshotTests.keymap)
        var seen = ""
        var (lines, frame) = Self.text(state)
        #expect(lines.contains { $0.contains("alex") } && lines.contains { $0.contains("2026-11-23 16:30") })
        for _ in 0..<40 {
            seen += lines.joined(separator: "\n")
            let actions = router.actions(for: .pageDown, state: state, frame: frame)
            if actions.isEmpty { break }
            for action in actions { ScreenSnapshotTests.apply(&state, action) }
            (lines, frame) = Self.text(state)
        }
        for word in ["word1 ", "word60", "Second paragraph: call on Friday.", "THE-END"] {
            #expect(seen.contains(word), "\(width)x\(height): \(word) never shown")
        }
        #expect(!seen.contains("␍"))

        // j: the next (older) note, from its top; the detail's selection follows.
        #expect(router.actions(for: .character("j"), state: state, frame: frame) == [.commandInvoked(.readerNext)])
        ScreenSnapshotTests.apply(&state, .commandInvoked(.readerNext))
        #expect(state.topModal == .reader(ReaderState(pane: .notes, index: 1)))
        #expect(state.detail?.noteSelected == 1)
        #expect(Self.text(state).lines.contains { $0.contains("Sent the brochure") })
        ScreenSnapshotTests.apply(&state, .commandInvoked(.readerPrevious))
        #expect(state.detail?.noteSelected == 0)
        // q closes it, back on the notes.
        #expect(router.actions(for: .character("q"), state: state, frame: frame) == [.commandInvoked(.back)])
        ScreenSnapshotTests.apply(&state, .commandInvoked(.back))
        #expect(state.modals.isEmpty && state.focus == .notes)
    }

    @Test func anActivityOpensWholeToo() {
        var state = Self.state(width: 80, height: 24)
        ScreenSnapshotTests.apply(&state, .commandInvoked(.open), .commandInvoked(.nextPane), .commandInvoked(.open))
        #expect(state.topModal == .reader(ReaderState(pane: .activities, index: 0)))
        let all = Self.text(state).lines.joined(separator: "\n")
        #expect(all.contains("appointment_created"))
        #expect(all.contains("with the whole buying committee"))
    }

    /// At 120x36 the notes box has room: each note shows a second line, marked … when there is more.
    @Test func notesShowASecondLineWhereThereIsRoom() {
        let lines = Self.text(Self.state(width: 120, height: 36)).lines
        guard let first = lines.firstIndex(where: { $0.contains("word1 word2") }) else { Issue.record("no note"); return }
        #expect(lines[first + 1].contains("word"), "no second line: \(lines[first + 1])")
        #expect(lines[first + 1].contains("…"))
        #expect(lines[first + 2].contains("Sent the brochure"))
    }
}
