import LeadsAPI
import LeadsStore
import TerminalUI
import TextEditing

/// The overview: total leads, leads by status (each bar in the colour the
/// API gives that status, with its description) and by source, and the
/// appointment counts for today, this week and this month.
struct DashboardView {
    let state: AppState
    let theme: Theme
    let keys: KeyLabels
    let statusStyle: (String) -> Style

    func render(in rect: Rect, buffer: inout Buffer) {
        let refreshed = state.dashboard.loadedAt.map { "updated \(Screen.clock($0, state.settings.timeZone))" }
        let inside = PaneFrame(title: "Overview", isFocused: state.modals.isEmpty, counter: refreshed).render(in: rect, buffer: &buffer, theme: theme)
        guard let overview = state.dashboard.overview else {
            let loading = state.requests[.overview] != nil
            let text = loading ? "Loading the overview…" : keys.text("No overview yet: \(key: .refresh) to load it.", in: state.keyScope.contexts)
            buffer.putPadded(text, x: inside.x + 1, y: inside.y,
                             width: inside.width - 1, style: theme["ui.text.dim"])
            return
        }
        var y = inside.y
        let counts = state.dashboard.appointmentCounts
        func count(_ key: String) -> String { counts[key].map(String.init) ?? "…" }
        var x = buffer.put("Total leads ", x: inside.x + 1, y: y, style: theme["ui.label"])
        x = buffer.put(Screen.grouped(overview.totalLeads), x: x, y: y, style: theme["ui.text"].adding(.bold))
        // What the service's total counts, beside the list's own count (the title bar's).
        let scope = state.list.total.map { " (yours, owned or assigned; the list shows \(Screen.grouped($0)) \(state.list.listType == .owned ? "owned" : "assigned"))" }
            ?? " (yours, owned or assigned)"
        buffer.put(scope, x: x, y: y, style: theme["ui.text.dim"], maxWidth: max(0, inside.maxX - x))
        y += 1
        // Each count names its period: a week that runs into next month may hold more than the month.
        let today = state.today, first = today.startOfWeek(mondayFirst: state.settings.mondayFirst), last = first.adding(days: 6)
        let week = first.month == last.month ? "\(first.day)–\(last.day) \(Day.monthNames[last.month - 1].prefix(3))"
            : "\(first.day) \(Day.monthNames[first.month - 1].prefix(3))–\(last.day) \(Day.monthNames[last.month - 1].prefix(3))"
        x = buffer.put("Appointments ", x: inside.x + 1, y: y, style: theme["ui.label"])
        buffer.put("today \(count("today")) · week \(week) \(count("week")) · \(Day.monthNames[today.month - 1]) \(count("month"))",
                   x: x, y: y, style: theme["ui.text"], maxWidth: max(0, inside.maxX - x))
        y += 2
        let halves = inside.width >= 100
        let chartWidth = halves ? (inside.width - 3) / 2 : inside.width - 2
        let statusRows = min(overview.statuses.count, max(1, (inside.maxY - y - (halves ? 1 : 3)) / (halves ? 1 : 2)))
        let statusRect = Rect(x: inside.x + 1, y: y + 1, width: chartWidth, height: statusRows)
        buffer.put("Leads by status", x: statusRect.x, y: y, style: theme["ui.header"])
        BarChart(bars: overview.statuses.map { item in
            // The status's name as everywhere else, then its description where it fits.
            let full = "\(item.status) — \(item.description)"
            let label = item.description.isEmpty || item.description.lowercased() == item.status.lowercased()
                || DisplayWidth.of(full) > chartWidth / 3 - 1 ? item.status : full
            return BarChart.Bar(label: label, value: item.count, style: statusStyle(item.status))
        }).render(in: statusRect, buffer: &buffer, theme: theme)
        let sourceY = halves ? y : statusRect.maxY + 1
        let sourceRect = Rect(x: halves ? statusRect.maxX + 2 : inside.x + 1, y: sourceY + 1, width: chartWidth,
                              height: max(0, min(overview.sources.count, inside.maxY - sourceY - 1)))
        if sourceY < inside.maxY { buffer.put("Leads by source", x: sourceRect.x, y: sourceY, style: theme["ui.header"]) }
        BarChart(bars: overview.sources.map { BarChart.Bar(label: $0.source, value: $0.count) })
            .render(in: sourceRect, buffer: &buffer, theme: theme)
    }
}
