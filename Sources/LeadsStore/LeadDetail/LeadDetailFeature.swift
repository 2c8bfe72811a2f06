import Foundation
import LeadsAPI

/// The detail pane: the lead shown, loaded when it changes; moving in its
/// notes and activities; notes hidden while their delete waits.
public enum LeadDetailFeature {
    public enum Action: Equatable, Sendable {
        /// Show this lead, loading it unless it is already shown or on its way.
        case show(slug: String, name: String, preview: LeadSummary? = nil)
        /// Nothing to show (an empty list): no detail, and none on its way.
        case clear
        /// Load the shown lead again (refresh, or after a change).
        case reload
        case move(Pane, by: Int)
        case moveTo(Pane, Int)
        case loaded(slug: String, Result<LeadDetail, APIError>)
        case hideNote(id: Int)
        case unhideNote(id: Int)
        /// A note was added: the newest is first, select it.
        case selectNewestNote
    }

    public enum Delegate: Equatable, Sendable {
        /// The lead's detail came (an edit form waiting for it fills in).
        case loaded(LeadDetail)
    }

    public static func reduce(_ state: inout LeadDetailState?, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .show(let slug, let name, let preview):
            if state?.slug == slug { return [] }
            state = LeadDetailState(slug: slug, name: name)
            state?.preview = preview
            return [.request(.leadDetail, .lead(slug: slug))]
        case .clear:
            state = nil
            return [.cancel(.leadDetail)]
        case .reload:
            guard let slug = state?.slug else { return [] }
            state?.isLoading = true
            return [.request(.leadDetail, .lead(slug: slug))]
        case .move(let pane, let delta):
            state?.move(pane, by: delta)
            return []
        case .moveTo(let pane, let row):
            guard let detail = state else { return [] }
            return reduce(&state, .move(pane, by: row - detail.selected(in: pane)), context)
        case .loaded(let slug, let result):
            guard state?.slug == slug else { return [] }
            switch result {
            case .success(let lead):
                state?.show(lead)
                return [.delegate(.loaded(lead))]
            case .failure(.cancelled):
                return []
            case .failure(let error):
                state?.isLoading = false
                state?.error = error.message
                return []
            }
        case .hideNote(let id): state?.hide(noteID: id); return []
        case .unhideNote(let id): state?.unhide(noteID: id); return []
        case .selectNewestNote: state?.noteSelected = 0; return []
        }
    }
}
