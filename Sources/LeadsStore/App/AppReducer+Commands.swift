import Foundation
import LeadsAPI

/// Commands: those that apply everywhere, then the topmost form or dialog,
/// the `/` bar, the view.
extension AppReducer {
    static func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
        switch command {
        case .undo: return state.bulk?.sendAt != nil ? undoBulk(&state) : pending(&state, .undo)
        case .redraw: return [.redraw]
        case .suspend: return [.suspend]
        case .quit: return quit(&state)
        default: break
        }
        switch state.topModal {
        case .confirm(let confirmation): return confirm(&state, confirmation, command)
        case .noteForm(let note) where command == .openEditor: return [.editText(note.text)]
        case .noteForm(let note) where command == .save && !note.targets.isEmpty:
            // The same note on every marked lead: checked as any note, then one change to several leads.
            let effects = form(&state, at: state.modals.count - 1, .command(command))
            guard case .noteForm(let checked) = state.topModal, checked.clientErrors(state.context).isEmpty else { return effects }
            state.modals.removeLast()
            return effects + startBulk(&state, .note(checked.text), checked.targets)
        case .leadForm, .noteForm, .appointmentForm: return form(&state, at: state.modals.count - 1, .command(command))
        case .help(let offset, let contexts): return help(&state, offset, contexts, command)
        case .reader(let reader): return read(&state, reader, command)
        case .tokenPrompt(let prompt): return tokenPrompt(&state, prompt, command)
        case .palette: return palette(&state, .command(command))
        case .outbox: return outboxCommand(&state, command)
        case .report(let report): return self.report(&state, report, command)
        case nil: break
        }
        if state.filterBar != nil { return filterBar(&state, .command(command)) }
        // Esc stops an export under way, from any view.
        if command == .back, state.export != nil { cancelExport(&state); return [] }
        switch command {
        case .help: state.modals.append(.help(offset: 0, contexts: state.keyScope.contexts)); return []
        case .palette: state.modals.append(.palette(PaletteState())); return []
        case .showOutbox:
            state.outbox.selected = min(state.outbox.selected, max(0, state.outbox.count - 1))
            state.modals.append(.outbox)
            return []
        case .viewLeads: state.view = .leads; state.cameFrom = nil; return []
        case .viewCalendar:
            state.view = .calendar
            state.cameFrom = nil
            return calendar(&state, .load(force: false)) ?? []
        case .viewOverview:
            state.view = .overview
            state.cameFrom = nil
            return dashboard(&state, .shown)
        default: break
        }
        switch state.view {
        case .leads: return leadsCommand(&state, command)
        case .calendar:
            // `r` loads the calendar's days and today's list (the title bar, the reminders) again.
            if let effects = calendar(&state, .command(command)) { return command == .refresh ? effects + reminders(&state, .reload) : effects }
        case .overview: if command == .refresh { return dashboard(&state, .refresh(withCounts: true)) }
        }
        // Esc goes back to the leads; `/` filters them, from anywhere.
        switch command {
        case .back: state.view = .leads; return []
        case .filter: state.view = .leads; return leadsCommand(&state, .filter)
        default: return []
        }
    }

    /// A command typed with its argument in the palette (`export leads.csv`). One that cannot
    /// run as typed says why and opens the palette again with the text, to be corrected rather
    /// than typed anew.
    static func perform(_ state: inout AppState, _ command: Command, argument: String) -> [Effect] {
        let before = state.message, modals = state.modals.count
        let effects: [Effect]
        switch command {
        case .exportList: effects = export(&state, to: argument)
        case .saveView: effects = saveView(&state, named: argument)
        case .selectView: effects = selectView(&state, named: argument)
        case .setStatus: effects = setStatus(&state, argument)
        default: return perform(&state, command)
        }
        if effects.isEmpty, state.modals.count == modals, let said = state.message, said != before, said.level == .error || said.level == .warning {
            state.modals.append(.palette(PaletteState(query: (command.verb ?? "") + " " + argument)))
        }
        return effects
    }

    /// The lead acted on: the detail's when a detail pane is focused, else the list's selection.
    static func target(_ state: AppState) -> (slug: String, name: String)? {
        if state.focus != .list, let detail = state.detail { return (detail.slug, detail.name) }
        return state.list.selectedLead.map { ($0.slug, $0.name) }
    }

    /// The leads workspace: the list and the detail's notes and activities.
    static func leadsCommand(_ state: inout AppState, _ command: Command) -> [Effect] {
        if let delta = command.selectionStep(page: max(1, state.viewport.listRows - 1), count: Int(Int32.max)) {
            return state.focus == .list ? list(&state, .move(by: delta)) : detail(&state, .move(state.focus, by: delta))
        }
        switch command {
        case .nextPane, .previousPane:
            let panes = state.panes
            let index = panes.firstIndex(of: state.focus) ?? 0
            state.focus = panes[(index + (command == .nextPane ? 1 : panes.count - 1)) % panes.count]
        case .refresh:
            if state.focus == .list {
                return list(&state, .reload(keepSelection: true)) + dashboard(&state, .refresh(withCounts: false))
            }
            return state.detail == nil ? followSelection(&state) : detail(&state, .reload)
        case .open:
            switch state.focus {
            case .list:
                guard state.list.selectedLead != nil else { return [] }
                if !state.isWide { state.isShowingDetail = true }
                state.focus = .notes
                return followSelection(&state)
            case .notes, .activities:
                // The note or activity read whole, in the reader.
                guard let detail = state.detail, detail.count(in: state.focus) > 0 else { return [] }
                state.modals.append(.reader(ReaderState(pane: state.focus, index: detail.selected(in: state.focus))))
            }
        case .back:
            // Esc drops the marks first, then the filter (an export under way was stopped before).
            if state.focus == .list, !state.list.marks.isEmpty {
                let count = state.list.marks.count
                state.list.clearMarks()
                state.message = StatusMessage("\(count) mark\(count == 1 ? "" : "s") cleared.", .info, at: state.now)
                return []
            }
            if let view = state.cameFrom {
                // Back where the lead was opened from, as it was left.
                state.cameFrom = nil
                if !state.isWide { state.isShowingDetail = false }
                state.focus = .list
                state.view = view
                return []
            }
            if state.focus == .list { return list(&state, .filtersCleared(announce: true)) }
            if !state.isWide { state.isShowingDetail = false }
            state.focus = .list
        case .filter, .toggleAssigned, .sortNext:
            state.focus = .list
            if !state.isWide { state.isShowingDetail = false }
            switch command {
            case .filter:
                state.filterBar = FilterBarState([state.list.serverFilter.summary, state.list.text].filter { !$0.isEmpty }.joined(separator: " "))
            case .toggleAssigned: return list(&state, .toggleAssigned)
            default: return list(&state, .sortNext)
            }
        case .copyEmail, .copyPhone, .copyName, .copySlug, .copyRow:
            return copy(&state, command)
        case .toggleMark, .markRange, .markAll:
            return mark(&state, command)
        case .nextSavedView, .previousSavedView:
            return stepView(&state, by: command == .nextSavedView ? 1 : -1)
        case .exportList, .saveView, .selectView, .setStatus:
            // Its key opens the palette with the command's word typed: the argument follows.
            state.modals.append(.palette(PaletteState(query: (command.verb ?? "") + " ")))
        case .newLead:
            state.modals.append(.leadForm(.new(settings: state.settings)))
        case .editLead:
            guard let target = target(state) else { return [] }
            state.modals.append(.leadForm(.edit(
                slug: target.slug, summary: state.list.rows.first { $0.slug == target.slug },
                detail: state.detail?.slug == target.slug ? state.detail?.lead : nil,
                lastUsed: state.lastUsed[target.slug] ?? state.lastUsed[LeadExtras.key(email: email(of: target.slug, in: state))],
                settings: state.settings)))
        case .deleteLead where state.focus == .list && !state.list.marks.isEmpty:
            state.modals.append(.confirm(.deleteMarked(names: state.list.markedLeads.map(\.name))))
        case .newNote where state.focus == .list && !state.list.marks.isEmpty:
            state.modals.append(.noteForm(NoteForm(targets: state.list.markedLeads)))
        case .deleteLead:
            guard let target = target(state) else { return [] }
            state.modals.append(.confirm(.deleteLead(slug: target.slug, name: target.name)))
        case .newNote:
            guard let target = target(state) else { return [] }
            state.modals.append(.noteForm(NoteForm(slug: target.slug, leadName: target.name)))
        case .deleteNote:
            guard state.focus == .notes else {
                state.message = StatusMessage("Select a note in the notes list first (\(key: .nextPane) to it).", .warning, at: state.now)
                return []
            }
            guard let detail = state.detail, let note = detail.selectedNote else { return [] }
            guard let id = note.id else {
                if detail.noteSelected < detail.waitingNotes.count {
                    state.message = StatusMessage("This note waits to be sent: change or discard it in the outbox (\(key: .palette) outbox).",
                                                  .info, at: state.now)
                }
                return []
            }
            let excerpt = note.note.count > 40 ? String(note.note.prefix(40)) + "…" : note.note
            state.modals.append(.confirm(Confirmation(kind: .deleteNote(id: id, slug: detail.slug, excerpt: excerpt),
                                                      title: "Delete note", question: "Delete the note “\(excerpt)” on \(detail.name)?")))
        case .newAppointmentForLead:
            guard let target = target(state) else { return [] }
            let start = state.calendar.nextFreeSlot(on: state.today, now: state.now, zone: state.settings.timeZone)
            state.modals.append(.appointmentForm(AppointmentForm(mode: .create, lead: .init(slug: target.slug, name: target.name), start: start)))
        default:
            break
        }
        return []
    }

    /// The email of a lead, from its detail or its row (a lead created this session is remembered by it).
    static func email(of slug: String, in state: AppState) -> String {
        if state.detail?.slug == slug, let email = state.detail?.lead?.email { return email }
        return state.list.rows.first { $0.slug == slug }?.email ?? ""
    }

    /// The token prompt: Enter sends the new token (checked with one request),
    /// Ctrl-S too and stores it once taken, Esc closes it keeping the old one.
    static func tokenPrompt(_ state: inout AppState, _ prompt: TokenPrompt, _ command: Command) -> [Effect] {
        let index = state.modals.count - 1
        switch command {
        case .submit, .save:
            let token = prompt.input.text.trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty, !prompt.isChecking else { return [] }
            var sent = prompt
            sent.isChecking = true
            sent.store = command == .save
            sent.error = nil
            state.modals[index] = .tokenPrompt(sent)
            return state.issue(.token, .useToken(token))
        case .cancel, .back:
            state.modals.remove(at: index)
            state.message = StatusMessage("The token is still refused: `leadterm login` stores a new one.", .warning, at: state.now)
            return state.cancel(.token)
        default:
            return []
        }
    }

    /// The new token's check came back: taken, everything on screen loads again and a
    /// form refused for the old token is sent again; refused, the prompt says so.
    static func tokenChecked(_ state: inout AppState, _ result: Result<Done, APIError>) -> [Effect] {
        guard let index = state.modals.lastIndex(where: { if case .tokenPrompt = $0 { return true }; return false }),
              case .tokenPrompt(var prompt) = state.modals[index] else { return [] }
        switch result {
        case .failure(let error):
            prompt.isChecking = false
            prompt.error = error.message
            state.modals[index] = .tokenPrompt(prompt)
            return []
        case .success:
            let token = prompt.input.text.trimmingCharacters(in: .whitespaces)
            state.modals.remove(at: index)
            state.wasRefusedCredentials = false
            state.message = StatusMessage("The new token works.", .success, at: state.now)
            var effects: [Effect] = prompt.store ? [.storeToken(token)] : []
            effects += list(&state, .reload(keepSelection: true)) + detail(&state, .reload) + reminders(&state, .reload)
            effects += dashboard(&state, .refresh(withCounts: true))
            if state.view == .calendar { effects += calendar(&state, .load(force: true)) ?? [] }
            for form in state.modals.indices.reversed() where state.modals[form].savedAgainAfterNewToken {
                effects += self.form(&state, at: form, .command(.save))
            }
            return effects + outbox(&state, .sendNext)
        }
    }

    /// The reader: j/k to the next or previous item (the detail's selection follows), esc, q or enter closes.
    static func read(_ state: inout AppState, _ reader: ReaderState, _ command: Command) -> [Effect] {
        switch command {
        case .readerNext, .readerPrevious:
            guard let shown = state.detail else { return [] }
            let index = min(max(0, reader.index + (command == .readerNext ? 1 : -1)), max(0, shown.count(in: reader.pane) - 1))
            guard index != reader.index else {
                state.message = StatusMessage(command == .readerNext ? "That was the oldest." : "That was the newest.", .info, at: state.now)
                return []
            }
            state.modals[state.modals.count - 1] = .reader(ReaderState(pane: reader.pane, index: index))
            return detail(&state, .moveTo(reader.pane, index))
        case .back, .cancel, .open, .no:
            state.modals.removeLast()
        default: break
        }
        return []
    }

    static func help(_ state: inout AppState, _ offset: Int, _ contexts: [String], _ command: Command) -> [Effect] {
        let page = state.viewport.helpRows
        let moved: [Command: Int] = [.down: offset + 1, .up: max(0, offset - 1), .pageDown: offset + page,
                                     .pageUp: max(0, offset - page), .top: 0]
        if let offset = moved[command] {
            state.modals[state.modals.count - 1] = .help(offset: offset, contexts: contexts)
        } else if [.help, .back, .cancel, .no].contains(command) {
            state.modals.removeLast()
        }
        return []
    }

    /// The answer to the dialog on top.
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
            var effects = pending(&state, .start(.lead(slug: slug), label: name))
            effects += list(&state, .hide(slug: slug))
            if state.detail?.slug == slug { effects += detail(&state, .clear) }
            if !state.isWide { state.isShowingDetail = false; state.focus = .list }
            return effects
        case .deleteMarked:
            return startBulk(&state, .delete, state.list.markedLeads)
        case .replaceView(let view):
            return [.saveView(view)]
        case .deleteNote(let id, let slug, let excerpt):
            return pending(&state, .start(.note(id: id, slug: slug), label: "the note “\(excerpt)”")) + detail(&state, .hideNote(id: id))
        case .deleteAppointment(let id, let label):
            // Gone from the agenda at once, as a deleted lead is from the list; u brings it back.
            state.calendar.hide(id: id)
            return pending(&state, .start(.appointment(id: id), label: label))
        case .discardForm:
            guard !state.modals.isEmpty else { return [] }
            state.modals.removeLast()
            return formClosed(&state, at: state.modals.count)
        case .quitDiscarding:
            state.modals.removeAll()
            return quit(&state, discarding: true)
        case .quitWithOutbox:
            state.modals.removeAll()
            return finishQuit(&state)
        case .discardOutboxEntry(let id):
            return outbox(&state, .discard(id: id))
        case .resumeDraft(let draft):
            resume(&state, draft)
            return [.discardDraft(id: draft.id)]
        }
    }

    /// Whether `command` applies to what is shown and focused (the palette greys the rest).
    public static func isAvailable(_ command: Command, in state: AppState) -> Bool {
        let hasLead = state.view == .leads && (state.focus == .list ? state.list.selectedLead != nil : state.detail != nil)
        switch command {
        case .editLead, .deleteLead, .newNote, .newAppointmentForLead: return hasLead
        case .open where state.view == .calendar: return state.calendar.selected != nil
        case .open where state.view == .leads && state.focus != .list: return (state.detail?.count(in: state.focus) ?? 0) > 0
        case .readerNext, .readerPrevious: if case .reader = state.topModal { return true }; return false
        case .deleteNote: return state.view == .leads && state.focus == .notes && state.detail?.selectedNote?.id != nil
        case .open: return state.view == .leads && state.focus == .list && state.list.selectedLead != nil
        case .undo: return state.pending.waiting != nil || state.bulk?.sendAt != nil
        case .viewCalendar, .viewOverview: return true
        case .calendarUpcoming, .calendarToday, .calendarWeek, .calendarMonth, .periodPrevious, .periodNext, .goToToday,
             .dayPrevious, .dayNext, .calendarUp, .calendarDown, .newAppointment:
            return state.view == .calendar
        case .editAppointment, .confirmAppointment, .fulfilAppointment, .cancelAppointment, .deleteAppointment:
            return state.view == .calendar && state.calendar.selected?.id != nil
        case .toggleAssigned, .sortNext, .filter, .saveView, .selectView, .nextSavedView, .previousSavedView, .markAll: return state.view == .leads
        case .toggleMark, .markRange: return state.view == .leads && state.focus == .list && state.list.selectedLead != nil
        case .setStatus: return hasLead || (state.view == .leads && !state.list.marks.isEmpty)
        case .exportList: return state.view == .leads || state.view == .calendar
        case .nextField, .previousField, .save, .cancel, .submit:
            switch state.topModal {
            case .leadForm, .appointmentForm: return true
            case .noteForm: return command == .save || command == .cancel
            default: return false
            }
        case .yes, .no: if case .confirm = state.topModal { return true }; return false
        case .sendOutboxEntry, .discardOutboxEntry: if case .outbox = state.topModal { return !state.outbox.isEmpty }; return false
        default: return true
        }
    }
}
