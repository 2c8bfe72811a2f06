import TextEditing
import Foundation
import LeadsAPI

/// The loaded leads and how they are shown: the text filter, the sort, the
/// selection. `visible` (indices into `rows`) is rebuilt only when one of
/// those changes, never per frame or per key move. How far the list is
/// scrolled is the screen's business: it keeps the selection in view.
public struct LeadListState: Equatable, Sendable {
    /// Loaded rows, in the server's order.
    public private(set) var rows: [LeadSummary] = []
    /// Lower-cased text the free-text filter searches, one per row: built
    /// when a filter is typed, dropped when it is cleared (memory on 10,000 rows).
    private var searchKeys: [String] = []
    /// The slugs of `rows`, to skip a lead a shifted page brings twice.
    private var slugs: Set<String> = []
    /// The server's count of matching leads.
    public var total: Int?
    /// The offset of the next page; nil when everything is loaded.
    public var nextOffset: Int? = 0
    public var isFirstPageLoaded = false
    public var listType: LeadListType = .owned
    public var serverFilter = ServerFilter()
    /// Free text; filters loaded rows at once.
    public private(set) var text = ""
    public private(set) var sort: LeadSort = .server
    /// Leads waiting for their delete to be sent: not shown.
    public private(set) var hidden: Set<String> = []
    public private(set) var visible: [Int] = []
    public var selected = 0
    /// Rows the selection still has to go down once more pages come (`G`, a held
    /// `j` past the loaded end): the pages are fetched and the move finished then.
    public internal(set) var owedRows = 0
    /// The email of a lead just created (its slug is not known yet): selected when a page brings it.
    public var selectWhenLoaded: String?
    /// The lead a saved view had selected when it was left: selected when a page brings it,
    /// unless the selection was moved meanwhile.
    public var selectSlugWhenLoaded: String?
    /// Last error loading a page (shown in the pane while it has no rows).
    public var loadError: String?
    /// Leads marked for a change to several at once or an export (`space`, `v`, `*`), in the
    /// order marked: kept across filters, sorts and reloads (a lead marked stays marked until
    /// it is unmarked, deleted, or the change on the marks succeeded for it).
    public private(set) var marks: [LeadSummary] = []
    /// The slugs of `marks`.
    public private(set) var markedSlugs: Set<String> = []
    /// The lead last marked or unmarked by `space`: `v` marks from it to the selection.
    public private(set) var markAnchor: String?

    public init() {}

    public var selectedLead: LeadSummary? {
        visible.indices.contains(selected) ? rows[visible[selected]] : nil
    }

    public func lead(atVisible index: Int) -> LeadSummary { rows[visible[index]] }

    /// The marked leads: those shown in the list's order, then the others in the order marked.
    public var markedLeads: [LeadSummary] {
        guard !marks.isEmpty else { return [] }
        let shown = visible.map { rows[$0] }.filter { markedSlugs.contains($0.slug) }
        let shownSlugs = Set(shown.map(\.slug))
        return shown + marks.filter { !shownSlugs.contains($0.slug) }
    }

    // MARK: Marks

    /// Marks the selected lead, or unmarks it; true when it is marked now.
    @discardableResult
    public mutating func toggleMark() -> Bool {
        guard let lead = selectedLead else { return false }
        markAnchor = lead.slug
        if markedSlugs.contains(lead.slug) { unmark([lead.slug]); return false }
        mark([lead])
        return true
    }

    /// Marks every lead shown between the last one `space` marked (or unmarked) and the
    /// selection, both included; how many were newly marked. Without such a lead, the selected one.
    @discardableResult
    public mutating func markRange() -> Int {
        guard selectedLead != nil else { return 0 }
        let anchor = markAnchor.flatMap { slug in visible.firstIndex { rows[$0].slug == slug } } ?? selected
        let range = min(anchor, selected)...max(anchor, selected)
        let before = marks.count
        mark(range.map { rows[visible[$0]] })
        markAnchor = selectedLead?.slug
        return marks.count - before
    }

    /// Marks every lead of the list — those loaded now, the rest as their pages come
    /// (`marksEveryPage`); when all of them are marked already, unmarks them. The count
    /// marked now (positive) or unmarked (negative).
    @discardableResult
    public mutating func markAllShown() -> Int {
        let shown = visible.map { rows[$0] }
        if !shown.isEmpty, nextOffset == nil, shown.allSatisfy({ markedSlugs.contains($0.slug) }) {
            unmark(Set(shown.map(\.slug)))
            return -shown.count
        }
        let before = marks.count
        mark(shown)
        marksEveryPage = nextOffset != nil
        return marks.count - before
    }

