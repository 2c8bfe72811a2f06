import Foundation
import LeadsAPI

/// The lead shown in the detail pane, its notes and activities newest first.
public struct LeadDetailState: Equatable, Sendable {
    public var slug: String
    /// From the list row, shown while the detail loads.
    public var name: String
    /// The list row, whose fields show while the detail loads (nil when opened from elsewhere).
    public var preview: LeadSummary?
    public private(set) var lead: LeadDetail?
    public var isLoading = true
    public var error: String?
    public var noteSelected = 0
    public var activitySelected = 0
    /// Notes waiting for their delete to be sent: not shown.
    public private(set) var hiddenNotes: Set<Int> = []
    /// Notes added while offline, waiting in the outbox: shown first, marked.
    public var waitingNotes: [Note] = []

    public init(slug: String, name: String) { self.slug = slug; self.name = name }

    public mutating func show(_ detail: LeadDetail) {
        var detail = detail
        detail.notes.sort { Self.isNewer($0.created, $1.created) }
        detail.recentActivities.sort { Self.isNewer($0.created, $1.created) }
        lead = detail
        name = detail.name
        isLoading = false
        error = nil
        noteSelected = min(noteSelected, max(0, detail.notes.count - 1))
        activitySelected = min(activitySelected, max(0, detail.recentActivities.count - 1))
    }

    public var notes: [Note] {
        guard let notes = lead?.notes else { return waitingNotes }
        return waitingNotes + (hiddenNotes.isEmpty ? notes : notes.filter { $0.id.map { !hiddenNotes.contains($0) } ?? true })
    }

    public mutating func hide(noteID: Int) {
        hiddenNotes.insert(noteID)
        noteSelected = min(noteSelected, max(0, notes.count - 1))
    }

    public mutating func unhide(noteID: Int) { hiddenNotes.remove(noteID) }
    public var activities: [Activity] { lead?.recentActivities ?? [] }

    /// How many rows the notes or activities list has.
    public func count(in pane: Pane) -> Int {
        switch pane {
        case .notes: return notes.count
        case .activities: return activities.count
        case .list: return 0
        }
    }

    /// The selected row of the notes or activities list.
    public func selected(in pane: Pane) -> Int {
        switch pane {
        case .notes: return noteSelected
        case .activities: return activitySelected
        case .list: return 0
        }
    }

    /// Moves the selection of the notes or activities list, clamped.
    public mutating func move(_ pane: Pane, by delta: Int) {
        switch pane {
        case .notes: noteSelected = min(max(0, notes.count - 1), max(0, noteSelected + delta))
        case .activities: activitySelected = min(max(0, activities.count - 1), max(0, activitySelected + delta))
        case .list: break
        }
    }
    public var selectedNote: Note? { notes.indices.contains(noteSelected) ? notes[noteSelected] : nil }

    /// Newest first; undated last, in the order they came.
    static func isNewer(_ a: APIDate?, _ b: APIDate?) -> Bool {
        switch (a?.components, b?.components) {
        case let (x?, y?): return x > y
        case (_?, nil): return true
        default: return false
        }
    }
}

/// A note or activity of the detail read whole: which one, and the first wrapped line shown.
public struct ReaderState: Equatable, Sendable {
    /// `.notes` or `.activities`.
    public var pane: Pane
    /// Its row in the detail's (newest first) list.
    public var index: Int
    /// The wrapped line on top (0-based); the UI clamps it to the text.
    public var offset = 0

    public init(pane: Pane, index: Int) { self.pane = pane; self.index = index }
}
