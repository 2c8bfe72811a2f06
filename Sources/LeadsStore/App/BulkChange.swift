import Foundation
import LeadsAPI

/// A change to several leads at once (the marks): a status, the same note, or a delete. It
/// waits in one undo window for all of them (`undo_seconds`), then goes out at most
/// `concurrency` requests at a time; what failed is named lead by lead at the end and those
/// leads stay marked.
public struct BulkChange: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case status(String)
        case note(String)
        case delete
    }

    public struct Failure: Equatable, Sendable {
        public var slug: String
        public var name: String
        public var reason: String
    }

    public var kind: Kind
    /// The leads changed, in the list's order.
    public var leads: [LeadSummary]
    /// When the undo window closes; nil once sending.
    public var sendAt: Date?
    /// Not sent yet.
    public var waiting: [String]
    /// Sent and not answered: the request and the lead's slug.
    public var inFlight: [RequestID: String] = [:]
    public var succeeded: [String] = []
    public var failures: [Failure] = []
    /// The location and assignee typed for leads whose own the app does not know (a status change).
    public var extras: LeadExtras?

    /// Requests in flight at once: a few, never a burst of hundreds at the service.
    public static let concurrency = 4

    public init(kind: Kind, leads: [LeadSummary], sendAt: Date) {
        self.kind = kind; self.leads = leads; self.sendAt = sendAt
        waiting = leads.map(\.slug)
    }

    public var slugs: Set<String> { Set(leads.map(\.slug)) }
    public var answered: Int { succeeded.count + failures.count }
    public var isDone: Bool { sendAt == nil && waiting.isEmpty && inFlight.isEmpty }

    public func name(of slug: String) -> String { leads.first { $0.slug == slug }?.name ?? slug }

    /// "Status contact", "Note", "Deleting" — what the progress and the summary name.
    public var what: String {
        switch kind {
        case .status(let status): return "Status \(status)"
        case .note: return "Note"
        case .delete: return "Deleting"
        }
    }

    /// What the undo window says: "Status contact on 3 leads", "Deleted 3 leads".
    public var waitingText: String {
        switch kind {
        case .delete: return "Deleted \(Self.leads(leads.count))"
        default: return "\(what) on \(Self.leads(leads.count))"
        }
    }

    /// "12 leads" / "1 lead".
    public static func leads(_ count: Int) -> String { "\(count) lead\(count == 1 ? "" : "s")" }

    /// The request that changes one lead.
    func request(for slug: String, extras: LeadExtras?) -> Request {
        switch kind {
        case .status(let status): return .setLeadStatus(slug: slug, status: status, extras: extras)
        case .note(let text): return .createNote(slug: slug, text: text)
        case .delete: return .deleteLead(slug: slug)
        }
    }
}
