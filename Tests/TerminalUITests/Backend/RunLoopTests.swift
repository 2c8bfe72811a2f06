import Glibc
import Testing
@testable import TerminalUI

/// The loop over a program: one frame per batch of input, nothing drawn
/// while idle, the size before the frame that uses it, signals.
@Suite struct RunLoopTests {
    /// A program that counts `j`, quits on `q`, and records what the loop told it.
    final class Counter: TerminalProgram {
        var count = 0
        var rendered = 0
        var ticks = 0
        var quitAfterTicks = Int.max
        var log: [String] = []
        var events: [TerminalEvent] = []
        private(set) var isFinished = false
        private(set) var needsDraw = false

        func resized(width: Int, height: Int) { log.append("size \(width)x\(height)"); needsDraw = true }
        func handle(_ event: TerminalEvent) {
            log.append("event")
            events.append(event)
            switch event {
            case .key(.character("q")): isFinished = true
            case .key(.character("j")): count += 1; needsDraw = true
            default: break
            }
        }
        func receive() {}
        func tick() { ticks += 1; if ticks >= quitAfterTicks { isFinished = true } }
        func hangUp(signal: Int32) { log.append("hang up \(signal)") }
        func render(into buffer: inout Buffer) {
            rendered += 1
            needsDraw = false
            buffer.put("count \(count) \(buffer.width)x\(buffer.height)", x: 0, y: 0)
        }
    }

    @Test func drawsOnlyWhenSomethingChangedAndQuits() {
        let backend = TestBackend(width: 80, height: 24)
        backend.typesSlowly = true
        backend.type([.character("x"), .character("j"), .character("q")])
        let program = Counter()
        #expect(RunLoop(backend: backend).run(program) == .quit)
        #expect(program.rendered == 2)
        #expect(backend.drawCount == 2)
        #expect(backend.lines[0] == "count 1 80x24")
        #expect(backend.lastChangedCells == 1)
        #expect(program.log.first == "size 80x24")
    }

    @Test func inputAlreadyWaitingSharesOneFrame() {
        let backend = TestBackend(width: 80, height: 24)
        backend.type(Array(repeating: .character("j"), count: 5))
        let program = Counter()
        program.quitAfterTicks = 2
        #expect(RunLoop(backend: backend).run(program) == .quit)
        #expect(program.rendered == 2)   // the first frame, then one for all five keys
        #expect(backend.lines[0] == "count 5 80x24")
    }

    @Test func aNewSizeReachesTheProgramBeforeTheFrameThatUsesIt() {
        let backend = TestBackend(width: 100, height: 30)
        backend.typesSlowly = true
        let program = Counter()
        backend.resize(width: 120, height: 40)
        backend.type([.character("j"), .character("q")])
        _ = RunLoop(backend: backend).run(program)
        #expect(program.log == ["size 120x40", "event", "event"])
        #expect(program.events == [.key(.character("j")), .key(.character("q"))])
        #expect(backend.lines[0] == "count 1 120x40")
    }

    @Test func tooSmallShowsANoticeNamingTheQuitKey() {
        let backend = TestBackend(width: 60, height: 20)
        let loop = RunLoop(backend: backend)
        loop.quitHint = "ctrl-q to quit"
        func said(_ buffer: Buffer) -> String {
            buffer.lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }
        let typing = loop.frame({ $0.put("app", x: 0, y: 0) }, hasUnsavedInput: true)
        #expect(said(typing) == "Terminal too small (need 80x24, have 60x20). Enlarge it, or ctrl-q to quit (what you typed is kept).")
        // Nothing typed: nothing said to be kept; and at 40x10 the notice wraps whole (it was cut at "…is ke").
        backend.resize(width: 40, height: 10)
        #expect(said(loop.frame { $0.put("app", x: 0, y: 0) }) == "Terminal too small (need 80x24, have 40x10). Enlarge it, or ctrl-q to quit.")
        #expect(said(loop.frame({ $0.put("app", x: 0, y: 0) }, hasUnsavedInput: true)).hasSuffix("(what you typed is kept)."))
    }

    /// Nothing the program draws is seen while the notice shows: keys and pastes are
    /// held back (a letter would go into a hidden field), and the quit key ends it as a hang-up.
    @Test func whileTooSmallKeysAreHeldBackAndTheQuitKeyEndsAsAHangUp() {
        let backend = TestBackend(width: 60, height: 20)
        backend.type([.character("j"), .character("q"), .character("Q")])
        let program = Counter()
        let loop = RunLoop(backend: backend)
        loop.quitKeys = [.character("Q")]
        #expect(loop.run(program) == .quit)
        #expect(program.events.isEmpty)
        #expect(program.log.last == "hang up 0")
    }

    @Test func signalsEndTheLoopAfterTheProgramsLastWordsAndStopsSuspend() {
        let backend = TestBackend(width: 80, height: 24)
        backend.signals = [SIGTSTP, SIGCONT, SIGHUP]
        let program = Counter()
        #expect(RunLoop(backend: backend).run(program) == .signal(SIGHUP))
        #expect(backend.suspensions == 1)
        #expect(program.log.last == "hang up \(SIGHUP)")
    }

    @Test func aPasteIsOneEventForTheProgram() {
        let backend = TestBackend(width: 80, height: 24)
        backend.events = [.paste("a\nb"), .key(.character("q"))]
        let program = Counter()
        _ = RunLoop(backend: backend).run(program)
        #expect(program.events == [.paste("a\nb"), .key(.character("q"))])
    }

    @Test func aLongPasteOfKeysLosesNoneAcrossBatches() {
        let backend = TestBackend(width: 80, height: 24)
        backend.type(Array(repeating: .character("j"), count: 600))
        let program = Counter()
        program.quitAfterTicks = 1
        _ = RunLoop(backend: backend).run(program)
        #expect(program.count == 600)
        #expect(program.rendered >= 3)   // a frame at least every 256 keys
    }
}
