import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Issue 14.4: saved views as tabs: `save-view NAME` asks for the file to be written, `]` and
/// `[` go through `all` and the views, each with its own selection.
@Suite struct SavedViewTests {
    func press(_ state: inout AppState, _ command: Command) -> [Effect] { AppReducer.reduce(&state, .commandInvoked(command)) }

    @Test func savingAViewWritesTheListAsItIs() {
        var state = Fixtures.loaded()
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        _ = AppReducer.reduce(&state, .pasted("status:customer kim"))
        _ = AppReducer.reduce(&state, .commandInvoked(.applyFilter))
        _ = press(&state, .sortNext)
        let view = SavedView(name: "hot", filter: "status:customer kim", sort: .name)
        #expect(AppReducer.perform(&state, .saveView, argument: "hot") == [.saveView(view)])
        #expect(AppReducer.perform(&state, .saveView, argument: "my view") == [])
        #expect(state.message?.level == .error)
        #expect(AppReducer.perform(&state, .saveView, argument: "all") == [])
        // A name refused: the palette again, as typed.
        guard case .palette(let palette)? = state.topModal else { Issue.record("the palette closed"); return }
        #expect(palette.query.text == "save-view all")
        state.modals = []
        _ = AppReducer.reduce(&state, .viewSaved(view, problem: nil))
        #expect(state.settings.views == [view])
        #expect(AppReducer.viewTabs(state).map(\.name) == ["all", "hot"] && AppReducer.currentViewTab(state) == 1)
        // Another list under the same name: asked first, the old one named.
        _ = press(&state, .sortNext)
        #expect(AppReducer.perform(&state, .saveView, argument: "hot") == [])
        guard case .confirm(let confirmation)? = state.topModal else { Issue.record("not asked"); return }
        #expect(confirmation.question.description.hasPrefix("View “hot” shows status:customer kim, owned, by name. Replace it with status:customer kim, owned, by status?"))
        #expect(press(&state, .yes) == [.saveView(SavedView(name: "hot", filter: "status:customer kim", sort: .status))])
        _ = AppReducer.reduce(&state, .viewSaved(SavedView(name: "x"), problem: "not allowed to write in /etc"))
        #expect(state.message?.text == "View “x” not saved: not allowed to write in /etc" && state.settings.views.count == 1)
    }

    @Test func bracketsGoThroughTheViewsEachWithItsSelection() {
        var state = Fixtures.loaded()
        state.settings.views = [SavedView(name: "byname", sort: .name), SavedView(name: "mine", listType: .assigned)]
        #expect(AppReducer.currentViewTab(state) == 0)
        _ = press(&state, .down)
        _ = press(&state, .down)
        let allSelected = state.list.selectedLead?.slug
        _ = press(&state, .nextSavedView)
        #expect(AppReducer.currentViewTab(state) == 1 && state.list.sort == .name && state.message?.text == "View: byname.")
        _ = press(&state, .down)
        let byNameSelected = state.list.selectedLead?.slug
        var effects = press(&state, .nextSavedView)
        #expect(state.list.listType == .assigned)
        #expect(effects.contains { if case .request(_, .leads(let query)) = $0 { return query.listType == .assigned }; return false })
        // Back to all: the assigned list goes, the owned one comes, with the lead that was selected there.
        effects = press(&state, .nextSavedView)
        #expect(AppReducer.currentViewTab(state) == 0 && state.list.listType == .owned)
        if let id = state.requests[.leadsPage] {
            _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 0, .success(Fixtures.page(0..<50, count: 120)))))
        }
        #expect(state.list.selectedLead?.slug == allSelected)
        _ = press(&state, .nextSavedView)
        #expect(state.list.selectedLead?.slug == byNameSelected)
        _ = press(&state, .previousSavedView)
        #expect(AppReducer.currentViewTab(state) == 0)
        #expect(AppReducer.perform(&state, .selectView, argument: "nope") == [])
        #expect(state.message?.text == "No view “nope”: the views are all, byname, mine.")
    }

    /// The palette: a command typed with its argument comes first, the commands its words
    /// find after it (`view week` is the saved view "week", or "Calendar: week").
    @Test func aCommandWithItsArgumentAndTheCommandsItsWordsFind() {
        var palette = PaletteState(query: "view week")
        #expect(palette.matches().first == .selectView && palette.matches().contains(.calendarWeek))
        #expect(PaletteFeature.reduce(&palette, .command(.runCommand)) == [.delegate(.runWith(.selectView, "week"))])
        palette.selected = palette.matches().firstIndex(of: .calendarWeek) ?? 0
        #expect(PaletteFeature.reduce(&palette, .command(.runCommand)) == [.delegate(.run(.calendarWeek))])
        var typed = PaletteState(query: "export")
        #expect(PaletteFeature.reduce(&typed, .command(.runCommand)) == [.delegate(.runWith(.exportList, ""))])
        var partial = PaletteState(query: "expo")
        #expect(PaletteFeature.reduce(&partial, .command(.runCommand)).isEmpty && partial.query.text == "export ")
    }
}
