import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Starting from the cache (issue 12, point 5): the first frame has the cached
/// list and detail, marked; the service's answers replace them without moving
/// the selection.
@Suite struct CachedStartTests {
    @Test func theServicesAnswersReplaceTheCacheWithoutMovingTheSelection() {
        var store = TestStore(Fixtures.state(width: 80, height: 24))
        _ = AppReducer.reduce(&store.state, .started(drafts: []))
        let saved = Fixtures.now.addingTimeInterval(-3600)
        var cachedPage = Fixtures.page(0..<50, count: 120)
        cachedPage.results.swapAt(0, 3)
        _ = AppReducer.reduce(&store.state, .cached(CachedScreens(leads: cachedPage, detail: Fixtures.detail(3), savedAt: saved)))
        #expect(store.state.cachedAt == saved && store.state.list.isFirstPageLoaded)
        #expect(store.state.detail?.lead?.slug == "lead-3" && store.state.detail?.isLoading == true)   // shown, and asked for again
        #expect(store.state.requests[.leadDetail] != nil)
        _ = AppReducer.reduce(&store.state, .commandInvoked(.down))
        _ = AppReducer.reduce(&store.state, .commandInvoked(.down))
        let selected = store.state.list.selectedLead?.slug
        guard let page = store.state.requests[.leadsPage] else { Issue.record("the list is not asked for"); return }
        _ = AppReducer.reduce(&store.state, .responded(page, .leadsPage(offset: 0, .success(Fixtures.page(0..<50, count: 121)))))
        #expect(store.state.cachedAt == nil)
        #expect(store.state.list.selectedLead?.slug == selected && store.state.list.total == 121)
    }

    /// Offline (point 6): said once, retried 5 s later then at doubling intervals (at most a minute), and back said once.
    @Test func offlineIsSaidOnceRetriedWithBackoffAndBackIsSaid() {
        var state = Fixtures.loaded()
        let since = Fixtures.now
        _ = AppReducer.reduce(&state, .connectivity(offlineSince: since))
        #expect(state.offlineSince == since && state.message?.text.description.hasPrefix("Offline since") == true)
        state.message = nil
        _ = AppReducer.reduce(&state, .connectivity(offlineSince: since.addingTimeInterval(3)))
        #expect(state.message == nil && state.offlineSince == since)   // once
        func asksForTheList(at seconds: TimeInterval) -> Bool {
            AppReducer.reduce(&state, .ticked(since.addingTimeInterval(seconds))).contains { if case .request(_, .leads) = $0 { return true }; return false }
        }
        state.requests[.leadsPage] = nil
        #expect(!asksForTheList(at: 4))
        #expect(asksForTheList(at: 5))
        state.requests[.leadsPage] = nil
        #expect(!asksForTheList(at: 14))
        #expect(asksForTheList(at: 15))   // 10 s later
        // A detail that failed while offline loads again when the service is back.
        _ = AppReducer.reduce(&state, .ticked(since.addingTimeInterval(16)))
        if let detailID = state.requests[.leadDetail], let slug = state.detail?.slug {
            _ = AppReducer.reduce(&state, .responded(detailID, .lead(slug: slug, .failure(.transport(.init(.cannotConnect))))))
        }
        #expect(state.detail?.error != nil)
        let back = AppReducer.reduce(&state, .connectivity(offlineSince: nil))
        #expect(state.offlineSince == nil && state.message?.text == "Back online.")
        #expect(back.contains { if case .request(_, .lead) = $0 { return true }; return false })
    }
}
