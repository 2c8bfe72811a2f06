import Glibc
import Testing
@testable import TerminalUI

@Suite struct RunLoopTests {
    @Test func drawsOnlyWhenSomethingChangedAndQuits() {
        let backend = TestBackend(width: 80, height: 24)
        backend.typesSlowly = true
        backend.keys = [.character("x"), .character("j"), .character("q")]
        var rendered = 0
        var count = 0
        let exit = RunLoop(backend: backend).run(render: { buffer in
            rendered += 1
            buffer.put("count \(count)", x: 0, y: 0)
        }, handle: { key in
            switch key {
            case .character("q"): return nil
            case .character("j"): count += 1; return true
            default: return false
            }
        })
        #expect(exit == .quit)
        #expect(rendered == 2)
        #expect(backend.drawCount == 2)
        #expect(backend.lines[0] == "count 1")
        #expect(backend.lastChangedCells == 1)
    }

    @Test func keysAlreadyWaitingShareOneFrame() {
        let backend = TestBackend(width: 80, height: 24)
        backend.keys = Array(repeating: .character("j"), count: 5)
        var rendered = 0, count = 0, ticks = 0
        let exit = RunLoop(backend: backend).run(render: { buffer in
            rendered += 1
            buffer.put("count \(count)", x: 0, y: 0)
        }, handle: { _ in count += 1; return true }, tick: { ticks += 1; return ticks < 2 ? false : nil })
        #expect(exit == .quit)
        #expect(rendered == 2)   // the first frame, then one for all five keys
        #expect(backend.lines[0] == "count 5")
    }

    @Test func tooSmallShowsANoticeAndResizeRelayouts() {
        let backend = TestBackend(width: 60, height: 20)
        let loop = RunLoop(backend: backend)
        let small = loop.frame { $0.put("app", x: 0, y: 0) }
        #expect(small.lines.contains { $0.contains("Terminal too small (need 80x24,") })
        backend.resize(width: 100, height: 30)
        backend.keys.append(.character("q"))
        _ = loop.run(render: { $0.put("app \($0.width)x\($0.height)", x: 0, y: 0) }, handle: { _ in nil })
        #expect(backend.lines[0] == "app 100x30")
    }

    @Test func signalsEndTheLoop() {
        let backend = TestBackend(width: 80, height: 24)
        backend.signals = [SIGHUP]
        #expect(RunLoop(backend: backend).run(render: { _ in }, handle: { _ in true }) == .signal(SIGHUP))
    }
}
