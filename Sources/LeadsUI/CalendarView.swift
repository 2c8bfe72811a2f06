import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// The calendar pane: view tabs and the period, then the upcoming agenda
/// grouped by day, one day with a marker at the current time, a week (seven
/// columns when there is room, else grouped by day), or the month grid with
/// the selected day's agenda.
struct CalendarView {
    let state: AppState
    let theme: Theme
    let keys: KeyLabels
    let statusStyle: (String) -> Style
    init(state: AppState, theme: Theme, keys: KeyLabels, statusStyle: @escaping (String) -> Style) {
        self.state = state; self.theme = theme; self.keys = keys; self.statusStyle = statusStyle
    }

    /// `text` with the calendar's keys.
    private func say(_ text: TextWithKeys) -> String { keys.text(text, in: state.keyScope.contexts) }

    /// A line of an agenda: a day's heading, an appointment (its index in `agenda`), or the now marker.
    enum Row: Equatable {
        case day(Day)
        case item(Int)
        case now
    }

    mutating func render(in rect: Rect, buffer: inout Buffer, scroll: inout ScrollMemory) {
        let calendar = state.calendar
        let count = calendar.agenda.count
        let counter = count == 0 ? nil : "\(min(calendar.selection + 1, count)) of \(count)"
        let inside = PaneFrame(title: "Calendar · \(calendar.title)", isFocused: state.modals.isEmpty, counter: counter)
            .render(in: rect, buffer: &buffer, theme: theme)
        guard inside.height > 2 else { return }
        renderTabs(Rect(x: inside.x, y: inside.y, width: inside.width, height: 1), &buffer)
        var body = Rect(x: inside.x, y: inside.y + 2, width: inside.width, height: inside.height - 2)
        let isLoading = state.requests[calendar.mode == .upcoming ? .upcoming : .calendarWindow] != nil
        if calendar.mode != .upcoming ? calendar.window == nil : !calendar.isUpcomingLoaded {
            let text = calendar.error.map { say("Could not load: \($0)  (\(key: .refresh) to retry)") } ?? (isLoading ? "Loading appointments…" : "")
            buffer.putPadded(text, x: body.x + 1, y: body.y, width: body.width - 1, style: theme[calendar.error == nil ? "ui.text.dim" : "status.error"])
            // Bookings waiting in the outbox still show, under the reason the rest cannot.
            guard !calendar.waiting.isEmpty, body.height > 3 else { return }
            body = Rect(x: body.x, y: body.y + 2, width: body.width, height: body.height - 2)
        }
        switch calendar.mode {
        case .upcoming: renderAgenda(rows(days: nil), in: body, &buffer, &scroll)
        case .today: renderAgenda(rows(days: [calendar.anchor]), in: body, &buffer, &scroll)
        case .week:
            if body.width >= 7 * 16 { renderWeekColumns(in: body, &buffer) } else { renderAgenda(rows(days: calendar.days), in: body, &buffer, &scroll) }
        case .month: renderMonth(in: body, &buffer, &scroll)
        }
    }

    private func renderTabs(_ rect: Rect, _ buffer: inout Buffer) {
        var x = rect.x
        let tabs: [(Command, String, CalendarState.Mode)] = [(.calendarUpcoming, "Upcoming", .upcoming), (.calendarToday, "Day", .today),
                                                            (.calendarWeek, "Week", .week), (.calendarMonth, "Month", .month)]
        for (command, label, mode) in tabs {
            let active = state.calendar.mode == mode
            x = buffer.put(" \(say("\(key: command)")) ", x: x, y: rect.y, style: theme["ui.hint.key"])
            x = buffer.put("\(label) ", x: x, y: rect.y, style: theme[active ? "ui.tab.active" : "ui.tab"])
            x += 1
        }
        let help = say("\(key: .periodPrevious) \(key: .periodNext) move · \(key: .goToToday) today · \(key: .newAppointment) book")
        if rect.maxX - DisplayWidth.of(help) > x {
            buffer.put(help, x: rect.maxX - DisplayWidth.of(help), y: rect.y, style: theme["ui.text.dim"])
        }
    }

