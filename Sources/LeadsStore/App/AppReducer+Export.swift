import Foundation
import LeadsAPI
import TextEditing

/// An export under way: every page of the list is fetched, then the rows shown are written.
public struct ExportJob: Equatable, Sendable {
    /// As typed (`~/leads.csv`); the written file's absolute path comes back with `.exportWritten`.
    public var path: String
    public var format: ExportFormat
    /// The file is being written (every page is here).
    public var isWriting = false

    public init(path: String, format: ExportFormat) { self.path = path; self.format = format }
}

extension AppReducer {
    /// `export FILE`: the calendar's appointments as shown, else the marked leads, else the lead
    /// list as shown (filter words, server terms, sort, owned/assigned) — every page of it,
    /// fetched 500 a request in the background while the status bar shows how far it got
    /// (`esc` cancels). CSV or JSON by the file's extension; a new file only.
    static func export(_ state: inout AppState, to typed: String) -> [Effect] {
        var path = typed.trimmingCharacters(in: .whitespaces)
        // A name in quotes, as the `/` bar takes values with spaces: "my leads.csv".
        if path.count >= 2, path.hasPrefix("\""), path.hasSuffix("\"") { path = String(path.dropFirst().dropLast()) }
        guard !path.isEmpty else {
            state.message = StatusMessage("Export to which file? \(key: .palette) export leads.csv (or leads.json).", .warning, at: state.now)
            return []
        }
        guard let format = ExportFormat(path: path) else {
            state.message = StatusMessage("“\(path)”: an export's file name ends in .csv or .json.", .error, at: state.now)
            return []
        }
        if state.export != nil {
            state.message = StatusMessage("An export is already under way (\(key: .back) cancels it).", .warning, at: state.now)
            return []
        }
        if state.view == .calendar {
            // The period on screen: the upcoming list, the day, the week, or the whole month of the grid.
            let calendar = state.calendar
            var shown = calendar.agenda
            if calendar.mode == .month {
                let first = Day(year: calendar.anchor.year, month: calendar.anchor.month, day: 1)
                let days = (0..<31).map { first.adding(days: $0) }.filter { $0.month == first.month }
                shown = days.flatMap { calendar.appointments(on: $0) }
            }
            return [.writeExport(path: path, rows: .appointments(shown, format))]
        }
        state.view = .leads
        if !state.list.marks.isEmpty {
            let marked = state.list.markedLeads
            return [.writeExport(path: path, rows: .leads(marked, format))]
        }
        if state.list.nextOffset != nil, state.offlineSince != nil {
            state.message = StatusMessage("Offline: an export needs every page from the service; nothing written.", .error, at: state.now)
            return []
        }
        state.export = ExportJob(path: path, format: format)
        state.list.isExporting = true
        return list(&state, .fetchRest(everyPage: true)) + exportProgress(&state)
    }

    /// Writes the export once every page is here; stops it when a page could not be loaded.
    static func exportProgress(_ state: inout AppState) -> [Effect] {
        guard var job = state.export, !job.isWriting else { return [] }
        if let error = state.list.loadError {
            state.export = nil
            state.list.isExporting = false
            state.message = StatusMessage("Export stopped: could not load every lead (\(error)); nothing written.", .error, at: state.now)
            return []
        }
        guard state.list.nextOffset == nil, state.list.isFirstPageLoaded else { return [] }
        job.isWriting = true
        state.export = job
        state.list.isExporting = false
        let shown = state.list.visible.map { state.list.rows[$0] }   // the rows in the list's order
        return [.writeExport(path: job.path, rows: .leads(shown, job.format))]
    }

    /// `esc` while the pages come: nothing is written.
    static func cancelExport(_ state: inout AppState) {
        state.export = nil
        state.list.isExporting = false
        state.message = StatusMessage("Export cancelled; nothing written.", .info, at: state.now)
    }

    static func exportWritten(_ state: inout AppState, _ result: Result<String, ExportProblem>, what: String) -> [Effect] {
        state.export = nil
        switch result {
        case .success(let path):
            state.message = StatusMessage("Exported \(what) to \(path).", .success, at: state.now)
        case .failure(let problem):
            state.message = StatusMessage("Nothing exported: \(problem.message).", .error, at: state.now)
        }
        return []
    }
}
