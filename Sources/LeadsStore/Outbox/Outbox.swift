import Foundation
import LeadsAPI

/// A change made while the service could not be reached (issue 12, points 7–8):
/// kept, in the order it was made, until the service takes it.
///
/// Stored in the profile's cache database (`outbox` table) so a quit or a
/// crash loses none; sent at the next start.
public struct OutboxEntry: Equatable, Sendable, Codable, Identifiable {
    /// The write, as it will be sent.
    public enum Write: Equatable, Sendable, Codable {
        case createNote(slug: String, text: String)
        case createAppointment(AppointmentDraft)
        case updateAppointment(AppointmentChanges)
        case deleteAppointment(id: Int)
        case createLead(LeadDraft)
        case updateLead(slug: String, LeadDraft)
        case deleteLead(slug: String)
        case deleteNote(id: Int)

        /// The write a request makes; nil for a read.
        public init?(_ request: Request) {
            switch request {
            case .createNote(let slug, let text): self = .createNote(slug: slug, text: text)
            case .createAppointment(let draft): self = .createAppointment(draft)
            case .updateAppointment(let changes): self = .updateAppointment(changes)
            case .deleteAppointment(let id): self = .deleteAppointment(id: id)
            case .createLead(let draft): self = .createLead(draft)
            case .updateLead(let slug, let draft): self = .updateLead(slug: slug, draft)
            case .deleteLead(let slug): self = .deleteLead(slug: slug)
            case .deleteNote(let id): self = .deleteNote(id: id)
            // A status on the marks reads the lead first: not a write the outbox could send later as it is.
            case .leads, .overview, .dayAppointments, .appointments, .appointmentCounts, .lead, .useToken, .lookFor, .setLeadStatus: return nil
            }
        }

        public var request: Request {
            switch self {
            case .createNote(let slug, let text): return .createNote(slug: slug, text: text)
            case .createAppointment(let draft): return .createAppointment(draft)
            case .updateAppointment(let changes): return .updateAppointment(changes)
            case .deleteAppointment(let id): return .deleteAppointment(id: id)
            case .createLead(let draft): return .createLead(draft)
            case .updateLead(let slug, let draft): return .updateLead(slug: slug, draft)
            case .deleteLead(let slug): return .deleteLead(slug: slug)
            case .deleteNote(let id): return .deleteNote(id: id)
            }
        }

        /// Whether sending it twice would make two (a note, a booking, a lead); an update
        /// or a delete sent twice leaves the same result.
        public var createsSomething: Bool {
            switch self {
            case .createNote, .createAppointment, .createLead: return true
            case .updateAppointment, .deleteAppointment, .updateLead, .deleteLead, .deleteNote: return false
            }
        }
    }

    /// Where the change came from: a form (opened again to change it, or when the
    /// service refuses it), or a delete or status change of the undo window.
    public enum Origin: Equatable, Sendable, Codable {
        case form(Draft)
        case change(PendingChange.Target)
    }

    /// Its place in the order they were made.
    public var id: Int
    public var write: Write
    public var origin: Origin
    /// What it is, for the outbox and the messages: "a note on Ana Souza: “Intro call…”".
    public var label: String
    public var madeAt: Date
    /// A send failed after the request may have reached the service (the answer was
    /// lost): before sending again, the service is asked whether it is there.
    public var mayHaveArrived = false
    /// Why the last attempt did not go through, when one was made.
    public var lastProblem: String?

    public init(id: Int, write: Write, origin: Origin, label: String, madeAt: Date) {
        self.id = id; self.write = write; self.origin = origin; self.label = label; self.madeAt = madeAt
    }

    /// The lead it belongs to, when known.
    public var slug: String? {
        switch write {
        case .createNote(let slug, _), .updateLead(let slug, _), .deleteLead(let slug): return slug
        case .createAppointment(let draft): return draft.slug
        case .updateAppointment(let changes): return changes.slug
        case .deleteAppointment, .createLead, .deleteNote: return nil
        }
    }
}

