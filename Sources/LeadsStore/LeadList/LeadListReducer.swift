import Foundation
import LeadsAPI
import TextEditing

/// The lead list's part of the reducer: moving, paging, filtering, sorting,
/// owned/assigned, and the commands that act on the selected lead.
enum LeadListReducer {
    /// Rows from the bottom at which the next page is asked for (half a page).
    static func prefetchMargin(_ state: AppState) -> Int { max(10, state.settings.pageSize / 2) }

    /// Loads the first page again (filter, list type or refresh changed), superseding any page in flight.
    static func reload(_ state: inout AppState, keepSelection: Bool = false) -> [Effect] {
        if !keepSelection {
            state.list.reset()
            state.isDetailStale = true
        }
        return state.issue(.leadsPage, .leads(state.list.query(offset: 0, limit: state.settings.pageSize)))
    }

    /// Asks for the next page when the selection nears the end of what is loaded.
    static func prefetch(_ state: inout AppState) -> [Effect] {
        guard let next = state.list.nextOffset, next > 0, state.requests[.leadsPage] == nil,
              state.list.selected + prefetchMargin(state) >= state.list.visible.count
        else { return [] }
        return state.issue(.leadsPage, .leads(state.list.query(offset: next, limit: state.settings.pageSize)))
    }

    static func move(_ state: inout AppState, by delta: Int) -> [Effect] {
        let before = state.list.selected
        state.list.move(by: delta, height: Geometry.listRows(height: state.height))
        if state.list.selected != before { state.isDetailStale = true }
        return prefetch(&state)
    }

    /// Commands for the list pane; nil for those it leaves to the detail.
    static func command(_ state: inout AppState, _ command: Command) -> [Effect]? {
        switch command {
        case .open:
            guard state.list.selectedLead != nil else { return [] }
            if !state.isWide { state.isShowingDetail = true }
            state.focus = .notes
            return LeadDetailReducer.followSelection(&state)
        case .filter:
            state.filterBar = TextInput([state.list.serverFilter.summary, state.list.text].filter { !$0.isEmpty }.joined(separator: " "))
            return []
        case .back:
            guard !state.list.text.isEmpty || !state.list.serverFilter.isEmpty else { return [] }
            let hadServerFilter = !state.list.serverFilter.isEmpty
            state.list.setText("")
            state.list.serverFilter = ServerFilter()
            state.message = StatusMessage("Filter cleared.", .info, at: state.now)
            return hadServerFilter ? reload(&state) : []
        case .toggleAssigned:
            state.list.listType = state.list.listType == .owned ? .assigned : .owned
            state.message = StatusMessage(state.list.listType == .owned ? "Showing leads you own." : "Showing leads assigned to you.",
                                          .info, at: state.now)
            return reload(&state)
        case .sortNext:
            state.list.setSort(state.list.sort.next)
            state.list.keepVisible(height: Geometry.listRows(height: state.height))
            state.message = StatusMessage("Sorted by \(state.list.sort.label).", .info, at: state.now)
            return []
        default:
            return nil
        }
    }

    /// Keys while the `/` bar is open: Enter applies (server terms reload), Esc clears and closes.
    static func filterBarCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard let bar = state.filterBar else { return [] }
        switch command {
        case .open, .save:
            switch LeadFilter.parse(bar.text) {
            case .failure(let error):
                state.message = StatusMessage(error.message, .error, at: state.now)
                return []
            case .success(let filter):
                state.filterBar = nil
                state.list.setText(filter.text)
                state.list.keepVisible(height: Geometry.listRows(height: state.height))
                guard filter.server != state.list.serverFilter else { return [] }
                state.list.serverFilter = filter.server
                return reload(&state)
            }
        case .back, .cancel:
            state.filterBar = nil
            let hadServerFilter = !state.list.serverFilter.isEmpty
            state.list.setText("")
            state.list.serverFilter = ServerFilter()
            return hadServerFilter ? reload(&state) : []
        case .quit:
            return AppReducer.quit(&state)
        default:
            return []
        }
    }

    /// Typing in the `/` bar: free words filter the loaded rows at once.
    static func filterEdited(_ state: inout AppState, _ edit: TextEdit) {
        guard var bar = state.filterBar else { return }
        bar.apply(edit, singleLine: true)
        state.filterBar = bar
        let words = LeadFilter.tokens(bar.text).filter { !$0.contains(":") }
        state.list.setText(words.joined(separator: " "))
        state.list.keepVisible(height: Geometry.listRows(height: state.height))
        state.isDetailStale = true
    }
}
