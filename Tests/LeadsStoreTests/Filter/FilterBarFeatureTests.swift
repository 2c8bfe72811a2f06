import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The `/` bar, alone and in the app.
@Suite struct FilterBarFeatureTests {
    @Test func wordsAreSentAsTheyAreTypedAndTermsOnEnter() {
        var bar = FilterBarState()
        #expect(FilterBarFeature.reduce(&bar, .edited(.insert("ana status:customer"))) == [.delegate(.wordsTyped("ana"))])
        #expect(FilterBarFeature.reduce(&bar, .command(.applyFilter)) == [.delegate(.applied(try! LeadFilter.parse("ana status:customer").get()))])
        #expect(FilterBarFeature.reduce(&bar, .command(.back)) == [.delegate(.cancelled)])
        #expect(FilterBarFeature.reduce(&bar, .command(.nextPane)) == [])
        // A paste is text on one line.
        #expect(FilterBarFeature.reduce(&bar, .pasted("\nbo")) == [.delegate(.wordsTyped("ana bo"))])
    }

    @Test func anUnknownFieldIsNamedAndTheBarStaysOpen() {
        var store = TestStore(Fixtures.loaded(count: 50))   // every lead loaded: nothing more to fetch for the words
        store.press(.filter) { $0.filterBar = FilterBarState() }
        store.type("colour:red")
        store.press(.applyFilter) {
            $0.message = StatusMessage("Unknown filter field “colour”: use status, owner, email, phone, first, last, campaign (as field:value).",
                                       .error, at: Fixtures.now)
        }
        #expect(store.state.filterBar != nil)
        store.send(.textEdited(.killToStart))
        store.type("owner:bob ana")
        store.press(.applyFilter, effects: [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(owner: "bob", limit: 50, offset: 0)))])
        #expect(store.state.filterBar == nil && store.state.list.text == "ana")
        // `/` again shows what is in effect; Esc clears it all.
        store.press(.filter) { $0.filterBar = FilterBarState("owner:bob ana") }
        store.press(.back, effects: [.cancel(RequestID(.leadsPage, 4)), .request(RequestID(.leadsPage, 5), .leads(LeadQuery(limit: 50, offset: 0)))])
        #expect(store.state.filterBar == nil && store.state.list.serverFilter.isEmpty && store.state.list.text.isEmpty)
    }

    @Test func freeTextFiltersAtOnceAndEscInTheListClearsIt() {
        var store = TestStore(Fixtures.loaded(count: 50))
        store.press(.filter)
        store.type("first12")
        #expect(store.state.list.visible.map { store.state.list.rows[$0].slug } == ["lead-12"])
        store.press(.applyFilter) { $0.filterBar = nil; $0.message = StatusMessage("Filter: “first12”.", .info, at: Fixtures.now) }
        store.press(.back) {
            $0.list.setText("")
            $0.message = StatusMessage("Filter cleared.", .info, at: Fixtures.now)
        }
        #expect(store.state.list.visible.count == 50)
    }

    /// New words select their first match (as fzf does), not the row number the old ones had.
    @Test func newWordsSelectTheFirstMatch() {
        var state = Fixtures.loaded(count: 50)
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        _ = AppReducer.reduce(&state, .textEdited(.insert("first")))
        for _ in 0..<11 { _ = AppReducer.reduce(&state, .commandInvoked(.down)) }
        _ = AppReducer.reduce(&state, .textEdited(.insert("2")))
        #expect(state.list.selected == 0 && state.list.selectedLead?.slug == "lead-2")
    }

    /// A new filter's word replaces the old one at once: no "Filter cleared." left over.
    @Test func applyingAFilterReplacesTheLastWord() {
        var store = TestStore(Fixtures.loaded(count: 50))
        store.press(.filter)
        store.type("first12")
        store.press(.applyFilter) { $0.filterBar = nil; $0.message = StatusMessage("Filter: “first12”.", .info, at: Fixtures.now) }
        store.press(.back) { $0.list.setText(""); $0.message = StatusMessage("Filter cleared.", .info, at: Fixtures.now) }
        store.press(.filter) { $0.filterBar = FilterBarState() }
        store.type("status:customer")
        store.press(.applyFilter, effects: [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(status: "customer", limit: 50, offset: 0)))])
        #expect(store.state.message?.text == "Filter: status:customer.")
    }

    /// The words search every lead: with 120 on the server and 50 loaded, the rest
    /// comes in the background (one bulk page from the next quiet moment, not per
    /// letter: a word half typed may become a field:value term).
    @Test func wordsFetchTheRestInTheBackground() {
        var state = Fixtures.loaded(count: 120)
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        #expect(AppReducer.reduce(&state, .textEdited(.insert("first1"))).isEmpty)
        #expect(state.list.visible.count == 11)   // first1, first10…first19 of the 50 loaded
        #expect(AppReducer.reduce(&state, .ticked(Fixtures.now)).contains { effect in
            if case .request(_, .leads(LeadQuery(limit: 500, offset: 50))) = effect { return true }
            return false
        })
        _ = AppReducer.reduce(&state, .textEdited(.insert("1")))
        #expect(!AppReducer.reduce(&state, .ticked(Fixtures.now)).contains { if case .request(_, .leads) = $0 { return true }; return false })
        guard let id = state.requests[.leadsPage] else { Issue.record("no page asked for"); return }
        _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 50, .success(Fixtures.page(50..<120, count: 120)))))
        #expect(state.list.nextOffset == nil)
        #expect(state.list.visible.map { state.list.rows[$0].slug } == ["lead-11", "lead-110", "lead-111", "lead-112", "lead-113",
                                                                       "lead-114", "lead-115", "lead-116", "lead-117", "lead-118", "lead-119"])
    }
}
