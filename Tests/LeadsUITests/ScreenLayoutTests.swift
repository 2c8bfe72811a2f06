import LeadsStore
import TerminalUI
import TestSupport
import Testing
@testable import LeadsUI

/// The sizes the store is told are the ones the screen draws with.
@Suite struct ScreenLayoutTests {
    @Test(arguments: [(80, 24), (100, 30), (119, 40), (120, 36), (160, 48)])
    func theViewportMatchesTheLayout(width: Int, height: Int) {
        let viewport = ScreenLayout.viewport(width: width, height: height)
        #expect(viewport == Fixtures.viewport(width: width, height: height))
        let layout = ScreenLayout(width: width, height: height, isShowingDetail: false)
        #expect(viewport.listRows == layout.listRows?.height)
        #expect(viewport.isWide == (layout.detail != nil))
    }

    @Test func theListsDataRowsAreWhereTheScreenPutsThem() {
        var buffer = Buffer(width: 80, height: 24)
        let frame = ScreenSnapshotTests.screen().render(Fixtures.loaded(), into: &buffer)
        #expect(frame.hits.rect(of: .list) == ScreenLayout(width: 80, height: 24, isShowingDetail: false).listRows)
    }
}
