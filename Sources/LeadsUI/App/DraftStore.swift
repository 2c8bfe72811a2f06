import Foundation
import LeadsStore

/// Drafts on disk: `$XDG_STATE_HOME/leadterm/drafts/` (default
/// `~/.local/state/leadterm/drafts/`), one JSON file each, mode 0600 in a
/// 0700 directory, written with plain POSIX calls so the signal path does
/// nothing fancy.
public struct DraftStore: Sendable {
    public let directory: URL

    /// - Parameter account: the profile (or server) the drafts belong to: each keeps its own
    ///   folder, so a draft is never offered, and sent, on another account's server. nil: the demo's.
    public init(environment: [String: String], account: String? = nil) {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        var directory = URL(fileURLWithPath: state).appendingPathComponent("leadterm/drafts")
        if let account { directory.appendPathComponent(Self.fileName(for: account)) }
        self.directory = directory
    }

    /// An account's name as a file or folder name (its cache uses the same): letters,
    /// digits, `-`, `_` and `.` kept, anything else `_`; "default" for nothing.
    public static func fileName(for account: String) -> String {
        let safe = String(account.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") ? $0 : "_" })
        return safe.isEmpty ? "default" : safe
    }

    public func save(_ draft: Draft) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(draft)
        let path = directory.appendingPathComponent("\(draft.id).json").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission) }
        defer { close(fd) }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == data.count else { throw CocoaError(.fileWriteOutOfSpace) }
        fsync(fd)
    }

    /// Every readable draft, oldest first; unreadable files are reported, never deleted.
    public func load() -> (drafts: [Draft], problems: [String]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return ([], []) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var drafts: [Draft] = [], problems: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let url = directory.appendingPathComponent(name)
            do {
                drafts.append(try decoder.decode(Draft.self, from: Data(contentsOf: url)))
            } catch {
                problems.append("\(url.path): not a readable draft (left in place)")
            }
        }
        return (drafts.sorted { $0.savedAt < $1.savedAt }, problems)
    }

    public func discard(id: String) {
        guard !id.contains("/") else { return }
        try? FileManager.default.removeItem(at: directory.appendingPathComponent("\(id).json"))
    }
}
