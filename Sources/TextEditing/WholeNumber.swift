/// Whole numbers that come from a person, a file or a server, read with a
/// range: the one way the app turns digits into an `Int`.
///
/// Swift traps on arithmetic overflow, so a number typed as
/// `2000000000000000000` must be refused before anything multiplies it.
/// Every reader of a person's number (date offsets, durations, ids, settings,
/// page sizes) goes through `parse`, and every sum of numbers it did not make
/// itself through `adding`/`multiplying`, which clamp instead of trapping.
public enum WholeNumber {
    public enum Failure: Error, Equatable, Sendable {
        /// Not an optional sign followed by digits (`_` allowed between digits when asked).
        case notANumber
        /// A number, but outside `range` (including beyond what 64 bits hold).
        case outOfRange(ClosedRange<Int>)

        /// "must be a whole number" / "must be from 5 to 720", for a field's or a line's message.
        public var message: String {
            switch self {
            case .notANumber: return "must be a whole number"
            case .outOfRange(let range): return "must be from \(range.lowerBound) to \(range.upperBound)"
            }
        }
    }

    /// `text` as a whole number in `range`: an optional `+` or `-`, then
    /// ASCII digits (surrounding spaces ignored; `_` between digits when
    /// `underscores`, as TOML writes `10_000`). Any length of digits is read
    /// without trapping: too many is `.outOfRange`.
    public static func parse<S: StringProtocol>(_ text: S, in range: ClosedRange<Int>, underscores: Bool = false) -> Result<Int, Failure> {
        var body = Substring(text).drop(while: { $0 == " " })
        while body.last == " " { body.removeLast() }
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber, body.last?.isNumber == true else { return .failure(.notANumber) }
        var value = 0
        var overflow = false
        var previousWasDigit = false
        for character in body {
            if underscores && character == "_" && previousWasDigit { previousWasDigit = false; continue }
            guard character.isASCII, let digit = character.wholeNumberValue else { return .failure(.notANumber) }
            previousWasDigit = true
            if overflow { continue }
            let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = shifted.addingReportingOverflow(negative ? -digit : digit)
            if o1 || o2 { overflow = true } else { value = next }
        }
        guard !overflow, range.contains(value) else { return .failure(.outOfRange(range)) }
        return .success(value)
    }

    /// `a + b`, clamped to `Int`'s range instead of trapping (offsets and counts from a server).
    /// `number` with its thousands separated by commas: 19000 → "19,000" (the same in every locale).
    public static func grouped(_ number: Int) -> String {
        var digits = String(number.magnitude)
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    public static func adding(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// `a × b`, clamped to `Int`'s range instead of trapping.
    public static func multiplying(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) != (b < 0) ? .min : .max) : product
    }
}

public extension WholeNumber {
    /// `value` in decimal with leading zeros to `width` digits (`7, width: 2` → "07"; a
    /// negative value keeps its sign before the zeros). What `String(format: "%02d")` gives,
    /// without Foundation's formatter and locale on every row of a frame.
    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
