import Foundation
import LeadsAPI

/// The calendar pane: views and periods, the window of days fetched once
/// and kept while the user moves inside it, the agenda's selection, and the
/// status changes of the selected appointment. Booking, changing, deleting
/// and opening the lead are asked of the app.
public enum CalendarFeature {
    public enum Action: Equatable, Sendable {
        case command(Command)
        /// Load what the view needs, unless it is loaded (`force`: again).
        case load(force: Bool)
        case loaded(Purpose, from: Day, to: Day, Result<[Appointment], APIError>)
        /// Drop what is loaded (after a change), keeping where the user is.
        case forget
    }

    public enum Delegate: Equatable, Sendable {
        case openLead(slug: String, name: String)
        case openForm(AppointmentForm)
        case confirmDelete(id: Int, label: String)
        /// A status key: the change, with the same undo window as a delete.
        case changeStatus(id: Int, status: AppointmentStatus, label: String)
        /// An appointment changed: everything that shows appointments loads again.
        case appointmentsChanged
    }

    /// Outputs, or nil for a command the calendar does not handle.
    public static func reduce(_ state: inout CalendarState, _ action: Action, _ context: Context) -> [Output<Delegate>]? {
        switch action {
        case .command(let command):
            return self.command(&state, command, context)
        case .load(let force):
            return load(state, force: force, context)
        case .loaded(let purpose, let from, let to, let result):
            switch result {
            case .success(let items):
                if purpose == .upcoming {
                    let now = context.now, zone = context.zone
                    state.showUpcoming(items.filter { ($0.to?.date(in: zone) ?? $0.from?.date(in: zone) ?? now) >= now })
                } else {
                    state.show(items, window: from...to)
                }
                return []
            case .failure(.cancelled):
                return []
            case .failure(let error):
                state.error = error.message
                return [.message("Could not load appointments: \(error.message)", .error)]
            }
        case .forget:
            state.forget()
            return []
        }
    }

    static func load(_ state: CalendarState, force: Bool, _ context: Context) -> [Output<Delegate>] {
        if state.mode == .upcoming {
            guard force || !state.isUpcomingLoaded else { return [] }
            let today = context.today
            return [.request(.upcoming, .appointments(from: today, to: today.adding(days: CalendarState.upcomingDays - 1)))]
        }
        guard force || state.needsWindow else { return [] }
        let window = state.windowNeeded(mondayFirst: state.mondayFirst)
        return [.request(.calendarWindow, .appointments(from: window.lowerBound, to: window.upperBound))]
    }

    static func command(_ state: inout CalendarState, _ command: Command, _ context: Context) -> [Output<Delegate>]? {
        switch command {
        case .calendarUpcoming: state.mode = .upcoming
        case .calendarToday: state.mode = .today
        case .calendarWeek: state.mode = .week
        case .calendarMonth: state.mode = .month
        case .periodPrevious, .periodNext:
            let sign = command == .periodNext ? 1 : -1
            switch state.mode {
            case .upcoming: return []
            case .today: state.anchor = state.anchor.adding(days: sign)
            case .week: state.anchor = state.anchor.adding(days: 7 * sign)
            case .month: state.anchor = state.anchor.adding(months: sign)
            }
        case .goToToday: state.anchor = context.today
        case .dayPrevious, .dayNext:
            guard state.mode != .upcoming else { return [] }
            state.anchor = state.anchor.adding(days: command == .dayNext ? 1 : -1)
        case .calendarUp, .calendarDown:
            guard state.mode == .month else {
                moveSelection(&state, by: command == .calendarDown ? 1 : -1)
                return []
            }
            state.anchor = state.anchor.adding(days: command == .calendarDown ? 7 : -7)
        case .down, .up, .pageDown, .pageUp, .top, .bottom:
            moveSelection(&state, by: command.selectionStep(page: max(1, context.viewport.listRows - 1), count: state.agenda.count) ?? 0)
            return []
        case .refresh:
            return load(state, force: true, context)
        case .open:
            guard let item = state.selected, !item.leadSlug.isEmpty else { return nothingSelected }
            return [.delegate(.openLead(slug: item.leadSlug, name: item.lead))]
        case .newAppointment:
            let day = state.mode == .upcoming ? context.today : state.anchor
            let start = state.nextFreeSlot(on: day, now: context.now, zone: context.zone)
            return [.delegate(.openForm(AppointmentForm(mode: .create, lead: nil, start: start)))]
        case .editAppointment:
            guard let item = state.selected, let id = item.id else { return nothingSelected }
            var form = AppointmentForm(mode: .edit(id: id), lead: .init(slug: item.leadSlug, name: item.lead),
                                       start: item.from?.components.map(dayTime), minutes: minutes(of: item), note: item.note)
            form.form.focus = .start
            return [.delegate(.openForm(form))]
        case .confirmAppointment, .fulfilAppointment, .cancelAppointment:
            guard let item = state.selected, let id = item.id else { return nothingSelected }
            let status: AppointmentStatus = command == .confirmAppointment ? .confirmed : command == .fulfilAppointment ? .fullfilled : .cancelled
            return [.delegate(.changeStatus(id: id, status: status, label: "\(item.lead) at \(time(item))"))]
        case .deleteAppointment:
            guard let item = state.selected, let id = item.id else { return nothingSelected }
            return [.delegate(.confirmDelete(id: id, label: "the appointment with \(item.lead) at \(time(item))"))]
        default:
            return nil
        }
        state.selection = 0
        return load(state, force: false, context)
    }

    static func moveSelection(_ state: inout CalendarState, by delta: Int) {
        state.selection = max(0, min(state.agenda.count - 1, state.selection + delta))
    }

    static let nothingSelected: [Output<Delegate>] = [.message("No appointment selected.", .warning)]

    static func dayTime(_ c: APIDate.Components) -> DayTime { DayTime(day: c.calendarDay, hour: c.hour, minute: c.minute) }

    static func minutes(of item: Appointment) -> Int {
        guard let from = item.from?.components, let to = item.to?.components else { return 30 }
        let length = from.calendarDay.days(to: to.calendarDay) * 1440
            + (to.hour * 60 + to.minute) - (from.hour * 60 + from.minute)
        return (5...720).contains(length) ? length : 30
    }

    /// `Tue 24 Nov 14:00`, or the service's text when it does not parse.
    static func time(_ item: Appointment) -> String {
        guard let c = item.from?.components else { return item.from?.raw ?? "?" }
        return "\(c.calendarDay.short) " + String(format: "%02d:%02d", c.hour, c.minute)
    }
}
