import Foundation
import LeadsAPI

/// The detail pane's part of the reducer: loading the selected lead, moving
/// in its notes and activities, and lead/note commands.
enum LeadDetailReducer {
    /// Shows the selected lead, loading it unless it is already shown or on its way.
    static func followSelection(_ state: inout AppState) -> [Effect] {
        state.isDetailStale = false
        guard let lead = state.list.selectedLead else {
            // Nothing selected (an empty list): no detail, and none on its way.
            state.detail = nil
            guard let current = state.requests.removeValue(forKey: .leadDetail) else { return [] }
            return [.cancel(current)]
        }
        if state.detail?.slug == lead.slug { return [] }
        state.detail = LeadDetailState(slug: lead.slug, name: lead.name)
        return state.issue(.leadDetail, .lead(slug: lead.slug))
    }

    /// Loads the shown lead again (refresh, or after a change).
    static func reload(_ state: inout AppState) -> [Effect] {
        guard let slug = state.detail?.slug else { return followSelection(&state) }
        state.detail?.isLoading = true
        return state.issue(.leadDetail, .lead(slug: slug))
    }

    static func move(_ state: inout AppState, pane: Pane, by delta: Int) {
        guard var detail = state.detail else { return }
        switch pane {
        case .notes: detail.noteSelected = min(max(0, detail.notes.count - 1), max(0, detail.noteSelected + delta))
        case .activities: detail.activitySelected = min(max(0, detail.activities.count - 1), max(0, detail.activitySelected + delta))
        case .list: return
        }
        state.detail = detail
    }

    /// The lead acted on: the detail's when a detail pane is focused, else the list's selection.
    static func target(_ state: AppState) -> (slug: String, name: String)? {
        if state.focus != .list, let detail = state.detail { return (detail.slug, detail.name) }
        return state.list.selectedLead.map { ($0.slug, $0.name) }
    }

    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .back:
            if !state.isWide && state.isShowingDetail { state.isShowingDetail = false }
            state.focus = .list
        case .open:
            if state.focus == .notes, let note = state.detail?.selectedNote {
                state.message = StatusMessage(note.note, .info, at: state.now)
            }
        case .newLead:
            FormReducer.openNewLead(&state)
        case .editLead:
            guard let target = target(state) else { return [] }
            FormReducer.openEditLead(&state, slug: target.slug)
        case .deleteLead:
            guard let target = target(state) else { return [] }
            state.modals.append(.confirm(Confirmation(kind: .deleteLead(slug: target.slug, name: target.name), title: "Delete lead",
                                                      question: "Delete lead \(target.name)?")))
        case .newNote:
            guard let target = target(state) else { return [] }
            state.modals.append(.noteForm(NoteForm(slug: target.slug, leadName: target.name)))
        case .deleteNote:
            guard state.focus == .notes else {
                state.message = StatusMessage("Select a note in the notes list first (tab to it).", .warning, at: state.now)
                return []
            }
            guard let detail = state.detail, let note = detail.selectedNote, let id = note.id else { return [] }
            let excerpt = note.note.count > 40 ? String(note.note.prefix(40)) + "…" : note.note
            state.modals.append(.confirm(Confirmation(kind: .deleteNote(id: id, slug: detail.slug, excerpt: excerpt),
                                                      title: "Delete note", question: "Delete the note “\(excerpt)” on \(detail.name)?")))
        case .toggleAssigned, .sortNext, .filter:
            state.focus = .list
            if !state.isWide { state.isShowingDetail = false }
            return LeadListReducer.command(&state, command) ?? []
        default:
            break
        }
        return []
    }
}
