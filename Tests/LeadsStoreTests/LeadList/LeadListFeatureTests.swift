import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// The lead list on its own: paging, moving, filters, sorting, owned/assigned.
@Suite struct LeadListFeatureTests {
    typealias Outputs = [Output<LeadListFeature.Delegate>]
    let context = Fixtures.context()

    func loaded(count: Int = 120) -> LeadListState {
        var list = LeadListState()
        list.append(Fixtures.page(0..<50, count: count), at: 0, pageSize: 50)
        return list
    }

    @Test func aReloadStartsOverAndAsksForTheFirstPage() {
        var list = loaded()
        list.move(by: 3)
        #expect(LeadListFeature.reduce(&list, .reload(keepSelection: false), context)
                == [.delegate(.selectionChanged), .request(.leadsPage, .leads(LeadQuery(limit: 50, offset: 0)))])
        #expect(list.rows.isEmpty && list.selected == 0 && !list.isFirstPageLoaded)
        var kept = loaded()
        kept.move(by: 3)
        #expect(LeadListFeature.reduce(&kept, .reload(keepSelection: true), context) == [.request(.leadsPage, .leads(LeadQuery(limit: 50, offset: 0)))])
        #expect(kept.selected == 3)
    }

    @Test func scrollingNearTheEndAsksForTheNextPageOnce() {
        var list = loaded()
        #expect(LeadListFeature.reduce(&list, .move(by: 18), context) == [.delegate(.selectionChanged)])
        // Row 36 of 50 is within half a page (25) of the end.
        #expect(LeadListFeature.reduce(&list, .move(by: 18), context)
                == [.delegate(.selectionChanged), .request(.leadsPage, .leads(LeadQuery(limit: 50, offset: 50)))])
        // Already on its way: not again.
        #expect(LeadListFeature.reduce(&list, .move(by: 1), Fixtures.context(inFlight: [.leadsPage])) == [.delegate(.selectionChanged)])
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 50, .success(Fixtures.page(50..<100, count: 120))), context) == [])
        #expect(list.visible.count == 100 && list.selected == 37 && list.nextOffset == 100)
        // The last page: nothing further to ask for.
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 100, .success(Fixtures.page(100..<120, count: 120))), context) == [])
        #expect(list.nextOffset == nil && list.visible.count == 120)
    }

    @Test func aRefreshedFirstPageKeepsTheSelectedLead() {
        var list = loaded()
        #expect(LeadListFeature.reduce(&list, .move(by: 2), context) == [.delegate(.selectionChanged)])
        var page = Fixtures.page(0..<50, count: 121)
        page.results.insert(Fixtures.lead(500), at: 0)
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 0, .success(page)), context) == [.delegate(.selectionChanged)])
        #expect(list.selectedLead?.slug == "lead-2" && list.selected == 3 && list.total == 121)
    }

    @Test func aFailedPageKeepsWhatIsLoadedAndSaysWhy() {
        var list = LeadListState()
        let error = APIError.transport(.init(.cannotConnect))
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 0, .failure(error)), context)
                == [.message("Could not load leads: Cannot connect to the server.", .error)])
        #expect(list.loadError == "Cannot connect to the server.")
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 0, .failure(.cancelled)), context) == [])
    }

    @Test func unreadableRecordsAreSkippedAndCounted() {
        var list = LeadListState()
        var page = Fixtures.page(0..<3, count: 3)
        page.skippedRecords = 2
        #expect(LeadListFeature.reduce(&list, .pageLoaded(offset: 0, .success(page)), context) == [
            .message("2 unreadable record(s) in the server's answer were skipped.", .warning), .delegate(.selectionChanged),
        ])
    }

    @Test func wordsFilterTheLoadedRowsAndFieldTermsGoToTheServer() {
        var list = loaded()
        #expect(LeadListFeature.reduce(&list, .textTyped("first12"), context) == [.delegate(.selectionChanged)])
        #expect(list.visible.map { list.rows[$0].slug } == ["lead-12"])
        let filter = try? LeadFilter.parse("owner:bob ana").get()
        #expect(LeadListFeature.reduce(&list, .filterApplied(filter!), context)
                == [.message("Filter: “ana” owner:bob.", .info), .delegate(.selectionChanged),
                    .request(.leadsPage, .leads(LeadQuery(owner: "bob", limit: 50, offset: 0)))])
        #expect(list.serverFilter.owner == "bob" && list.text == "ana" && list.rows.isEmpty)
        // Esc clears every filter, says so, and loads the whole list again.
        #expect(LeadListFeature.reduce(&list, .filtersCleared(announce: true), context) == [
            .message("Filter cleared.", .info), .delegate(.selectionChanged), .request(.leadsPage, .leads(LeadQuery(limit: 50, offset: 0))),
        ])
        #expect(LeadListFeature.reduce(&list, .filtersCleared(announce: true), context) == [])
    }

    @Test func ownedAssignedAndTheSortCycle() {
        var list = loaded()
        #expect(LeadListFeature.reduce(&list, .toggleAssigned, context) == [
            .message("Showing leads assigned to you.", .info), .delegate(.selectionChanged),
            .request(.leadsPage, .leads(LeadQuery(listType: .assigned, limit: 50, offset: 0))),
        ])
        list = loaded()
        #expect(LeadListFeature.reduce(&list, .sortNext, context) == [.message("Sorted by name.", .info)])
        #expect(list.lead(atVisible: 1).slug == "lead-1")
        #expect(list.lead(atVisible: 2).slug == "lead-2")    // numbers compare as numbers: First2 before First10
        #expect(LeadListFeature.reduce(&list, .sortNext, context) == [.message("Sorted by status.", .info)])
        #expect(LeadListFeature.reduce(&list, .sortNext, context) == [.message("Sorted by added (newest first).", .info)])
        #expect(list.lead(atVisible: 0).addedOn?.raw == "2026-11-28 09:00")
    }

    @Test func hiddenLeadsAreNotShownAndComeBack() {
        var list = loaded()
        #expect(LeadListFeature.reduce(&list, .hide(slug: "lead-0"), context) == [.delegate(.selectionChanged)])
        #expect(list.selectedLead?.slug == "lead-1" && list.visible.count == 49)
        #expect(LeadListFeature.reduce(&list, .unhide(slug: "lead-0"), context) == [.delegate(.selectionChanged)])
        #expect(list.visible.count == 50)
        #expect(LeadListFeature.reduce(&list, .remove(slug: "lead-3"), context) == [])
        #expect(list.total == 119 && !list.rows.contains { $0.slug == "lead-3" })
        #expect(LeadListFeature.reduce(&list, .select(slug: "lead-9"), context) == [])
        #expect(list.selectedLead?.slug == "lead-9")
    }
}