    /// Agenda rows for `days` (nil: the upcoming list, grouped by its days), with the now marker today.
    func rows(days: [Day]?) -> [Row] {
        let agenda = state.calendar.agenda
        let zone = state.settings.timeZone
        var rows: [Row] = []
        var lastDay: Day?
        var markerPlaced = false
        let today = state.today
        func heading(_ day: Day) {
            if lastDay != day { rows.append(.day(day)); lastDay = day }
        }
        for day in days ?? [] {
            heading(day)
            let items = agenda.enumerated().filter { $0.element.from?.components?.calendarDay == day }
            for (offset, item) in items {
                if day == today, !markerPlaced, let start = item.from?.date(in: zone), start > state.now {
                    rows.append(.now); markerPlaced = true
                }
                rows.append(.item(offset))
            }
            if day == today, !markerPlaced { rows.append(.now); markerPlaced = true }
        }
        if days == nil {
            for (offset, item) in agenda.enumerated() {
                heading(item.from?.components?.calendarDay ?? today)
                rows.append(.item(offset))
            }
        }
        return rows
    }

    private func renderAgenda(_ rows: [Row], in rect: Rect, _ buffer: inout Buffer, _ scroll: inout ScrollMemory) {
        guard rect.height > 0 else { return }
        let agenda = state.calendar.agenda
        if agenda.isEmpty && !rows.contains(where: { if case .item = $0 { return true }; return false }) {
            var y = rect.y
            for row in rows.prefix(rect.height) {
                draw(row, agenda, at: y, in: rect, leadWidth: 12, &buffer)
                y += 1
            }
            buffer.putPadded(say(state.calendar.mode == .upcoming ? "Nothing booked in the next \(CalendarState.upcomingDays) days: \(key: .newAppointment) to book."
                                                                  : "Nothing booked: \(key: .newAppointment) to book."),
                             x: rect.x + 1, y: min(rect.maxY - 1, y), width: rect.width - 1, style: theme["ui.text.dim"])
            return
        }
        // Scroll so the selected appointment (and its day heading, when it fits) is visible.
        let selectedRow = rows.firstIndex(of: .item(state.calendar.selection)) ?? 0
        let period = "\(state.calendar.mode.rawValue) \(state.calendar.anchor)".hashValue
        var top = scroll.offset("agenda", identity: period, selected: selectedRow, count: rows.count, height: rect.height)
        if top > 0, selectedRow > 0, case .day = rows[selectedRow - 1], selectedRow - 1 < top { top = selectedRow - 1 }
        // The lead column as wide as the longest name listed (12 to a third of the row), the note the rest.
        let longest = rows.reduce(0) { widest, row in
            if case .item(let index) = row { return max(widest, DisplayWidth.of(agenda[index].lead)) }
            return widest
        }
        let leadWidth = max(12, min(longest + 1, rect.width / 3))
        for (offset, row) in rows.dropFirst(top).prefix(rect.height).enumerated() {
            draw(row, agenda, at: rect.y + offset, in: rect, leadWidth: leadWidth, &buffer)
        }
    }

    private func draw(_ row: Row, _ agenda: [Appointment], at y: Int, in rect: Rect, leadWidth: Int, _ buffer: inout Buffer) {
        switch row {
        case .day(let day):
            let label = day == state.today ? "\(day.short) · today" : day.short
            buffer.putPadded(label, x: rect.x, y: y, width: rect.width, style: theme["ui.header"])
        case .now:
            let label = "── now \(Screen.clock(state.now, state.settings.timeZone)) "
            let text = label + String(repeating: "─", count: max(0, rect.width - DisplayWidth.of(label)))
            buffer.put(text, x: rect.x, y: y, style: theme["ui.calendar.today"], maxWidth: rect.width)
        case .item(let index):
            drawItem(agenda[index], isSelected: index == state.calendar.selection, at: y, x: rect.x, width: rect.width,
                     leadWidth: leadWidth, &buffer)
        }
    }

