import Foundation
import LeadsAPI
import TextEditing

extension AppReducer {
    /// `space` marks (or unmarks) the selected lead and goes to the next, `v` marks every lead
    /// from the one `space` last marked to the selection, `*` marks every lead shown (again:
    /// unmarks them). The title counts the marks; the first mark says what can be done with them.
    static func mark(_ state: inout AppState, _ command: Command) -> [Effect] {
        state.focus = .list
        if !state.isWide { state.isShowingDetail = false }
        let before = state.list.marks.count
        var effects: [Effect] = []
        switch command {
        case .toggleMark:
            guard state.list.selectedLead != nil else { return [] }
            state.list.toggleMark()
            effects = list(&state, .move(by: 1))
        case .markRange:
            let added = state.list.markRange()
            state.message = StatusMessage("Marked \(WholeNumber.grouped(added)) more (\(WholeNumber.grouped(state.list.marks.count)) marked).", .info, at: state.now)
        case .markAll:
            let changed = state.list.markAllShown()
            if changed < 0 {
                state.message = StatusMessage("Unmarked the \(WholeNumber.grouped(-changed)) leads shown.", .info, at: state.now)
            } else if state.list.marksEveryPage {
                // The rest of the list comes in the background (500 a request), marked as it comes; the title counts.
                state.message = StatusMessage("Marking every lead of the list: \(WholeNumber.grouped(state.list.rows.count)) loaded are marked, the rest as they come.",
                                              .info, at: state.now)
                effects = list(&state, .fetchRest(everyPage: true))
            } else {
                state.message = StatusMessage("Marked every lead shown (\(WholeNumber.grouped(state.list.marks.count)) marked).", .info, at: state.now)
            }
        default: return []
        }
        if before == 0, !state.list.marks.isEmpty, command == .toggleMark {
            state.message = StatusMessage("Marked: \(key: .setStatus) status, \(key: .newNote) note, \(key: .deleteLead) delete, \(key: .palette) export — on every marked lead; \(key: .back) clears the marks.",
                                          .info, at: state.now)
        }
        return effects
    }
}