extension LeadListFeatureTests {
    @Test func removingALeadBeforeTheSelectionKeepsTheSelectedLead() {
        var list = loaded()
        list.move(by: 5)
        #expect(LeadListFeature.reduce(&list, .remove(slug: "lead-1"), context) == [])
        #expect(list.selectedLead?.slug == "lead-5" && list.selected == 4)
    }
}

extension LeadListFeatureTests {
    /// Issue 13: a page that arrives searches only its own rows, and more letters search only
    /// the matches so far — each giving exactly what a search of every row gives.
    @Test func pagesAndNarrowedWordsSearchOnlyWhatTheyMustAndAgreeWithAFullSearch() {
        func everyRow(_ list: LeadListState) -> [String] {
            var fresh = LeadListState()
            fresh.setText(list.text)
            fresh.append(Page(results: list.rows, count: list.rows.count, next: nil), at: 0, pageSize: 50)
            return fresh.visible.map { fresh.rows[$0].slug }
        }
        var list = LeadListState()
        list.setText("first1")
        for start in stride(from: 0, to: 300, by: 50) {
            list.append(Fixtures.page(start..<start + 50, count: 300), at: start, pageSize: 50)
            #expect(list.visible.map { list.rows[$0].slug } == everyRow(list), "after the page at \(start)")
        }
        #expect(list.visible.count == 111)   // first1, first10–19, first100–199
        for text in ["first12", "first12 last12", "first1", "first", ""] {
            list.setText(text)
            #expect(list.visible.map { list.rows[$0].slug } == everyRow(list), "“\(text)”")
        }
        #expect(list.visible.count == 300)
    }
}
