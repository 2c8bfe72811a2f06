import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// A paste is text for the focused field and never a key (issue 10's inputs):
/// it never submits, moves focus, answers a dialog or runs a command.
@Suite struct PasteTests {
    func opened(_ command: Command) -> AppState {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(command))
        return state
    }

    func leadForm(_ state: AppState) -> LeadForm? {
        if case .leadForm(let form)? = state.modals.last { return form }
        return nil
    }

    @Test func twoLinesIntoFirstNameStayInFirstName() throws {
        var state = opened(.newLead)
        #expect(AppReducer.reduce(&state, .pasted("Alex\nMorgan")) == [])
        let form = try #require(leadForm(state))
        #expect(form.form.value(.firstName) == "Alex Morgan" && form.form.value(.lastName) == "")
        #expect(form.form.focus == .firstName)
    }

    @Test func aLineBreakOnTheLastFieldDoesNotSave() throws {
        var state = opened(.newLead)
        _ = AppReducer.reduce(&state, .commandInvoked(.previousField))   // round to the last field
        #expect(AppReducer.reduce(&state, .pasted("demo\nsecond line")) == [])
        let form = try #require(leadForm(state))
        #expect(form.form.focus == .assignee && form.form.value(.assignee).hasSuffix("demo second line") && !form.form.isSaving)
    }

    @Test func tabAndEscInAPasteAreNeitherFocusNorCancel() throws {
        var state = opened(.newLead)
        #expect(AppReducer.reduce(&state, .pasted("Al\tex\u{1B}n")) == [])
        let form = try #require(leadForm(state))
        #expect(form.form.value(.firstName) == "Al exn" && form.form.focus == .firstName)
        #expect(state.modals.count == 1)   // no "Discard changes?"
    }

    @Test func aPasteNeverAnswersADialog() throws {
        var state = opened(.newLead)
        _ = AppReducer.reduce(&state, .pasted("Bo"))
        _ = AppReducer.reduce(&state, .commandInvoked(.cancel))
        guard case .confirm? = state.modals.last else { Issue.record("no Discard changes? dialog"); return }
        let before = state
        #expect(AppReducer.reduce(&state, .pasted("n")) == [])
        #expect(AppReducer.reduce(&state, .pasted("y")) == [])
        #expect(state.modals == before.modals)
    }

    @Test func aNoteKeepsItsLinesAndAHugePasteIsCutWithTheCounterSaying() throws {
        var state = opened(.newNote)
        #expect(AppReducer.reduce(&state, .pasted("Agenda:\r\n1. pricing\r\n2. contract")) == [])
        guard case .noteForm(var form)? = state.modals.last else { Issue.record("no note form"); return }
        #expect(form.form.value(.note) == "Agenda:\n1. pricing\n2. contract")
        #expect(FormFeature.reduce(&form, .edited(.clear), Fixtures.context()) == [])
        let big = String(repeating: "Ünïcödé text ", count: 8_000)   // 104,000 characters
        _ = FormFeature.reduce(&form, .pasted(big), Fixtures.context())
        #expect(form.form.value(.note).unicodeScalars.count == Rules.leadNoteLimit)
        #expect(form.form.message == "Pasted 499 of 104000 characters: Note holds 499.")
    }

    @Test func aMultiLinePasteIntoTheBookingNoteKeepsEveryLineOnOne() throws {
        var state = opened(.newAppointmentForLead)
        guard case .appointmentForm(var form)? = state.modals.last else { Issue.record("no booking form"); return }
        form.form.focus = .note
        state.modals[state.modals.count - 1] = .appointmentForm(form)
        #expect(AppReducer.reduce(&state, .pasted("Agenda:\n1. pricing\n2. contract")) == [])
        guard case .appointmentForm(let after)? = state.modals.last else { Issue.record("the form closed"); return }
        #expect(after.form.value(.note) == "Agenda: 1. pricing 2. contract" && !after.form.isSaving)
    }

    @Test func withNoFieldOnTheListAPasteFiltersElsewhereItIsIgnored() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .pasted("lead7@example.com\n"))
        #expect(state.filterBar?.input.text == "lead7@example.com ")
        var calendar = Fixtures.loaded()
        _ = AppReducer.reduce(&calendar, .commandInvoked(.viewCalendar))
        let effects = AppReducer.reduce(&calendar, .pasted("x"))
        #expect(effects == [] && calendar.filterBar == nil && calendar.modals.isEmpty)
        #expect(calendar.message?.text == "Nothing here takes text: the paste was ignored.")
    }
}
