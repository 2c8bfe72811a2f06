import Foundation
import LeadsAPI

/// Today's appointments (the title bar's count) and the reminders drawn from them.
public struct RemindersState: Equatable, Sendable {
    /// Today's appointments; nil until they have come.
    public var todayList: [Appointment]?
    /// The day `todayList` was asked for (a new one is asked for after midnight).
    public var day: Day?
    /// Appointments already announced.
    public var reminded: Set<String> = []
    public init() {}
}

/// Reminders: each of today's appointments starting within
/// `reminder_minutes` is announced once (never a cancelled one), in every
/// pane. Today's list is asked for at start, after every change, after
/// midnight and when the overview refreshes itself.
public enum RemindersFeature {
    public enum Action: Equatable, Sendable {
        /// Today's appointments again, remembering which day they are of.
        case reload
        case loaded(Result<[Appointment], APIError>)
        case ticked
    }

    public enum Delegate: Equatable, Sendable {
        /// An appointment starts soon: say so (with a bell when the settings want one).
        case remind(TextWithKeys)
    }

    public static func reduce(_ state: inout RemindersState, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .reload:
            state.day = context.today
            return [.request(.today, .dayAppointments(context.today))]
        case .loaded(let result):
            if case .success(let items) = result { state.todayList = items }
            return remind(&state, context)
        case .ticked:
            if let asked = state.day, asked != context.today {
                // Past midnight: today's list is another day's now.
                return reduce(&state, .reload, context)
            }
            return remind(&state, context)
        }
    }

    /// Announces, once, the first of today's appointments that starts within the reminder window.
    static func remind(_ state: inout RemindersState, _ context: Context) -> [Output<Delegate>] {
        let minutesAhead = context.settings.reminderMinutes
        guard minutesAhead > 0 else { return [] }
        let horizon = context.now.addingTimeInterval(Double(minutesAhead) * 60)
        for item in state.todayList ?? [] where AppointmentStatus(lenient: item.status) != .cancelled {
            guard let start = item.from?.date(in: context.zone), start > context.now, start <= horizon else { continue }
            let key = "\(item.id.map(String.init) ?? item.leadSlug)@\(item.from?.raw ?? "")"
            guard !state.reminded.contains(key) else { continue }
            state.reminded.insert(key)
            let minutes = max(1, Int((start.timeIntervalSince(context.now) / 60).rounded(.up)))
            let note = item.note.isEmpty ? "" : " — \(item.note)"
            return [.delegate(.remind("⏰ In \(minutes) min: \(CalendarFeature.time(item)) \(item.lead)\(note)"))]
        }
        return []
    }
}
