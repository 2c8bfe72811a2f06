import Foundation
import LeadsAPI

/// Responses: each is applied only if its request is still the current one
/// for its purpose; a late answer (another lead selected, the filter
/// changed) is dropped.
enum ResponseReducer {
    static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .leadsPageLoaded(let id, let offset, let result):
            guard state.accept(id) else { return [] }
            switch result {
            case .success(let page):
                if offset == 0 && state.list.isFirstPageLoaded {
                    // A refresh: start over, keeping the selected lead selected if it is still there.
                    let selected = state.list.selectedLead?.slug
                    state.list.reset()
                    state.list.append(page, at: 0, pageSize: state.settings.pageSize)
                    if let selected, let index = state.list.visible.firstIndex(where: { state.list.rows[$0].slug == selected }) {
                        state.list.selected = index
                    }
                } else {
                    state.list.append(page, at: offset, pageSize: state.settings.pageSize)
                }
                if let pending = state.pendingDelete, case .lead(let slug) = pending.target { state.list.hide(slug) }
                state.list.keepVisible(height: Geometry.listRows(height: state.height))
                if page.skippedRecords > 0 {
                    state.message = StatusMessage("\(page.skippedRecords) unreadable record(s) in the server's answer were skipped.", .warning, at: state.now)
                }
                if offset == 0 { state.isDetailStale = true }
                return LeadListReducer.prefetch(&state)
            case .failure(.cancelled):
                return []
            case .failure(let error):
                state.list.loadError = error.message
                state.message = StatusMessage("Could not load leads: \(error.message)", .error, at: state.now)
                return []
            }

        case .overviewLoaded(let id, let result):
            guard state.accept(id) else { return [] }
            if case .success(let overview) = result {
                state.overview = overview
                var colors: [String: String] = [:]
                for status in overview.statuses where !status.color.isEmpty { colors[status.status.lowercased()] = status.color }
                state.statusColors = colors
                state.totalLeads = overview.totalLeads
            }
            // A failed overview only loses the status colours (the theme's are used): no message.
            return []

        case .todayAppointmentsLoaded(let id, let result):
            guard state.accept(id) else { return [] }
            if case .success(let items) = result {
                state.todayList = items
            }
            return CalendarReducer.remind(&state)

        case .appointmentCountsLoaded(let id, let result):
            guard state.accept(id) else { return [] }
            if case .success(let counts) = result { state.appointmentCounts = counts }
            return []

        case .leadLoaded(let id, let slug, let result):
            guard state.accept(id), state.detail?.slug == slug else { return [] }
            switch result {
            case .success(let lead):
                state.detail?.show(lead)
                FormReducer.fillEditForm(&state, from: lead)
            case .failure(.cancelled): break
            case .failure(let error):
                state.detail?.isLoading = false
                state.detail?.error = error.message
            }
            return []

        case .changeFinished(let id, let result):
            guard state.accept(id) else { return [] }
            switch id.purpose {
            case .saveLead: return leadSaved(&state, result)
            case .saveNote: return noteSaved(&state, result)
            case .saveAppointment: return CalendarReducer.saved(&state, result)
            case .delete: return deleteFinished(&state, result)
            default: return []
            }

        default:
            return []
        }
    }

    static func leadSaved(_ state: inout AppState, _ result: Result<Done, APIError>) -> [Effect] {
        guard let index = state.modals.lastIndex(where: { if case .leadForm = $0 { return true }; return false }),
              case .leadForm(var form) = state.modals[index] else { return [] }
        form.isSaving = false
        switch result {
        case .success:
            state.modals.remove(at: index)
            let draft = form.draft
            let name = [draft.firstName, draft.lastName].joined(separator: " ")
            var effects: [Effect] = []
            switch form.mode {
            case .create:
                // The new lead's slug is not known yet: remember what was sent by its email.
                state.lastUsed[LeadExtras.key(email: draft.email)] = LeadExtras(location: draft.location, message: draft.message, assignee: draft.assignee)
                state.message = StatusMessage("Created lead \(name).", .success, at: state.now)
            case .edit(let slug):
                state.lastUsed[slug] = LeadExtras(location: draft.location, message: draft.message, assignee: draft.assignee)
                state.message = StatusMessage("Saved \(name).", .success, at: state.now)
                if state.detail?.slug == slug { effects += LeadDetailReducer.reload(&state) }
            }
            effects += LeadListReducer.reload(&state, keepSelection: true)
            effects += state.issue(.overview, .overview)
            return effects
        case .failure(let error):
            switch error {
            case .validation(let fields), .invalidInput(let fields):
                form.showServerErrors(fields)
            default:
                // Nothing typed is lost: the form stays open with the error; Ctrl-S tries again.
                form.message = "Not saved: \(error.message) Your input is kept; ctrl-s to retry."
                form.isMessageError = true
            }
            state.modals[index] = .leadForm(form)
            return []
        }
    }

    static func noteSaved(_ state: inout AppState, _ result: Result<Done, APIError>) -> [Effect] {
        guard let index = state.modals.lastIndex(where: { if case .noteForm = $0 { return true }; return false }),
              case .noteForm(var form) = state.modals[index] else { return [] }
        form.isSaving = false
        switch result {
        case .success:
            state.modals.remove(at: index)
            state.message = StatusMessage("Note added to \(form.leadName).", .success, at: state.now)
            guard state.detail?.slug == form.slug else { return [] }
            state.detail?.noteSelected = 0
            return LeadDetailReducer.reload(&state)
        case .failure(let error):
            switch error {
            case .validation(let fields), .invalidInput(let fields):
                form.error = (fields["note"].isEmpty ? fields.summary : fields["note"].joined(separator: " "))
            default:
                form.error = "Not saved: \(error.message) Your note is kept; ctrl-s to retry."
            }
            state.modals[index] = .noteForm(form)
            return []
        }
    }

    static func deleteFinished(_ state: inout AppState, _ result: Result<Done, APIError>) -> [Effect] {
        guard let pending = state.pendingDelete else { return state.isQuitting ? [.quit] : [] }
        state.pendingDelete = nil
        var effects: [Effect] = []
        switch (result, pending.target) {
        case (.success, .lead(let slug)):
            state.list.remove(slug)
            state.message = StatusMessage("Deleted \(pending.label).", .success, at: state.now)
            effects += state.issue(.overview, .overview)
        case (.success, .note(_, let slug)):
            state.message = StatusMessage("Deleted \(pending.label).", .success, at: state.now)
            if state.detail?.slug == slug { effects += LeadDetailReducer.reload(&state) }
        case (.failure(let error), .lead(let slug)):
            state.list.unhide(slug)
            state.message = StatusMessage("Could not delete \(pending.label): \(error.message)", .error, at: state.now)
        case (.failure(let error), .note(let id, _)):
            state.detail?.unhide(noteID: id)
            state.message = StatusMessage("Could not delete \(pending.label): \(error.message)", .error, at: state.now)
        case (.success, .appointment):
            state.message = StatusMessage("Deleted \(pending.label).", .success, at: state.now)
            effects += CalendarReducer.reloadAll(&state)
        case (.failure(let error), .appointment):
            state.message = StatusMessage("Could not delete \(pending.label): \(error.message)", .error, at: state.now)
        }
        if state.isQuitting { return [.quit] }
        return effects
    }
}