    /// `*` was pressed before every page had come: the leads shown from the next pages are marked too.
    public private(set) var marksEveryPage = false

    public mutating func mark(_ leads: [LeadSummary]) {
        for lead in leads where markedSlugs.insert(lead.slug).inserted { marks.append(lead) }
    }

    public mutating func unmark<S: Sequence>(_ slugs: S) where S.Element == String {
        let gone = Set(slugs)
        guard !gone.isDisjoint(with: markedSlugs) else { return }
        markedSlugs.subtract(gone)
        marks.removeAll { gone.contains($0.slug) }
    }

    public mutating func clearMarks() { marks = []; markedSlugs = []; markAnchor = nil; marksEveryPage = false }

    /// The server query for the page at `offset`.
    public func query(offset: Int, limit: Int) -> LeadQuery {
        var query = serverFilter.query
        query.listType = listType
        query.offset = offset
        query.limit = limit
        return query
    }

    // MARK: Changes (each rebuilds `visible`, keeping the selected lead selected)

    public mutating func reset() {
        rows = []; searchKeys = []; slugs = []; total = nil; nextOffset = 0; isFirstPageLoaded = false
        visible = []; selected = 0; loadError = nil; owedRows = 0; marksEveryPage = false
    }

    /// Every page is wanted now: a text filter searches all the leads, and a
    /// move past the loaded end waits for the rows it goes to.
    public var wantsEveryPage: Bool { nextOffset != nil && (!text.isEmpty || owedRows > 0 || isExporting || marksEveryPage) }
    /// An export waits for every page (`AppReducer.export`).
    public var isExporting = false

    public mutating func append(_ page: Page<LeadSummary>, at pageOffset: Int, pageSize: Int) {
        // A lead added or removed on the server between two pages shifts them: skip what is already here.
        let fresh = page.results.filter { !slugs.contains($0.slug) }
        if rows.isEmpty { rows.reserveCapacity(min(max(0, page.count), 200_000)) }
        rows += fresh
        for lead in fresh { slugs.insert(lead.slug) }
        if !text.isEmpty { searchKeys += fresh.map(Self.searchKey) }
        total = page.count
        isFirstPageLoaded = true
        loadError = nil
        let reached = WholeNumber.adding(pageOffset, page.results.count + page.skippedRecords)
        nextOffset = (page.next == nil || page.results.isEmpty || reached >= page.count) ? nil : reached
        if sort == .server {
            // In the service's order the new rows go after the old: only they are searched.
            // (A rebuild searched every row for every page: at 100,000 leads a page cost
            // tens of milliseconds, landing in the middle of the keys typed meanwhile.)
            let words = SearchFolding.words(of: text)
            visible += (rows.count - fresh.count..<rows.count).filter { isShown($0, words) }
            selected = min(selected, max(0, visible.count - 1))
        } else {
            rebuild()
        }
        if let email = selectWhenLoaded?.lowercased(),
           let index = visible.firstIndex(where: { rows[$0].email.lowercased() == email }) {
            selected = index
            selectWhenLoaded = nil
        }
        if let slug = selectSlugWhenLoaded, let index = visible.firstIndex(where: { rows[$0].slug == slug }) {
            selected = index
            selectSlugWhenLoaded = nil
        }
        if marksEveryPage {
            mark(visible.map { rows[$0] })
            if nextOffset == nil { marksEveryPage = false }
        }
        // A move that went past the loaded end goes on into the new rows.
        if owedRows > 0 {
            let owed = owedRows
            owedRows = 0
            move(by: owed)
        }
    }

    /// The free-text filter. New words select the first match (as fzf does); clearing
    /// them keeps the lead found selected.
    public mutating func setText(_ text: String) {
        let changed = text != self.text
        let narrowed = !self.text.isEmpty && text.hasPrefix(self.text) && searchKeys.count == rows.count
        self.text = text
        if text.isEmpty { searchKeys = [] } else if searchKeys.count != rows.count { searchKeys = rows.map(Self.searchKey) }
        if narrowed {
            // More letters (or words) only narrow the matches: search those, in their order.
            let words = SearchFolding.words(of: text)
            visible = visible.filter { isShown($0, words) }
        } else {
            rebuild()
        }
        if changed, !text.isEmpty { selected = 0 }
    }
    public mutating func setSort(_ sort: LeadSort) { self.sort = sort; rebuild() }
    public mutating func hide(_ slug: String) { hidden.insert(slug); rebuild() }
    public mutating func unhide(_ slug: String) { hidden.remove(slug); rebuild() }
    /// Several at once (a delete of the marks): one rebuild, not one a lead.
    public mutating func hide<S: Sequence>(all slugs: S) where S.Element == String { hidden.formUnion(slugs); rebuild() }
    public mutating func unhide<S: Sequence>(all slugs: S) where S.Element == String { hidden.subtract(slugs); rebuild() }

