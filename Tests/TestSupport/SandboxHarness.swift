import Foundation
import LeadsAPI
import LeadsSandbox

/// A sandbox on an ephemeral loopback port with a fresh temporary database,
/// a fixed clock and UTC, so seeded data and "now" are the same on every run.
public enum SandboxHarness {
    /// 2026-11-24 10:15:00 UTC, a Tuesday.
    public static let now = Date(timeIntervalSince1970: 1_795_515_300)
    public static let utc = TimeZone(identifier: "UTC")!

    public static func options(leads: Int = 200, seed: UInt64 = 42) -> SandboxOptions {
        var options = SandboxOptions()
        options.port = 0
        options.leads = leads
        options.seed = seed
        options.timeZone = utc
        options.now = { now }
        return options
    }

    /// Runs `body` with a started sandbox and a live client, then stops the sandbox.
    @discardableResult
    public static func with<T: Sendable>(
        leads: Int = 200, seed: UInt64 = 42,
        _ body: (RunningSandbox, APIClient) async throws -> T
    ) async throws -> T {
        let sandbox = try await Sandbox.start(options(leads: leads, seed: seed))
        do {
            let client = try APIClient(configuration: ClientConfiguration(
                baseURL: sandbox.baseURL, credentials: sandbox.credentials, timeout: 10, retry: .never))
            let result: T
            do { result = try await body(sandbox, client) } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
            await sandbox.stop()
            return result
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// `yyyy-mm-dd hh:mm`, `days` from the harness's "now" at the given time (UTC).
    public static func time(daysFromNow days: Int, _ hour: Int, _ minute: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let day = calendar.date(byAdding: .day, value: days, to: calendar.startOfDay(for: now))!
        return APIDate(day.addingTimeInterval(Double(hour * 3600 + minute * 60)), in: utc).raw
    }
}
