import CTermGuard
import Glibc

/// Wakes a backend waiting for a key, from any thread: a response that
/// arrived should be drawn now, not at the next tick.
public final class WakePipe: @unchecked Sendable {
    let readFD: Int32
    private let writeFD: Int32

    /// Nil when the process is out of file descriptors (the loop then just ticks).
    public init?() {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return nil }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readFD)
        close(writeFD)
    }

    public func wake() {
        var byte: UInt8 = 1
        _ = write(writeFD, &byte, 1)   // a full pipe already means "wake up"
    }

    func drain() {
        var bytes = [UInt8](repeating: 0, count: 64)
        while read(readFD, &bytes, bytes.count) > 0 {}
    }

    enum Readiness { case input, hungUp, nothing }

    /// Waits up to `milliseconds` for `fd` to be readable or a wake. `hungUp`
    /// when `fd` is closed at its other end (the terminal is gone).
    func wait(for fd: Int32, milliseconds: Int) -> Readiness {
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: readFD, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&fds, 2, Int32(milliseconds))
        if ready > 0, fds[1].revents != 0 { drain() }
        guard ready > 0 else { return .nothing }
        if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hungUp }
        return fds[0].revents != 0 ? .input : .nothing
    }
}

/// The process's memory.
public enum ProcessMemory {
    /// Gives freed heap memory back to the system (glibc's malloc_trim): decoding a
    /// page leaves freed memory in the allocator's per-thread arenas.
    public static func releaseFree() { termguard_release_free_memory() }
}
