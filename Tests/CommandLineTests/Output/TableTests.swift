@testable import leadterm
import LeadsAPI
import TerminalUI
import Testing

@Suite struct TableTests {
    func table() -> Table {
        var table = Table([.init(title: "NAME", isFlexible: true), .init(title: "STATUS"), .init(title: "COUNT", alignRight: true)])
        table.add(["山田太郎 Yamada", "customer", "7"])
        table.add(["Ana\u{1B}[31m", "prospect", "12"])
        return table
    }

    @Test func alignsColumnsByDisplayWidth() {
        #expect(table().render(width: nil).split(separator: "\n") == [
            "NAME             STATUS    COUNT",
            "───────────────  ────────  ─────",
            "山田太郎 Yamada  customer      7",
            "Ana\\e[31m        prospect     12",
        ])
    }

    @Test func optionalColumnsAreHiddenBeforeFlexibleOnesGetUnreadable() {
        var table = Table([.init(title: "NAME", isFlexible: true, minimum: 12), .init(title: "SOURCE", hideOrder: 1),
                           .init(title: "EMAIL", isFlexible: true, minimum: 10)])
        table.add(["Maximilian-Alexander von Hohenzollern", "instagram", "maximilian-alexander-von@example.com"])
        #expect(table.render(width: 60).split(separator: "\n")[0].contains("SOURCE"))
        let narrow = table.render(width: 30).split(separator: "\n")
        #expect(!narrow[0].contains("SOURCE"))
        #expect(narrow[2] == "Maximilian-Al…  maximilian-al…")
        #expect(narrow.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
    }

    /// The slug is what the next command needs: at 80 columns it was `francois-lefevre…` (issue 11.3).
    @Test func identifiersAreNeverCutOtherColumnsGiveWay() {
        var table = Table([.init(title: "NAME", isFlexible: true, minimum: 16), .init(title: "STATUS"), .init(title: "SOURCE", hideOrder: 1),
                           .init(title: "PHONE", hideOrder: 4), .init(title: "EMAIL", isFlexible: true, minimum: 14, hideOrder: 5),
                           .init(title: "OWNER", hideOrder: 2), .init(title: "ADDED", hideOrder: 3), .init(title: "SLUG", isIdentifier: true)])
        let slug = "maximilian-alexander-von-hohenzollern-sigmaringen-und-wurtte-10"   // the sandbox's longest, 63 columns
        table.add(["Maximilian-Alexander von Hohenzollern", "tentative", "facebook", "09959556651", "maximilian@example.com", "demo", "2026-11-23", slug])
        table.add(["François Lefèvre", "contact", "other", "+16415250659", "francois.lefevre.7@mail.test", "demo", "2026-11-23", "francois-lefevre-7"])
        for width in [80, 60] {
            let lines = table.render(width: width).split(separator: "\n").map(String.init)
            #expect(lines[2].hasSuffix(slug) && lines[3].hasSuffix("francois-lefevre-7"), "\(width): \(lines)")
            // Every line fits but the outlier's, which runs past the edge whole.
            #expect(lines.enumerated().allSatisfy { $0.offset == 2 || DisplayWidth.of($0.element) <= width }, "\(width): \(lines)")
        }
        // Narrower than the slug and a name: the line runs long rather than cut it.
        #expect(table.render(width: 30).split(separator: "\n")[2].hasSuffix(slug))
        // One outlier among many does not squeeze every other column: it runs past the edge, whole.
        for index in 0..<12 {
            table.add(["Grace Johansson", "prospect", "direct", "+1555000\(index)", "l\(index)@example.com", "demo", "2026-11-01", "grace-johansson-\(index + 100)"])
        }
        let many = table.render(width: 80).split(separator: "\n").map(String.init)
        #expect(many[0].contains("EMAIL"), "\(many)")
        #expect(many[2].hasSuffix(slug) && many[3].hasSuffix("francois-lefevre-7"))
        #expect(many.enumerated().allSatisfy { $0.offset == 2 || DisplayWidth.of($0.element) <= 80 }, "\(many)")
    }

    @Test func flexibleColumnsGiveWayToFitTheTerminal() {
        let lines = table().render(width: 26).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 26 })
        #expect(lines[2] == "山田太郎…  customer      7")
    }
}


/// `leads show` at a terminal: every line wrapped to the width under its own
/// indent, never cut; notes and activities newest first, activities aligned.
@Suite struct LeadDetailTextTests {
    @Test func longNotesAndActivitiesWrapNeverCut() throws {
        let note = (1...40).map { "word\($0)" }.joined(separator: " ") + " THE-END"
        let lead = LeadDetail(json: .object([
            "slug": .string("francois-lefevre-7"), "first_name": .string("François"), "last_name": .string("Lefèvre"),
            "email": .string("francois.lefevre.7@example.com"), "phone": .string("+16415250659"),
            "notes": .array([
                .object(["id": .integer(1), "note": .string("Older"), "note_created": .string("2026-11-01 10:00"), "user": .string("demo")]),
                .object(["id": .integer(2), "note": .string(note), "note_created": .string("2026-11-23 16:30"), "user": .string("alex")]),
            ]),
            "recent_activities": .array([
                .object(["activity_type": .string("lead_created"), "activity": .string("Lead created"), "created": .string("2026-11-01 09:00")]),
                .object(["activity_type": .string("appointment_created"), "activity": .string("Appointment booked for 2026-11-30 10:00 with the whole buying committee"),
                         "created": .string("2026-11-23 16:30")]),
            ]),
        ]))
        let text = LeadDetailText.render(lead, width: 60)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(text)")
        #expect(!text.contains("…"), "something was cut:\n\(text)")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        for index in 1...40 { #expect(words.contains("word\(index)"), "word\(index) lost") }
        #expect(words.contains("THE-END") && words.contains("committee"))
        // Newest first, and the activities' text in one column.
        #expect(text.range(of: "#2")!.lowerBound < text.range(of: "#1")!.lowerBound)
        let booked = try #require(lines.first { $0.contains("Appointment booked") })
        let created = try #require(lines.first { $0.contains("Lead created") })
        #expect(booked.range(of: "Appointment")!.lowerBound.utf16Offset(in: booked) == created.range(of: "Lead created")!.lowerBound.utf16Offset(in: created))
        // A wrapped note's later lines keep the note's indent.
        let continued = try #require(lines.first { $0.contains("THE-END") })
        #expect(continued.hasPrefix("      ") && !continued.hasPrefix("       "))
    }

    /// A slug, email or phone longer than the terminal runs past the edge whole: it is what the
    /// next command takes (a 63-character slug was broken at 60 columns, so a copy was wrong).
    @Test func identifiersAreNeverBroken() {
        let slug = "maximilian-alexander-von-hohenzollern-sigmaringen-und-wurtte-10"
        let email = "maximilian.alexander.von.hohenzollern@sigmaringen.example"
        let lead = LeadDetail(json: .object([
            "slug": .string(slug), "first_name": .string("Maximilian"), "last_name": .string("von Hohenzollern"),
            "email": .string(email), "phone": .string("+123456789012345"),
        ]))
        let lines = LeadDetailText.render(lead, width: 60).split(separator: "\n").map(String.init)
        #expect(lines.contains("Slug:       \(slug)"))
        #expect(lines.contains("Email:      \(email)"))
    }
}
