import Foundation
import LeadsAPI
import Testing

@Suite struct APIDateTests {
    typealias C = APIDate.Components

    static let parsed: [(String, C)] = [
        ("2026-11-28 14:30", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30)),
        ("2026-11-28 14:30:05", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30, second: 5)),
        ("2026-11-28T14:30:05Z", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30, second: 5, utcOffset: 0)),
        ("2026-11-28T14:30:05.123456+01:00", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30, second: 5, utcOffset: 3600)),
        ("2026-11-28T14:30:05-0530", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30, second: 5, utcOffset: -19800)),
        ("2026-11-28T14:30", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30)),
        ("2026-11-28 14-30", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30)),
        ("2026-11-28", C(year: 2026, month: 11, day: 28, hasTime: false)),
        ("2026/11/28", C(year: 2026, month: 11, day: 28, hasTime: false)),
        ("11/28/2026", C(year: 2026, month: 11, day: 28, hasTime: false)),
        ("2/29/2028", C(year: 2028, month: 2, day: 29, hasTime: false)),
        ("11/28/2026 2:30 PM", C(year: 2026, month: 11, day: 28, hour: 14, minute: 30)),
        ("11/28/2026 12:05 am", C(year: 2026, month: 11, day: 28, hour: 0, minute: 5)),
        (" 2026-01-02 03:04 ", C(year: 2026, month: 1, day: 2, hour: 3, minute: 4)),
    ]

    @Test(arguments: parsed)
    func parsesEveryDocumentedShape(_ text: String, _ expected: C) {
        let date = APIDate(raw: text)
        #expect(date.components == expected)
        #expect(date.raw == text)
    }

    @Test(arguments: ["", "tomorrow", "2026-13-01", "2026-02-29", "02/30/2026", "2026-11-28 25:00", "2026-11-28 14:3",
                      "2026-11-28X14:30", "28.11.2026", "2026-11-28 14:30 trailing", "12345"])
    func keepsRawTextOfWhatDoesNotParse(_ text: String) {
        let date = APIDate(raw: text)
        #expect(date.components == nil)
        #expect(date.raw == text)
        #expect(date.date() == nil)
    }

    @Test func readsZoneLessTimesInTheGivenZone() throws {
        let date = APIDate(raw: "2026-11-28 14:30")
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(date.date(in: tokyo) == Date(timeIntervalSince1970: 1_795_843_800))   // 05:30 UTC
        // A zone in the text wins over the one given.
        #expect(APIDate(raw: "2026-11-28T14:30:00Z").date(in: tokyo) == Date(timeIntervalSince1970: 1_795_876_200))
    }

    @Test func writesTheAPIFormatFromADate() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(APIDate(Date(timeIntervalSince1970: 1_795_876_200), in: utc).raw == "2026-11-28 14:30")
        #expect(APIDate.formatFilterDate(year: 2026, month: 3, day: 7) == "03/07/2026")
    }

    @Test func componentsOrderChronologically() {
        #expect(APIDate.parse("2026-11-28 09:59")! < APIDate.parse("2026-11-28 10:00")!)
        #expect(APIDate.parse("2025-12-31 23:59")! < APIDate.parse("2026-01-01 00:00")!)
    }
}
