import Foundation
import LeadsAPI
import TextEditing

/// The app's reducer: `reduce(&state, action)` changes the state and
/// returns the effects to run. It never awaits, prints or reads the clock.
///
/// The root handles what applies everywhere (pending-delete undo, the
/// status message's life, modals on top) and forwards the rest to the
/// pane's functions: `LeadListReducer`, `LeadDetailReducer`, `FormReducer`,
/// `CalendarReducer`, `DashboardReducer`, `ResponseReducer`.
public enum AppReducer {
    public static func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .started(let drafts):
            var effects = LeadListReducer.reload(&state)
            effects += state.issue(.overview, .overview)
            effects += state.reloadToday()
            state.overviewLoadedAt = state.now
            if let draft = drafts.first {
                state.modals.append(.confirm(Confirmation(
                    kind: .resumeDraft(draft), title: "Unsaved input found",
                    question: "Resume \(draft.summary)? y resumes it · n discards it")))
            }
            return effects

        case .commandInvoked(let command):
            expireMessage(&state)
            return perform(&state, command)

        case .textEdited(let edit):
            expireMessage(&state)
            return FormReducer.edit(&state, edit)

        case .ticked(let now):
            return tick(&state, now)

        case .resized(let width, let height):
            state.width = width
            state.height = height
            if !state.panes.contains(state.focus) { state.focus = state.panes.first ?? .list }
            state.list.keepVisible(height: Geometry.listRows(height: height))
            return []

        case .rowClicked(let pane, let row):
            expireMessage(&state)
            guard state.modals.isEmpty, state.panes.contains(pane) else { return [] }
            state.focus = pane
            return move(&state, pane: pane, to: row)

        case .wheelScrolled(let pane, let delta):
            guard state.modals.isEmpty, state.panes.contains(pane) else { return [] }
            return moveSelection(&state, pane: pane, by: delta)

        case .leadsPageLoaded, .overviewLoaded, .todayAppointmentsLoaded, .leadLoaded, .changeFinished, .appointmentCountsLoaded:
            return ResponseReducer.reduce(&state, action)

        case .appointmentsLoaded(let id, let from, let to, let result):
            return CalendarReducer.loaded(&state, id, from: from, to: to, result)

