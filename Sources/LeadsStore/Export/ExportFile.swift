import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes an export's file: a new file only (an earlier export is never overwritten), mode
/// 0600 (the leads' names, emails and phones are personal data), removed again when any write
/// fails, so a file that exists is whole.
public enum ExportFile {
    /// The absolute path a typed one names: `~` is the home folder, a relative path is taken
    /// from the folder leadterm was started in.
    public static func absolutePath(_ typed: String, home: String? = ProcessInfo.processInfo.environment["HOME"]) -> String {
        var path = typed
        if path == "~" || path.hasPrefix("~/"), let home { path = home + path.dropFirst() }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Writes `contents` to a new file at `typed` (see `absolutePath`); the absolute path
    /// written, or a sentence saying why nothing was.
    public static func writeNew(_ typed: String, _ contents: Data) -> Result<String, ExportProblem> {
        let path = absolutePath(typed)
        let folder = (path as NSString).deletingLastPathComponent
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            switch errno {
            case EEXIST: return .failure(ExportProblem("\(path) already exists: choose another name (an export never overwrites a file)"))
            case ENOENT: return .failure(ExportProblem("there is no folder \(folder)"))
            case EACCES, EPERM, EROFS: return .failure(ExportProblem("not allowed to write in \(folder)"))
            case EISDIR: return .failure(ExportProblem("\(path) is a folder"))
            default: return .failure(ExportProblem("cannot create \(path): \(String(cString: strerror(errno)))"))
            }
        }
        var failure: String?
        contents.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(path)
            return .failure(ExportProblem("writing \(path) failed (\(failure)); nothing kept"))
        }
        return .success(path)
    }
}

/// Why an export's file was not written.
public struct ExportProblem: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
