import Foundation
import LeadsAPI

extension AppReducer {
    /// The tabs above the list: `all` (the list as it starts), then the saved views.
    public static func viewTabs(_ state: AppState) -> [SavedView] {
        state.settings.views.isEmpty ? [] : [.all] + state.settings.views.filter { $0.name != SavedView.all.name }
    }

    /// The tab the list shows now, if it shows one.
    public static func currentViewTab(_ state: AppState) -> Int? {
        let tabs = viewTabs(state)
        if let name = state.activeViewName, let index = tabs.firstIndex(where: { $0.name == name }), tabs[index].isShown(by: state.list) {
            return index
        }
        return tabs.firstIndex { $0.isShown(by: state.list) }
    }

    /// `]` / `[`: the next or previous saved view (from a list that shows none, the first or last).
    static func stepView(_ state: inout AppState, by step: Int) -> [Effect] {
        let tabs = viewTabs(state)
        guard !tabs.isEmpty else {
            state.message = StatusMessage("No saved views yet: \(key: .palette) save-view NAME saves the list's filter, sort and owned/assigned.",
                                          .info, at: state.now)
            return []
        }
        let next = currentViewTab(state).map { ($0 + step + tabs.count) % tabs.count } ?? (step > 0 ? 0 : tabs.count - 1)
        return show(&state, tabs[next])
    }

    /// `view NAME`.
    static func selectView(_ state: inout AppState, named name: String) -> [Effect] {
        let tabs = viewTabs(state).isEmpty ? [SavedView.all] : viewTabs(state)
        guard let view = tabs.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            state.message = StatusMessage("No view “\(name)”: the views are \(tabs.map(\.name).joined(separator: ", ")).", .warning, at: state.now)
            return []
        }
        return show(&state, view)
    }

    /// Shows `view`: its filter, sort and list type, and the lead it had selected when it was left.
    static func show(_ state: inout AppState, _ view: SavedView) -> [Effect] {
        state.view = .leads
        state.focus = .list
        if !state.isWide { state.isShowingDetail = false }
        if let current = currentViewTab(state).map({ viewTabs(state)[$0] }), let slug = state.list.selectedLead?.slug {
            state.viewSelections[current.name] = slug
        }
        guard case .success(let filter) = LeadFilter.parse(view.filter) else {
            state.message = StatusMessage("View “\(view.name)” has a filter the list cannot read: \(view.filter)", .error, at: state.now)
            return []
        }
        var effects: [Effect] = []
        state.list.setSort(view.sort)
        if state.list.listType != view.listType || state.list.serverFilter != filter.server {
            state.list.listType = view.listType
            state.list.serverFilter = filter.server
            state.list.setText(filter.text)
            effects += list(&state, .reload(keepSelection: false))
        } else {
            state.list.setText(filter.text)
            effects += list(&state, .fetchRest(everyPage: false))
        }
        state.activeViewName = view.name
        state.list.selectSlugWhenLoaded = state.viewSelections[view.name]
        if let slug = state.viewSelections[view.name] { state.list.select(slug: slug) }
        state.isDetailStale = true
        state.message = StatusMessage("View: \(view.name).", .info, at: state.now)
        return effects
    }

    /// `save-view NAME`: the list's filter, sort and owned/assigned under NAME, written to
    /// settings.toml (its other lines and comments kept); answered by `.viewSaved`.
    static func saveView(_ state: inout AppState, named typed: String) -> [Effect] {
        let name = typed.trimmingCharacters(in: .whitespaces)
        guard SavedView.isValidName(name), name != SavedView.all.name else {
            state.message = StatusMessage(name.isEmpty ? "Save the view as what? \(key: .palette) save-view NAME (a–z, A–Z, 0–9, _ and -)."
                                          : "“\(name)” cannot name a view: a–z, A–Z, 0–9, _ and - only, at most 32\(name == SavedView.all.name ? ", and not “all”" : "").",
                                          name.isEmpty ? .warning : .error, at: state.now)
            return []
        }
        let view = SavedView(name: name, of: state.list)
        // One of that name that shows something else is replaced only when asked: it is lost otherwise.
        if let old = state.settings.views.first(where: { $0.name == name }), old != view {
            state.modals.append(.confirm(.replace(old, with: view)))
            return []
        }
        return [.saveView(view)]
    }

    static func viewSaved(_ state: inout AppState, _ view: SavedView, problem: String?) -> [Effect] {
        if let problem {
            state.message = StatusMessage("View “\(view.name)” not saved: \(problem)", .error, at: state.now)
            return []
        }
        if let index = state.settings.views.firstIndex(where: { $0.name == view.name }) {
            state.settings.views[index] = view
        } else {
            state.settings.views.append(view)
        }
        state.activeViewName = view.name
        let file = state.settings.settingsFile.map { " in \($0)" } ?? ""
        state.message = StatusMessage("Saved view “\(view.name)”\(file): \(key: .nextSavedView) and \(key: .previousSavedView) go through the views.",
                                      .success, at: state.now)
        return []
    }
}