/// The outbox: what waits, which one is on its way, the view's selection.
public struct OutboxState: Equatable, Sendable {
    public var entries: [OutboxEntry] = []
    /// The entry sent (or looked for) now; nil when none is.
    public var inFlight: Int?
    /// The one in flight is being looked for, not sent.
    public var isLooking = false
    /// The entry open in a form to be changed: not sent meanwhile.
    public var editing: Int?
    /// Where that form is among the modals.
    public var editingDepth: Int?
    /// The next attempt after a failure with no offline notice (a lost connection).
    public var retryAt: Date?
    public var retryDelay: TimeInterval = 5
    /// The outbox view's selected row.
    public var selected = 0
    var nextID = 1

    public init() {}

    public var count: Int { entries.count }

    /// Takes out the entry at `index`; the view's selection stays on the entry it was on.
    @discardableResult
    mutating func removeEntry(at index: Int) -> OutboxEntry {
        let entry = entries.remove(at: index)
        if index < selected { selected -= 1 }
        selected = min(selected, max(0, entries.count - 1))
        return entry
    }
    public var isEmpty: Bool { entries.isEmpty }

    /// Lines for the title bar: "3 to send" (nil when nothing waits).
    public var titleText: String? { entries.isEmpty ? nil : "\(entries.count) to send" }

    /// Notes waiting for `slug`, newest first, as the detail shows them.
    public func waitingNotes(for slug: String, user: String) -> [Note] {
        entries.reversed().compactMap { entry in
            guard case .createNote(let noteSlug, let text) = entry.write, noteSlug == slug else { return nil }
            return Note(id: nil, note: text, created: nil, user: user)
        }
    }

    /// Lead changes waiting, by slug (the latest when there are several): the list row and
    /// the detail show them, marked.
    public var leadEdits: [String: LeadDraft] {
        var edits: [String: LeadDraft] = [:]
        for entry in entries { if case .updateLead(let slug, let draft) = entry.write { edits[slug] = draft } }
        return edits
    }

    /// Appointments whose change (a status, a new time) waits: the calendar marks them.
    public var changedAppointmentIDs: Set<Int> {
        Set(entries.compactMap { if case .updateAppointment(let changes) = $0.write { return changes.id }; return nil })
    }

    /// Bookings waiting, as the calendar shows them (status `to send`).
    public var waitingAppointments: [Appointment] {
        entries.compactMap { entry in
            guard case .createAppointment(let draft) = entry.write else { return nil }
            var leadName = draft.slug
            if case .form(let form) = entry.origin, case .appointment(_, _, let values) = form.content, let name = values["lead"], !name.isEmpty {
                leadName = name
            }
            return Appointment(id: nil, lead: leadName, leadSlug: draft.slug, from: APIDate(raw: draft.from), to: APIDate(raw: draft.to),
                               note: draft.note ?? "", status: OutboxFeature.waitingStatus)
        }
    }
}

/// Sends the outbox in order, one at a time: a create whose last attempt may
/// have reached the service is looked for first (issue 12, point 8) and sent
/// only when it is not there.
public enum OutboxFeature {
    /// The status a waiting booking shows.
    public static let waitingStatus = "to send"

    public enum Action: Equatable, Sendable {
        /// A change the service could not take now (offline, or its send failed unreachable).
        case add(OutboxEntry.Write, origin: OutboxEntry.Origin, label: String, mayHaveArrived: Bool)
        /// Read back at start.
        case restored([OutboxEntry])
        /// The service may answer: send the first one, unless one is on its way.
        case sendNext
        /// The user asked for this one now (it goes first).
        case sendNow(id: Int)
        case discard(id: Int)
        case ticked
        case sent(Result<Done, APIError>)
        case looked(Result<Bool, APIError>)
        /// The entry is open in a form (nil: the form closed).
        case editing(Int?)
        /// The form of an entry saved again while offline: its write replaces the entry's, in place.
        case replace(id: Int, OutboxEntry.Write, origin: OutboxEntry.Origin, label: String)
        case select(Int)
    }

    public enum Delegate: Equatable, Sendable {
        /// The service took it (or had it already).
        case sent(OutboxEntry, alreadyThere: Bool)
        /// The service said no: the entry left the outbox; its form opens again with the reason.
        case refused(OutboxEntry, APIError)
        /// The user discarded it: it will never be sent.
        case discarded(OutboxEntry)
        /// The service could not be reached again.
        case unreachable(APIError)
        /// The entries changed: store them.
        case changed
    }

