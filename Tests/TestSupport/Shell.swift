import Foundation
import Glibc

/// `system(3)` without the leak: `/bin/sh -c command`, waited for, its exit
/// status returned (`-1` when it cannot be started), with only standard
/// input, output and error passed on. `system` hands the child every
/// descriptor of the test process, and SwiftNIO opens its sockets without
/// close-on-exec: a tmux server started that way kept a parallel test's
/// listening socket after its sandbox stopped, and connections to the
/// stopped service hung in a backlog no one read instead of being refused.
public func runShell(_ command: String) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let closeFrom = closeFromAction {
        guard closeFrom(&actions, 3) == 0 else { return -1 }
    } else {
        markDescriptorsCloseOnExec()
    }
    let words: [String] = ["/bin/sh", "-c", command]
    let arguments: [UnsafeMutablePointer<CChar>?] = words.map { word in word.withCString { strdup($0) } } + [nil]
    defer { arguments.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { return -1 }
    }
    // WIFEXITED / WEXITSTATUS, which Swift does not import.
    return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module does not import.
private let closeFromAction: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
    guard let symbol = dlsym(nil /* RTLD_DEFAULT */, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
    return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
}()

/// The fallback: every descriptor above 2 open now is closed on exec.
private func markDescriptorsCloseOnExec() {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
    for case let fd? in names.map({ Int32($0) }) where fd > 2 {
        _ = fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC)
    }
}
