import Foundation
import LeadsAPI
import TextEditing

/// The calendar's and the dashboard's part of the reducer: views and
/// periods, loading the window of days, booking and changing appointments,
/// reminders, and the overview's own refresh.
enum CalendarReducer {
    // MARK: Loading

    /// Loads the window the view needs, unless it is loaded (moving inside it costs nothing).
    static func load(_ state: inout AppState, force: Bool = false) -> [Effect] {
        var effects: [Effect] = []
        if state.calendar.mode == .upcoming {
            if force || !state.calendar.isUpcomingLoaded {
                let today = state.today
                effects += state.issue(.upcoming, .appointments(from: today, to: today.adding(days: CalendarState.upcomingDays - 1)))
            }
        } else if force || state.calendar.needsWindow {
            let window = state.calendar.windowNeeded(mondayFirst: state.calendar.mondayFirst)
            effects += state.issue(.calendarWindow, .appointments(from: window.lowerBound, to: window.upperBound))
        }
        return effects
    }

    /// After a booking or change: everything that shows appointments again.
    static func reloadAll(_ state: inout AppState) -> [Effect] {
        state.calendar.forget()
        var effects = state.reloadToday()
        if state.view == .calendar { effects += load(&state, force: true) }
        if state.view == .overview { effects += DashboardReducer.refresh(&state) }
        return effects
    }

    static func loaded(_ state: inout AppState, _ id: RequestID, from: Day, to: Day, _ result: Result<[Appointment], APIError>) -> [Effect] {
        guard state.accept(id) else { return [] }
        switch result {
        case .success(let items):
            if id.purpose == .upcoming {
                let now = state.now, zone = state.settings.timeZone
                state.calendar.showUpcoming(items.filter { ($0.to?.date(in: zone) ?? $0.from?.date(in: zone) ?? now) >= now })
            } else {
                state.calendar.show(items, window: from...to)
            }
            clampSelection(&state)
        case .failure(.cancelled): break
        case .failure(let error):
            state.calendar.error = error.message
            state.message = StatusMessage("Could not load appointments: \(error.message)", .error, at: state.now)
        }
        return []
    }

    static func clampSelection(_ state: inout AppState) {
        state.calendar.selection = min(state.calendar.selection, max(0, state.calendar.agenda.count - 1))
    }

    // MARK: Commands

    /// Commands in the calendar view; nil for those it does not handle.
    static func command(_ state: inout AppState, _ command: Command) -> [Effect]? {
        var calendar = state.calendar
        switch command {
        case .calendarUpcoming: calendar.mode = .upcoming
        case .calendarToday: calendar.mode = .today
        case .calendarWeek: calendar.mode = .week
        case .calendarMonth: calendar.mode = .month
        case .periodPrevious, .periodNext:
            let sign = command == .periodNext ? 1 : -1
            switch calendar.mode {
            case .upcoming: return []
            case .today: calendar.anchor = calendar.anchor.adding(days: sign)
            case .week: calendar.anchor = calendar.anchor.adding(days: 7 * sign)
            case .month: calendar.anchor = calendar.anchor.adding(months: sign)
            }
        case .goToToday: calendar.anchor = state.today
        case .dayPrevious, .dayNext:
            guard calendar.mode != .upcoming else { return [] }
            calendar.anchor = calendar.anchor.adding(days: command == .dayNext ? 1 : -1)
        case .calendarUp, .calendarDown:
            if calendar.mode == .month {
                calendar.anchor = calendar.anchor.adding(days: command == .calendarDown ? 7 : -7)
            } else {
                calendar.selection = max(0, min(calendar.agenda.count - 1, calendar.selection + (command == .calendarDown ? 1 : -1)))
                state.calendar = calendar
                return []
            }
        case .down, .up, .pageDown, .pageUp, .top, .bottom:
            let count = calendar.agenda.count
            let page = max(1, Geometry.listRows(height: state.height) - 1)
            let delta: Int
            switch command {
            case .down: delta = 1
            case .up: delta = -1
            case .pageDown: delta = page
            case .pageUp: delta = -page
            case .top: delta = -count
            default: delta = count
            }
            calendar.selection = max(0, min(count - 1, calendar.selection + delta))
            state.calendar = calendar
            return []
        case .refresh:
            state.calendar = calendar
            return load(&state, force: true) + state.reloadToday()
        case .open: return jumpToLead(&state)
        case .newAppointment:
            let day = calendar.mode == .upcoming ? state.today : calendar.anchor
            let start = calendar.nextFreeSlot(on: day, now: state.now, zone: state.settings.timeZone)
            state.modals.append(.appointmentForm(AppointmentForm(mode: .create, lead: nil, start: start)))
            return []
        case .editAppointment:
            guard let item = calendar.selected, let id = item.id else { return nothingSelected(&state) }
            var form = AppointmentForm(mode: .edit(id: id), lead: .init(slug: item.leadSlug, name: item.lead),
                                       start: item.from?.components.map(dayTime), minutes: minutes(of: item), note: item.note)
            form.focus = .start
            state.modals.append(.appointmentForm(form))
            return []
        case .confirmAppointment, .fulfilAppointment, .cancelAppointment:
            guard let item = calendar.selected, let id = item.id else { return nothingSelected(&state) }
            let status: AppointmentStatus = command == .confirmAppointment ? .confirmed : command == .fulfilAppointment ? .fullfilled : .cancelled
            state.message = StatusMessage("Marking \(item.lead) at \(time(item)) \(status.displayName)…", .info, at: state.now)
            return state.issue(.saveAppointment, .updateAppointment(AppointmentChanges(id: id, status: status.rawValue)))
        case .deleteAppointment:
            guard let item = calendar.selected, let id = item.id else { return nothingSelected(&state) }
            let label = "the appointment with \(item.lead) at \(time(item))"
            state.modals.append(.confirm(Confirmation(kind: .deleteAppointment(id: id, label: label), title: "Delete appointment",
                                                      question: "Delete \(label)?")))
            return []
        default:
            return nil
        }
        calendar.selection = 0
        state.calendar = calendar
        return load(&state)
    }

