import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// A token refused while the app runs: a prompt over whatever is open, the new
/// token checked, what failed sent again, the form's text kept throughout.
@Suite struct TokenPromptTests {
    /// A 403 is the API key: no token prompt (it could not help), the message says what does.
    @Test func aRefusedAPIKeyOpensNoTokenPrompt() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.refresh))
        guard let id = state.requests[.leadsPage] else { Issue.record("no reload"); return }
        _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 0, .failure(.authentication(status: 403, message: "Invalid or missing API key.")))))
        #expect(state.modals.isEmpty && state.wasRefusedCredentials)
        #expect(state.message?.text.description.contains("refused the API key") == true)
    }

    @Test func aRefusedSaveKeepsTheFormAndIsSentAgainWithTheNewToken() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .ticked(Fixtures.now))
        _ = AppReducer.reduce(&state, .commandInvoked(.newNote))
        _ = AppReducer.reduce(&state, .textEdited(.insert("Called: wants the annual plan")))
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        guard let save = state.requests[.saveNote] else { Issue.record("not sent"); return }
        _ = AppReducer.reduce(&state, .responded(save, .change(.failure(.authentication(status: 401, message: "Invalid token.")))))
        // The prompt is on top; the note form under it keeps its text.
        guard case .tokenPrompt = state.topModal, case .noteForm(let form) = state.modals[state.modals.count - 2] else {
            Issue.record("no prompt over the form: \(state.modals)"); return
        }
        #expect(form.form.value(.note) == "Called: wants the annual plan")
        #expect(state.keyScope.takesText)
        // A paste is the token (never a key); a draft never holds it.
        _ = AppReducer.reduce(&state, .pasted("new-token\n"))
        #expect(AppReducer.draft(of: state).map { "\($0)".contains("new-token") } != true)
        let sent = AppReducer.reduce(&state, .commandInvoked(.save))
        guard case .request(let check, .useToken("new-token"))? = sent.first else { Issue.record("not checked: \(sent)"); return }
        // Refused again: said in the prompt, which stays.
        _ = AppReducer.reduce(&state, .responded(check, .change(.failure(.authentication(status: 401, message: "Invalid token.")))))
        guard case .tokenPrompt(let again) = state.topModal else { Issue.record("the prompt closed"); return }
        #expect(again.error?.contains("Invalid token.") == true && !again.isChecking)
        // Taken: stored (ctrl-s), everything loads again, the refused note is sent again.
        let resent = AppReducer.reduce(&state, .commandInvoked(.save))
        guard case .request(let second, .useToken)? = resent.first else { Issue.record("not checked"); return }
        let effects = AppReducer.reduce(&state, .responded(second, .change(.success(Done()))))
        #expect(effects.contains(.storeToken("new-token")))
        #expect(effects.contains { if case .request(_, .createNote(_, "Called: wants the annual plan")) = $0 { return true }; return false })
        #expect(effects.contains { if case .request(_, .leads) = $0 { return true }; return false })
        #expect(!state.wasRefusedCredentials)
        guard case .noteForm = state.topModal else { Issue.record("the form is gone: \(state.modals)"); return }
    }
}
