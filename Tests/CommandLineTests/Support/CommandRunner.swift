import Foundation
import LeadsSandbox
import TestSupport
import Testing

/// Runs the built `leadterm` binary with a clean environment.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `leadterm` sits next to the test bundle in the build folder.
    static let binary: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("leadterm")
    }()

    var environment: [String: String]

    /// Connected to `sandbox` through the environment, as a user would be.
    init(sandbox: RunningSandbox?, token: String? = nil) {
        environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        if let sandbox {
            environment["LEADTERM_BASE_URL"] = sandbox.baseURL.absoluteString
            environment["LEADTERM_API_KEY"] = sandbox.apiKey
            environment["LEADTERM_TOKEN"] = token ?? sandbox.token
        }
    }

    /// Blocks only threads of its own: never the test's cooperative pool (the
    /// in-process sandbox needs it to answer) nor Dispatch's global pool.
    func callAsFunction(_ arguments: String..., input: String? = nil) async throws -> Result {
        try await run(arguments, input: input)
    }

    func run(_ arguments: [String], input: String? = nil) async throws -> Result {
        let environment = environment
        return try await onOwnThread {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = arguments
            process.environment = environment
            let out = Pipe(), err = Pipe(), inPipe = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = inPipe
            try process.run()
            if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
            try? inPipe.fileHandleForWriting.close()
            // stderr is drained on a second thread so neither pipe can fill up and stall the child.
            let errorReader = ErrorReader(err.fileHandleForReading)
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = errorReader.wait()
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
        }
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorReader: @unchecked Sendable {
    private let done = NSCondition()
    private var data: Data?

    init(_ handle: FileHandle) {
        Thread {
            let read = handle.readDataToEndOfFile()
            self.done.lock()
            self.data = read
            self.done.signal()
            self.done.unlock()
        }.start()
    }

    func wait() -> Data {
        done.lock()
        while data == nil { done.wait() }
        defer { done.unlock() }
        return data ?? Data()
    }
}

extension CommandRunner.Result: Sendable {}

extension CommandRunner.Result {
    /// stdout parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}
