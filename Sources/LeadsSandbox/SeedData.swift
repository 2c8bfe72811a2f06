import Foundation
import GRDB
import LeadsAPI

/// Deterministic demo data, relative to "now".
///
/// The same seed, lead count and day give the same data. The signed-in user
/// is `demo`; about half the leads are theirs, some of the rest are assigned
/// to them, the others are invisible to them (so ownership rules can be seen).
/// Names are varied on purpose: accented, CJK, Korean, an emoji, an apostrophe,
/// a very long one. The first lead is always Ana Souza.
struct SeedData {
    static let signedInUser = "demo"
    static let users: [(String, String)] = [
        ("demo", "Dana Demo"), ("alex", "Alex Morgan"), ("sam", "Sam Okafor"),
        ("priya", "Priya Raman"), ("kenji", "Kenji Sato"),
    ]

    static let fixedNames: [(String, String)] = [
        ("Ana", "Souza"), ("太郎", "山田"), ("Zoë", "Ångström"), ("민준", "김"), ("Mia", "Chen 🌸"),
        ("Siobhán", "O'Brien"), ("François", "Lefèvre"), ("Björn", "Þórsson"), ("Ελένη", "Παπαδοπούλου"),
        ("Maximilian-Alexander", "von Hohenzollern-Sigmaringen und Württemberg-Teck"),
    ]
    static let firstNames = [
        "Olivia", "Liam", "Emma", "Noah", "Amelia", "Lucas", "Sofía", "Mateo", "Chloé", "Hugo", "Aisha", "Omar",
        "Ingrid", "Lars", "Fatima", "Ravi", "Mei", "Wei", "Yuki", "Hiroshi", "Nia", "Kwame", "Camila", "Diego",
        "Léa", "Jules", "Anja", "Marek", "Zainab", "Tomás", "Grace", "Ethan", "Ayşe", "Emre", "Saanvi", "Arjun",
    ]
    static let lastNames = [
        "Smith", "García", "Müller", "Rossi", "Nguyen", "Kowalski", "Johansson", "Dubois", "Silva", "Kim",
        "Patel", "Okafor", "Haddad", "Novak", "Schmidt", "López", "Tanaka", "Wang", "Ivanova", "Yılmaz",
        "Brown", "Costa", "Nakamura", "Fernández", "Jensen", "Mensah", "Ó Súilleabháin", "Dąbrowski",
    ]
    static let cities = [
        "Lisbon", "Berlin", "São Paulo", "Tokyo", "Seoul", "Nairobi", "Toronto", "Austin", "Kraków",
        "Melbourne", "Reykjavík", "Mumbai", "Zürich", "Lagos", "Mexico City", "Dublin",
    ]
    static let messages = [
        "Interested in the annual plan for a team of 12.", "Asked for a demo next week.",
        "Wants pricing for the enterprise tier.", "Met at the trade show booth; follow up.",
        "Downloaded the whitepaper on lead scoring.", "Referred by an existing customer.",
        "Needs an integration with their ERP.", "Budget approved for Q1.", "Comparing us with two competitors.",
        "Requested a callback after 3 pm.",
    ]
    static let noteTexts = [
        "Called, left a voicemail.", "Sent the pricing sheet.", "Prefers email over phone.",
        "Decision maker is the CFO.", "Follow up after the holidays.", "Very interested in the API.",
        "Asked about GDPR and data residency.", "Wants a trial for 30 days.",
        "Multi-line note:\n- budget ok\n- timeline Q2\n- needs SSO", "Spoke with their assistant; call back Tuesday.",
    ]
    static let appointmentNotes = [
        "Prospect appointment", "Product demo", "Pricing discussion", "Contract review", "Onboarding call",
        "Quarterly check-in", "Site visit", "Follow-up call",
    ]
    static let campaigns = ["spring-webinar", "trade-show-2026", "newsletter", "partner-referral"]
    static let domains = ["example.com", "example.org", "example.net", "mail.test", "corp.test"]

    var random: SplitMix64
    let clock: WallClock
    let now: Date

    init(seed: UInt64, clock: WallClock, now: Date) {
        random = SplitMix64(seed: seed)
        self.clock = clock
        self.now = now
    }

