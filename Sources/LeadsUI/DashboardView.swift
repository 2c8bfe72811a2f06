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
        // The status's name as everywhere else, then its description: in the label when every
        // label so made fits half the chart, else in a legend under the charts where rows remain.
        let described = overview.statuses.filter {
            !$0.description.isEmpty && $0.description.lowercased() != $0.status.lowercased()
        }
        let inLabels = described.allSatisfy { DisplayWidth.of("\($0.status) — \($0.description)") < chartWidth / 2 }
        BarChart(bars: overview.statuses.map { item in
            let label = inLabels && described.contains(item) ? "\(item.status) — \(item.description)" : item.status
            return BarChart.Bar(label: label, value: item.count, style: statusStyle(item.status))
        }).render(in: statusRect, buffer: &buffer, theme: theme)
        let sourceY = halves ? y : statusRect.maxY + 1
        let sourceRect = Rect(x: halves ? statusRect.maxX + 2 : inside.x + 1, y: sourceY + 1, width: chartWidth,
                              height: max(0, min(overview.sources.count, inside.maxY - sourceY - 1)))
        if sourceY < inside.maxY { buffer.put("Leads by source", x: sourceRect.x, y: sourceY, style: theme["ui.header"]) }
        BarChart(bars: overview.sources.map { BarChart.Bar(label: $0.source, value: $0.count) })
            .render(in: sourceRect, buffer: &buffer, theme: theme)
        guard !inLabels, !described.isEmpty else { return }
        var legendY = max(statusRect.maxY, sourceRect.maxY) + 1
        let width = inside.width - 2
        let lines = described.map { item in (item, ReaderView.wrapped("\(item.status) — \(item.description)", width: width)) }
        guard legendY + 1 + lines.reduce(0, { $0 + $1.1.count }) <= inside.maxY else { return }   // whole, or not at all
        buffer.put("What each status means", x: inside.x + 1, y: legendY, style: theme["ui.header"])
        legendY += 1
        for (item, wrapped) in lines {
            for (index, line) in wrapped.enumerated() {
                buffer.put(line, x: inside.x + 1, y: legendY, style: theme["ui.text"], maxWidth: width)
                if index == 0 { buffer.put(item.status, x: inside.x + 1, y: legendY, style: statusStyle(item.status), maxWidth: width) }
                legendY += 1
            }
        }
    }
}
