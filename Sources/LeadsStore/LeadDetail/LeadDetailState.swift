import Foundation
import LeadsAPI

/// The lead shown in the detail pane, its notes and activities newest first.
public struct LeadDetailState: Equatable, Sendable {
    public var slug: String
    /// From the list row, shown while the detail loads.
    public var name: String
    public private(set) var lead: LeadDetail?
    public var isLoading = true
    public var error: String?
    public var noteSelected = 0
    public var activitySelected = 0
    /// Notes waiting for their delete to be sent: not shown.
    public private(set) var hiddenNotes: Set<Int> = []

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
        guard let notes = lead?.notes else { return [] }
        return hiddenNotes.isEmpty ? notes : notes.filter { $0.id.map { !hiddenNotes.contains($0) } ?? true }
    }

    public mutating func hide(noteID: Int) {
        hiddenNotes.insert(noteID)
        noteSelected = min(noteSelected, max(0, notes.count - 1))
    }

    public mutating func unhide(noteID: Int) { hiddenNotes.remove(noteID) }
    public var activities: [Activity] { lead?.recentActivities ?? [] }

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
