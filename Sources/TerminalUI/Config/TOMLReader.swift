import TextEditing
/// A small TOML reader that remembers the line of every table and key, so a
/// theme or keymap problem can be reported as `file:line: problem`.
///
/// It reads the subset our files use: comments, `[table]` headers (dotted,
/// bare or quoted parts), `key = value` with bare or quoted keys (a bare
/// dotted key is kept as one flat name: `ui.text`), basic and literal
/// strings, integers, Booleans, arrays and inline tables, spread over lines
/// while brackets are open. Anything else is an error with its line.
public enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case array([TOMLValue])
    case table([TOMLEntry])

    public var string: String? { if case .string(let s) = self { return s }; return nil }
}

public struct TOMLEntry: Hashable, Sendable {
    public var key: String
    public var value: TOMLValue
    public var line: Int
}

public struct TOMLTable: Hashable, Sendable {
    /// "" for the top level.
    public var name: String
    public var line: Int
    public var entries: [TOMLEntry]
}

public struct TOMLError: Error, Hashable, Sendable {
    public var line: Int
    public var message: String
}

public enum TOMLReader {
    /// The tables in file order (the top level first), or the first error.
    public static func read(_ text: String) -> Result<[TOMLTable], TOMLError> {
        var tables = [TOMLTable(name: "", line: 1, entries: [])]
        // CRLF and a lone CR end lines too (TOML 1.0 allows CRLF; Windows editors write it).
        var lines = LineBreaks.lines(text, asciiOnly: true).map(String.init)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        var index = 0
        while index < lines.count {
            let lineNumber = index + 1
            var statement = lines[index]
            index += 1
            // Join continuation lines while brackets or braces are open.
            while bracketDepth(statement) > 0, index < lines.count {
                statement += "\n" + lines[index]
                index += 1
            }
            var scanner = TOMLScanner(statement, line: lineNumber)
            scanner.skipSpaceAndComment()
            if scanner.isAtEnd { continue }
            do {
                if scanner.peek == "[" {
                    scanner.advance()
                    let name = try scanner.key(stopAt: "]")
                    guard scanner.peek == "]" else { throw scanner.error("expected ] after table name") }
                    scanner.advance()
                    scanner.skipSpaceAndComment()
                    guard scanner.isAtEnd else { throw scanner.error("unexpected text after table header") }
                    if tables.contains(where: { $0.name == name }) { throw scanner.error("table [\(name)] appears twice") }
                    tables.append(TOMLTable(name: name, line: lineNumber, entries: []))
                } else {
                    let key = try scanner.key(stopAt: "=")
                    guard scanner.peek == "=" else { throw scanner.error("expected = after key “\(key)”") }
                    scanner.advance()
                    let value = try scanner.value()
                    scanner.skipSpaceAndComment()
                    guard scanner.isAtEnd else { throw scanner.error("unexpected text after the value of “\(key)”") }
                    tables[tables.count - 1].entries.append(TOMLEntry(key: key, value: value, line: lineNumber))
                }
            } catch let error as TOMLError {
                return .failure(error)
            } catch {
                return .failure(TOMLError(line: lineNumber, message: "\(error)"))
            }
        }
        return .success(tables)
    }

    /// Open [ and { outside strings and comments.
    static func bracketDepth(_ text: String) -> Int {
        var depth = 0
        var quote: Character?
        var escaped = false
        for character in text {
            if let open = quote {
                if escaped { escaped = false } else if character == "\\" && open == "\"" { escaped = true } else if character == open { quote = nil }
                continue
            }
            switch character {
            case "\"", "'": quote = character
            case "#": return depth
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            default: break
            }
        }
        return depth
    }
}

struct TOMLScanner {
    let characters: [Character]
    var index = 0
    let startLine: Int

    init(_ text: String, line: Int) {
        characters = Array(text)
        startLine = line
    }

    var isAtEnd: Bool { index >= characters.count }
    var peek: Character? { isAtEnd ? nil : characters[index] }
    mutating func advance() { index += 1 }

