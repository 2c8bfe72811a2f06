import Foundation
import LeadsAPI

/// The outbox in the app (issue 12, points 7–8): what is saved while the service
/// cannot be reached goes there instead of failing, shows at once where it belongs
/// (a note first in its lead's notes, a booking on its day, a delete's row hidden),
/// is counted in the title bar, and is sent in order when the service answers.
extension AppReducer {
    static func outbox(_ state: inout AppState, _ action: OutboxFeature.Action) -> [Effect] {
        let outputs = state.reduce(\.outbox, OutboxFeature.reduce, action)
        var effects = state.absorb(outputs) { state, delegate in
            switch delegate {
            case .changed: return []
            case .sent(let entry, let alreadyThere): return outboxSent(&state, entry, alreadyThere: alreadyThere)
            case .refused(let entry, let error): return outboxRefused(&state, entry, error)
            case .discarded(let entry):
                // A delete or status change never sent: its row shows as it is again.
                guard case .change(let target) = entry.origin else { return [] }
                return pendingOutcome(&state, .undone(target))
            case .unreachable: return []
            }
        }
        if outputs.contains(.delegate(.changed)) { effects.append(.saveOutbox(state.outbox.entries)) }
        // Quitting waited for a send in flight: its answer has come (what could not go is kept for the next start).
        if state.isQuitting, state.outbox.inFlight == nil, state.pending.isEmpty, state.bulk == nil, !effects.contains(.quit) {
            effects.append(.quit)
        }
        return effects
    }

    /// What waits, shown where it belongs: notes on their lead, bookings on their day, changed
    /// appointments marked. Run by `reduce` after every action while anything waits or shows.
    static func showWaiting(_ state: inout AppState) {
        if var detail = state.detail {
            let notes = state.outbox.waitingNotes(for: detail.slug, user: state.settings.signedInUser ?? "you")
            if notes != detail.waitingNotes {
                detail.waitingNotes = notes
                state.detail = detail
            }
        }
        let bookings = state.outbox.waitingAppointments
        if bookings != state.calendar.waiting { state.calendar.waiting = bookings }
        let changed = state.outbox.changedAppointmentIDs
        if changed != state.calendar.changedIDs { state.calendar.changedIDs = changed }
    }

    /// A change the service cannot take now goes into the outbox. `mayHaveArrived`: its
    /// send failed after the request may have reached the service.
    static func queue(_ state: inout AppState, _ request: Request, origin: OutboxEntry.Origin, label: String,
                      mayHaveArrived: Bool = false) -> [Effect] {
        guard let write = OutboxEntry.Write(request) else { return [] }
        let effects = outbox(&state, .add(write, origin: origin, label: label, mayHaveArrived: mayHaveArrived))
        let count = state.outbox.count
        state.message = StatusMessage("Kept to send when the service answers: \(label) (\(count) to send).", .warning, at: state.now)
        return effects
    }

    /// A form's save while offline, or whose send could not reach the service: the form
    /// closes, its change waits in the outbox (in place of the entry it was opened from).
    static func queueForm(_ state: inout AppState, at index: Int, _ request: Request, mayHaveArrived: Bool = false) -> [Effect] {
        guard var draft = state.modals[index].formDraft(at: state.now) else {
            // Nothing typed to keep (a form saved unchanged): it stays open, saying why it was not saved.
            return form(&state, at: index, .saved(.failure(.transport(.init(.cannotConnect, "offline")))))
        }
        state.modals.remove(at: index)
        // A booking keeps the time it was worked out to ("today 9:00" would move to another day).
        if case .appointment(let id, let slug, var values) = draft.content {
            switch request {
            case .createAppointment(let sent): values["start"] = sent.from
            case .updateAppointment(let sent): if let from = sent.from { values["start"] = from }
            default: break
            }
            draft.content = .appointment(id: id, leadSlug: slug, values: values)
        }
        let label = draft.summary
        if let editing = state.outbox.editing, state.outbox.editingDepth == index, let write = OutboxEntry.Write(request) {
            state.outbox.editingDepth = nil
            var effects = outbox(&state, .replace(id: editing, write, origin: .form(draft), label: label))
            effects += outbox(&state, .editing(nil))
            state.message = StatusMessage("Changed, kept to send: \(label) (\(state.outbox.count) to send).", .warning, at: state.now)
            return effects
        }
        return queue(&state, request, origin: .form(draft), label: label, mayHaveArrived: mayHaveArrived)
    }

