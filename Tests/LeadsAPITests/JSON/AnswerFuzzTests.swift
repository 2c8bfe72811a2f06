import Foundation
import LeadsAPI
import LeadsSandbox
import Synchronization
import TestSupport
import Testing

/// Real answers of the sandbox (a lead page, a lead's detail, appointments,
/// the overview, a validation error), mutated with a seed — truncated, bytes
/// of invalid UTF-8, values of the wrong type, numbers past 64 bits, nesting
/// 100,000 deep, 10 MB strings — through the client's decoding: always a
/// value or an `APIError`, never a trap, and memory that comes back.
///
/// `swift test` runs 1,500 answers; `scripts/fuzz` more, with `FUZZ_SEED`.
@Suite struct AnswerFuzzTests {
    /// Records each response on its way through, so the fuzz starts from real bytes.
    final class Recorder: HTTPTransport {
        let inner: any HTTPTransport
        let bodies = Mutex<[HTTPResponse]>([])
        init(_ inner: any HTTPTransport) { self.inner = inner }
        func send(_ request: HTTPRequest) async throws -> HTTPResponse {
            let response = try await inner.send(request)
            bodies.withLock { $0.append(response) }
            return response
        }
        func shutdown() async { await inner.shutdown() }
    }

    enum Call: CaseIterable { case leads, lead, appointments, overview, createLead }