    /// The line the scanner is on (statements may span lines).
    var line: Int { startLine + characters[..<min(index, characters.count)].filter { $0 == "\n" }.count }

    func error(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    mutating func skipSpace(newlines: Bool = false) {
        while let c = peek, c == " " || c == "\t" || c == "\r" || (newlines && c == "\n") { advance() }
    }

    mutating func skipSpaceAndComment(newlines: Bool = false) {
        while true {
            skipSpace(newlines: newlines)
            guard peek == "#" else { return }
            while let c = peek, c != "\n" { advance() }
            if !newlines { return }
        }
    }

    /// A key: bare (`a-z A-Z 0-9 _ - .`) or quoted; a dotted bare key stays one name.
    mutating func key(stopAt stop: Character) throws -> String {
        skipSpace()
        var parts: [String] = []
        while true {
            skipSpace()
            if peek == "\"" || peek == "'" {
                parts.append(try quoted())
            } else {
                var bare = ""
                while let c = peek, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" { bare.append(c); advance() }
                guard !bare.isEmpty else { throw error(peek == stop ? "missing key" : "invalid character “\(peek.map(String.init) ?? "end of line")” in a key") }
                parts.append(bare)
            }
            skipSpace()
            if peek == "." { advance(); continue }
            return parts.joined(separator: ".")
        }
    }

    mutating func value() throws -> TOMLValue {
        skipSpace()
        guard let c = peek else { throw error("missing value") }
        switch c {
        case "\"", "'": return .string(try quoted())
        case "[":
            advance()
            var items: [TOMLValue] = []
            while true {
                skipSpaceAndComment(newlines: true)
                if peek == "]" { advance(); return .array(items) }
                items.append(try value())
                skipSpaceAndComment(newlines: true)
                if peek == "," { advance(); continue }
                if peek == "]" { advance(); return .array(items) }
                throw error("expected , or ] in an array")
            }
        case "{":
            advance()
            var entries: [TOMLEntry] = []
            while true {
                skipSpaceAndComment(newlines: true)
                if peek == "}" { advance(); return .table(entries) }
                let entryLine = line
                let name = try key(stopAt: "=")
                guard peek == "=" else { throw error("expected = after “\(name)”") }
                advance()
                entries.append(TOMLEntry(key: name, value: try value(), line: entryLine))
                skipSpaceAndComment(newlines: true)
                if peek == "," { advance(); continue }
                if peek == "}" { advance(); return .table(entries) }
                throw error("expected , or } in an inline table")
            }
        default:
            var word = ""
            while let c = peek, !c.isWhitespace, c != ",", c != "]", c != "}", c != "#" { word.append(c); advance() }
            if word == "true" { return .bool(true) }
            if word == "false" { return .bool(false) }
            switch WholeNumber.parse(word, in: Int.min...Int.max, underscores: true) {
            case .success(let number): return .integer(number)
            case .failure(.outOfRange): throw error("“\(word)” is too large for a whole number (TOML integers are 64-bit)")
            case .failure(.notANumber): break
            }
            throw error(word.isEmpty ? "missing value" : "“\(word)” is not a value (strings need quotes)")
        }
    }

    mutating func quoted() throws -> String {
        guard let quote = peek else { throw error("missing string") }
        advance()
        var text = ""
        while let c = peek {
            advance()
            if c == quote { return text }
            if c == "\n" { break }
            if c == "\\" && quote == "\"" {
                guard let escaped = peek else { break }
                advance()
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "b": text.append("\u{08}")
                case "f": text.append("\u{0C}")
                case "\\": text.append("\\")
                case "\"": text.append("\"")
                case "u", "U":
                    let count = escaped == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count { if let h = peek { hex.append(h); advance() } }
                    guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else { throw error("bad \\u escape") }
                    text.unicodeScalars.append(scalar)
                default: throw error("unknown escape \\\(escaped)")
                }
            } else {
                text.append(c)
            }
        }
        throw error("unterminated string")
    }
}