    /// Changes a loaded lead (and its mark) where it is, as the service now has it.
    public mutating func update(slug: String, _ change: (inout LeadSummary) -> Void) {
        if let index = rows.firstIndex(where: { $0.slug == slug }) {
            change(&rows[index])
            if index < searchKeys.count { searchKeys[index] = Self.searchKey(rows[index]) }
        }
        if let index = marks.firstIndex(where: { $0.slug == slug }) { change(&marks[index]) }
        if sort == .status { rebuild() }
    }

    /// Drops a deleted lead for good; the selected lead stays selected.
    public mutating func remove(_ slug: String) {
        let selectedSlug = selectedLead?.slug
        if let index = rows.firstIndex(where: { $0.slug == slug }) {
            rows.remove(at: index)
            slugs.remove(slug)
            if index < searchKeys.count { searchKeys.remove(at: index) }
            if let total { self.total = max(0, total - 1) }
        }
        hidden.remove(slug)
        unmark([slug])
        rebuild(keeping: selectedSlug)
    }

    /// Moves the selection, clamped to the visible rows; what goes past the
    /// loaded end while pages remain is owed (`owedRows`) and finished as they come.
    public mutating func move(by delta: Int) {
        selectSlugWhenLoaded = nil
        guard !visible.isEmpty else { selected = 0; owedRows = 0; return }
        let room = visible.count - 1 - selected
        // Presses past the end add up (a held j); a move back up forgets them.
        let carried = delta > 0 ? owedRows : 0
        owedRows = delta > room && nextOffset != nil ? WholeNumber.adding(carried, delta - max(0, room)) : 0
        selected = min(visible.count - 1, max(0, selected + min(max(delta, -visible.count), visible.count)))
    }

    /// Selects the lead `slug` when it is shown.
    public mutating func select(slug: String) {
        if let index = visible.firstIndex(where: { rows[$0].slug == slug }) { selected = index }
    }

    /// Row `index` is listed: not hidden, and every word of the filter in its search key.
    private func isShown(_ index: Int, _ words: [String]) -> Bool {
        !hidden.contains(rows[index].slug) && (words.isEmpty || words.allSatisfy { searchKeys[index].contains($0) })
    }

    /// `visible` again; `selectedSlug` (the selected lead's, by default) stays selected when shown.
    private mutating func rebuild(keeping selectedSlug: String?? = nil) {
        let selectedSlug = selectedSlug ?? selectedLead?.slug
        let words = SearchFolding.words(of: text)
        var indices = rows.indices.filter { isShown($0, words) }
        switch sort {
        case .server: break
        case .name:
            indices.sort { rows[$0].name.localizedStandardCompare(rows[$1].name) == .orderedAscending }
        case .status:
            indices.sort { Self.statusRank(rows[$0]) < Self.statusRank(rows[$1]) }
        case .added:
            // Newest first; leads without a date last.
            indices.sort { Self.isNewer(rows[$0], rows[$1]) }
        }
        visible = indices
        if let selectedSlug, let index = visible.firstIndex(where: { rows[$0].slug == selectedSlug }) {
            selected = index
        } else {
            selected = min(selected, max(0, visible.count - 1))
        }
    }

    private static func isNewer(_ a: LeadSummary, _ b: LeadSummary) -> Bool {
        switch (a.addedOn?.components, b.addedOn?.components) {
        case let (x?, y?): return x > y
        case (_?, nil): return true
        default: return false
        }
    }

    /// The service's order of statuses (prospect first), unknown ones last.
    private static func statusRank(_ lead: LeadSummary) -> Int {
        LeadStatus.allCases.firstIndex { $0.rawValue == lead.status.lowercased() } ?? LeadStatus.allCases.count
    }

    private static func searchKey(_ lead: LeadSummary) -> String {
        SearchFolding.fold([lead.name, lead.email, lead.phone, lead.status, lead.source, lead.owner].joined(separator: "\u{1F}"))
    }
}

/// Sort orders `s` cycles through; `server` is the service's own order.
public enum LeadSort: String, CaseIterable, Sendable {
    case server, name, status, added

    public var next: LeadSort {
        let all = Self.allCases
        return all[((all.firstIndex(of: self) ?? 0) + 1) % all.count]
    }

    public var label: String {
        switch self {
        case .server: return "server order"
        case .name: return "name"
        case .status: return "status"
        case .added: return "added (newest first)"
        }
    }
}
