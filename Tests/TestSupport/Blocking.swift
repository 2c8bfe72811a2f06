import Foundation
import Glibc

/// Runs `work` on a thread of its own and waits for it without blocking:
/// never the test's cooperative pool (an in-process sandbox needs it to
/// answer, and on two cores two blocked threads stall every async test) nor
/// Dispatch's global pool. `lowPriority` runs it at nice 19, so a long
/// CPU-bound loop (a fuzzer) yields the cores to tests that measure time.
public func onOwnThread<T: Sendable>(lowPriority: Bool = false, _ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            // On Linux a nice value belongs to a thread: who = 0 is this thread alone (setpriority(2), NOTES).
            if lowPriority { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19) }
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}

/// Waits until `condition` holds, polling every 5 ms, at most `seconds`: true when it held.
/// A test waiting on another party (a server that should receive a request) never hangs the run.
public func eventually(within seconds: Double = 10, _ condition: () -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
        guard Date() < deadline else { return false }
        try await Task.sleep(nanoseconds: 5_000_000)
    }
    return true
}