    public static func reduce(_ state: inout OutboxState, _ action: Action, _ context: Context) -> [Output<Delegate>] {
        switch action {
        case .add(let write, let origin, let label, let mayHaveArrived):
            var entry = OutboxEntry(id: state.nextID, write: write, origin: origin, label: label, madeAt: context.now)
            entry.mayHaveArrived = mayHaveArrived
            state.nextID += 1
            state.entries.append(entry)
            if state.retryAt == nil { state.retryAt = context.now.addingTimeInterval(state.retryDelay) }
            return [.delegate(.changed)]
        case .restored(let entries):
            state.entries = entries
            state.nextID = (entries.map(\.id).max() ?? 0) + 1
            return entries.isEmpty ? [] : send(&state)
        case .sendNext:
            return send(&state)
        case .sendNow(let id):
            guard let index = state.entries.firstIndex(where: { $0.id == id }), state.inFlight != id else { return [] }
            let entry = state.entries.remove(at: index)
            // Before every other waiting one, but after the one on its way; the selection goes with it.
            let place = state.inFlight == nil ? 0 : 1
            state.entries.insert(entry, at: place)
            state.selected = place
            state.retryAt = nil
            return [.delegate(.changed)] + send(&state)
        case .discard(let id):
            guard state.inFlight != id, let index = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
            let entry = state.removeEntry(at: index)
            return [.message("Discarded \(entry.label).", .success), .delegate(.discarded(entry)), .delegate(.changed)]
        case .ticked:
            guard let retryAt = state.retryAt, context.now >= retryAt else { return [] }
            state.retryAt = nil
            return send(&state)
        case .looked(let result):
            guard let index = inFlightIndex(state), state.isLooking else { return [] }
            state.isLooking = false
            switch result {
            case .success(true):
                let entry = state.removeEntry(at: index)
                state.inFlight = nil
                return [.delegate(.sent(entry, alreadyThere: true)), .delegate(.changed)] + send(&state)
            case .success(false):
                // Not there: sent now (still marked possibly there until it is answered).
                return [.request(.outbox, state.entries[index].write.request)]
            case .failure(let error):
                return failed(&state, index, error, looking: true, now: context.now)
            }
        case .sent(let result):
            guard let index = inFlightIndex(state), !state.isLooking else { return [] }
            switch result {
            case .success:
                let entry = state.removeEntry(at: index)
                state.inFlight = nil
                state.retryDelay = 5
                return [.delegate(.sent(entry, alreadyThere: false)), .delegate(.changed)] + send(&state)
            case .failure(let error):
                return failed(&state, index, error, looking: false, now: context.now)
            }
        case .editing(let id):
            state.editing = id
            return id == nil ? send(&state) : []
        case .replace(let id, let write, let origin, let label):
            guard let index = state.entries.firstIndex(where: { $0.id == id }) else { return [] }
            state.entries[index].write = write
            state.entries[index].origin = origin
            state.entries[index].label = label
            state.entries[index].lastProblem = nil
            return [.delegate(.changed)]
        case .select(let row):
            state.selected = min(max(0, row), max(0, state.entries.count - 1))
            return []
        }
    }

    private static func inFlightIndex(_ state: OutboxState) -> Int? {
        state.inFlight.flatMap { id in state.entries.firstIndex { $0.id == id } }
    }

    /// The first entry not open in a form goes, looked for first when it may be there already.
    private static func send(_ state: inout OutboxState) -> [Output<Delegate>] {
        guard state.inFlight == nil, let entry = state.entries.first(where: { $0.id != state.editing }) else { return [] }
        state.inFlight = entry.id
        if entry.mayHaveArrived && entry.write.createsSomething {
            state.isLooking = true
            return [.request(.outbox, .lookFor(entry.write))]
        }
        guard entry.write.createsSomething, let index = state.entries.firstIndex(where: { $0.id == entry.id }) else {
            return [.request(.outbox, entry.write.request)]
        }
        // Stored as possibly there before it goes: if the app ends before the answer
        // comes, the next start looks for it rather than making a second one.
        state.entries[index].mayHaveArrived = true
        return [.delegate(.changed), .request(.outbox, entry.write.request)]
    }

