import Foundation

/// A date as the service sent it: the raw text, always kept, and what could be parsed of it.
///
/// The document shows dates as `yyyy-mm-dd hh:mm` (appointments), `MM/DD/YYYY`
/// (list filters) and leaves `added_on`/`created` unspecified; Django may send
/// ISO 8601 with or without a zone. All of these parse; anything else keeps its
/// raw text and `components == nil`, so a display can still show it.
/// A time without a zone is the service's wall-clock time: `date(in:)` takes
/// the zone to read it in (the user's, by default).
public struct APIDate: Sendable, Hashable, Codable, CustomStringConvertible {
    public struct Components: Sendable, Hashable, Comparable {
        public var year: Int, month: Int, day: Int
        public var hour: Int, minute: Int, second: Int
        /// Whether a time of day was present.
        public var hasTime: Bool
        /// Seconds east of UTC when the text carried a zone.
        public var utcOffset: Int?

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, hasTime: Bool = true, utcOffset: Int? = nil) {
            self.year = year; self.month = month; self.day = day
            self.hour = hour; self.minute = minute; self.second = second
            self.hasTime = hasTime; self.utcOffset = utcOffset
        }

        public static func < (lhs: Components, rhs: Components) -> Bool {
            (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
                < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
        }
    }

    public let raw: String
    public let components: Components?

    public init(raw: String) {
        self.raw = raw
        self.components = APIDate.parse(raw)
    }