    static func nothingSelected(_ state: inout AppState) -> [Effect] {
        state.message = StatusMessage("No appointment selected.", .warning, at: state.now)
        return []
    }

    static func dayTime(_ c: APIDate.Components) -> DayTime { DayTime(day: c.calendarDay, hour: c.hour, minute: c.minute) }

    static func minutes(of item: Appointment) -> Int {
        guard let from = item.from?.components, let to = item.to?.components else { return 30 }
        let length = from.calendarDay.days(to: to.calendarDay) * 1440
            + (to.hour * 60 + to.minute) - (from.hour * 60 + from.minute)
        return (5...720).contains(length) ? length : 30
    }

    static func time(_ item: Appointment) -> String {
        guard let c = item.from?.components else { return item.from?.raw ?? "?" }
        return "\(c.calendarDay.short) " + String(format: "%02d:%02d", c.hour, c.minute)
    }

    /// Enter on an appointment: its lead in the leads pane.
    static func jumpToLead(_ state: inout AppState) -> [Effect] {
        guard let item = state.calendar.selected, !item.leadSlug.isEmpty else { return nothingSelected(&state) }
        state.view = .leads
        if let index = state.list.visible.firstIndex(where: { state.list.rows[$0].slug == item.leadSlug }) {
            state.list.selected = index
            state.list.keepVisible(height: Geometry.listRows(height: state.height))
        }
        state.isDetailStale = false
        if !state.isWide { state.isShowingDetail = true }
        state.focus = .notes
        state.detail = LeadDetailState(slug: item.leadSlug, name: item.lead)
        return state.issue(.leadDetail, .lead(slug: item.leadSlug))
    }

    /// `A` in the leads pane: book with the selected lead, today's next free half hour.
    static func bookForLead(_ state: inout AppState) -> [Effect] {
        guard let target = LeadDetailReducer.target(state) else { return [] }
        let start = state.calendar.nextFreeSlot(on: state.today, now: state.now, zone: state.settings.timeZone)
        state.modals.append(.appointmentForm(AppointmentForm(mode: .create, lead: .init(slug: target.slug, name: target.name), start: start)))
        return []
    }

    // MARK: The form

    static func edit(_ state: inout AppState, _ index: Int, _ form: AppointmentForm, _ edit: TextEdit) {
        var form = form
        guard !form.isSaving else { return }
        form.inputs[form.focus, default: TextInput()].apply(edit, singleLine: true)
        form.touched.insert(form.focus)
        form.serverErrors[form.focus] = nil
        if form.focus == .lead {
            form.lead = nil
            form.matches = matches(form.value(.lead), in: state)
            form.matchSelected = 0
        }
        state.modals[index] = .appointmentForm(form)
    }

