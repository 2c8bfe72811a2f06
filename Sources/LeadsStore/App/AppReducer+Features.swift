import Foundation
import LeadsAPI
import TextEditing

/// Each feature reduced on its own part of the state, and what it asks of
/// the app (its delegate outputs) carried out here. Features never call one
/// another: whatever crosses from one to another passes through these.
extension AppReducer {
    static func list(_ state: inout AppState, _ action: LeadListFeature.Action) -> [Effect] {
        let outputs = state.reduce(\.list, LeadListFeature.reduce, action)
        let effects = state.absorb(outputs) { state, delegate in
            switch delegate {
            case .selectionChanged: state.isDetailStale = true
            }
            return []
        }
        // An export waits for every page: it goes on (or stops) with each change of the list.
        return state.export == nil ? effects : effects + exportProgress(&state)
    }

    static func detail(_ state: inout AppState, _ action: LeadDetailFeature.Action) -> [Effect] {
        let outputs = state.reduce(\.detail, LeadDetailFeature.reduce, action)
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .loaded(let lead):
                // An edit form opened before the detail came fills what it lacked.
                for index in state.modals.indices {
                    if case .leadForm(var form) = state.modals[index] {
                        form.fill(from: lead)
                        state.modals[index] = .leadForm(form)
                    }
                }
            }
            return []
        }
    }

    /// The detail follows the list's selection.
    static func followSelection(_ state: inout AppState) -> [Effect] {
        state.isDetailStale = false
        guard let lead = state.list.selectedLead else { return detail(&state, .clear) }
        return detail(&state, .show(slug: lead.slug, name: lead.name, preview: lead))
    }

    /// Effects, or nil for a command the calendar does not handle.
    static func calendar(_ state: inout AppState, _ action: CalendarFeature.Action) -> [Effect]? {
        let context = state.context
        guard let outputs = CalendarFeature.reduce(&state.calendar, action, context) else { return nil }
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .openLead(let slug, let name):
                state.view = .leads
                state.cameFrom = .calendar   // Esc goes back there
                state.list.select(slug: slug)
                state.isDetailStale = false
                if !state.isWide { state.isShowingDetail = true }
                state.focus = .notes
                return detail(&state, .show(slug: slug, name: name))
            case .openForm(let form):
                state.modals.append(.appointmentForm(form))
                return []
            case .changeStatus(let id, let status, let label):
                // Shown at once, sent when the undo window closes; u takes it back.
                state.calendar.mark(id: id, status: status.rawValue)
                return pending(&state, .start(.appointmentStatus(id: id, status: status.rawValue), label: label))
            case .confirmDelete(let id, let label):
                state.modals.append(.confirm(Confirmation(kind: .deleteAppointment(id: id, label: label), title: "Delete appointment",
                                                          question: "Delete \(label)?")))
                return []
            case .appointmentsChanged:
                return appointmentsChanged(&state)
            }
        }
    }

    /// After a booking or a change: everything that shows appointments loads again.
    static func appointmentsChanged(_ state: inout AppState) -> [Effect] {
        var effects = calendar(&state, .forget) ?? []
        effects += reminders(&state, .reload)
        if state.view == .calendar { effects += calendar(&state, .load(force: true)) ?? [] }
        if state.view == .overview { effects += dashboard(&state, .refresh(withCounts: true)) }
        return effects
    }

    static func reminders(_ state: inout AppState, _ action: RemindersFeature.Action) -> [Effect] {
        let outputs = state.reduce(\.reminders, RemindersFeature.reduce, action)
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .remind(let text):
                state.message = StatusMessage(text, .warning, at: state.now)
                return state.settings.reminderBell ? [.bell] : []
            }
        }
    }

    static func dashboard(_ state: inout AppState, _ action: DashboardFeature.Action) -> [Effect] {
        let outputs = state.reduce(\.dashboard, DashboardFeature.reduce, action)
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .refreshedItself: return reminders(&state, .reload)
            }
        }
    }

    static func pending(_ state: inout AppState, _ action: UndoWindowFeature.Action) -> [Effect] {
        // The service could not be reached for the one being sent: it waits in the outbox (shown
        // done as it is), and the next one goes.
        if case .finished(.failure(let error)) = action, error.isUnreachable, let change = state.pending.sending.first {
            return queue(&state, change.request, origin: .change(change.target), label: change.whatIsSent,
                         mayHaveArrived: error.mayHaveReachedTheService) + pending(&state, .queued)
        }
        let outputs = state.reduce(\.pending, UndoWindowFeature.reduce, action)
        if state.offlineSince != nil, outputs.contains(where: { if case .request = $0 { return true }; return false }),
           let change = state.pending.sending.first {
            // Offline: into the outbox at once, not after a timeout.
            let others = outputs.filter { if case .request = $0 { return false }; return true }
            return state.absorb(others, pendingOutcome) + queue(&state, change.request, origin: .change(change.target), label: change.whatIsSent)
                + pending(&state, .queued)
        }
        var effects = state.absorb(outputs, pendingOutcome)
        switch action {
        case .finished, .queued:
            if state.isQuitting, state.pending.isEmpty, state.bulk == nil, state.outbox.inFlight == nil { effects.append(.quit) }
        default: break
        }
        return effects
    }

    /// A delete or status change undone, refused, or done: the screens follow.
    static func pendingOutcome(_ state: inout AppState, _ delegate: UndoWindowFeature.Delegate) -> [Effect] {
        switch delegate {
        case .undone(.lead(let slug)), .failed(.lead(let slug)):
            // The lead is back where it was, and selected.
            return list(&state, .unhide(slug: slug)) + list(&state, .select(slug: slug)) + followSelection(&state)
        case .undone(.note(let id, _)), .failed(.note(let id, _)): return detail(&state, .unhideNote(id: id))
        case .undone(.appointment(let id)), .failed(.appointment(let id)):
            state.calendar.unhide(id: id)
            return []
        case .undone(.appointmentStatus(let id, _)), .failed(.appointmentStatus(let id, _)):
            state.calendar.unmark(id: id)
            return []
        case .deleted(.appointmentStatus):
            return appointmentsChanged(&state)
        case .deleted(.lead(let slug)):
            // Its appointments go with it: the calendar loads again (now if it is shown, else when it is).
            var effects = list(&state, .remove(slug: slug)) + dashboard(&state, .refresh(withCounts: false))
            if state.view == .calendar { effects += appointmentsChanged(&state) } else { state.calendar.forget() }
            return effects
        case .deleted(.note(_, let slug)):
            return state.detail?.slug == slug ? detail(&state, .reload) : []
        case .deleted(.appointment):
            return appointmentsChanged(&state)
        }
    }

    static func filterBar(_ state: inout AppState, _ action: FilterBarFeature.Action) -> [Effect] {
        guard var bar = state.filterBar else { return [] }
        let outputs = FilterBarFeature.reduce(&bar, action)
        state.filterBar = bar
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .wordsTyped(let words): return list(&state, .textTyped(words))
            case .applied(let filter):
                state.filterBar = nil
                return list(&state, .filterApplied(filter))
            case .cancelled:
                state.filterBar = nil
                return list(&state, .filtersCleared(announce: false))
            }
        }
    }

    static func palette(_ state: inout AppState, _ action: PaletteFeature.Action) -> [Effect] {
        guard case .palette(var palette) = state.topModal else { return [] }
        let outputs = PaletteFeature.reduce(&palette, action)
        state.modals[state.modals.count - 1] = .palette(palette)
        return state.absorb(outputs) { state, delegate in
            state.modals.removeLast()
            switch delegate {
            case .close:
                return []
            case .runWith(let command, let argument):
                return perform(&state, command, argument: argument)
            case .run(let command):
                if isAvailable(command, in: state) { return perform(&state, command) }
                // A command of another view goes there and does it ("Calendar: month" from the leads).
                if let home = command.homeView, home != state.view {
                    var there = state
                    let going = perform(&there, home == .calendar ? .viewCalendar : home == .leads ? .viewLeads : .viewOverview)
                    if isAvailable(command, in: there) {
                        state = there
                        return going + perform(&state, command)
                    }
                }
                state.message = StatusMessage("“\(command.description)” does not apply here.", .warning, at: state.now)
                return []
            }
        }
    }

    // MARK: Forms

    /// The form at `index` reduced by the one form reducer, whichever kind it is.
    static func form(_ state: inout AppState, at index: Int, _ action: FormAction) -> [Effect] {
        let context = state.context
        let outputs: [Output<FormDelegate>]
        switch state.modals[index] {
        case .leadForm(var form):
            outputs = FormFeature.reduce(&form, action, context)
            state.modals[index] = .leadForm(form)
        case .noteForm(var form):
            outputs = FormFeature.reduce(&form, action, context)
            state.modals[index] = .noteForm(form)
        case .appointmentForm(var form):
            outputs = FormFeature.reduce(&form, action, context)
            state.modals[index] = .appointmentForm(form)
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report:
            return []
        }
        // Offline: a save goes into the outbox at once rather than waiting for a timeout.
        if state.offlineSince != nil, let request = outputs.lazy.compactMap({ output -> Request? in
            if case .request(_, let request) = output { return request }
            return nil
        }).first, OutboxEntry.Write(request) != nil {
            return queueForm(&state, at: index, request)
        }
        return state.absorb(outputs) { state, delegate in
            switch delegate {
            case .saved:
                let modal = state.modals.remove(at: index)
                // A change of the outbox, opened and sent as changed: it no longer waits.
                var effects: [Effect] = []
                if state.outbox.editingDepth == index, let id = state.outbox.editing {
                    state.outbox.editingDepth = nil
                    effects += outbox(&state, .editing(nil)) + outbox(&state, .discard(id: id))
                }
                return effects + formSaved(&state, modal)
            case .closeRequested:
                if state.modals[index].hasUnsavedInput {
                    state.modals.append(.confirm(.discardForm))
                    return []
                }
                state.modals.remove(at: index)
                return formClosed(&state, at: index)
            case .searchLeads(let text):
                if case .appointmentForm(var form) = state.modals[index] {
                    form.show(matches: leads(matching: text, in: state.list))
                    state.modals[index] = .appointmentForm(form)
                }
                return []
            }
        }
    }

    /// A form at `index` closed unsaved: when it was a change of the outbox, the change waits as it was.
    static func formClosed(_ state: inout AppState, at index: Int) -> [Effect] {
        guard state.outbox.editingDepth == index else { return [] }
        state.outbox.editingDepth = nil
        return outbox(&state, .editing(nil))
    }

    /// A form was saved (and closed): say so, and load again what it changed.
    static func formSaved(_ state: inout AppState, _ modal: Modal) -> [Effect] {
        switch modal {
        case .leadForm(let form):
            let draft = form.draft
            let name = [draft.firstName, draft.lastName].joined(separator: " ")
            var effects: [Effect] = []
            switch form.mode {
            case .create:
                // The new lead's slug is not known yet: remember what was sent by its email,
                // and select it when the list has it.
                state.lastUsed[LeadExtras.key(email: draft.email)] = form.extras
                state.list.selectWhenLoaded = draft.email
                state.message = StatusMessage("Created lead \(name).", .success, at: state.now)
            case .edit(let slug):
                state.lastUsed[slug] = form.extras
                state.message = StatusMessage("Saved \(name).", .success, at: state.now)
                if state.detail?.slug == slug { effects += detail(&state, .reload) }
            }
            return effects + list(&state, .reload(keepSelection: true)) + dashboard(&state, .refresh(withCounts: false))
        case .noteForm(let form):
            state.message = StatusMessage("Note added to \(form.leadName).", .success, at: state.now)
            guard state.detail?.slug == form.slug else { return [] }
            return detail(&state, .selectNewestNote) + detail(&state, .reload)
        case .appointmentForm(let form):
            state.message = StatusMessage(form.savedMessage(state.context), .success, at: state.now)
            // The selection goes to the appointment booked (or changed) when the calendar has it again.
            if let lead = form.lead, case .success(let start) = form.start(state.context) {
                state.calendar.selectWhenLoaded = .init(leadSlug: lead.slug, start: start)
                // Booked on a day the calendar does not show: it goes there, so the booking is seen.
                if state.calendar.mode != .upcoming, !state.calendar.days.contains(start.day) { state.calendar.anchor = start.day }
            }
            return appointmentsChanged(&state)
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report:
            return []
        }
    }

    /// Each open lead picker's matches again, after more leads came.
    static func refreshPickers(_ state: inout AppState) {
        for index in state.modals.indices {
            guard case .appointmentForm(var form) = state.modals[index], form.lead == nil, !form.form.value(.lead).isEmpty else { continue }
            form.refresh(matches: leads(matching: form.form.value(.lead), in: state.list))
            state.modals[index] = .appointmentForm(form)
        }
    }

    /// The most matches the lead picker lists (its drop-down scrolls through them).
    public static let pickerLimit = 50

    /// Loaded leads whose name contains every word typed (at most `pickerLimit`), for the appointment form.
    static func leads(matching text: String, in list: LeadListState) -> [AppointmentForm.LeadChoice] {
        let words = SearchFolding.words(of: text)
        guard !words.isEmpty else { return [] }
        var found: [AppointmentForm.LeadChoice] = []
        for index in list.visible {
            let lead = list.rows[index]
            let name = SearchFolding.fold(lead.name)
            if words.allSatisfy({ name.contains($0) }) { found.append(.init(slug: lead.slug, name: lead.name, email: lead.email)) }
            if found.count == pickerLimit { break }
        }
        return found
    }
}
