import Foundation
import Glibc
import Synchronization

/// A raw HTTP/1.1 server on 127.0.0.1 for the transport's edge cases: it
/// answers every request with one scripted response, or (`silent`) accepts
/// connections and never says a word, as a hung service would. It counts
/// connections (to see keep-alive) and keeps the requests' head lines.
///
/// Each connection is served by a thread of its own; `stop()` closes
/// everything. Loopback only: nothing here reaches another machine.
public final class LoopbackServer: @unchecked Sendable {
    public enum Behaviour: Sendable {
        /// Status line, headers and body, sent for every request.
        case respond(status: Int, headers: [String: String], body: String)
        /// Reads requests, never answers, never closes.
        case silent
    }

    public let port: Int
    private let listener: Int32
    private let behaviour: Behaviour
    private let shared = Mutex<(connections: Int, requests: [String], sockets: [Int32], isStopped: Bool)>((0, [], [], false))

    public init(_ behaviour: Behaviour) throws {
        self.behaviour = behaviour
        let fd = try bindLoopback(port: 0)
        guard listen(fd, 16) == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        // The thread closes the listener when it ends (gone already: closed here).
        let thread = Thread { [weak self] in if let self { self.acceptLoop() } else { close(fd) } }
        thread.start()
    }

    deinit { stop() }

    /// `http://127.0.0.1:PORT/api/v1/`.
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/api/v1/")! }

    public var connectionCount: Int { shared.withLock { $0.connections } }
    /// The request lines received (`GET /api/v1/leads/list/ HTTP/1.1`).
    public var requestLines: [String] { shared.withLock { $0.requests } }

    /// Shuts every socket down (the listener refuses, each connection ends). Each is closed
    /// by the thread that uses it once it sees the shutdown, never here: a descriptor closed
    /// under a thread still blocked on it (or about to be) would be reused by another test's
    /// socket and read or accepted there — an accept thread started late once took another
    /// server's connection and closed it ("127.0.0.1 closed the connection").
    /// The lock is held while shutting down, and by a thread while it closes its socket (and
    /// takes it out of `sockets`), so a number closed and reused elsewhere is never shut down.
    public func stop() {
        shared.withLock { state in
            guard !state.isStopped else { return }
            state.isStopped = true
            for fd in state.sockets + [listener] { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    /// Closes `fd`, taken out of the sockets `stop()` shuts down first.
    private func closeSocket(_ fd: Int32) {
        shared.withLock { state in
            state.sockets.removeAll { $0 == fd }
            close(fd)
        }
    }

    private func acceptLoop() {
        defer {
            // Stopped: closed here, after `stop()` shut it down; else marked stopped first, so `stop()` never touches the number.
            shared.withLock { state in
                state.isStopped = true
                close(listener)
            }
        }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0, errno == EINTR { continue }
            guard connection >= 0 else { return }
            let keep = shared.withLock { state -> Bool in
                guard !state.isStopped else { return false }
                state.connections += 1
                state.sockets.append(connection)
                return true
            }
            guard keep else { close(connection); return }
            Thread { [weak self] in if let self { self.serve(connection) } else { close(connection) } }.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer { closeSocket(fd) }
        var pending = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            pending += chunk[0..<count]
            while let request = Self.takeRequest(&pending) {
                shared.withLock { $0.requests.append(request) }
                guard case .respond(let status, let headers, let body) = behaviour else { continue }
                var head = "HTTP/1.1 \(status) Scripted\r\nContent-Length: \(body.utf8.count)\r\n"
                for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
                let bytes = Array((head + "\r\n" + body).utf8)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            }
        }
    }

    /// The first complete request in `buffer` (its request line), removed from it.
    static func takeRequest(_ buffer: inout [UInt8]) -> String? {
        let marker: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4, let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<$0 + 4]) == marker }) else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let length = lines.compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first ?? 0
        guard buffer.count >= end + 4 + length else { return nil }
        buffer.removeFirst(end + 4 + length)
        return lines.first ?? ""
    }
}

/// A loopback port kept closed: bound but never listening, so a connection to
/// it is refused at once (as to a stopped service) and no other server in the
/// test process can take it meanwhile (the tests run in parallel, each binding
/// port 0). `release()` frees it for a server to start on it again.
public final class PortHold: @unchecked Sendable {
    private let fd: Int32

    /// Throws `EADDRINUSE` when something already holds `port`.
    public init(port: Int) throws {
        fd = try bindLoopback(port: port)
    }

    public func release() { close(fd) }
}

/// A TCP socket bound to 127.0.0.1:`port` (0: any free port), not listening.
/// Throws `EMFILE` when no socket can be made, `EADDRINUSE` when the port is held.
private func bindLoopback(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw POSIXError(.EMFILE) }
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { close(fd); throw POSIXError(.EADDRINUSE) }
    return fd
}