    static func realAnswers() async throws -> [(Call, HTTPResponse)] {
        try await SandboxHarness.with(leads: 40) { sandbox, _ in
            let recorder = Recorder(AsyncHTTPTransport())
            let client = try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL, credentials: sandbox.credentials, timeout: 10, retry: .never),
                                       transport: recorder)
            _ = try await client.leads(LeadQuery(limit: 20))
            _ = try await client.lead(slug: "ana-souza-1")
            _ = try await client.appointments(AppointmentQuery(limit: 20))
            _ = try await client.overview(appointments: nil)
            _ = try? await client.createLead(LeadDraft(firstName: "A", lastName: "B", email: "a@example.com", phone: "+15551234567", location: "L", message: "M", assignee: "nobody"))
            await client.shutdown()
            let responses = recorder.bodies.withLock { $0 }
            return Array(zip(Call.allCases, responses))
        }
    }

    @Test func mutatedAnswersDecodeToAValueOrAnAPIError() async throws {
        let seed = Fuzz.seed(default: 7_2026), rounds = Fuzz.steps("ANSWER", default: 1_500)
        print("answer fuzz: FUZZ_SEED=\(seed) FUZZ_ANSWER_STEPS=\(rounds)")
        let answers = try await Self.realAnswers()
        #expect(answers.count == Call.allCases.count)
        var random = SplitMix64(seed: seed)
        let startMemory = Self.residentMiB()
        var peak = startMemory
        var outcomes: [String: Int] = [:]
        for round in 0..<rounds {
            let (call, real) = answers.randomElement(using: &random)!
            let (mutation, body) = Self.mutate(real.body, &random)
            let status = Int.random(in: 0..<10, using: &random) == 0 ? [200, 201, 204, 301, 400, 401, 404, 429, 500, 502].randomElement(using: &random)! : real.status
            let response = HTTPResponse(status: status, headers: real.headers, body: body)
            let client = try ScriptedTransport([.respond(response)]).client(maxAttempts: 1)
            do {
                switch call {
                case .leads: _ = try await client.leads(LeadQuery())
                case .lead: _ = try await client.lead(slug: "ana-souza-1")
                case .appointments: _ = try await client.appointments(AppointmentQuery())
                case .overview: _ = try await client.overview(appointments: nil)
                case .createLead: try await client.createLead(LeadDraft(firstName: "A", lastName: "B", email: "a@b.co", phone: "+15551234567",
                                                                         location: "L", message: "M", assignee: "demo"))
                }
                outcomes["value", default: 0] += 1
            } catch is APIError {
                outcomes["APIError", default: 0] += 1
            } catch {
                Issue.record("FUZZ_SEED=\(seed) round \(round): \(call) with \(mutation) threw \(type(of: error)), not an APIError: \(error)")
                return
            }
            if round % 50 == 0 { peak = max(peak, Self.residentMiB()) }
        }
        let end = Self.residentMiB()
        print("answer fuzz: \(rounds) answers, \(outcomes), resident \(startMemory) → peak \(peak) → \(end) MiB")
        #expect(peak - startMemory < 1_024, "decoding held \(peak - startMemory) MiB")
    }

    /// One mutation of `body`, named for the failure message.
    static func mutate(_ body: Data, _ random: inout SplitMix64) -> (String, Data) {
        var bytes = [UInt8](body)
        switch Int.random(in: 0..<11, using: &random) {
        case 0:
            let cut = Int.random(in: 0...bytes.count, using: &random)
            return ("truncated at \(cut)", Data(bytes.prefix(cut)))
        case 1:
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
            for _ in 0...Int.random(in: 0...3, using: &random) where !bytes.isEmpty {
                bytes.insert(contentsOf: bad.randomElement(using: &random)!, at: Int.random(in: 0...bytes.count, using: &random))
            }
            return ("invalid UTF-8", Data(bytes))
        case 2:
            return ("nested 100,000 deep", Data((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8))
        case 3:
            return ("an empty or bare body", Data(["", "null", "[]", "{}", " ", "\"x\"", "1", "{\"data\": null}", "{\"data\": []}"].randomElement(using: &random)!.utf8))
        default:
            guard let json = JSONValue.parse(body) else { return ("unparsed", body) }
            var tree = json
            let kind = Int.random(in: 0..<5, using: &random)
            tree = replaceRandomLeaf(in: tree, &random) { value, random in
                switch kind {
                case 0: return .integer([Int64.max, Int64.min, -1, 0].randomElement(using: &random)!)
                case 1: return .number([1e300, -1e300, 1.5, -0.0, .greatestFiniteMagnitude].randomElement(using: &random)!)
                case 2: return [.null, .bool(true), .array([]), .object([:]), .array([value, value])].randomElement(using: &random)!
                case 3: return .string(Int.random(in: 0..<60, using: &random) == 0 ? String(repeating: "x", count: 10_000_000) : Fuzz.text(using: &random))
                default: return .string(["99999999999999999999999999", "1e400", "-5", "NaN", "2026-13-45 99:99", ""].randomElement(using: &random)!)
                }
            }
            var text = String(decoding: tree.serialized(), as: UTF8.self)
            if kind == 4, let range = text.range(of: "\"count\":") {   // a number past 64 bits, as raw JSON
                text.replaceSubrange(range, with: "\"count\":99999999999999999999999999999999,\"x\":")
            }
            return (["a huge integer", "a huge or odd float", "a value of another type", "hostile or 10 MB text", "numbers as odd text"][kind], Data(text.utf8))
        }
    }

    /// `tree` with one leaf (picked by a walk of random turns) replaced.
    static func replaceRandomLeaf(in tree: JSONValue, _ random: inout SplitMix64, _ make: (JSONValue, inout SplitMix64) -> JSONValue) -> JSONValue {
        switch tree {
        case .object(var members) where !members.isEmpty && Int.random(in: 0..<8, using: &random) != 0:
            let key = members.keys.sorted().randomElement(using: &random)!
            members[key] = replaceRandomLeaf(in: members[key]!, &random, make)
            return .object(members)
        case .array(var items) where !items.isEmpty && Int.random(in: 0..<8, using: &random) != 0:
            let index = Int.random(in: 0..<items.count, using: &random)
            items[index] = replaceRandomLeaf(in: items[index], &random, make)
            return .array(items)
        default:
            return make(tree, &random)
        }
    }

    static func residentMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }
}
