import Foundation
import LeadsAPI
import TextEditing

/// The app's reducer: `reduce(&state, action)` changes the state and
/// returns the effects to run. It never awaits, prints or reads the clock.
///
/// The root handles what belongs to no feature (the status message's life,
/// what is shown and focused, quitting, drafts) and hands the rest to the
/// feature it concerns: keys to the topmost form or dialog, else the `/`
/// bar, else the view; each answer to the feature that asked for it. What
/// a feature asks of the app comes back as its delegate outputs
/// (`AppReducer+Features.swift`).
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        let effects = reduceAction(&state, action)
        // What waits in the outbox shows on whatever detail or day is shown now.
        if !state.outbox.isEmpty || state.detail?.waitingNotes.isEmpty == false || !state.calendar.waiting.isEmpty
            || !state.calendar.changedIDs.isEmpty {
            showWaiting(&state)
        }
        return effects
    }

    static func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .started(let drafts):
            // The first page and today's agenda; the overview once the page has come (the
            // service's heaviest question — 0.7 s of the sandbox's time at 100,000 leads — never
            // competes with the page the user waits for).
            var effects = list(&state, .reload(keepSelection: false))
            effects += reminders(&state, .reload)
            if let draft = drafts.first { state.modals.append(.confirm(.resume(draft))) }
            return effects

        case .cached(let screens):
            // Shown as if answered, marked as the cache's; the requests `started` sent stay in
            // flight and their answers replace all of it without moving the selection.
            guard !state.list.isFirstPageLoaded else { return [] }
            state.list.append(screens.leads, at: 0, pageSize: state.settings.pageSize)
            state.cachedAt = screens.savedAt
            var effects = state.absorb(DashboardFeature.reduce(&state.dashboard, .overviewLoaded(screens.overview.map { .success($0) } ?? .failure(.cancelled)),
                                                               state.context)) { _, _ in [] }
            if let today = screens.today, state.reminders.todayList == nil {
                state.reminders.todayList = today   // the title bar's count until today's answer comes
            }
            if let lead = state.list.selectedLead {
                effects += detail(&state, .show(slug: lead.slug, name: lead.name))
                if let cached = screens.detail, cached.slug == lead.slug {
                    _ = LeadDetailFeature.reduce(&state.detail, .loaded(slug: lead.slug, .success(cached)), state.context)
                    state.detail?.isLoading = true   // refreshing
                }
                state.isDetailStale = false
            }
            return effects

        case .commandInvoked(let command):
            expireMessage(&state)
            let before = (modals: state.modals.count, message: state.message)
            let effects = perform(&state, command)
            // A dialog or form opened by this key starts a new question: an older message
            // (one about an earlier key) is not left under it.
            if state.modals.count > before.modals, let message = state.message, message == before.message { state.message = nil }
            return effects

        case .textEdited(let edit):
            expireMessage(&state)
            return text(&state, .edit(edit))

        case .pasted(let pasted):
            expireMessage(&state)
            return text(&state, .paste(pasted))

        case .ticked(let now):
            return tick(&state, now)

        case .resized(let viewport):
            state.viewport = viewport
            if !state.panes.contains(state.focus) { state.focus = state.panes.first ?? .list }
            return []

        case .rowClicked(let pane, let row):
            expireMessage(&state)
            guard state.modals.isEmpty, state.view == .leads, state.panes.contains(pane) else { return [] }
            state.focus = pane
            return pane == .list ? list(&state, .moveTo(row)) : detail(&state, .moveTo(pane, row))

        case .wheelScrolled(let pane, let delta):
            guard state.modals.isEmpty, state.view == .leads, state.panes.contains(pane) else { return [] }
            return pane == .list ? list(&state, .move(by: delta)) : detail(&state, .move(pane, by: delta))

        case .keySequencePending(let hint):
            state.pendingKeys = hint
            return []

        case .readerScrolled(let offset):
            guard case .reader(var reader) = state.topModal else { return [] }
            reader.offset = max(0, offset)
            state.modals[state.modals.count - 1] = .reader(reader)
            return []

        case .responded(let id, let response):
            if id.purpose != .token, case .authentication(let status, _) = response.failure {
                state.wasRefusedCredentials = true
                if status == 403 {
                    // The API key, not the token (the service's 403): no prompt can fix it in the app.
                    guard state.accept(id) else { return [] }
                    let effects = respond(&state, id.purpose, response)
                    state.message = StatusMessage("The service refused the API key (403): quit and run `leadterm login` to store a new one.",
                                                  .error, at: state.now)
                    return effects
                } else if !state.modals.contains(where: { if case .tokenPrompt = $0 { return true }; return false }) {
                    // Ask for a new token once, over whatever is open (nothing is lost).
                    state.modals.append(.tokenPrompt(TokenPrompt()))
                }
            }
            // A change to several leads has several requests in flight, each its own.
            if id.purpose == .bulk { return bulkAnswered(&state, id, response) }
            guard state.accept(id) else { return [] }
            return respond(&state, id.purpose, response)

        case .connectivity(let since):
            if let since {
                guard state.offlineSince == nil else { return [] }   // said once
                state.offlineSince = since
                state.retryDelay = 5
                state.nextRetry = state.now.addingTimeInterval(state.retryDelay)
                state.message = StatusMessage("Offline since \(clock(since, state.settings.timeZone)) — showing what was cached; retrying.",
                                              .warning, at: state.now)
            } else if state.offlineSince != nil {
                state.offlineSince = nil
                state.nextRetry = nil
                state.message = StatusMessage("Back online.", .success, at: state.now)
                // What failed while offline loads again: a detail that could not load, the counts, today;
                // what waits in the outbox goes, in order.
                var effects = outbox(&state, .sendNext)
                effects += state.detail?.error != nil ? detail(&state, .reload) : []
                effects += reminders(&state, .reload) + dashboard(&state, .refresh(withCounts: state.view == .overview))
                return effects
            }
            return []

        case .outboxRestored(let entries):
            // What the last session could not send: shown where it belongs, and sent now.
            for entry in entries {
                guard case .change(let target) = entry.origin else { continue }
                switch target {
                case .lead(let slug): _ = list(&state, .hide(slug: slug))
                case .note(let id, _): _ = detail(&state, .hideNote(id: id))
                case .appointment(let id): state.calendar.hide(id: id)
                case .appointmentStatus(let id, let status): state.calendar.mark(id: id, status: status)
                }
            }
            return outbox(&state, .restored(entries))

        case .editorFinished(let result):
            return editorFinished(&state, result)

        case .viewSaved(let view, let problem):
            return viewSaved(&state, view, problem: problem)

        case .exportWritten(let result, let what):
            return exportWritten(&state, result, what: what)

        case .tokenStored(let problem):
            state.message = problem.map { StatusMessage("The new token works but was not stored: \($0)", .warning, at: state.now) }
                ?? StatusMessage("The new token works and is stored for this profile.", .success, at: state.now)
            return []

        case .hungUp:
            // A waiting delete is not sent: the user can no longer undo it or see the outcome.
            guard let draft = draft(of: state) else { return [] }
            return [.saveDraft(draft)]
        }
    }

    /// The state after `actions`, effects discarded (to route a key that follows them).
    public static func preview(_ state: AppState, _ actions: [Action]) -> AppState {
        var state = state
        for action in actions { _ = reduce(&state, action) }
        return state
    }

    /// Each answer to the feature that asked for it.
    static func respond(_ state: inout AppState, _ purpose: Purpose, _ response: Response) -> [Effect] {
        switch (purpose, response) {
        case (.leadsPage, .leadsPage(let offset, let result)):
            if offset == 0, case .success = result { state.cachedAt = nil }   // the service's own list now
            var effects = list(&state, .pageLoaded(offset: offset, result))
            refreshPickers(&state)
            if offset == 0, state.dashboard.loadedAt == nil, state.requests[.overview] == nil {
                effects += dashboard(&state, .refresh(withCounts: false))   // asked for after the first page (see `started`)
            }
            return effects
        case (.overview, .overview(let result)): return dashboard(&state, .overviewLoaded(result))
        case (.appointmentCounts, .appointmentCounts(let result)): return dashboard(&state, .countsLoaded(result))
        case (.today, .appointments(_, _, let result)): return reminders(&state, .loaded(result))
        case (.calendarWindow, .appointments(let from, let to, let result)), (.upcoming, .appointments(let from, let to, let result)):
            return calendar(&state, .loaded(purpose, from: from, to: to, result)) ?? []
        case (.leadDetail, .lead(let slug, let result)): return detail(&state, .loaded(slug: slug, result))
        case (.delete, .change(let result)): return pending(&state, .finished(result))
        case (.token, .change(let result)): return tokenChecked(&state, result)
        case (.saveLead, .change(let result)), (.saveNote, .change(let result)), (.saveAppointment, .change(let result)):
            guard let index = state.modals.lastIndex(where: { $0.savePurpose == purpose }) else { return [] }
            if case .failure(let error) = result, error.isUnreachable, let request = state.modals[index].saveRequest(state.context) {
                // The service could not be reached: the change waits in the outbox (nothing is lost).
                return queueForm(&state, at: index, request, mayHaveArrived: error.mayHaveReachedTheService)
            }
            return form(&state, at: index, .saved(result))
        case (.outbox, .change(let result)): return outbox(&state, .sent(result))
        case (.outbox, .found(let result)): return outbox(&state, .looked(result))
        default:
            return []
        }
    }

    /// An editing step or a paste.
    enum TypedText {
        case edit(TextEdit)
        case paste(String)

        /// As the action of the feature that takes it.
        func action<Action>(_ edited: (TextEdit) -> Action, _ pasted: (String) -> Action) -> Action {
            switch self {
            case .edit(let edit): return edited(edit)
            case .paste(let text): return pasted(text)
            }
        }
    }

    /// Typing and pasting go to the topmost thing that takes text: a form, the palette, the `/` bar.
    static func text(_ state: inout AppState, _ typed: TypedText) -> [Effect] {
        if let index = state.modals.indices.last {
            switch state.modals[index] {
            case .leadForm, .noteForm, .appointmentForm: return form(&state, at: index, typed.action(FormAction.edited, FormAction.pasted))
            case .palette: return palette(&state, typed.action(PaletteFeature.Action.edited, PaletteFeature.Action.pasted))
            case .help, .confirm, .reader, .outbox, .report: return []   // a paste never answers a dialog
            case .tokenPrompt(var prompt):
                switch typed {
                case .edit(let edit): prompt.input.apply(edit, singleLine: true)
                case .paste(let text): prompt.input.paste(text, singleLine: true, limit: TokenPrompt.limit)
                }
                prompt.error = nil
                state.modals[index] = .tokenPrompt(prompt)
                return []
            }
        }
        if state.filterBar == nil, case .paste = typed {
            // No field has focus: on the leads list a paste filters by it (an email
            // from a mail, a name from a sheet); anywhere else it is ignored, said once.
            guard state.view == .leads else {
                state.message = StatusMessage("Nothing here takes text: the paste was ignored.", .info, at: state.now)
                return []
            }
            let effects = perform(&state, .filter)
            guard state.filterBar != nil else { return effects }
            return effects + text(&state, typed)
        }
        guard state.filterBar != nil else { return [] }
        return filterBar(&state, typed.action(FilterBarFeature.Action.edited, FilterBarFeature.Action.pasted))
    }

    // MARK: Time

    static func tick(_ state: inout AppState, _ now: Date) -> [Effect] {
        state.now = now
        if state.isBusy { state.spinnerFrame += 1 }
        var effects = pending(&state, .ticked)
        // On the list the detail shows the selected lead: after a lead opened from the
        // calendar that the list does not select (a filter hides it), it follows again.
        if state.view == .leads, state.focus == .list, state.modals.isEmpty, state.detail?.slug != state.list.selectedLead?.slug {
            state.isDetailStale = true
        }
        // The detail follows once the selection rests: the same lead seen by ticks at least
        // `restSeconds` apart (two of the loop's 100 ms ticks with no key between them). A held j
        // or a burst of Down costs the two rows and the counter a key, not a detail loaded (and
        // drawn) for every lead passed. Measured in time, not in ticks: an answer arriving also
        // ticks, and a page that came 5 ms after a key is no rest.
        if state.isDetailStale, state.view == .leads {
            let selected = state.list.selectedLead?.slug
            if state.detail == nil {
                state.selectionSeen = nil
                effects += followSelection(&state)
            } else if let seen = state.selectionSeen, seen.slug == selected {
                if now.timeIntervalSince(seen.at) >= AppState.restSeconds {
                    state.selectionSeen = nil
                    effects += followSelection(&state)
                }
            } else {
                state.selectionSeen = AppState.Selection(selected, now)
            }
        }
        // The lead picker searches every lead: the pages not loaded yet come while it is open.
        let picking = state.modals.contains { if case .appointmentForm(let form) = $0 { return form.lead == nil && !form.form.value(.lead).isEmpty }; return false }
        // Not while offline: each page would fail at once, every tick.
        if state.offlineSince == nil { effects += list(&state, .fetchRest(everyPage: picking)) }
        // Offline: the list's first page asked for again, 5 s after, then 10, 20… at most a minute apart.
        if state.offlineSince != nil, let retry = state.nextRetry, now >= retry, state.requests[.leadsPage] == nil {
            state.retryDelay = min(60, state.retryDelay * 2)
            state.nextRetry = now.addingTimeInterval(state.retryDelay)
            effects += list(&state, .reload(keepSelection: true))
        }
        if state.bulk != nil { effects += bulkTicked(&state) }
        effects += reminders(&state, .ticked)
        effects += dashboard(&state, .ticked)
        if !state.outbox.isEmpty { effects += outbox(&state, .ticked) }
        return effects
    }

    /// `10:42`: the time of day of `date` in `zone`.
    public static func clock(_ date: Date, _ zone: TimeZone) -> String {
        let seconds = Int(date.timeIntervalSince1970) + zone.secondsFromGMT(for: date)
        let minutes = ((seconds / 60) % 1440 + 1440) % 1440
        return "\(WholeNumber.zeroPadded(minutes / 60, width: 2)):\(WholeNumber.zeroPadded(minutes % 60, width: 2))"
    }

    /// A message goes with the first key after it has been shown long enough.
    static func expireMessage(_ state: inout AppState) {
        if let message = state.message, state.now.timeIntervalSince(message.shownAt) >= StatusMessage.minimumSeconds {
            state.message = nil
        }
    }

    // MARK: Quitting and drafts

    /// Asks first when something typed would be lost (unless `discarding` was said yes to),
    /// then when changes wait in the outbox (kept for the next start).
    static func quit(_ state: inout AppState, discarding: Bool = false) -> [Effect] {
        if !discarding && state.hasUnsavedInput {
            state.modals.append(.confirm(.quitDiscarding))
            return []
        }
        if !state.outbox.isEmpty {
            state.modals.removeAll()
            state.modals.append(.confirm(.quitWithOutbox(count: state.outbox.count, file: state.settings.outboxFile)))
            return []
        }
        state.modals.removeAll()
        return finishQuit(&state)
    }

    /// Quits at once, or once the deletes confirmed are sent and answered.
    static func finishQuit(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if var bulk = state.bulk {
            // As a single delete: a change to the marks still in its window goes now, and the app ends with its last answer.
            state.isQuitting = true
            state.message = StatusMessage("Sending the change to \(BulkChange.leads(bulk.leads.count)) before quitting…", .info, at: state.now)
            if bulk.sendAt != nil {
                bulk.sendAt = nil
                state.bulk = bulk
                effects += bulkSend(&state)
            }
        }
        if let change = state.pending.waiting ?? state.pending.sending.first {
            state.isQuitting = true
            state.message = StatusMessage("Sending \(change.whatIsSent) before quitting…", .info, at: state.now)
            effects += pending(&state, .flush)
        }
        return state.isQuitting ? effects : [.quit]
    }

    /// The unsaved input of the topmost form that has some, as a draft.
    public static func draft(of state: AppState) -> Draft? {
        let id = "draft-\(Int64(state.now.timeIntervalSince1970 * 1000))"
        for modal in state.modals.reversed() {
            let draft: Draft?
            switch modal {
            case .noteForm(let form): draft = form.draft(id: id, at: state.now)
            case .appointmentForm(let form): draft = form.draft(id: id, at: state.now)
            case .leadForm(let form): draft = form.draft(id: id, at: state.now)
            case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: draft = nil   // never a token in a draft
            }
            if let draft { return draft }
        }
        return nil
    }

    /// Opens the form a draft came from, with its text.
    static func resume(_ state: inout AppState, _ draft: Draft) {
        switch draft.content {
        case .note(let slug, let leadName, let text):
            state.modals.append(.noteForm(NoteForm(slug: slug, leadName: leadName, text: text)))
        case .markedNote(let leads, let text):
            var form = NoteForm(targets: leads)
            form.form = NoteForm(slug: form.slug, leadName: form.leadName, text: text).form
            state.modals.append(.noteForm(form))
        case .lead(let slug, let values):
            state.modals.append(.leadForm(.resumed(slug: slug, values: values)))
        case .appointment(let id, let leadSlug, let values):
            state.modals.append(.appointmentForm(.resumed(id: id, leadSlug: leadSlug, values: values)))
        }
        state.message = StatusMessage("Resumed \(draft.summary).", .info, at: state.now)
    }
}

extension Modal {
    /// The request that saves this form as it is now; nil for a dialog.
    func saveRequest(_ context: Context) -> Request? {
        switch self {
        case .leadForm(let form): return form.saveRequest(context)
        case .noteForm(let form): return form.saveRequest(context)
        case .appointmentForm(let form): return form.saveRequest(context)
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: return nil
        }
    }

    /// The purpose of the request that saves this form; nil for a dialog.
    var savePurpose: Purpose? {
        switch self {
        case .leadForm: return LeadForm.purpose
        case .noteForm: return NoteForm.purpose
        case .appointmentForm: return AppointmentForm.purpose
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: return nil
        }
    }
}
