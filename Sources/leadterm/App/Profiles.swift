import Foundation
import TerminalUI

/// One account: `[profiles.NAME]` in `config.toml`.
///
///     default_profile = "work"
///
///     [profiles.work]
///     base_url = "https://crm.example.com/api/v1/"
///     user = "ana"                      # your username on that service
///     timeout = 15                      # seconds, 1–600
///     theme = "light"                   # as LEADTERM_THEME
///     keymap = "emacs"                  # as LEADTERM_KEYMAP
///     token_command = "pass show crm/token"       # instead of a stored token
///     api_key_command = "pass show crm/api-key"   # instead of a stored API key
///
/// The `LEADTERM_*` variables win over a profile's values; `--base-url` and
/// `--timeout` over both.
struct Profile: Equatable, Sendable {
    var name: String
    var baseURL: String?
    var user: String?
    var timeout: Double?
    var theme: String?
    var keymap: String?
    var apiKeyCommand: String?
    var tokenCommand: String?
}

/// `config.toml` read: its profiles, the default one, and every problem as `file:line: message`.
struct ProfileConfig: Equatable, Sendable {
    var defaultProfile: String?
    var profiles: [String: Profile] = [:]

    /// A profile name: letters, digits, `_` and `-` (a bare TOML key, a safe file section).
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
    }

    static func load(_ url: URL) -> (ProfileConfig, [ConfigWarning]) {
        var config = ProfileConfig()
        guard FileManager.default.fileExists(atPath: url.path) else { return (config, []) }
        let text: String
        switch ConfigLocator.read(url) {
        case .success(let contents): text = contents
        case .failure(let warning): return (config, [warning])
        }
        let tables: [TOMLTable]
        switch TOMLReader.read(text) {
        case .success(let read): tables = read
        case .failure(let error): return (config, [ConfigWarning(file: url.path, line: error.line, message: error.message)])
        }
        var warnings: [ConfigWarning] = []
        func warn(_ line: Int, _ message: String) { warnings.append(ConfigWarning(file: url.path, line: line, message: message)) }
        for table in tables {
            if table.name.isEmpty {
                for entry in table.entries {
                    if entry.key == "default_profile", case .string(let name) = entry.value, isValidName(name) {
                        config.defaultProfile = name
                    } else if entry.key == "default_profile" {
                        warn(entry.line, "default_profile must be a profile's name (letters, digits, _ and -)")
                    } else {
                        warn(entry.line, "unknown setting “\(entry.key)”: the top level takes default_profile; profiles go under [profiles.NAME]")
                    }
                }
                continue
            }
            let parts = table.name.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0] == "profiles", isValidName(String(parts[1])) else {
                warn(table.line, "unknown table [\(table.name)]: a profile is [profiles.NAME] (letters, digits, _ and -)")
                continue
            }
            var profile = Profile(name: String(parts[1]))
            for entry in table.entries {
                switch (entry.key, entry.value) {
                case ("base_url", .string(let value)): profile.baseURL = value
                case ("user", .string(let value)): profile.user = value
                case ("theme", .string(let value)): profile.theme = value
                case ("keymap", .string(let value)): profile.keymap = value
                case ("token_command", .string(let value)) where !value.trimmingCharacters(in: .whitespaces).isEmpty: profile.tokenCommand = value
                case ("api_key_command", .string(let value)) where !value.trimmingCharacters(in: .whitespaces).isEmpty: profile.apiKeyCommand = value
                case ("timeout", .integer(let seconds)) where (1...600).contains(seconds): profile.timeout = Double(seconds)
                case ("timeout", _): warn(entry.line, "timeout must be a whole number of seconds from 1 to 600")
                case ("api_key", _), ("token", _):
                    warn(entry.line, "\(entry.key) does not belong in config.toml: `leadterm login --profile \(profile.name)` stores it in credentials.toml (0600)")
                case ("base_url", _), ("user", _), ("theme", _), ("keymap", _), ("token_command", _), ("api_key_command", _):
                    warn(entry.line, "\(entry.key) must be a non-empty string")
                default:
                    warn(entry.line, "unknown setting “\(entry.key)” in [\(table.name)] (base_url, user, timeout, theme, keymap, token_command, api_key_command)")
                }
            }
            config.profiles[profile.name] = profile
        }
        if let name = config.defaultProfile, config.profiles[name] == nil {
            warn(tables.first?.entries.first { $0.key == "default_profile" }?.line ?? 1, "default_profile “\(name)” has no [profiles.\(name)]")
        }
        return (config, warnings)
    }
}

/// The API key and token stored by `leadterm login`: `credentials.toml` in the
/// config directory, one `[NAME]` table per profile, the file 0600 in a 0700
/// directory. As OpenSSH does with a private key, a file that group or others
/// can read is refused (named, with its mode and the `chmod` that fixes it).
enum CredentialStore {
    struct Stored: Equatable, Sendable {
        var apiKey: String?
        var token: String?
    }

    static func url(_ locator: ConfigLocator) -> URL { locator.userDirectory.appendingPathComponent("credentials.toml") }

