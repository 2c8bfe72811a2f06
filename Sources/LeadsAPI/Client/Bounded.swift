import Foundation
import Synchronization

/// Waiting that cannot hold an exit: for shutdowns at the end of a process
/// (closing connections, stopping a server), which must not hang it.
public enum Bounded {
    /// Runs `body` and returns when it finishes or after `seconds`,
    /// whichever comes first; `body` is cancelled then and may run on.
    public static func wait(seconds: Double, _ body: @escaping @Sendable () async -> Void) async {
        _ = await value(seconds: seconds, body)
    }

    /// What `body` returns, or nil when it has not finished after `seconds`
    /// (it is cancelled then and may run on; nothing waits for it).
    public static func value<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async -> T) async -> T? {
        let work = Task { await body() }
        let state = Mutex<(isDone: Bool, value: T?)>((false, nil))
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finish: @Sendable (T?) -> Void = { value in
                let first = state.withLock { state -> Bool in
                    guard !state.isDone else { return false }
                    state = (true, value)
                    return true
                }
                if first { continuation.resume() }
            }
            Task { finish(await work.value) }
            Task { try? await Task.sleep(nanoseconds: UInt64(max(0, seconds) * 1_000_000_000)); finish(nil) }
        }
        work.cancel()
        return state.withLock { $0.value }
    }
}
