import TextEditing
import Foundation
import LeadsAPI

/// A day and a time of day, as typed into a form.
public struct DayTime: Hashable, Sendable, CustomStringConvertible {
    public var day: Day
    public var hour: Int
    public var minute: Int

    public init(day: Day, hour: Int, minute: Int) { self.day = day; self.hour = hour; self.minute = minute }

    /// The minute `date` falls in, in `zone`.
    public init(_ date: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        self.init(day: Day(date, in: zone), hour: parts.hour ?? 0, minute: parts.minute ?? 0)
    }

    /// `2026-11-24 14:00`, as the service takes it.
    public var description: String { "\(day) " + String(format: "%02d:%02d", hour, minute) }
    /// `Tue 24 Nov 14:00`, to show next to the field; `Mon 17 Nov 2036 09:00`
    /// outside `today`'s year (an offset of weeks may land years away).
    public func friendly(today: Day) -> String {
        "\(day.short)\(day.year == today.year ? "" : " \(day.year)") " + String(format: "%02d:%02d", hour, minute)
    }

    public func date(in zone: TimeZone) -> Date { day.at(hour: hour, minute: minute, in: zone) }

    /// Minutes later (across midnight into the next day).
    public func adding(minutes: Int) -> DayTime {
        let total = WholeNumber.adding(hour * 60 + minute, minutes)
        let days = Int((Double(total) / 1440).rounded(.down))
        let rest = total - days * 1440
        return DayTime(day: day.adding(days: days), hour: rest / 60, minute: rest % 60)
    }

    public static func < (a: DayTime, b: DayTime) -> Bool { (a.day, a.hour, a.minute) < (b.day, b.hour, b.minute) }
}

/// What people type for a date and time, resolved against today:
/// `2026-11-24 14:00`, `today 14:00`, `tomorrow 9`, `mon 10:30`, `+2d 15:00`,
/// `+1w 9:00`, `14:00` (today), `2pm`, `9:30am`, and the service's own
/// `12/01/2026 10:00` (MM/DD/YYYY, as `appointments list` takes it).
///
/// A weekday means the next one: today when it is that day and the time has
/// not passed yet (`now`), else a week on (`mon 10:30` on a Monday afternoon
/// is next Monday). A time is required: `tomorrow` alone names no time and is an error.
public enum DateInput {
    public static func parse(_ text: String, today: Day, now: DayTime? = nil) -> Result<DayTime, DateInputError> {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else { return .failure(.init("Enter a date and time, e.g. tomorrow 9:30 or 2026-12-01 14:00.")) }
        var day: Day?
        var time: (Int, Int)?
        for word in words {
            if let parsed = Self.dayResult(word, today: today) {
                guard day == nil else { return .failure(.init("Two dates in “\(text)”.")) }
                switch parsed {
                case .success(let parsed): day = parsed
                case .failure(let error): return .failure(error)
                }
            } else if let parsed = Self.time(word) {
                guard time == nil else { return .failure(.init("Two times in “\(text)”.")) }
                time = parsed
            } else {
                return .failure(.init("“\(word)” is not a date or time (try today, tomorrow, mon, +2d, 2026-12-01, 14:00)."))
            }
        }
        guard let (hour, minute) = time else {
            // A day before today can take no time that is not past: say that rather than suggest one.
            if let day, day < today {
                return .failure(.init("“\(text)” is \(DayTime(day: day, hour: 0, minute: 0).friendly(today: today).dropLast(6)), in the past: an appointment starts from now on."))
            }
            return .failure(.init("Add a time, e.g. \(words.joined(separator: " ")) 14:00."))
        }
        var resolved = DayTime(day: day ?? today, hour: hour, minute: minute)
        // A weekday that is today, at a time already past: the same weekday next week.
        if let now, resolved.day == today, resolved < now, words.contains(where: { weekdays[$0] != nil }) {
            resolved.day = today.adding(days: 7)
        }
        return .success(resolved)
    }

