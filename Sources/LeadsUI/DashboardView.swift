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
    let statusStyle: (String) -> Style

    func render(in rect: Rect, buffer: inout Buffer) {
        let refreshed = state.overviewLoadedAt.map { "updated \(Screen.clock($0, state.settings.timeZone))" }
        let inside = PaneFrame(title: "Overview", isFocused: state.modals.isEmpty, counter: refreshed).render(in: rect, buffer: &buffer, theme: theme)
        guard let overview = state.overview else {
            let loading = state.requests[.overview] != nil
            buffer.putPadded(loading ? "Loading the overview…" : "No overview yet: r to load it.", x: inside.x + 1, y: inside.y,
                             width: inside.width - 1, style: theme["ui.text.dim"])
            return
        }
        var y = inside.y
        let counts = state.appointmentCounts
        func count(_ key: String) -> String { counts[key].map(String.init) ?? "…" }
        var x = buffer.put("Total leads ", x: inside.x + 1, y: y, style: theme["ui.label"])
        x = buffer.put(Screen.grouped(overview.totalLeads), x: x, y: y, style: theme["ui.text"].adding(.bold))
        x = buffer.put("    Appointments ", x: x, y: y, style: theme["ui.label"])
        buffer.put("today \(count("today")) · this week \(count("week")) · this month \(count("month"))", x: x, y: y, style: theme["ui.text"])
        y += 2
        let halves = inside.width >= 100
        let chartWidth = halves ? (inside.width - 3) / 2 : inside.width - 2
        let statusRows = min(overview.statuses.count, max(1, (inside.maxY - y - (halves ? 1 : 3)) / (halves ? 1 : 2)))
        let statusRect = Rect(x: inside.x + 1, y: y + 1, width: chartWidth, height: statusRows)
        buffer.put("Leads by status", x: statusRect.x, y: y, style: theme["ui.header"])
        BarChart(bars: overview.statuses.map { item in
            let label = item.description.isEmpty ? item.status : "\(item.description)"
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

/// The appointment form: lead (with the matches of what is typed), start
/// (with the day it resolves to), minutes, note.
struct AppointmentFormView {
    let form: AppointmentForm
    let state: AppState

    func render(in area: Rect, buffer: inout Buffer, theme: Theme) {
        let zone = state.settings.timeZone
        let errors = form.visibleErrors(now: state.now, zone: zone)
        var notes: [AppointmentForm.Field: String] = [:]
        if form.focus == .lead, form.lead == nil, !form.matches.isEmpty {
            notes[.lead] = form.matches.enumerated().map { $0.offset == form.matchSelected ? "▸ \($0.element.name)" : "  \($0.element.name)" }
                .prefix(4).joined(separator: "  ")
        } else if let lead = form.lead {
            notes[.lead] = "✓ \(lead.slug)"
        }
        if case .success(let start) = form.start(today: state.today) {
            let end = form.minutes.map { " – " + String(format: "%02d:%02d", start.adding(minutes: $0).hour, start.adding(minutes: $0).minute) } ?? ""
            notes[.start] = "→ \(start.friendly)\(end)"
        }
        let fields = AppointmentForm.Field.allCases.map { field -> Form.Field in
            let input = form.inputs[field] ?? TextInput()
            return Form.Field(label: field.label,
                              input: .line(TextFieldState(characters: input.characters, cursor: input.cursor), masked: false),
                              placeholder: field.placeholder, error: errors[field], note: notes[field])
        }
        let focus = AppointmentForm.Field.allCases.firstIndex(of: form.focus) ?? 0
        let message = form.message ?? "ctrl-s save · tab next field (picks the highlighted lead) · ↑↓ matches · esc cancel"
        Form(title: form.title, fields: fields, focus: focus, message: message, messageIsError: form.isMessageError)
            .render(in: area.centered(width: min(area.width - 2, 78), height: min(area.height, 16)), buffer: &buffer, theme: theme)
    }
}
