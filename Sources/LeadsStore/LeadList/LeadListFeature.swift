import Foundation
import LeadsAPI

/// The lead list: paging, moving, filtering, sorting, owned/assigned.
///
/// Pages are asked for half a page before the selection reaches the end of
/// what is loaded, so moving never waits for the network.
public enum LeadListFeature {
    public enum Action: Equatable, Sendable {
        /// The first page again (filter, list type or refresh), superseding any page in flight.
        case reload(keepSelection: Bool)
        case move(by: Int)
        case moveTo(Int)
        case pageLoaded(offset: Int, Result<Page<LeadSummary>, APIError>)
        case toggleAssigned
        case sortNext
        /// The free words of the `/` bar, as they are typed.
        case textTyped(String)
        /// The `/` bar's Enter: words filter the loaded rows, `field:value` terms go to the server.
        case filterApplied(LeadFilter)
        /// Every filter off; `announce` says so in the status bar.
        case filtersCleared(announce: Bool)
        case hide(slug: String)
        case unhide(slug: String)
        case remove(slug: String)
        case select(slug: String)
        /// A quiet moment (a tick): the next page if every page is wanted (a text
        /// filter; `everyPage`: the lead picker searching what is not loaded yet).
        case fetchRest(everyPage: Bool)
    }

    public enum Delegate: Equatable, Sendable {
        /// The selected lead may be another one: the detail should follow.
        case selectionChanged
    }

    public static func reduce(_ state: inout LeadListState, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .reload(let keepSelection):
            var outputs: [Output<Delegate>] = []
            if !keepSelection {
                state.reset()
                outputs.append(.delegate(.selectionChanged))
            }
            return outputs + [.request(.leadsPage, .leads(state.query(offset: 0, limit: pageLimit(context))))]

        case .move(let delta):
            // The path of a held key: one small array at most.
            let before = state.selected
            state.move(by: delta)
            var outputs: [Output<Delegate>] = []
            if state.selected != before { outputs.append(.delegate(.selectionChanged)) }
            if let next = prefetch(state, context) { outputs.append(next) }
            return outputs

        case .moveTo(let row):
            return reduce(&state, .move(by: row - state.selected), context)

        case .pageLoaded(let offset, let result):
            return pageLoaded(&state, offset, result, context)

        case .toggleAssigned:
            state.listType = state.listType == .owned ? .assigned : .owned
            let text: TextWithKeys = state.listType == .owned ? "Showing leads you own." : "Showing leads assigned to you."
            return [.message(text, .info)] + reduce(&state, .reload(keepSelection: false), context)

        case .sortNext:
            state.setSort(state.sort.next)
            return [.message("Sorted by \(state.sort.label).", .info)]

        case .textTyped(let text):
            state.setText(text)
            // The words search every lead: the pages not loaded yet come in the
            // background from the next quiet moment (`fetchRest`), not per letter typed.
            return [.delegate(.selectionChanged)]

        case .fetchRest(let everyPage):
            return state.wantsEveryPage || everyPage ? [prefetch(state, context, everyPage: everyPage)].compactMap { $0 } : []

        case .filterApplied(let filter):
            state.setText(filter.text)
            let rest = [prefetch(state, context)].compactMap { $0 }
            // Said each time, so no earlier word ("Filter cleared.") outlives what it spoke of.
            let terms = [filter.text.isEmpty ? nil : "“\(filter.text)”", filter.server.isEmpty ? nil : filter.server.summary].compactMap { $0 }
            let said: Output<Delegate> = .message(terms.isEmpty ? "Filter cleared." : "Filter: \(terms.joined(separator: " ")).", .info)
            guard filter.server != state.serverFilter else { return [said, .delegate(.selectionChanged)] + rest }
            state.serverFilter = filter.server
            return [said] + reduce(&state, .reload(keepSelection: false), context)

        case .filtersCleared(let announce):
            guard !state.text.isEmpty || !state.serverFilter.isEmpty else { return [] }
            let hadServerFilter = !state.serverFilter.isEmpty
            state.setText("")
            state.serverFilter = ServerFilter()
            var outputs: [Output<Delegate>] = announce ? [.message("Filter cleared.", .info)] : []
            outputs += hadServerFilter ? reduce(&state, .reload(keepSelection: false), context) : [.delegate(.selectionChanged)]
            return outputs

        case .hide(let slug): state.hide(slug); return [.delegate(.selectionChanged)]
        case .unhide(let slug): state.unhide(slug); return [.delegate(.selectionChanged)]
        case .remove(let slug): state.remove(slug); return []
        case .select(let slug): state.select(slug: slug); return []
        }
    }

    static func pageLoaded(_ state: inout LeadListState, _ offset: Int, _ result: Result<Page<LeadSummary>, APIError>,
                           _ context: Context) -> [Output<Delegate>] {
        switch result {
        case .success(let page):
            let before = state.selectedLead?.slug
            if offset == 0 && state.isFirstPageLoaded {
                // A refresh: start over, keeping the selected lead selected if it is still there.
                let selected = state.selectedLead?.slug
                let wasWaiting = state.selectWhenLoaded != nil
                state.reset()
                state.append(page, at: 0, pageSize: context.settings.pageSize)
                // A lead just created and now here is selected rather than the old one.
                let foundNew = wasWaiting && state.selectWhenLoaded == nil
                if let selected, !foundNew { state.select(slug: selected) }
            } else {
                state.append(page, at: offset, pageSize: context.settings.pageSize)
            }
            var outputs: [Output<Delegate>] = []
            if page.skippedRecords > 0 {
                outputs.append(.message("\(page.skippedRecords) unreadable record(s) in the server's answer were skipped.", .warning))
            }
            // The first page, or a move finished into the new rows (`G`): the detail follows.
            if offset == 0 || state.selectedLead?.slug != before { outputs.append(.delegate(.selectionChanged)) }
            if let next = prefetch(state, context) { outputs.append(next) }
            return outputs
        case .failure(.cancelled):
            return []
        case .failure(let error):
            state.loadError = error.message
            return [.message("Could not load leads: \(error.message)", .error)]
        }
    }

    /// Rows a page asks for: `page_size`, and at least two screenfuls — a page down shows a
    /// whole new screen, which must have come with the fetch before it (issue 13 measured
    /// blank rows filled 10 ms after each page down when a page was smaller).
    static func pageLimit(_ context: Context) -> Int { max(context.settings.pageSize, 2 * context.viewport.listRows) }

    /// Rows from the end at which the next page is asked for: half a page, and
    /// at least a screenful (a page smaller than the screen never leaves it half empty).
    static func prefetchMargin(_ context: Context) -> Int { max(10, context.settings.pageSize / 2, context.viewport.listRows) }

    /// Rows asked for at once while every page is wanted (a text filter, `G`):
    /// fewer requests, at most the sandbox's and Django REST framework's usual maximum.
    static let bulkPageSize = 500

    /// The next page, when the selection nears the end of what is loaded, or
    /// every page is wanted (`LeadListState.wantsEveryPage`), and none is on its way.
    static func prefetch(_ state: LeadListState, _ context: Context, everyPage: Bool = false) -> Output<Delegate>? {
        let bulk = everyPage || state.wantsEveryPage
        guard let next = state.nextOffset, next > 0, !context.isInFlight(.leadsPage),
              bulk || state.selected + prefetchMargin(context) >= state.visible.count
        else { return nil }
        let limit = bulk ? max(pageLimit(context), bulkPageSize) : pageLimit(context)
        return .request(.leadsPage, .leads(state.query(offset: next, limit: limit)))
    }
}
