import Foundation

/// Runs blocking work (pipe reads, waiting for a process) on a thread of its
/// own. Never on `DispatchQueue.global()`: on Linux that pool is only as wide
/// as the machine's cores, and blocking it starves URLSession in this process.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            do { continuation.resume(returning: try work()) } catch { continuation.resume(throwing: error) }
        }
        thread.start()
    }
}
