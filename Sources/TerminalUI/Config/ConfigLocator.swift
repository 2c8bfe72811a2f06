import Foundation

/// Where theme and keymap files are.
///
/// User files: `$XDG_CONFIG_HOME/leadterm/` (default `~/.config/leadterm/`):
/// `keymap.toml`, `themes/<name>.toml`. Shipped files (`themes/`, `keymaps/`)
/// are looked for, in order: `<prefix>/share/leadterm/` for a binary in
/// `<prefix>/bin`, the binary's own folder, and the source tree the binary
/// was built from (so `swift run` works from any directory).
public struct ConfigLocator: Sendable {
    public var environment: [String: String]
    public var executable: URL
    public var sourceRoot: URL?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                executable: URL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
                sourceRoot: URL? = ConfigLocator.builtFrom) {
        self.environment = environment
        self.executable = executable
        self.sourceRoot = sourceRoot
    }

    /// The repository this file was compiled in (…/Sources/TerminalUI/Config/ → root).
    public static let builtFrom: URL? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return FileManager.default.fileExists(atPath: root.appendingPathComponent("themes").path) ? root : nil
    }()

    public var userDirectory: URL {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("leadterm")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".config/leadterm")
    }

    public var shippedDirectories: [URL] {
        let binDirectory = executable.deletingLastPathComponent()
        var candidates = [
            binDirectory.deletingLastPathComponent().appendingPathComponent("share/leadterm"),
            binDirectory,
        ]
        if let sourceRoot { candidates.append(sourceRoot) }
        return candidates
    }

    /// The first existing `folder/name` among the shipped directories.
    public func shipped(_ folder: String, _ name: String) -> URL? {
        shippedDirectories.map { $0.appendingPathComponent(folder).appendingPathComponent(name) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    public func user(_ relativePath: String) -> URL? {
        let url = userDirectory.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// A file's text, or a warning that says why it could not be read.
    public static func read(_ url: URL) -> Result<String, ConfigWarning> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(ConfigWarning(file: url.path, line: 0, message: "cannot read the file"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(ConfigWarning(file: url.path, line: 0, message: "the file is not UTF-8"))
        }
        return .success(text)
    }
}
