import Foundation
import LeadsAPI
import TextEditing

/// What a change to several leads left undone: each lead that failed and why (`Modal.report`).
public struct BulkReport: Equatable, Sendable {
    public var title: String
    public var lines: [String]
    /// The first line shown (the box scrolls).
    public var offset = 0
}

extension AppReducer {
    /// The leads a change on the marks acts on: the marks, else the lead acted on.
    static func bulkTargets(_ state: AppState) -> [LeadSummary] {
        if !state.list.marks.isEmpty { return state.list.markedLeads }
        guard let target = target(state) else { return [] }
        return [state.list.rows.first { $0.slug == target.slug }
                ?? LeadSummary(id: nil, slug: target.slug, firstName: "", lastName: "", name: target.name)]
    }

    /// `status NAME [location:…] [assignee:…]` (`S` types `status ` in the palette): the marked
    /// leads, else the selected one. Update lead takes the whole lead, and the service's detail
    /// gives no location or assignee (docs/API.md): for a lead whose ones the app does not know
    /// (last sent for it this session) they must be typed — sent for those leads only, never guessed.
    static func setStatus(_ state: inout AppState, _ typed: String) -> [Effect] {
        let terms = LeadFilter.tokens(typed)
        let name = terms.first ?? ""
        let statuses = LeadStatus.allCases.map(\.rawValue)
        guard let status = LeadStatus(rawValue: name.lowercased()) else {
            state.message = StatusMessage(name.isEmpty ? "Which status? \(key: .palette) status NAME: \(statuses.joined(separator: ", "))."
                                          : "“\(name)” is not a status: \(statuses.joined(separator: ", ")).", name.isEmpty ? .warning : .error, at: state.now)
            return []
        }
        var given: [String: String] = [:]
        for term in terms.dropFirst() {
            let (field, typedValue) = LeadFilter.term(term) ?? ("", "")
            let value = typedValue.trimmingCharacters(in: .whitespaces)
            guard ["location", "assignee"].contains(field), !value.isEmpty, value.count <= Rules.nameLimit else {
                state.message = StatusMessage("“\(term)”: after the status come location:… and assignee:… (“quotes” around spaces, at most \(Rules.nameLimit) characters).",
                                              .error, at: state.now)
                return []
            }
            given[field] = value
        }
        let leads = bulkTargets(state)
        let unknown = leads.filter { state.lastUsed[$0.slug] == nil }
        if !unknown.isEmpty, given["location"] == nil || given["assignee"] == nil {
            let names = unknown.prefix(3).map(\.name).joined(separator: ", ") + (unknown.count > 3 ? ", …" : "")
            let missing = [given["location"] == nil ? "location:…" : nil, given["assignee"] == nil ? "assignee:…" : nil].compactMap { $0 }
            state.modals.append(.palette(PaletteState(query: "status " + typed.trimmingCharacters(in: .whitespaces) + " ")))
            state.message = StatusMessage("The service takes a status only with the lead's location and assignee, and does not say them for "
                                          + "\(BulkChange.leads(unknown.count)) (\(names)): add \(missing.joined(separator: " ")) — sent for those only.",
                                          .warning, at: state.now)
            return []
        }
        let extras = given["location"].flatMap { location in given["assignee"].map { LeadExtras(location: location, message: "", assignee: $0) } }
        return startBulk(&state, .status(status.rawValue), leads, extras: extras)
    }

    /// Starts a change on `leads`: shown at once (a delete hides them, a status shows in their
    /// rows), sent when the undo window closes.
    static func startBulk(_ state: inout AppState, _ kind: BulkChange.Kind, _ leads: [LeadSummary], extras: LeadExtras? = nil) -> [Effect] {
        guard !leads.isEmpty else {
            state.message = StatusMessage("No lead to change: \(key: .toggleMark) marks leads.", .warning, at: state.now)
            return []
        }
        if let bulk = state.bulk {
            state.message = StatusMessage("\(bulk.waitingText) is still under way: its summary comes first.",
                                          .warning, at: state.now)
            return []
        }
        var effects: [Effect] = []
        if case .delete = kind {
            state.list.hide(all: leads.map(\.slug))
            state.isDetailStale = true
            if let slug = state.detail?.slug, leads.contains(where: { $0.slug == slug }) { effects += detail(&state, .clear) }
        }
        state.bulk = BulkChange(kind: kind, leads: leads, sendAt: state.now.addingTimeInterval(state.settings.undoSeconds))
        state.bulk?.extras = extras
        state.message = nil
        return effects + (state.settings.undoSeconds <= 0 ? bulkTicked(&state) : [])
    }

    /// `u` in the undo window: nothing is sent, the deleted leads come back.
    static func undoBulk(_ state: inout AppState) -> [Effect] {
        guard let bulk = state.bulk, bulk.sendAt != nil else { return [] }
        state.bulk = nil
        if case .delete = bulk.kind {
            state.list.unhide(all: bulk.leads.map(\.slug))
            state.isDetailStale = true
        }
        state.message = StatusMessage("Undone: nothing sent for the \(BulkChange.leads(bulk.leads.count)).", .info, at: state.now)
        return []
    }

