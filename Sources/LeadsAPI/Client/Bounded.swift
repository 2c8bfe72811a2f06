import Foundation
import Synchronization

/// Waiting that cannot hold an exit: for shutdowns at the end of a process
/// (closing connections, stopping a server), which must not hang it.
public enum Bounded {
    /// Runs `body` and returns when it finishes or after `seconds`,
    /// whichever comes first; `body` is cancelled then and may run on.
    public static func wait(seconds: Double, _ body: @escaping @Sendable () async -> Void) async {
        let work = Task { await body() }
        let isDone = Atomic<Bool>(false)
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finish: @Sendable () -> Void = {
                if !isDone.exchange(true, ordering: .acquiringAndReleasing) { continuation.resume() }
            }
            Task { await work.value; finish() }
            Task { try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)); finish() }
        }
        work.cancel()
    }
}