    private static func failed(_ state: inout OutboxState, _ index: Int, _ error: APIError, looking: Bool, now: Date) -> [Output<Delegate>] {
        state.inFlight = nil
        state.isLooking = false
        if error.isUnreachable {
            // Still offline: it stays first; a lost answer means it may be there now.
            if !looking { state.entries[index].mayHaveArrived = error.mayHaveReachedTheService && state.entries[index].write.createsSomething }
            state.entries[index].lastProblem = error.message
            state.retryAt = now.addingTimeInterval(state.retryDelay)
            state.retryDelay = min(60, state.retryDelay * 2)
            return [.delegate(.unreachable(error)), .delegate(.changed)]
        }
        if case .authentication = error {
            // The token prompt opens; the entry waits for the new token.
            state.entries[index].lastProblem = error.message
            return [.delegate(.unreachable(error))]
        }
        let entry = state.entries[index]
        // A delete sent twice (its answer lost the first time) finds nothing the second time.
        if entry.mayHaveArrived, !entry.write.createsSomething, error.saysNotFound {
            state.removeEntry(at: index)
            return [.delegate(.sent(entry, alreadyThere: true)), .delegate(.changed)] + send(&state)
        }
        state.removeEntry(at: index)
        return [.delegate(.refused(entry, error)), .delegate(.changed)] + send(&state)
    }
}

/// How a write whose answer was lost is found at the service (issue 12, point 8): the
/// service's creates are not idempotent and return no id, so each is looked for by
/// what makes it itself.
enum OutboxLookup {
    static func isThere(_ write: OutboxEntry.Write, on service: any LeadsService) async throws -> Bool {
        switch write {
        case .createNote(let slug, let text):
            // The same text (spaces around it aside) among the lead's notes.
            let wanted = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return try await service.lead(slug: slug).notes.contains { $0.note.trimmingCharacters(in: .whitespacesAndNewlines) == wanted }
        case .createAppointment(let draft):
            // An appointment of that lead starting at that minute.
            guard let start = APIDate.parse(draft.from) else { return false }
            let day = start.calendarDay
            let items = try await AppointmentFetch.day(service, day)
            return items.contains { item in
                guard item.leadSlug == draft.slug, let from = item.from?.components else { return false }
                return from.calendarDay == day && from.hour == start.hour && from.minute == start.minute
            }
        case .createLead(let draft):
            // A lead with that email (the service's own duplicate check is by email too).
            let email = draft.email.trimmingCharacters(in: .whitespaces).lowercased()
            guard !email.isEmpty else { return false }
            let page = try await service.leads(LeadQuery(email: email, limit: 50))
            return page.results.contains { $0.email.lowercased() == email }
        case .updateAppointment, .deleteAppointment, .updateLead, .deleteLead, .deleteNote:
            return false   // sent again: the same result either way
        }
    }
}

extension LeadSummary {
    /// The row as a waiting change will leave it (what the form sent; empty values kept as they are).
    public func applying(_ draft: LeadDraft) -> LeadSummary {
        var lead = self
        lead.firstName = draft.firstName; lead.lastName = draft.lastName
        lead.name = LeadSummary.fullName(draft.firstName, draft.lastName)
        lead.email = draft.email; lead.phone = draft.phone
        if let status = draft.status, !status.isEmpty { lead.status = status }
        if let source = draft.source, !source.isEmpty { lead.source = source }
        return lead
    }
}

extension LeadDetail {
    /// The detail as a waiting change will leave it.
    public func applying(_ draft: LeadDraft) -> LeadDetail {
        var lead = self
        lead.firstName = draft.firstName; lead.lastName = draft.lastName
        lead.name = LeadSummary.fullName(draft.firstName, draft.lastName)
        lead.email = draft.email; lead.phone = draft.phone; lead.message = draft.message
        lead.location = draft.location
        if let status = draft.status, !status.isEmpty { lead.status = status }
        if let source = draft.source, !source.isEmpty { lead.source = source }
        return lead
    }
}