    /// The window closed: the first requests go.
    static func bulkTicked(_ state: inout AppState) -> [Effect] {
        guard var bulk = state.bulk, let at = bulk.sendAt, state.now >= at else { return [] }
        bulk.sendAt = nil
        state.bulk = bulk
        return bulkSend(&state)
    }

    /// Requests until `concurrency` are in flight; the summary once every lead has its answer.
    static func bulkSend(_ state: inout AppState) -> [Effect] {
        guard var bulk = state.bulk, bulk.sendAt == nil else { return [] }
        var effects: [Effect] = []
        while bulk.inFlight.count < BulkChange.concurrency, !bulk.waiting.isEmpty {
            let slug = bulk.waiting.removeFirst()
            let id = RequestID(.bulk, state.nextSerial)
            state.nextSerial += 1
            bulk.inFlight[id] = slug
            effects.append(.request(id, bulk.request(for: slug, extras: state.lastUsed[slug] ?? bulk.extras)))
        }
        state.bulk = bulk
        return bulk.isDone ? effects + bulkFinished(&state) : effects
    }

    /// One lead's answer: kept, shown (a status in its row, a deleted lead gone), the next sent.
    static func bulkAnswered(_ state: inout AppState, _ id: RequestID, _ response: Response) -> [Effect] {
        guard var bulk = state.bulk, let slug = bulk.inFlight.removeValue(forKey: id) else { return [] }
        if let error = response.failure {
            bulk.failures.append(.init(slug: slug, name: bulk.name(of: slug), reason: error.message))
        } else {
            bulk.succeeded.append(slug)
            switch bulk.kind {
            case .status(let status):
                state.list.update(slug: slug) { $0.status = status }
                // What was sent for it: the next change of this lead does not ask again.
                if state.lastUsed[slug] == nil, let extras = bulk.extras { state.lastUsed[slug] = extras }
            case .delete: state.list.remove(slug)
            case .note: break
            }
        }
        state.bulk = bulk
        return bulkSend(&state)
    }

    /// Every lead answered: what succeeded is unmarked, what failed stays marked and is named with its reason.
    static func bulkFinished(_ state: inout AppState) -> [Effect] {
        guard let bulk = state.bulk else { return [] }
        state.bulk = nil
        state.list.unmark(bulk.succeeded)
        var effects: [Effect] = []
        if case .delete = bulk.kind, !bulk.failures.isEmpty { state.list.unhide(all: bulk.failures.map(\.slug)) }
        let done: String
        switch bulk.kind {
        case .status(let status): done = "Status \(status) set on"
        case .note: done = "Note added to"
        case .delete: done = "Deleted"
        }
        let total = bulk.leads.count, failed = bulk.failures.count
        if failed == 0 {
            state.message = StatusMessage("\(done) \(BulkChange.leads(total)).", .success, at: state.now)
        } else {
            let summary = "\(done) \(WholeNumber.grouped(total - failed)) of \(BulkChange.leads(total)); \(WholeNumber.grouped(failed)) failed and stay marked"
            state.message = StatusMessage("\(summary).", .error, at: state.now)
            state.modals.append(.report(BulkReport(title: "\(bulk.what): \(WholeNumber.grouped(failed)) of \(BulkChange.leads(total)) failed",
                                                   lines: bulk.failures.map { "\($0.name) (\($0.slug)): \($0.reason)" })))
        }
        // The list and the counts as the service has them now (a status may move a lead out of a filter).
        effects += list(&state, .reload(keepSelection: true)) + dashboard(&state, .refresh(withCounts: false))
        if let slug = state.detail?.slug, bulk.succeeded.contains(slug), bulk.kind != .delete { effects += detail(&state, .reload) }
        // Quitting waited for it: the summary goes to the terminal's status (stderr) with the app's last message.
        if state.isQuitting {
            state.modals.removeAll { if case .report = $0 { return true }; return false }
            if state.pending.isEmpty, state.outbox.inFlight == nil { return effects + [.quit] }
        }
        return effects
    }

    /// The report's keys: scroll, close.
    static func report(_ state: inout AppState, _ report: BulkReport, _ command: Command) -> [Effect] {
        var report = report
        switch command {
        case .back, .cancel, .open, .no, .yes: state.modals.removeLast(); return []
        case .down: report.offset = min(max(0, report.lines.count - 1), report.offset + 1)
        case .up: report.offset = max(0, report.offset - 1)
        case .pageDown: report.offset = min(max(0, report.lines.count - 1), report.offset + 10)
        case .pageUp: report.offset = max(0, report.offset - 10)
        case .top: report.offset = 0
        case .bottom: report.offset = max(0, report.lines.count - 1)
        default: return []
        }
        state.modals[state.modals.count - 1] = .report(report)
        return []
    }
}
