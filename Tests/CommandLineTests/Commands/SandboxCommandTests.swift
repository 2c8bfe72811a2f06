import Foundation
import TestSupport
import Testing

/// `leadterm sandbox` as a user runs it: it prints where it listens and the
/// three exports, serves requests, and stops cleanly on Ctrl-C.
@Suite struct SandboxCommandTests {
    @Test func servesUntilInterrupted() async throws {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = ["sandbox", "--port", "0", "--leads", "30", "--token", "tok-123", "--api-key", "key-456"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let banner = try await Self.readUntil("Press Ctrl-C", from: output.fileHandleForReading, seconds: 60)
        let exports = banner.split(separator: "\n").filter { $0.hasPrefix("export ") }
        #expect(exports.count == 3)
        #expect(exports.contains("export LEADTERM_API_KEY=key-456"))
        #expect(exports.contains("export LEADTERM_TOKEN=tok-123"))
        let url = try #require(exports.first { $0.hasPrefix("export LEADTERM_BASE_URL=http://127.0.0.1:") }?.split(separator: "=").last)
        #expect(url.hasSuffix("/api/v1/"))

        var cli = CommandRunner(sandbox: nil)
        cli.environment["LEADTERM_BASE_URL"] = String(url)
        cli.environment["LEADTERM_API_KEY"] = "key-456"
        cli.environment["LEADTERM_TOKEN"] = "tok-123"
        let list = try await cli("leads", "list", "--json")
        #expect(list.status == 0)
        #expect(((list.json as? [String: Any])?["count"] as? Int ?? 0) > 0)

        kill(process.processIdentifier, SIGINT)
        let status = await Self.exitStatus(of: process, seconds: 20)
        #expect(status == 0)
    }

    @Test func aBusyPortIsAClearError() async throws {
        let first = Process()
        first.executableURL = CommandRunner.binary
        first.arguments = ["sandbox", "--port", "0", "--leads", "1"]
        let output = Pipe()
        first.standardOutput = output
        try first.run()
        defer { first.terminate() }
        let banner = try await Self.readUntil("Press Ctrl-C", from: output.fileHandleForReading, seconds: 60)
        let urlLine = try #require(banner.split(separator: "\n").first { $0.hasPrefix("export LEADTERM_BASE_URL=") })
        let port = try #require(URL(string: String(urlLine.dropFirst("export LEADTERM_BASE_URL=".count)))?.port)
        let second = try await CommandRunner(sandbox: nil)("sandbox", "--port", String(port), "--leads", "1")
        #expect(second.status == 5)
        #expect(second.stderr.contains("Cannot listen on 127.0.0.1:\(port)"))
    }

    static func readUntil(_ marker: String, from handle: FileHandle, seconds: Double) async throws -> String {
        try await onOwnThread {
            var text = ""
            let deadline = Date().addingTimeInterval(seconds)
            while !text.contains(marker), Date() < deadline {
                let data = handle.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
            }
            guard text.contains(marker) else { throw CocoaError(.fileReadUnknown) }
            return text
        }
    }

    static func exitStatus(of process: Process, seconds: Double) async -> Int32? {
        try? await onOwnThread {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning, Date() < deadline { usleep(20_000) }
            return process.isRunning ? nil : process.terminationStatus
        }
    }
}
