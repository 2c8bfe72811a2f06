import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The lead form: what it prefills and says, and what a save does in the app.
@Suite struct LeadFormTests {
    func form(_ state: AppState) -> LeadForm? {
        if case .leadForm(let form) = state.topModal { return form }
        return nil
    }

    @Test func aNewLeadPrefillsTheAssigneeAndSaysWhereItCameFrom() {
        let form = LeadForm.new(settings: Fixtures.settings())
        #expect(form.form.value(.assignee) == "demo")
        #expect(form.form.notes[.assignee] == "prefilled: you (signed-in user)")
        var settings = Fixtures.settings()
        settings.defaultAssignee = "alex"
        #expect(LeadForm.new(settings: settings).form.notes[.assignee] == "prefilled: default assignee from settings")
    }

    /// Issue 11.8: `won` said "is not a valid choice" without the choices. Now the choices that fit
    /// show under the field as you type, leaving with one choice's start completes it, and the
    /// error names them all.
    @Test func choiceFieldsOfferTheirChoicesAndCompleteAPrefix() {
        let context = Fixtures.context()
        var form = LeadForm.new(settings: Fixtures.settings())
        for _ in 0..<4 { _ = FormFeature.reduce(&form, .command(.nextField), context) }
        #expect(form.form.focus == .status)
        #expect(form.choiceNotes[.status] == "prospect · tentative · potential · closed · contact · customer")
        _ = FormFeature.reduce(&form, .edited(.insert("c")), context)
        #expect(form.choiceNotes[.status] == "closed · contact · customer")
        #expect(form.visibleErrors(context)[.status] == nil)   // the start of a choice: no error yet
        _ = FormFeature.reduce(&form, .edited(.insert("U")), context)
        #expect(form.choiceNotes[.status] == "customer (tab completes)")
        _ = FormFeature.reduce(&form, .command(.nextField), context)
        #expect(form.form.value(.status) == "customer" && form.form.focus == .source)
        _ = FormFeature.reduce(&form, .edited(.insert("won")), context)
        #expect(form.choiceNotes[.source] == "choose direct · website · facebook · twitter · instagram · search · pinterest · reddit · other")
        _ = FormFeature.reduce(&form, .command(.nextField), context)
        #expect(form.form.value(.source) == "won")   // nothing to complete: left as typed
        #expect(form.clientErrors(context)[.source]
                == "\"won\" is not a valid choice. Choose direct, website, facebook, twitter, instagram, search, pinterest, reddit or other.")
    }

    @Test func editPrefillsWhatUpdateNeedsAndSaysWhereItCameFrom() {
        var store = TestStore(Fixtures.loaded())
        store.state.lastUsed["lead-0"] = LeadExtras(location: "Porto", message: "Old message", assignee: "alex")
        store.press(.editLead)
        let opened = form(store.state)
        #expect(opened?.mode == .edit(slug: "lead-0"))
        #expect(opened?.form.value(.firstName) == "First0")
        #expect(opened?.form.value(.location) == "Porto")
        #expect(opened?.form.value(.assignee) == "alex")
        #expect(opened?.form.notes[.location] == "prefilled: last used for this lead")
        #expect(opened?.hasUnsavedInput == false)
        // With the detail loaded, its message wins over the last-used one.
        var loaded = TestStore(Fixtures.loaded())
        loaded.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        loaded.send(.responded(RequestID(.leadDetail, 4), .lead(slug: "lead-0", .success(Fixtures.detail(0)))))
        loaded.press(.editLead)
        #expect(form(loaded.state)?.form.value(.message) == "Wants a demo")
        #expect(form(loaded.state)?.form.notes[.location] == "required by the service: not known for this lead")
        // The assignee is never guessed for an existing lead: empty, asked for by name, and saving says so.
        #expect(form(loaded.state)?.form.value(.assignee) == "")
        #expect(form(loaded.state)?.form.notes[.assignee] == "required by the service: not known for this lead (you are “demo”)")
        loaded.press(.save)
        #expect(loaded.state.requests[.saveLead] == nil)
        #expect(form(loaded.state)?.form.message?.description.contains("Assignee") == true)
    }

    @Test func aDetailArrivingAfterTheFormOpenedFillsWhatTheUserHasNotTyped() {
        var store = TestStore(Fixtures.loaded())
        store.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        store.press(.editLead)
        store.press(.nextField)
        var lead = Fixtures.detail(0)
        lead.location = "Braga"
        lead.assignee = "sam"
        store.send(.responded(RequestID(.leadDetail, 4), .lead(slug: "lead-0", .success(lead))))
        #expect(form(store.state)?.form.value(.location) == "Braga")
        #expect(form(store.state)?.form.value(.assignee) == "sam")
        #expect(form(store.state)?.form.notes[.location] == nil)
        #expect(form(store.state)?.hasUnsavedInput == false)
    }

    @Test func savedTheFormClosesAndTheListTheDetailAndTheOverviewLoadAgain() {
        var store = TestStore(Fixtures.loaded())
        store.send(.ticked(Fixtures.now), effects: [.request(RequestID(.leadDetail, 4), .lead(slug: "lead-0"))])
        store.press(.editLead)
        store.press(.nextField)
        store.send(.textEdited(.insert("a")))
        store.press(.nextField)
        store.press(.nextField)
        store.send(.textEdited(.killToStart))
        store.send(.textEdited(.insert("+15551234567")))
        for _ in 0..<3 { store.press(.nextField) }
        store.send(.textEdited(.insert("Porto")))
        store.press(.nextField)
        store.send(.textEdited(.insert("Pricing")))
        store.press(.nextField)
        store.send(.textEdited(.insert("demo")))   // the assignee, not known for this lead: typed, never guessed
        let sent = LeadDraft(firstName: "First0", lastName: "Last0a", email: "lead0@example.com", phone: "+15551234567",
                             location: "Porto", message: "Pricing", assignee: "demo", status: "prospect", source: "website")
        store.press(.save, effects: [.request(RequestID(.saveLead, 5), .updateLead(slug: "lead-0", sent))])
        store.send(.responded(RequestID(.saveLead, 5), .change(.success(Done()))), effects: [
            .cancel(RequestID(.leadDetail, 4)), .request(RequestID(.leadDetail, 6), .lead(slug: "lead-0")),
            .request(RequestID(.leadsPage, 7), .leads(LeadQuery(limit: 50, offset: 0))),
            .cancel(RequestID(.overview, 3)), .request(RequestID(.overview, 8), .overview),
        ])
        #expect(store.state.modals.isEmpty)
        #expect(store.state.message?.text == "Saved First0 Last0a.")
        #expect(store.state.lastUsed["lead-0"] == LeadExtras(location: "Porto", message: "Pricing", assignee: "demo"))
    }

    /// A lead created is the one selected once the list has it (its slug came only with the list).
    @Test func theCreatedLeadIsSelected() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.down))
        _ = AppReducer.reduce(&state, .commandInvoked(.newLead))
        for value in ["Zoë", "New", "zoe.new@example.com", "+15551234567", "", "", "Porto", "Pricing"] {
            if !value.isEmpty { _ = AppReducer.reduce(&state, .textEdited(.insert(value))) }
            _ = AppReducer.reduce(&state, .commandInvoked(.nextField))
        }
        _ = AppReducer.reduce(&state, .commandInvoked(.save))
        guard let save = state.requests[.saveLead] else { Issue.record("not sent: \(String(describing: state.topModal))"); return }
        _ = AppReducer.reduce(&state, .responded(save, .change(.success(Done()))))
        guard let page = state.requests[.leadsPage] else { Issue.record("the list is not loaded again"); return }
        var created = Fixtures.lead(500)
        created.email = "Zoe.New@example.com"
        var rows = Fixtures.page(0..<50, count: 121)
        rows.results.insert(created, at: 7)
        _ = AppReducer.reduce(&state, .responded(page, .leadsPage(offset: 0, .success(rows))))
        #expect(state.list.selectedLead?.slug == "lead-500")
    }

    @Test func escWithChangesAsksAndNoKeepsEverything() {
        var store = TestStore(Fixtures.loaded())
        store.press(.newLead)
        store.type("Bo")
        let before = store.state
        store.press(.cancel) { $0.modals.append(.confirm(.discardForm)) }
        store.press(.no) { $0 = before }
        store.press(.cancel)
        store.press(.yes) { $0.modals = [] }
    }

    @Test func aDraftHoldsEveryFieldAndResumesAsTyped() {
        var form = LeadForm.new(settings: Fixtures.settings())
        #expect(FormFeature.reduce(&form, .edited(.insert("Bo")), Fixtures.context()) == [])
        let draft = form.draft(id: "d", at: Fixtures.now)
        guard case .lead(nil, let values)? = draft?.content else { Issue.record("no draft"); return }
        #expect(values["first_name"] == "Bo" && values["assignee"] == "demo")
        let resumed = LeadForm.resumed(slug: nil, values: values)
        #expect(resumed.draft == form.draft && resumed.hasUnsavedInput)
    }
}
