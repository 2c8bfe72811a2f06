import LeadsAPI
import TextEditing

extension AppReducer {
    /// The note form's text after the user's editor: what it saved, taken as a paste is (line
    /// breaks kept, control characters dropped) and never cut — a note past the service's 499
    /// characters says so under the field, as one typed would. A failed editor changes nothing.
    static func editorFinished(_ state: inout AppState, _ result: Result<String, EditorProblem>) -> [Effect] {
        guard let index = state.modals.lastIndex(where: { if case .noteForm = $0 { return true }; return false }),
              case .noteForm(var note) = state.modals[index] else { return [] }
        switch result {
        case .success(let text):
            note.form.set(.note, String(TextInput.insertable(text, singleLine: false)))
            note.form.markEdited(.note)
            state.modals[index] = .noteForm(note)
            state.message = StatusMessage("The note is back from the editor (\(note.length) of \(Rules.leadNoteLimit) characters).",
                                          note.length > Rules.leadNoteLimit ? .warning : .info, at: state.now)
        case .failure(let problem):
            state.message = StatusMessage("Nothing taken from the editor: \(problem.message); the note is as it was.", .warning, at: state.now)
        }
        return []
    }
}
