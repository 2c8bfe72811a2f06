import CTermGuard
import Foundation
import Glibc
import Synchronization

/// SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGCONT, taken off the signal
/// handler by a thread of their own, so that an exit never depends on the
/// loop's thread.
///
/// The C handler only writes the signal's number to a pipe; this thread
/// reads it, queues it for the loop (`take`), and wakes the loop. For a
/// terminating signal it also arms the deadline set with `onHangUp`: if the
/// process still runs that long after the signal (a loop stuck in
/// anything), the deadline's handler runs on this watcher's own thread. It
/// is meant to save what it can, give the terminal back and `_exit`.
///
/// One per process (signals are the process's): `SignalWatcher.shared`;
/// `watch()` takes the signals (the backend does it when it starts),
/// `release()` gives them their default actions back.
public final class SignalWatcher: Sendable {
    public static let shared = SignalWatcher()

    private struct Shared {
        var pending: [Int32] = []
        var wake: WakePipe?
        var deadline: (seconds: Double, handler: @Sendable (Int32) -> Void)?
        var isArmed = false
    }

    private let shared = Mutex(Shared())
    private let readFD: Int32
    private let writeFD: Int32

    private init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        }
        readFD = fds[0]
        writeFD = fds[1]
        guard readFD >= 0 else { return }
        let thread = Thread { [self] in self.readSignals() }
        thread.start()
    }

    /// SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGCONT come here from now on.
    public func watch() {
        guard writeFD >= 0 else { return }
        termguard_watch_signals(writeFD)
    }

    /// The five signals act as they would without the app (after the terminal is given back).
    public func release() { termguard_release_signals() }

    /// Wakes `pipe`'s reader whenever a signal arrives (the loop, waiting for a key).
    public func wake(_ pipe: WakePipe?) {
        shared.withLock { $0.wake = pipe }
    }

    /// After SIGINT, SIGTERM or SIGHUP, runs `handler(signal)` on the
    /// watcher's thread if the process is still running `seconds` later.
    public func onHangUp(deadline seconds: Double, _ handler: @escaping @Sendable (Int32) -> Void) {
        shared.withLock { $0.deadline = (seconds, handler) }
    }

    /// The oldest signal not yet taken, or nil.
    public func take() -> Int32? {
        shared.withLock { $0.pending.isEmpty ? nil : $0.pending.removeFirst() }
    }

    /// Waits up to `milliseconds` for `signal`, dropping any other that comes first
    /// (the resume, SIGCONT, after a suspend). True when it came.
    public func wait(for signal: Int32, milliseconds: Int) -> Bool {
        var waited = 0
        while waited <= milliseconds {
            let found = shared.withLock { state -> Bool in
                guard let index = state.pending.firstIndex(of: signal) else { return false }
                state.pending.remove(at: index)
                return true
            }
            if found { return true }
            usleep(5_000)
            waited += 5
        }
        return false
    }

    public static func isTerminating(_ signal: Int32) -> Bool {
        signal == SIGINT || signal == SIGTERM || signal == SIGHUP
    }

    private func readSignals() {
        var byte: UInt8 = 0
        while true {
            let count = read(readFD, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return }
            let signal = Int32(byte)
            let (wake, deadline) = shared.withLock { state -> (WakePipe?, (Double, @Sendable (Int32) -> Void)?) in
                state.pending.append(signal)
                guard Self.isTerminating(signal), !state.isArmed, let deadline = state.deadline else { return (state.wake, nil) }
                state.isArmed = true
                return (state.wake, deadline)
            }
            wake?.wake()
            if let (seconds, handler) = deadline {
                Thread {
                    usleep(UInt32(max(0, seconds) * 1_000_000))
                    handler(signal)
                }.start()
            }
        }
    }
}
