import Foundation
import Glibc
import Logging
import Synchronization

/// `--log FILE` (or `LEADTERM_LOG`): one line per event, appended —
/// `2026-12-01T10:42:07.120Z info leadterm.api: GET leads/list/ 200 38 ms`.
/// What is logged is chosen where it happens (requests, retries, cache
/// answers, offline and back, outbox sends and refusals); never a header, key,
/// token, query or body. A control character in a message (text from the
/// service) is written as `\u{…}`, so one event is one line.
///
/// The file is created 0600 and opened close-on-exec; lines from every
/// thread go through one lock. Nothing is logged without `--log`.
final class LogFile: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    /// - Throws: `CommandFailure` (status 2) naming the file and why it cannot be written.
    init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw CommandFailure(message: "cannot write the log \(path): \(String(cString: strerror(errno)))", exitCode: 2)
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// The file the options name (`--log`, else `LEADTERM_LOG`), nil when none; opened once per path.
    static func named(_ path: String?, environment: [String: String]) throws -> LogFile? {
        guard let path = [path, environment["LEADTERM_LOG"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return nil }
        return try opened.withLock { files in
            if let file = files[path] { return file }
            let file = try LogFile(path: path)
            files[path] = file
            return file
        }
    }

    private static let opened = Mutex<[String: LogFile]>([:])

    /// A logger for `label` that writes here.
    func logger(_ label: String) -> Logger {
        var logger = Logger(label: label) { [self] label in Handler(label: label, file: self) }
        logger.logLevel = .info
        return logger
    }

    func write(_ line: String) {
        let bytes = Array(line.utf8)
        lock.withLock { _ in _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) } }
    }

    /// `text` with every control character written as `\u{…}`.
    static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    struct Handler: LogHandler {
        let label: String
        let file: LogFile
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let when = Date().formatted(LogFile.timeFormat)
            file.write("\(when) \(event.level) \(label): \(LogFile.oneLine(event.message.description))\n")
        }
    }
}