        case .hungUp:
            // The pending delete is not sent: the user can no longer undo or see the outcome.
            guard let draft = FormReducer.draft(of: state) else { return [] }
            return [.saveDraft(draft)]
        }
    }

    /// The state after `actions`, effects discarded (to route a key that follows them).
    public static func preview(_ state: AppState, _ actions: [Action]) -> AppState {
        var state = state
        for action in actions { _ = reduce(&state, action) }
        return state
    }

    // MARK: Commands

    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        if command == .undo { return undo(&state) }
        if command == .redraw { return [] }
        switch state.topModal {
        case .confirm(let confirmation): return confirm(&state, confirmation, command)
        case .leadForm, .noteForm, .appointmentForm: return FormReducer.command(&state, command)
        case .help(let offset): return help(&state, offset, command)
        case .palette(let palette): return paletteCommand(&state, palette, command)
        case nil: break
        }
        if state.filterBar != nil { return LeadListReducer.filterBarCommand(&state, command) }
        if state.view == .calendar, let effects = CalendarReducer.command(&state, command) { return effects }
        if state.view == .overview, command == .refresh { return DashboardReducer.refresh(&state) }
        if state.view != .leads {
            // Esc goes back to the leads; `/` filters them, from anywhere.
            if command == .back { state.view = .leads; return [] }
            if command == .filter { state.view = .leads }
        }
        switch command {
        case .help: state.modals.append(.help(offset: 0))
        case .palette: state.modals.append(.palette(PaletteState()))
        case .quit: return quit(&state)
        case .nextPane, .previousPane:
            let panes = state.panes
            let index = panes.firstIndex(of: state.focus) ?? 0
            state.focus = panes[(index + (command == .nextPane ? 1 : panes.count - 1)) % panes.count]
        case .viewLeads: state.view = .leads
        case .viewCalendar:
            state.view = .calendar
            return CalendarReducer.load(&state)
        case .viewOverview:
            state.view = .overview
            return state.overview == nil || state.appointmentCounts.isEmpty ? DashboardReducer.refresh(&state) : []
        case .newAppointmentForLead:
            guard state.view == .leads else { return [] }
            return CalendarReducer.bookForLead(&state)
        case .down: return moveSelection(&state, pane: state.focus, by: 1)
        case .up: return moveSelection(&state, pane: state.focus, by: -1)
        case .pageDown: return moveSelection(&state, pane: state.focus, by: Geometry.listRows(height: state.height) - 1)
        case .pageUp: return moveSelection(&state, pane: state.focus, by: -(Geometry.listRows(height: state.height) - 1))
        case .top: return moveSelection(&state, pane: state.focus, by: -Int(Int32.max))
        case .bottom: return moveSelection(&state, pane: state.focus, by: Int(Int32.max))
        case .refresh:
            if state.focus == .list {
                return LeadListReducer.reload(&state, keepSelection: true) + state.issue(.overview, .overview)
            }
            return LeadDetailReducer.reload(&state)
        default:
            if state.focus == .list, let effects = LeadListReducer.command(&state, command) { return effects }
            return LeadDetailReducer.command(&state, command)
        }
        return []
    }

    static func moveSelection(_ state: inout AppState, pane: Pane, by delta: Int) -> [Effect] {
        switch pane {
        case .list: return LeadListReducer.move(&state, by: delta)
        case .notes, .activities: LeadDetailReducer.move(&state, pane: pane, by: delta); return []
        }
    }

    static func move(_ state: inout AppState, pane: Pane, to row: Int) -> [Effect] {
        switch pane {
        case .list: return LeadListReducer.move(&state, by: row - state.list.selected)
        case .notes: LeadDetailReducer.move(&state, pane: pane, by: row - (state.detail?.noteSelected ?? 0)); return []
        case .activities: LeadDetailReducer.move(&state, pane: pane, by: row - (state.detail?.activitySelected ?? 0)); return []
        }
    }

    static func help(_ state: inout AppState, _ offset: Int, _ command: Command) -> [Effect] {
        let page = max(1, state.height - 6)
        switch command {
        case .down: state.modals[state.modals.count - 1] = .help(offset: offset + 1)
        case .up: state.modals[state.modals.count - 1] = .help(offset: max(0, offset - 1))
        case .pageDown: state.modals[state.modals.count - 1] = .help(offset: offset + page)
        case .pageUp: state.modals[state.modals.count - 1] = .help(offset: max(0, offset - page))
        case .top: state.modals[state.modals.count - 1] = .help(offset: 0)
        case .quit: return quit(&state)
        case .help, .back, .cancel, .no: state.modals.removeLast()
        default: break
        }
        return []
    }

    static func paletteCommand(_ state: inout AppState, _ palette: PaletteState, _ command: Command) -> [Effect] {
        var palette = palette
        let matches = palette.matches()
        switch command {
        case .down: palette.selected = min(max(0, matches.count - 1), palette.selected + 1)
        case .up: palette.selected = max(0, palette.selected - 1)
        case .back, .cancel, .palette: state.modals.removeLast(); return []
        case .open:
            guard matches.indices.contains(palette.selected) else { return [] }
            let chosen = matches[palette.selected]
            state.modals.removeLast()
            guard isAvailable(chosen, in: state) else {
                state.message = StatusMessage("“\(chosen.description)” does not apply here.", .warning, at: state.now)
                return []
            }
            return perform(&state, chosen)
        default: return []
        }
        state.modals[state.modals.count - 1] = .palette(palette)
        return []
    }

    /// Whether `command` applies to what is focused (the palette greys the rest).
    public static func isAvailable(_ command: Command, in state: AppState) -> Bool {
        let hasLead = state.view == .leads && (state.focus == .list ? state.list.selectedLead != nil : state.detail != nil)
        switch command {
        case .editLead, .deleteLead, .newNote: return hasLead
        case .open where state.view == .calendar: return state.calendar.selected != nil
        case .deleteNote: return state.view == .leads && state.focus == .notes && state.detail?.selectedNote?.id != nil
        case .open: return state.view == .leads && state.focus == .list && state.list.selectedLead != nil
        case .undo: return state.pendingDelete.map { !$0.isSent } ?? false
        case .viewCalendar, .viewOverview: return true
        case .newAppointmentForLead: return hasLead
        case .calendarUpcoming, .calendarToday, .calendarWeek, .calendarMonth, .periodPrevious, .periodNext, .goToToday,
             .dayPrevious, .dayNext, .calendarUp, .calendarDown, .newAppointment:
            return state.view == .calendar
        case .editAppointment, .confirmAppointment, .fulfilAppointment, .cancelAppointment, .deleteAppointment:
            return state.view == .calendar && state.calendar.selected?.id != nil
        case .toggleAssigned, .sortNext, .filter: return state.view == .leads
        case .nextField, .previousField, .save, .cancel:
            if case .leadForm = state.topModal { return true }
            if case .noteForm = state.topModal { return command == .save || command == .cancel }
            if case .appointmentForm = state.topModal { return true }
            return false
        case .yes, .no: if case .confirm = state.topModal { return true }; return false
        default: return true
        }
    }

    // MARK: Dialogs, quitting, undo

    static func confirm(_ state: inout AppState, _ confirmation: Confirmation, _ command: Command) -> [Effect] {
        switch command {
        case .yes: break
        case .no, .back, .cancel:
            state.modals.removeLast()
            if case .resumeDraft(let draft) = confirmation.kind {
                state.message = StatusMessage("Discarded \(draft.summary).", .info, at: state.now)
                return [.discardDraft(id: draft.id)]
            }
            return []
        default: return []
        }
        state.modals.removeLast()
        switch confirmation.kind {
        case .deleteLead(let slug, let name):
            let effects = flushPending(&state)
            state.pendingDelete = PendingDelete(target: .lead(slug: slug), label: name,
                                                deadline: state.now.addingTimeInterval(state.settings.undoSeconds))
            state.list.hide(slug)
            state.list.keepVisible(height: Geometry.listRows(height: state.height))
            if state.detail?.slug == slug { state.detail = nil; state.isDetailStale = true }
            if !state.isWide { state.isShowingDetail = false; state.focus = .list }
            return effects
        case .deleteNote(let id, let slug, let excerpt):
            let effects = flushPending(&state)
            state.pendingDelete = PendingDelete(target: .note(id: id, slug: slug), label: "the note “\(excerpt)”",
                                                deadline: state.now.addingTimeInterval(state.settings.undoSeconds))
            state.detail?.hide(noteID: id)
            return effects
        case .deleteAppointment(let id, let label):
            let effects = flushPending(&state)
            state.pendingDelete = PendingDelete(target: .appointment(id: id), label: label,
                                                deadline: state.now.addingTimeInterval(state.settings.undoSeconds))
            return effects
        case .discardForm:
            if !state.modals.isEmpty { state.modals.removeLast() }
            return []
        case .quitDiscarding:
            state.modals.removeAll()
            return finishQuit(&state)
        case .resumeDraft(let draft):
            FormReducer.resume(&state, draft)
            return [.discardDraft(id: draft.id)]
        }
    }

    static func quit(_ state: inout AppState) -> [Effect] {
        if state.hasUnsavedInput {
            state.modals.append(.confirm(Confirmation(kind: .quitDiscarding, title: "Quit",
                                                      question: "Quit and lose what you typed? y quits · n goes back")))
            return []
        }
        state.modals.removeAll()
        return finishQuit(&state)
    }

    /// Quits at once, or after the pending delete is sent and answered.
    static func finishQuit(_ state: inout AppState) -> [Effect] {
        guard let pending = state.pendingDelete else { return [.quit] }
        state.isQuitting = true
        state.message = StatusMessage("Sending the delete of \(pending.label) before quitting…", .info, at: state.now)
        return pending.isSent ? [] : sendPending(&state)
    }

    static func undo(_ state: inout AppState) -> [Effect] {
        guard let pending = state.pendingDelete, !pending.isSent else { return [] }
        state.pendingDelete = nil
        switch pending.target {
        case .lead(let slug): state.list.unhide(slug); state.isDetailStale = true
        case .note(let id, _): state.detail?.unhide(noteID: id)
        case .appointment: break
        }
        state.message = StatusMessage("Undone: \(pending.label) is not deleted.", .success, at: state.now)
        return []
    }

    /// Sends a pending delete now (a second delete, or quitting, does not wait).
    static func flushPending(_ state: inout AppState) -> [Effect] {
        guard let pending = state.pendingDelete, !pending.isSent else { return [] }
        return sendPending(&state)
    }

    static func sendPending(_ state: inout AppState) -> [Effect] {
        guard var pending = state.pendingDelete else { return [] }
        pending.isSent = true
        state.pendingDelete = pending
        switch pending.target {
        case .lead(let slug): return state.issue(.delete, .deleteLead(slug: slug))
        case .note(let id, _): return state.issue(.delete, .deleteNote(id: id))
        case .appointment(let id): return state.issue(.delete, .deleteAppointment(id: id))
        }
    }

    // MARK: Time

    static func tick(_ state: inout AppState, _ now: Date) -> [Effect] {
        state.now = now
        if state.isBusy { state.spinnerFrame += 1 }
        var effects: [Effect] = []
        if let pending = state.pendingDelete, !pending.isSent, now >= pending.deadline {
            effects += sendPending(&state)
        }
        if state.isDetailStale, state.view == .leads { effects += LeadDetailReducer.followSelection(&state) }
        effects += CalendarReducer.remind(&state)
        effects += DashboardReducer.refreshIfDue(&state)
        if let asked = state.todayListDay, asked != state.today {
            // Past midnight: today's list (title bar, reminders) is another day's now.
            effects += state.reloadToday()
        }
        return effects
    }

    /// A message goes with the first key after it has been shown long enough.
    static func expireMessage(_ state: inout AppState) {
        if let message = state.message, state.now.timeIntervalSince(message.shownAt) >= StatusMessage.minimumSeconds {
            state.message = nil
        }
    }
}

extension AppState {
    /// A request for `purpose`, cancelling the one it supersedes.
    mutating func issue(_ purpose: Purpose, _ request: Request) -> [Effect] {
        var effects: [Effect] = []
        if let old = requests[purpose] { effects.append(.cancel(old)) }
        let id = RequestID(purpose, nextSerial)
        nextSerial += 1
        requests[purpose] = id
        effects.append(.request(id, request))
        return effects
    }

    /// Today's appointments again (title bar, reminders), remembering which day they are of.
    mutating func reloadToday() -> [Effect] {
        todayListDay = today
        return issue(.today, .dayAppointments(today))
    }

    /// True (and the request forgotten) when `id` is the current request of its purpose.
    mutating func accept(_ id: RequestID) -> Bool {
        guard requests[id.purpose] == id else { return false }
        requests[id.purpose] = nil
        return true
    }
}