    /// The profile's stored credentials; nil when the file or the profile's table is missing.
    /// - Throws: `CommandFailure` (status 2) when the file is readable by others or cannot be read.
    static func read(_ url: URL, profile: String) throws -> Stored? {
        guard let tables = try tables(url) else { return nil }
        guard let table = tables.first(where: { $0.name == profile }) else { return nil }
        var stored = Stored()
        for entry in table.entries {
            if entry.key == "api_key", case .string(let value) = entry.value, !value.isEmpty { stored.apiKey = value }
            if entry.key == "token", case .string(let value) = entry.value, !value.isEmpty { stored.token = value }
        }
        return stored
    }

    /// Stores (or replaces) the profile's credentials, keeping the other profiles'.
    static func write(_ url: URL, profile: String, apiKey: String, token: String) throws {
        var kept = sections(try tables(url) ?? [], except: profile)
        kept.append((profile, [("api_key", apiKey), ("token", token)]))
        try save(kept, to: url)
    }

    /// Removes the profile's credentials; false when none were stored.
    static func remove(_ url: URL, profile: String) throws -> Bool {
        guard let tables = try tables(url), tables.contains(where: { $0.name == profile }) else { return false }
        try save(sections(tables, except: profile), to: url)
        return true
    }

    typealias Section = (name: String, entries: [(key: String, value: String)])

    /// The other profiles' string settings, as they are.
    static func sections(_ tables: [TOMLTable], except profile: String) -> [Section] {
        tables.filter { !$0.name.isEmpty && $0.name != profile }.map { table in
            (table.name, table.entries.compactMap { entry in entry.value.string.map { (entry.key, $0) } })
        }
    }

    /// The file's tables, after the permission check; nil when there is no file.
    static func tables(_ url: URL) throws -> [TOMLTable]? {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw CommandFailure(message: "cannot read \(url.path): \(String(cString: strerror(errno)))", exitCode: 2)
        }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            throw CommandFailure(message: "\(url.path) is readable by others (mode \(String(mode, radix: 8))): its secrets are not used. "
                                 + "Fix it with: chmod 600 \(url.path)", exitCode: 2)
        }
        let text: String
        switch ConfigLocator.read(url) {
        case .success(let contents): text = contents
        case .failure(let warning): throw CommandFailure(message: "\(warning)", exitCode: 2)
        }
        switch TOMLReader.read(text) {
        case .success(let tables): return tables
        case .failure(let error): throw CommandFailure(message: "\(url.path):\(error.line): \(error.message)", exitCode: 2)
        }
    }

    /// Writes the tables to a new 0600 file in a 0700 directory, then renames it over the old one.
    static func save(_ sections: [Section], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure(message: "cannot create \(directory.path): \(error.localizedDescription)", exitCode: 2)
        }
        chmod(directory.path, 0o700)
        var text = "# leadterm credentials, written by `leadterm login`. Mode 0600: never share it.\n"
        for section in sections where !section.entries.isEmpty {
            text += "\n[\(section.name)]\n"
            for entry in section.entries { text += "\(entry.key) = \(quoted(entry.value))\n" }
        }
        let temporary = directory.appendingPathComponent(".credentials.toml.\(getpid())")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw CommandFailure(message: "cannot write \(temporary.path): \(String(cString: strerror(errno)))", exitCode: 2)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        fchmod(descriptor, 0o600)
        fsync(descriptor)
        close(descriptor)
        guard written == bytes.count, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw CommandFailure(message: "cannot write \(url.path): \(String(cString: strerror(errno)))", exitCode: 2)
        }
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { text += String(format: "\\u%04X", scalar.value) } else { text.unicodeScalars.append(scalar) }
            }
        }
        return text + "\""
    }
}

/// A secret produced by a command (`token_command`): its standard output,
/// the trailing newline removed. The command's output is never shown.
enum SecretCommand {
    /// - Parameter timeout: seconds the command may take: the connection's timeout, so
    ///   `leadterm today` in a login banner is never held longer than its requests would be.
    /// - Throws: `CommandFailure` (status 2) naming the setting and the command's exit status.
    static func run(_ command: String, setting: String, timeout: TimeInterval) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        // Set before it starts: a command that ends at once still signals.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw CommandFailure(message: "\(setting): cannot run “\(command)”: \(error.localizedDescription)", exitCode: 2)
        }
        // Waited for with a deadline, never read to an end that may not come: a command that
        // hangs is ended (the pipe holds far more than any secret, so the command cannot block on it).
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            // Foundation starts the command as the leader of a process group of its own: the
            // group is ended, so nothing it started is left holding the terminal or a pipe.
            let pid = process.processIdentifier
            if getpgid(pid) == pid { kill(-pid, SIGKILL) }
            process.terminate()
            _ = finished.wait(timeout: .now() + 2)
            throw CommandFailure(message: "\(setting) “\(command)” did not finish within \(Int(timeout)) s; no secret was read", exitCode: 2)
        }
        let data = output.fileHandleForReading.availableData
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw CommandFailure(message: "\(setting) “\(command)” failed (exit status \(process.terminationStatus)); no secret was read", exitCode: 2)
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !text.isEmpty else { throw CommandFailure(message: "\(setting) “\(command)” printed nothing", exitCode: 2) }
        return text
    }
}