    /// `09:00–09:30  Ana Souza  confirmed  Contract review`, dimmed once it has ended.
    private func drawItem(_ item: Appointment, isSelected: Bool, at y: Int, x: Int, width: Int, leadWidth: Int, _ buffer: inout Buffer) {
        let zone = state.settings.timeZone
        let isPast = (item.to?.date(in: zone) ?? item.from?.date(in: zone)).map { $0 < state.now } ?? false
        var text = theme[isPast ? "ui.text.dim" : "ui.text"]
        var status = isPast ? theme["ui.text.dim"] : statusStyle(item.status)
        if isSelected {
            let selection = theme[state.modals.isEmpty ? "ui.selection" : "ui.selection.unfocused"]
            buffer.fill(Rect(x: x, y: y, width: width, height: 1), style: selection)
            text = selection
            status = Style(foreground: selection.foreground, background: selection.background, attributes: selection.attributes.union(status.attributes))
        }
        // One that goes on past midnight says so: "23:30–01:00 +1" (the days it ends later).
        var time = "\(Self.hm(item.from))–\(Self.hm(item.to))"
        if let start = item.from?.components?.calendarDay, let end = item.to?.components?.calendarDay, end > start {
            time += " +\(start.days(to: end))"
        }
        let statusName = item.appointmentStatus?.displayName ?? item.status
        let columns = Layout(.horizontal, [.fixed(14), .fixed(leadWidth), .fixed(12), .fill(1)], spacing: 1)
            .split(Rect(x: x, y: y, width: width, height: 1))
        buffer.putPadded(time, x: columns[0].x, y: y, width: columns[0].width, style: text)
        buffer.putPadded(item.lead, x: columns[1].x, y: y, width: columns[1].width, style: text)
        buffer.putPadded(statusName, x: columns[2].x, y: y, width: columns[2].width, style: status)
        if columns.count > 3 {
            buffer.putPadded(LineBreaks.oneLine(item.note), x: columns[3].x, y: y, width: columns[3].width, style: text)
        }
    }

    static func hm(_ date: APIDate?) -> String {
        guard let c = date?.components else { return "?" }
        return "\(WholeNumber.zeroPadded(c.hour, width: 2)):\(WholeNumber.zeroPadded(c.minute, width: 2))"
    }

    /// Seven columns, one a day: a heading, then `09:00 Ana Souza` lines.
    private func renderWeekColumns(in rect: Rect, _ buffer: inout Buffer) {
        let calendar = state.calendar
        let agenda = calendar.agenda
        let columns = Layout(.horizontal, Array(repeating: Constraint.fill(1), count: 7), spacing: 1).split(rect)
        var index = 0
        for (column, day) in zip(columns, calendar.days) {
            let isToday = day == state.today
            buffer.putPadded(day.short, x: column.x, y: column.y, width: column.width, style: theme[isToday ? "ui.calendar.today" : "ui.header"])
            var y = column.y + 1
            while index < agenda.count, agenda[index].from?.components?.calendarDay == day {
                let item = agenda[index]
                if y < column.maxY {
                    let isSelected = index == calendar.selection
                    let style = isSelected ? theme["ui.selection"] : statusStyle(item.status)
                    buffer.putPadded("\(Self.hm(item.from)) \(item.lead)", x: column.x, y: y, width: column.width, style: style)
                    y += 1
                }
                index += 1
            }
        }
    }

    /// The month grid and the selected day's agenda, beside it when there is room, else below.
    /// The width an agenda needs to show time, lead, status and a readable note.
    static let agendaWidth = 64

    private func renderMonth(in rect: Rect, _ buffer: inout Buffer, _ scroll: inout ScrollMemory) {
        let calendar = state.calendar
        let today = state.today
        let grid = MonthCalendar(year: calendar.anchor.year, month: calendar.anchor.month, today: (today.year, today.month, today.day),
                                 selectedDay: calendar.anchor.day, counts: calendar.monthCounts, mondayFirst: calendar.mondayFirst)
        let gridWidth = min(rect.width, 7 * 5)
        // Beside the grid only with room for every column of the agenda (a note of 15 or more), else below it.
        let side = rect.width >= gridWidth + 2 + Self.agendaWidth
        let gridRect = Rect(x: rect.x, y: rect.y, width: gridWidth, height: min(rect.height, 8))
        grid.render(in: gridRect, buffer: &buffer, theme: theme)
        let agendaRect = side
            ? Rect(x: rect.x + gridWidth + 2, y: rect.y, width: rect.width - gridWidth - 2, height: rect.height)
            : Rect(x: rect.x, y: rect.y + gridRect.height + 1, width: rect.width, height: max(0, rect.height - gridRect.height - 1))
        renderAgenda(rows(days: [calendar.anchor]), in: agendaRect, &buffer, &scroll)
    }
}