    /// Writes `leadCount` leads with their notes, activities and appointments.
    mutating func write(leadCount: Int, into db: Database) throws {
        for (username, fullName) in Self.users {
            try db.execute(sql: "INSERT OR IGNORE INTO users(username, full_name) VALUES (?, ?)", arguments: [username, fullName])
        }
        let insertLead = try db.makeStatement(sql: """
            INSERT INTO leads(id, slug, first_name, last_name, email, phone, status, source, location, message,
                              owner, assignee, campaign, added_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let insertNote = try db.makeStatement(sql: "INSERT INTO notes(lead_id, note, created, user) VALUES (?,?,?,?)")
        let insertActivity = try db.makeStatement(sql: "INSERT INTO activities(lead_id, activity_type, activity, created) VALUES (?,?,?,?)")

        var visibleLeads: [(id: Int, status: String)] = []
        var othersLeads: [(id: Int, owner: String)] = []
        let others = Self.users.map(\.0).filter { $0 != Self.signedInUser }
        for index in 0..<leadCount {
            let id = index + 1
            let (first, last) = index < Self.fixedNames.count
                ? Self.fixedNames[index]
                : (pick(Self.firstNames), pick(Self.lastNames))
            // The first few fixed names are the demo user's own, so they are easy to find.
            let owner = index < Self.fixedNames.count || chance(0.55) ? Self.signedInUser : pick(others)
            let assignee = owner == Self.signedInUser ? (chance(0.7) ? Self.signedInUser : pick(others))
                : (chance(0.4) ? Self.signedInUser : pick(others))
            let status = weightedStatus()
            // The notable names are the newest, so they head the list.
            let age = index < Self.fixedNames.count ? Double(index + 1) * 3 * 3600 : Double(next(400 * 86400)) + 2 * 86400
            let added = now.addingTimeInterval(-age)
            let addedText = clock.stored(added)
            let slug = Slugs.make(first: first, last: last, id: id)
            try insertLead.execute(arguments: [
                id, slug, first, last, email(first: first, last: last, id: id), phone(), status,
                pick(LeadSource.allCases).rawValue, pick(Self.cities), pick(Self.messages), owner, assignee,
                chance(0.6) ? pick(Self.campaigns) : nil, addedText,
            ])
            try insertActivity.execute(arguments: [id, "lead_created", "Lead created", addedText])
            var latest = added
            for _ in 0..<next(4) {
                latest = min(now.addingTimeInterval(-60), latest.addingTimeInterval(Double(next(20 * 86400) + 600)))
                let author = chance(0.7) ? owner : assignee
                try insertNote.execute(arguments: [id, pick(Self.noteTexts), clock.stored(latest), author])
                try insertActivity.execute(arguments: [id, "note_added", "Note added by \(author)", clock.stored(latest)])
            }
            if index == 0 {
                // The showcase lead always has notes (no randomness spent: the rest of the seed is unchanged).
                for (hoursAgo, text) in [(2.0, "Intro call done: wants a demo of the pipeline view."), (1.0, "Sent pricing for 20 seats.")] {
                    let when = clock.stored(now.addingTimeInterval(-hoursAgo * 3600))
                    try insertNote.execute(arguments: [id, text, when, owner])
                    try insertActivity.execute(arguments: [id, "note_added", "Note added by \(owner)", when])
                }
            }
            if status != "prospect" {
                latest = min(now.addingTimeInterval(-30), latest.addingTimeInterval(Double(next(10 * 86400) + 300)))
                try insertActivity.execute(arguments: [id, "status_changed", "Status changed from prospect to \(status)", clock.stored(latest)])
            }
            if owner == Self.signedInUser || assignee == Self.signedInUser {
                visibleLeads.append((id, status))
            } else {
                othersLeads.append((id, owner))
            }
        }
        try writeAppointments(for: visibleLeads, into: db)
        // A few appointments of other users, which the demo user may not change.
        for (index, lead) in othersLeads.prefix(10).enumerated() {
            let start = clock.startOfDay(now).addingTimeInterval(Double(index + 1) * 86400 + 10 * 3600)
            try db.execute(sql: "INSERT INTO appointments(lead_id, from_date, to_date, note, status, user) VALUES (?,?,?,?,?,?)",
                           arguments: [lead.id, clock.stored(start), clock.stored(start.addingTimeInterval(1800)),
                                       "Prospect appointment", "pending", lead.owner])
        }
    }

    /// Appointments of the demo user on a half-hour grid, never overlapping:
    /// four today (some already past), some every day this week, more this
    /// month, the rest spread from 60 days ago to 90 days ahead.
    private mutating func writeAppointments(for leads: [(id: Int, status: String)], into db: Database) throws {
        guard !leads.isEmpty else { return }
        let insert = try db.makeStatement(sql: """
            INSERT INTO appointments(lead_id, from_date, to_date, note, status, user) VALUES (?,?,?,?,?,?)
            """)
        let today = clock.startOfDay(now)
        var taken = Set<Int>()   // half-hour slots since 'today', occupied
        var plan: [(day: Int, slot: Int)] = [(0, 18), (0, 23), (0, 28), (0, 33)]   // 9:00, 11:30, 14:00, 16:30
        for day in 1...7 { plan.append((day, 16 + 2 * next(9))) }
        for _ in 0..<12 { plan.append((next(30) + 1, 16 + next(19))) }
        let total = min(leads.count * 2 / 5, 1200)
        while plan.count < total { plan.append((next(150) - 60, 16 + next(19))) }

        for (index, entry) in plan.enumerated() {
            let duration = chance(0.6) ? 1 : 2
            var slot = entry.day * 48 + entry.slot
            while taken.contains(slot) || (duration == 2 && taken.contains(slot + 1)) { slot += 1 }
            for offset in 0..<duration { taken.insert(slot + offset) }
            let start = today.addingTimeInterval(Double(slot) * 1800)
            // Half-hour slots are in absolute time; re-read as wall time so DST days stay on the grid.
            let startText = clock.stored(clock.date(clock.components(start)))
            let end = start.addingTimeInterval(Double(duration) * 1800)
            let lead = leads[index % leads.count]
            let status: String
            if start < now {
                status = pick(["fullfilled", "fullfilled", "confirmed", "cancelled"])
            } else {
                status = pick(["pending", "pending", "confirmed", "confirmed", "rescheduled"])
            }
            try insert.execute(arguments: [lead.id, startText, clock.stored(end), pick(Self.appointmentNotes), status, Self.signedInUser])
        }
    }

    // MARK: Random pieces

    mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }
    mutating func chance(_ probability: Double) -> Bool { Double(random.next() % 10_000) < probability * 10_000 }
    mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

    mutating func weightedStatus() -> String {
        let roll = next(100)
        switch roll {
        case ..<30: return "prospect"
        case ..<50: return "contact"
        case ..<65: return "tentative"
        case ..<78: return "potential"
        case ..<90: return "customer"
        default: return "closed"
        }
    }

    mutating func email(first: String, last: String, id: Int) -> String {
        let local = [Slugs.ascii(first), Slugs.ascii(last)].filter { !$0.isEmpty }.joined(separator: ".")
        return "\(local.isEmpty ? "lead" : String(local.prefix(40))).\(id)@\(pick(Self.domains))"
    }

    mutating func phone() -> String {
        let digits = (0..<10).map { _ in String(next(10)) }.joined()
        switch next(3) {
        case 0: return "+1" + digits
        case 1: return "+44" + digits
        default: return "0" + digits
        }
    }
}

/// SplitMix64: small, fast and the same on every platform (the seed data's
/// and the fuzz tests' randomness: a seed replays a run exactly).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Lead slugs: `first-last-id`, folded to ASCII; `lead-id` when nothing is left.
enum Slugs {
    static func ascii(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var lastWasDash = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash, !out.isEmpty {
                out.append("-")
                lastWasDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.lowercased()
    }

    static func make(first: String, last: String, id: Int) -> String {
        let base = ascii(first + " " + last)
        let trimmed = String(base.prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (trimmed.isEmpty ? "lead" : trimmed) + "-\(id)"
    }
}