    /// The service took a change of the outbox: said, and what it changed loaded again.
    static func outboxSent(_ state: inout AppState, _ entry: OutboxEntry, alreadyThere: Bool) -> [Effect] {
        let left = state.outbox.count - 1
        let rest = left > 0 ? " (\(left) to send)" : ""
        state.message = StatusMessage(alreadyThere ? "Already there: \(entry.label) (its earlier answer was lost; not sent twice)\(rest)."
                                                   : "Sent: \(entry.label)\(rest).", .success, at: state.now)
        if case .change(let target) = entry.origin { return pendingOutcome(&state, .deleted(target)) }
        switch entry.write {
        case .createNote(let slug, _):
            return state.detail?.slug == slug ? detail(&state, .reload) : []
        case .deleteNote:
            return state.detail == nil ? [] : detail(&state, .reload)
        case .createAppointment, .updateAppointment, .deleteAppointment:
            return appointmentsChanged(&state)
        case .createLead, .updateLead, .deleteLead:
            var effects = list(&state, .reload(keepSelection: true)) + dashboard(&state, .refresh(withCounts: false))
            if let slug = entry.slug, state.detail?.slug == slug { effects += detail(&state, .reload) }
            return effects
        }
    }

    /// The service refused a change of the outbox: its form opens again with the
    /// service's message at its field (nothing typed is lost); a delete or status
    /// change is shown undone and the reason said.
    static func outboxRefused(_ state: inout AppState, _ entry: OutboxEntry, _ error: APIError) -> [Effect] {
        switch entry.origin {
        case .change(let target):
            let effects = pendingOutcome(&state, .failed(target))
            state.message = StatusMessage("The service refused \(entry.label): \(error.message)", .error, at: state.now)
            return effects
        case .form(let draft):
            resume(&state, draft)
            let index = state.modals.count - 1
            let effects = form(&state, at: index, .saved(.failure(error)))
            state.message = StatusMessage("The service refused \(entry.label) — its form is open again: \(error.message)", .error, at: state.now)
            return effects
        }
    }

    /// The outbox view: enter opens the selected change in its form, s sends it now, d discards it.
    static func outboxCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
        let entries = state.outbox.entries
        let selected = entries.indices.contains(state.outbox.selected) ? entries[state.outbox.selected] : nil
        switch command {
        case .down, .up, .top, .bottom, .pageDown, .pageUp:
            let row: Int
            switch command {
            case .down: row = state.outbox.selected + 1
            case .up: row = state.outbox.selected - 1
            case .top: row = 0
            case .bottom: row = entries.count - 1
            case .pageDown: row = state.outbox.selected + 10
            default: row = state.outbox.selected - 10
            }
            return outbox(&state, .select(row))
        case .back, .cancel:
            state.modals.removeLast()
            return []
        case .sendOutboxEntry:
            guard let selected else { return [] }
            return outbox(&state, .sendNow(id: selected.id))
        case .discardOutboxEntry:
            guard let selected, state.outbox.inFlight != selected.id else {
                if selected != nil { state.message = StatusMessage("It is being sent: wait for the answer.", .info, at: state.now) }
                return []
            }
            state.modals.append(.confirm(.discard(selected)))
            return []
        case .open, .submit:
            guard let selected else { return [] }
            guard case .form(let draft) = selected.origin else {
                state.message = StatusMessage("\(selected.label) has no form: send it (\(key: .sendOutboxEntry)) or discard it (\(key: .discardOutboxEntry)).",
                                              .info, at: state.now)
                return []
            }
            guard state.outbox.inFlight != selected.id else {
                state.message = StatusMessage("It is being sent: wait for the answer.", .info, at: state.now)
                return []
            }
            state.modals.removeLast()
            resume(&state, draft)
            state.outbox.editingDepth = state.modals.count - 1
            state.message = StatusMessage("Changing \(selected.label): saving puts it back in its place in the outbox.", .info, at: state.now)
            return outbox(&state, .editing(selected.id))
        case .help:
            state.modals.append(.help(offset: 0, contexts: state.keyScope.contexts))
            return []
        case .palette:
            state.modals.append(.palette(PaletteState()))
            return []
        default:
            return []
        }
    }
}

extension Modal {
    /// The form's content as a draft (the outbox keeps it to open it again); nil for a dialog.
    func formDraft(at date: Date) -> Draft? {
        let id = "outbox-\(Int64(date.timeIntervalSince1970 * 1000))"
        switch self {
        case .noteForm(let form): return form.draft(id: id, at: date)
        case .appointmentForm(let form): return form.draft(id: id, at: date)
        case .leadForm(let form): return form.draft(id: id, at: date)
        case .help, .palette, .confirm, .reader, .tokenPrompt, .outbox, .report: return nil
        }
    }
}
