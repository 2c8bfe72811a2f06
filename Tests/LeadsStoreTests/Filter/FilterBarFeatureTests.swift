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
        var store = TestStore(Fixtures.loaded())
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
        var store = TestStore(Fixtures.loaded())
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

    /// A new filter's word replaces the old one at once: no "Filter cleared." left over.
    @Test func applyingAFilterReplacesTheLastWord() {
        var store = TestStore(Fixtures.loaded())
        store.press(.filter)
        store.type("first12")
        store.press(.applyFilter) { $0.filterBar = nil; $0.message = StatusMessage("Filter: “first12”.", .info, at: Fixtures.now) }
        store.press(.back) { $0.list.setText(""); $0.message = StatusMessage("Filter cleared.", .info, at: Fixtures.now) }
        store.press(.filter) { $0.filterBar = FilterBarState() }
        store.type("status:customer")
        store.press(.applyFilter, effects: [.request(RequestID(.leadsPage, 4), .leads(LeadQuery(status: "customer", limit: 50, offset: 0)))])
        #expect(store.state.message?.text == "Filter: status:customer.")
    }
}
