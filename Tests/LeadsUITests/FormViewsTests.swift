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
        #expect(lines.contains { $0.contains("✗ No lead picked: choose one of the matches (up down, enter).") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("up/down matches") })
    }
}
