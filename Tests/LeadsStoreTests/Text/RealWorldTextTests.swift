import Foundation
import LeadsAPI
import TestSupport
import Testing
import TextEditing
@testable import LeadsStore

/// The roots of issue 10's kinds, one function each: `WholeNumber`, `LineBreaks`,
/// `SearchFolding`, `TextInput.insertable`/`paste`.
@Suite struct WholeNumberTests {
    @Test(arguments: [
        ("42", 0...100, Result<Int, WholeNumber.Failure>.success(42)),
        (" +7 ", 0...100, .success(7)),
        ("-3", -5...5, .success(-3)),
        ("2000000000000000000", 0...520, .failure(.outOfRange(0...520))),
        ("99999999999999999999999999999", Int.min...Int.max, .failure(.outOfRange(Int.min...Int.max))),
        ("9223372036854775807", Int.min...Int.max, .success(Int.max)),
        ("-9223372036854775808", Int.min...Int.max, .success(Int.min)),
        ("", 0...1, .failure(.notANumber)),
        ("+", 0...1, .failure(.notANumber)),
        ("1e3", 0...10_000, .failure(.notANumber)),
        ("١٢", 0...100, .failure(.notANumber)),   // Arabic-Indic digits: not ASCII
        ("1_000", 0...10_000, .failure(.notANumber)),
    ])
    func readsInRangeOrSaysWhy(_ text: String, _ range: ClosedRange<Int>, _ expected: Result<Int, WholeNumber.Failure>) {
        #expect(WholeNumber.parse(text, in: range) == expected)
    }

    @Test func underscoresOnlyBetweenDigitsWhenAsked() {
        #expect(WholeNumber.parse("1_000", in: 0...10_000, underscores: true) == .success(1000))
        #expect(WholeNumber.parse("_1", in: 0...10, underscores: true) == .failure(.notANumber))
        #expect(WholeNumber.parse("1__0", in: 0...10, underscores: true) == .failure(.notANumber))
    }

    @Test func sumsAndProductsClampInsteadOfTrapping() {
        #expect(WholeNumber.adding(.max, 1) == .max)
        #expect(WholeNumber.adding(.min, -1) == .min)
        #expect(WholeNumber.multiplying(.max / 2, 3) == .max)
        #expect(WholeNumber.multiplying(.max / 2, -3) == .min)
        #expect(WholeNumber.adding(2, 3) == 5)
    }

    /// The calendar takes any day offset a caller hands it without trapping.
    @Test func daysClampAtTheirEdges() {
        let day = Day(year: 2026, month: 11, day: 24)
        _ = day.adding(days: .max)
        _ = day.adding(days: .min)
        _ = day.adding(months: .max)
        #expect(day.adding(days: 7) == Day(year: 2026, month: 12, day: 1))
    }
}

extension WholeNumberTests {
    /// What `String(format: "%02d")` gave, without Foundation's formatter on every row.
    @Test func zeroPaddedMatchesPrintf() {
        for (value, width) in [(0, 2), (7, 2), (42, 2), (123, 2), (2026, 4), (7, 4), (-5, 3), (Int.min, 2)] {
            let printf = String(format: "%0\(width)ld", value)
            #expect(WholeNumber.zeroPadded(value, width: width) == printf, "\(value) at \(width)")
        }
    }
}

@Suite struct LineBreaksTests {
    @Test func everyKindOfBreakIsOne() {
        #expect(LineBreaks.normalized("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(LineBreaks.lines("a\r\nb\rc\n").map(String.init) == ["a", "b", "c", ""])
        #expect(LineBreaks.oneLine("Agenda:\r\n1. pricing\r2. contract\tnow") == "Agenda: 1. pricing 2. contract now")
        #expect(TextInput("one\r\ntwo").text == "one\ntwo")
    }
}

/// One folding function for the filter, the lead picker and the palette.
@Suite struct SearchFoldingTests {
    @Test(arguments: [
        ("strasse", "Straße"), ("STRASSE", "straße"), ("muller", "Müller"), ("ΟΔΟΣ", "οδός"), ("nino", "Niño"),
        ("zoe", "Zoë Ångström"), ("angstrom", "Zoë Ångström"), ("bjorn", "Björn Þórsson"), ("thorsson", "Björn Þórsson"),
        ("lodz", "Łódź"), ("orsted", "Ørsted"), ("francois", "François Lefèvre"), ("siobhan", "Siobhán O'Brien"),
        ("ayse", "Ayşe Mensah"), ("ελενη", "ΕΛΈΝΗ"), ("full", "Ｆｕｌｌ"), ("山田", "太郎 山田"), ("MIA", "Mia Chen 🌸"),
    ])
    func findsWhatPeopleType(_ query: String, _ text: String) {
        #expect(SearchFolding.matches(query, in: text), "\(query) should find \(text)")
    }

    @Test(arguments: [("muller", "Miller"), ("nino", "Nina"), ("strasse", "Strase")])
    func findsNothingElse(_ query: String, _ text: String) {
        #expect(!SearchFolding.matches(query, in: text))
    }

    @Test func theListFilterThePickerAndThePaletteAllFold() {
        var list = LeadListState()
        func lead(_ id: Int, _ first: String, _ last: String) -> LeadSummary {
            LeadSummary(id: id, slug: "lead-\(id)", firstName: first, lastName: last, phone: "+15550000\(id)", email: "l\(id)@example.com",
                        addedOn: nil, status: "prospect", source: "website", owner: "demo")
        }
        list.append(Page(results: [lead(1, "Zoë", "Ångström"), lead(2, "Jörg", "Müller"), lead(3, "Ana", "Souza")], count: 3),
                    at: 0, pageSize: 50)
        list.setText("muller")
        #expect(list.visible.map { list.rows[$0].name } == ["Jörg Müller"])
        list.setText("")
        #expect(AppReducer.leads(matching: "zoe", in: list).map(\.name) == ["Zoë Ångström"])
        var palette = PaletteState()
        palette.query = TextInput("CALENDÁRIO")   // no such command: nothing
        #expect(palette.matches().isEmpty)
        palette.query = TextInput("NÉW LEÁD")
        #expect(palette.matches().contains(.newLead))
    }
}

@Suite struct InsertedTextTests {
    @Test func controlsAreDroppedBreaksAndTabsFollowTheField() {
        #expect(String(TextInput.insertable("a\tb\u{1B}c\u{7}d\r\ne\u{9B}f", singleLine: true)) == "a bcd ef")
        #expect(String(TextInput.insertable("a\tb\u{1B}c\r\nd\re", singleLine: false)) == "a bc\nd\ne")
    }

    @Test func aPasteIsCutToTheLimitInCodePoints() {
        var input = TextInput("0123456789")
        let result = input.paste(String(repeating: "x", count: 102_400), singleLine: false, limit: 499)
        #expect(result.pasted == 102_400 && result.kept == 489)
        #expect(input.text.unicodeScalars.count == 499 && input.cursor == 499)
        var emoji = TextInput()
        emoji.paste("e\u{301}e\u{301}", singleLine: true, limit: 3)   // each é is two code points
        #expect(emoji.text == "e\u{301}")
    }
}
