import LeadsAPI
import LeadsStore
import TerminalUI
import TestSupport
import Testing
@testable import LeadsUI

/// Forms as drawn: the keys their messages and errors name are the ones that work there.
@Suite struct FormViewsTests {
    @Test func theLeadPickersErrorNamesThePickersKeys() {
        var state = AppReducer.preview(Fixtures.loaded(), [.commandInvoked(.viewCalendar), .commandInvoked(.newAppointment)])
        state = AppReducer.preview(state, "nobody".map { .textEdited(.insert(String($0))) } + [.commandInvoked(.nextField)])
        let lines = ScreenSnapshotTests.draw(state).lines
        // No match: the error says so (no keys to name), and the field's note says how much was searched.
        #expect(lines.contains { $0.contains("✗ No lead matches “nobody”: type part of a first or last name.") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("no lead matches (searched 50/120…)") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("up/down matches") })
    }
}