    /// A date built from a point in time, written as the API's `yyyy-mm-dd hh:mm`.
    public init(_ date: Date, in timeZone: TimeZone = .current, seconds: Bool = false) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let parts = Components(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1,
                               hour: c.hour ?? 0, minute: c.minute ?? 0, second: seconds ? (c.second ?? 0) : 0)
        self.components = parts
        self.raw = seconds ? APIDate.format(parts, seconds: true) : APIDate.format(parts)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(raw: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    public var description: String { raw }

    /// The instant, reading a zone-less time in `timeZone`.
    public func date(in timeZone: TimeZone = .current) -> Date? {
        guard let c = components else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = c.utcOffset.flatMap(TimeZone.init(secondsFromGMT:)) ?? timeZone
        return calendar.date(from: DateComponents(year: c.year, month: c.month, day: c.day,
                                                  hour: c.hour, minute: c.minute, second: c.second))
    }

    /// `yyyy-mm-dd hh:mm` (the format the API takes for appointments), or with seconds.
    public static func format(_ c: Components, seconds: Bool = false) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2)) \(pad(c.hour, 2)):\(pad(c.minute, 2))"
        if seconds { text += ":\(pad(c.second, 2))" }
        return text
    }

    /// `MM/DD/YYYY`, the format of the appointment list's `ondate` filter.
    public static func formatFilterDate(year: Int, month: Int, day: Int) -> String {
        String(format: "%02d/%02d/%04d", month, day, year)
    }

    // MARK: Parsing

    /// Parses every shape listed in the type's comment; nil for anything else.
    ///
    ///     2026-11-28 14:30            2026-11-28 14:30:05
    ///     2026-11-28T14:30:05.123Z    2026-11-28T14:30:05+01:00   2026-11-28T14:30:05+0100
    ///     2026-11-28 14-30 (update appointment's documented "hh-mm")
    ///     2026-11-28                  2026/11/28
    ///     11/28/2026                  11/28/2026 2:30 PM          11/28/2026 14:30
    public static func parse(_ raw: String) -> Components? {
        var scanner = DigitScanner(raw.trimmingCharacters(in: .whitespaces))
        guard let first = scanner.number(maxDigits: 4) else { return nil }
        var parts: Components
        if first.digits == 4 {
            // yyyy-mm-dd or yyyy/mm/dd
            guard let separator = scanner.take(anyOf: "-/"),
                  let month = scanner.number(maxDigits: 2),
                  scanner.take(anyOf: [separator]) != nil,
                  let day = scanner.number(maxDigits: 2) else { return nil }
            parts = Components(year: first.value, month: month.value, day: day.value, hasTime: false)
        } else if first.digits <= 2 {
            // MM/DD/YYYY
            guard scanner.take(anyOf: "/") != nil,
                  let day = scanner.number(maxDigits: 2),
                  scanner.take(anyOf: "/") != nil,
                  let year = scanner.number(maxDigits: 4), year.digits == 4 else { return nil }
            parts = Components(year: year.value, month: first.value, day: day.value, hasTime: false)
        } else {
            return nil
        }
        guard isValidDay(parts) else { return nil }
        if scanner.isAtEnd { return parts }

        guard scanner.take(anyOf: "T t") != nil else { return nil }
        while scanner.take(anyOf: " ") != nil {}
        guard let hour = scanner.number(maxDigits: 2) else { return nil }
        // "hh:mm" normally; "hh-mm" as update appointment's table writes it.
        guard let timeSeparator = scanner.take(anyOf: ":-"),
              let minute = scanner.number(maxDigits: 2), minute.digits == 2 else { return nil }
        parts.hour = hour.value
        parts.minute = minute.value
        parts.hasTime = true
        if scanner.take(anyOf: [timeSeparator]) != nil {
            guard let second = scanner.number(maxDigits: 2) else { return nil }
            parts.second = second.value
            if scanner.take(anyOf: ".,") != nil { _ = scanner.number(maxDigits: 9) }
        }
        while scanner.take(anyOf: " ") != nil {}
        // 12-hour clock, as people write it next to MM/DD/YYYY.
        let beforeWord = scanner.position
        if let meridiem = scanner.word(), ["AM", "PM"].contains(meridiem.uppercased()) {
            guard (1...12).contains(parts.hour) else { return nil }
            parts.hour = parts.hour % 12 + (meridiem.uppercased() == "PM" ? 12 : 0)
            while scanner.take(anyOf: " ") != nil {}
        } else {
            scanner.position = beforeWord
        }
        if let sign = scanner.take(anyOf: "Zz+-") {
            if sign == "Z" || sign == "z" {
                parts.utcOffset = 0
            } else {
                guard let hours = scanner.number(maxDigits: 2) else { return nil }
                var minutes = 0
                if hours.digits == 2 {
                    _ = scanner.take(anyOf: ":")
                    minutes = scanner.number(maxDigits: 2)?.value ?? 0
                }
                let offset = hours.value * 3600 + minutes * 60
                parts.utcOffset = sign == "-" ? -offset : offset
            }
        }
        guard scanner.isAtEnd, parts.hour < 24, parts.minute < 60, parts.second < 61 else { return nil }
        return parts
    }

    static func isValidDay(_ c: Components) -> Bool {
        guard (1...9999).contains(c.year), (1...12).contains(c.month), c.day >= 1 else { return false }
        return c.day <= daysInMonth(year: c.year, month: c.month)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A tiny scanner over the characters of a date string.
struct DigitScanner {
    private let characters: [Character]
    private var index = 0

    /// Where the scanner is; set it back to undo a look-ahead.
    var position: Int {
        get { index }
        set { index = newValue }
    }

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { index == characters.count }

    mutating func number(maxDigits: Int) -> (value: Int, digits: Int)? {
        var value = 0, digits = 0
        while index < characters.count, digits < maxDigits, let digit = characters[index].wholeNumberValue, characters[index].isASCII {
            value = value * 10 + digit
            digits += 1
            index += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    mutating func take(anyOf set: [Character]) -> Character? {
        guard index < characters.count, set.contains(characters[index]) else { return nil }
        defer { index += 1 }
        return characters[index]
    }

    mutating func take(anyOf set: String) -> Character? { take(anyOf: Array(set)) }

    mutating func word() -> String? {
        let start = index
        while index < characters.count, characters[index].isLetter { index += 1 }
        return index == start ? nil : String(characters[start..<index])
    }
}