    static let weekdays = ["mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2, "wed": 3, "wednesday": 3,
                           "thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "fri": 5, "friday": 5,
                           "sat": 6, "saturday": 6, "sun": 7, "sunday": 7]

    /// How far an offset may reach: ten years either way, in days and in weeks.
    public static let offsetDays = 3650, offsetWeeks = 520
    /// The years a typed `yyyy-mm-dd` may name.
    public static let years = 1900...2999

    /// The day `word` names, nil when it names none (or names it out of range).
    public static func day(_ word: String, today: Day) -> Day? {
        if case .success(let day)? = dayResult(word, today: today) { return day }
        return nil
    }

    /// nil when `word` is not a day at all; a failure when it has a day's
    /// shape but is out of range (`+2000000000000000000w`, `3000-01-01`).
    /// Numbers are read by `WholeNumber`, so no length of digits can trap.
    public static func dayResult(_ word: String, today: Day) -> Result<Day, DateInputError>? {
        switch word {
        case "today": return .success(today)
        case "tomorrow", "tmr", "tom": return .success(today.adding(days: 1))
        case "yesterday": return .success(today.adding(days: -1))
        default: break
        }
        if let weekday = weekdays[word] { return .success(today.adding(days: (weekday - today.weekday + 7) % 7)) }
        if let sign = word.first, sign == "+" || sign == "-", word.count >= 3, let unit = word.last, "dw".contains(unit),
           word.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber }) {
            let limit = unit == "w" ? offsetWeeks : offsetDays
            switch WholeNumber.parse(word.dropFirst().dropLast(), in: 0...limit) {
            case .success(let count):
                return .success(today.adding(days: (sign == "-" ? -1 : 1) * count * (unit == "w" ? 7 : 1)))
            case .failure:
                return .failure(.init("“\(word)” is too far: offsets go up to \(limit) \(unit == "w" ? "weeks" : "days") (ten years)."))
            }
        }
        // MM/DD/YYYY, the service's own form.
        let slashed = word.split(separator: "/", omittingEmptySubsequences: false)
        if slashed.count == 3, slashed[0].count <= 2, slashed[1].count <= 2, slashed[2].count == 4,
           slashed.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return dayResult("\(slashed[2])-\(slashed[0])-\(slashed[1])", today: today)
                .map { $0.mapError { _ in DateInputError("“\(word)” is not a day of the calendar (MM/DD/YYYY, as the service writes it).") } }
        }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
           parts.allSatisfy({ part in part.allSatisfy { $0.isASCII && $0.isNumber } }),
           case .success(let y) = WholeNumber.parse(parts[0], in: 0...9999),
           case .success(let m) = WholeNumber.parse(parts[1], in: 0...99),
           case .success(let d) = WholeNumber.parse(parts[2], in: 0...99) {
            guard years.contains(y) else { return .failure(.init("“\(word)”: the year must be from \(years.lowerBound) to \(years.upperBound).")) }
            guard (1...12).contains(m), (1...APIDate.daysInMonth(year: y, month: m)).contains(d) else {
                return .failure(.init("“\(word)” is not a day of the calendar."))
            }
            return .success(Day(year: y, month: m, day: d))
        }
        return nil
    }

    /// `14:00`, `9`, `9:30`, `2pm`, `9:30am`, `12am` (midnight).
    static func time(_ word: String) -> (Int, Int)? {
        var text = word
        var meridiem: String?
        for suffix in ["am", "pm"] where text.hasSuffix(suffix) {
            meridiem = suffix
            text.removeLast(2)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy(\.isNumber) }),
              case .success(var hour) = WholeNumber.parse(parts[0], in: 0...99) else { return nil }
        let minute = parts.count == 2 ? (try? WholeNumber.parse(parts[1], in: 0...99).get()) ?? 99 : 0
        if parts.count == 2 && parts[1].count != 2 { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            hour = hour % 12 + (meridiem == "pm" ? 12 : 0)
        }
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}

public struct DateInputError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
