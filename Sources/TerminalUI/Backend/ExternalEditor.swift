import Foundation
import Glibc

/// Text written in the user's own editor, as `git commit` does: `$VISUAL`, else `$EDITOR`,
/// else `vi`, on a temporary file (mode 0600, removed afterwards) holding the text so far.
///
/// The editor runs through `/bin/sh -c '<editor> "$1"'`, so an editor with arguments
/// (`code --wait`, `emacsclient -t`) works as it does for git. The caller gives it the
/// terminal (`TerminalBackend.runExternal`).
public enum ExternalEditor {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The temporary file could not be written or read back.
        case file(String)
        /// The editor could not be started.
        case start(String)
        /// It ended with a status other than 0 (the text is kept as it was, as git keeps no message).
        case status(editor: String, code: Int32)
        /// It was ended by a signal.
        case signal(editor: String, number: Int32)

        public var description: String {
            switch self {
            case .file(let why): return "the temporary file: \(why)"
            case .start(let why): return "the editor did not start: \(why)"
            case .status(let editor, let code): return "\(editor) exited with status \(code)"
            case .signal(let editor, let number): return "\(editor) was ended by signal \(number)"
            }
        }
    }

    /// The editor command the environment names: `VISUAL`, then `EDITOR` (blank ones skipped), then `vi`.
    public static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs the editor on `text` and returns what it saved: the file's text, its one final
    /// line break dropped (editors add one). Waits for the editor to end.
    public static func edit(_ text: String, environment: [String: String]) -> Result<String, Failure> {
        let editor = command(environment: environment)
        let folder = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/leadterm-note-XXXXXX.md".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) }   // made 0600
        guard fd >= 0 else { return .failure(.file(String(cString: strerror(errno)))) }
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { return .failure(.file("could not write \(path)")) }

        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", "\(editor) \"$1\"", "sh", path]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let environ = environment.map { "\($0.key)=\($0.value)" }
        var envp = environ.map { strdup($0) } + [nil]
        defer { for pointer in envp { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &argv, &envp)
        guard spawned == 0 else { return .failure(.start(String(cString: strerror(spawned)))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return .failure(.start(String(cString: strerror(errno)))) }
        }
        let exited = status & 0x7F == 0
        if !exited { return .failure(.signal(editor: editor, number: status & 0x7F)) }
        let code = (status >> 8) & 0xFF
        guard code == 0 else { return .failure(.status(editor: editor, code: code)) }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.file("could not read \(path) back")) }
        var saved = String(decoding: data, as: UTF8.self)
        if saved.hasSuffix("\r\n") { saved.removeLast() } else if saved.hasSuffix("\n") { saved.removeLast() }
        return .success(saved)
    }
}
