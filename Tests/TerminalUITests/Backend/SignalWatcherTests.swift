import Foundation
import Glibc
import Synchronization
import Testing
@testable import TerminalUI

/// Signals taken off their handler by a thread of their own: queued for the
/// loop, and a hang-up's deadline kept whatever the loop is doing. (Sent to
/// the process, as a terminal or `kill` would: the test's own thread may
/// block signals, as the concurrency pool's threads do.)
extension ProcessWideTests {
@Suite struct SignalWatcherTests {
    @Test func aSignalIsQueuedForTheLoopAndWakesIt() throws {
        let watcher = SignalWatcher.shared
        watcher.watch()
        defer { watcher.release() }
        let wake = try #require(WakePipe())
        watcher.wake(wake)
        defer { watcher.wake(nil) }
        kill(getpid(), SIGCONT)
        #expect(watcher.wait(for: SIGCONT, milliseconds: 2000))
        kill(getpid(), SIGCONT)
        let deadline = Date().addingTimeInterval(2)
        var taken: Int32?
        while taken == nil, Date() < deadline { taken = watcher.take(); usleep(2000) }
        #expect(taken == SIGCONT)
    }

    @Test func aHangUpRunsTheDeadlinesHandlerWhileTheLoopIsStuck() async throws {
        let handled = Atomic<Int32>(0)
        SignalWatcher.shared.watch()
        defer { SignalWatcher.shared.release() }
        SignalWatcher.shared.onHangUp(deadline: 0.2) { signal in handled.store(signal, ordering: .relaxed) }
        let started = Date()
        kill(getpid(), SIGHUP)   // nobody takes it: the "loop" is stuck
        while handled.load(ordering: .relaxed) == 0, Date().timeIntervalSince(started) < 5 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(handled.load(ordering: .relaxed) == SIGHUP)
        #expect(Date().timeIntervalSince(started) >= 0.2)
        #expect(SignalWatcher.shared.wait(for: SIGHUP, milliseconds: 100))   // queued for the loop all the same
    }
}
}
