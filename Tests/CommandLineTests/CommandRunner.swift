import Foundation
import LeadsSandbox
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

    /// Runs on a Dispatch thread, never blocking the test's cooperative pool
    /// (the in-process sandbox needs it to answer).
    func callAsFunction(_ arguments: String..., input: String? = nil) async throws -> Result {
        try await run(arguments, input: input)
    }

    func run(_ arguments: [String], input: String? = nil) async throws -> Result {
        let environment = environment
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                process.executableURL = Self.binary
                process.arguments = arguments
                process.environment = environment
                let out = Pipe(), err = Pipe(), inPipe = Pipe()
                process.standardOutput = out
                process.standardError = err
                process.standardInput = inPipe
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
                try? inPipe.fileHandleForWriting.close()
                let group = DispatchGroup()
                nonisolated(unsafe) var errData = Data()
                DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
                let outData = out.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: Result(status: process.terminationStatus,
                                                      stdout: String(decoding: outData, as: UTF8.self),
                                                      stderr: String(decoding: errData, as: UTF8.self)))
            }
        }
    }
}

extension CommandRunner.Result {
    /// stdout parsed as JSON.
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
}