    /// Loaded leads whose name contains every word typed (at most 6).
    static func matches(_ text: String, in state: AppState) -> [AppointmentForm.LeadChoice] {
        let words = text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return [] }
        var found: [AppointmentForm.LeadChoice] = []
        for index in state.list.visible {
            let lead = state.list.rows[index]
            let name = lead.name.lowercased()
            if words.allSatisfy({ name.contains($0) }) { found.append(.init(slug: lead.slug, name: lead.name)) }
            if found.count == 6 { break }
        }
        return found
    }

    static func formCommand(_ state: inout AppState, _ index: Int, _ form: AppointmentForm, _ command: Command) -> [Effect] {
        var form = form
        switch command {
        case .nextField, .previousField, .open:
            if form.focus == .lead, form.lead == nil, form.matches.indices.contains(form.matchSelected) {
                let choice = form.matches[form.matchSelected]
                form.lead = choice
                form.inputs[.lead] = TextInput(choice.name)
                form.matches = []
            }
            if command == .open && form.focus == AppointmentForm.Field.allCases.last { return save(&state, index, form) }
            form.touched.insert(form.focus)
            let all = AppointmentForm.Field.allCases
            let position = all.firstIndex(of: form.focus) ?? 0
            form.focus = all[(position + (command == .previousField ? all.count - 1 : 1)) % all.count]
        case .up, .down:
            guard form.focus == .lead, !form.matches.isEmpty else { return [] }
            form.matchSelected = (form.matchSelected + (command == .down ? 1 : form.matches.count - 1)) % form.matches.count
        case .save: return save(&state, index, form)
        case .cancel, .back: return FormReducer.close(&state, hasChanges: form.hasChanges)
        case .quit: return AppReducer.quit(&state)
        default: return []
        }
        state.modals[index] = .appointmentForm(form)
        return []
    }

    static func save(_ state: inout AppState, _ index: Int, _ form: AppointmentForm) -> [Effect] {
        var form = form
        guard !form.isSaving else { return [] }
        form.hasTriedSaving = true
        form.serverErrors = [:]
        let zone = state.settings.timeZone
        let errors = form.clientErrors(now: state.now, zone: zone)
        guard errors.isEmpty, let lead = form.lead, case .success(let start) = form.start(today: state.today), let minutes = form.minutes else {
            let fields = AppointmentForm.Field.allCases.filter { errors[$0] != nil }
            if let first = fields.first { form.focus = first }
            form.message = "Not saved: fix \(fields.map(\.label).joined(separator: ", "))."
            form.isMessageError = true
            state.modals[index] = .appointmentForm(form)
            return []
        }
        let end = start.adding(minutes: minutes)
        form.isSaving = true
        form.message = "Saving…"
        form.isMessageError = false
        state.modals[index] = .appointmentForm(form)
        let note = form.value(.note)
        switch form.mode {
        case .create:
            return state.issue(.saveAppointment, .createAppointment(AppointmentDraft(
                slug: lead.slug, from: start.description, to: end.description, note: note.isEmpty ? nil : note)))
        case .edit(let id):
            return state.issue(.saveAppointment, .updateAppointment(AppointmentChanges(
                id: id, slug: lead.slug, from: start.description, to: end.description, note: note)))
        }
    }

    /// A booking, change or status change finished.
    static func saved(_ state: inout AppState, _ result: Result<Done, APIError>) -> [Effect] {
        let index = state.modals.lastIndex { if case .appointmentForm = $0 { return true }; return false }
        switch result {
        case .success:
            if let index, case .appointmentForm(let form) = state.modals[index] {
                state.modals.remove(at: index)
                let start = (try? form.start(today: state.today).get())?.friendly ?? ""
                state.message = StatusMessage("\(form.mode == .create ? "Booked" : "Changed") \(form.value(.lead)) \(start).", .success, at: state.now)
            } else {
                state.message = StatusMessage("Appointment updated.", .success, at: state.now)
            }
            return reloadAll(&state)
        case .failure(let error):
            guard let index, case .appointmentForm(var form) = state.modals[index] else {
                state.message = StatusMessage("Not changed: \(error.message)", .error, at: state.now)
                return []
            }
            form.isSaving = false
            switch error {
            case .validation(let fields), .invalidInput(let fields): form.showServerErrors(fields)
            default:
                // "Appointment schedule exists for this time." and network failures: the form stays, as typed.
                form.message = "Not saved: \(error.message)"
                form.isMessageError = true
            }
            state.modals[index] = .appointmentForm(form)
            return []
        }
    }

    // MARK: Reminders

    /// Announces, once, each of today's appointments that starts within the reminder window.
    static func remind(_ state: inout AppState) -> [Effect] {
        guard state.settings.reminderMinutes > 0 else { return [] }
        let zone = state.settings.timeZone
        let horizon = state.now.addingTimeInterval(Double(state.settings.reminderMinutes) * 60)
        for item in state.todayList ?? [] where AppointmentStatus(lenient: item.status) != .cancelled {
            guard let start = item.from?.date(in: zone), start > state.now, start <= horizon else { continue }
            let key = "\(item.id.map(String.init) ?? item.leadSlug)@\(item.from?.raw ?? "")"
            guard !state.reminded.contains(key) else { continue }
            state.reminded.insert(key)
            let minutes = max(1, Int((start.timeIntervalSince(state.now) / 60).rounded(.up)))
            let note = item.note.isEmpty ? "" : " — \(item.note)"
            state.message = StatusMessage("⏰ In \(minutes) min: \(time(item)) \(item.lead)\(note)", .warning, at: state.now)
            return state.settings.reminderBell ? [.bell] : []
        }
        return []
    }
}

/// The overview dashboard: totals, charts, appointment counts; refreshed on
/// `r` and by itself every few minutes, without moving anything the user sees.
enum DashboardReducer {
    static func refresh(_ state: inout AppState) -> [Effect] {
        state.overviewLoadedAt = state.now
        return state.issue(.overview, .overview) + state.issue(.appointmentCounts, .appointmentCounts)
    }

    /// Due on a tick when the last load is older than the setting.
    static func refreshIfDue(_ state: inout AppState) -> [Effect] {
        guard let last = state.overviewLoadedAt else { return [] }
        guard state.now.timeIntervalSince(last) >= Double(state.settings.dashboardRefreshMinutes) * 60 else { return [] }
        return refresh(&state) + state.reloadToday()
    }
}
