import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// The detail pane on its own: loading the lead shown, its notes and activities.
@Suite struct LeadDetailFeatureTests {
    let context = Fixtures.context()
    let notes = [(7, "Older", "2026-11-20 10:00"), (8, "Newest", "2026-11-23 10:00"), (9, "Undated", "")]

    @Test func aLeadIsLoadedOnceAndAnotherReplacesIt() {
        var detail: LeadDetailState?
        #expect(LeadDetailFeature.reduce(&detail, .show(slug: "lead-1", name: "Ana"), context) == [.request(.leadDetail, .lead(slug: "lead-1"))])
        #expect(detail == LeadDetailState(slug: "lead-1", name: "Ana"))
        #expect(LeadDetailFeature.reduce(&detail, .show(slug: "lead-1", name: "Ana"), context) == [])
        #expect(LeadDetailFeature.reduce(&detail, .loaded(slug: "lead-2", .success(Fixtures.detail(2))), context) == [])   // not the one shown
        #expect(detail?.isLoading == true)
        let lead = Fixtures.detail(1, notes: notes)
        #expect(LeadDetailFeature.reduce(&detail, .loaded(slug: "lead-1", .success(lead)), context) == [.delegate(.loaded(lead))])
        #expect(detail?.notes.map(\.note) == ["Newest", "Older", "Undated"])   // newest first, undated last
        #expect(detail?.name == "First1 Last1" && detail?.isLoading == false)
        #expect(LeadDetailFeature.reduce(&detail, .clear, context) == [.cancel(.leadDetail)])
        #expect(detail == nil)
    }

    @Test func aFailureIsShownAndAReloadAsksAgain() {
        var detail: LeadDetailState? = LeadDetailState(slug: "lead-1", name: "Ana")
        #expect(LeadDetailFeature.reduce(&detail, .loaded(slug: "lead-1", .failure(.transport(.init(.timedOut)))), context) == [])
        #expect(detail?.error == "The request timed out." && detail?.isLoading == false)
        #expect(LeadDetailFeature.reduce(&detail, .reload, context) == [.request(.leadDetail, .lead(slug: "lead-1"))])
        #expect(detail?.isLoading == true)
        var none: LeadDetailState?
        #expect(LeadDetailFeature.reduce(&none, .reload, context) == [])
    }

    @Test func movingClampsInEachListAndHiddenNotesStepAside() {
        var detail: LeadDetailState? = LeadDetailState(slug: "lead-1", name: "Ana")
        let lead = Fixtures.detail(1, notes: notes)
        #expect(LeadDetailFeature.reduce(&detail, .loaded(slug: "lead-1", .success(lead)), context) == [.delegate(.loaded(lead))])
        #expect(LeadDetailFeature.reduce(&detail, .move(.notes, by: 10), context) == [])
        #expect(detail?.noteSelected == 2)
        #expect(LeadDetailFeature.reduce(&detail, .moveTo(.notes, 1), context) == [])
        #expect(detail?.selectedNote?.note == "Older")
        #expect(LeadDetailFeature.reduce(&detail, .move(.activities, by: 3), context) == [])
        #expect(detail?.activitySelected == 0)   // no activities
        #expect(LeadDetailFeature.reduce(&detail, .hideNote(id: 8), context) == [])
        #expect(detail?.notes.map(\.note) == ["Older", "Undated"])
        #expect(LeadDetailFeature.reduce(&detail, .unhideNote(id: 8), context) == [])
        #expect(detail?.notes.count == 3)
        #expect(LeadDetailFeature.reduce(&detail, .selectNewestNote, context) == [])
        #expect(detail?.noteSelected == 0)
    }
}
