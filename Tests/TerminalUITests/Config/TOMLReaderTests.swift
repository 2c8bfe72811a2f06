import Testing
@testable import TerminalUI

@Suite struct TOMLLineBreakAndNumberTests {
    /// TOML 1.0 allows CRLF; a lone CR is read as a line end too. Before, a CRLF
    /// file failed at line 1 ("unexpected text after table header").
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineBreakEndsALine(_ newline: String) throws {
        let text = ["\u{FEFF}# settings", "[leads]", "page_size = 20  # rows", "user = \"ana\"", "[calendar]", "bell = true", "list = [", "  1,", "  2,", "]"]
            .joined(separator: newline) + newline
        let tables = try TOMLReader.read(text).get()
        #expect(tables.map(\.name) == ["", "leads", "calendar"])
        #expect(tables[1].entries.map(\.line) == [3, 4])
        #expect(tables[1].entries.first?.value == .integer(20))
        #expect(tables[1].entries.last?.value == .string("ana"))
        #expect(tables[2].entries.map(\.key) == ["bell", "list"])
        #expect(tables[2].entries.last?.value == .array([.integer(1), .integer(2)]))
    }

    /// TOML's line ends are LF and CRLF (and, here, a lone CR); U+2028 inside a string is text.
    @Test func aUnicodeLineSeparatorInAStringIsText() throws {
        let tables = try TOMLReader.read("a = \"x\u{2028}y\"\r\nb = 1").get()
        #expect(tables[0].entries.map(\.value) == [.string("x\u{2028}y"), .integer(1)])
    }

    /// Every escape of TOML 1.0's basic strings (\b \t \n \f \r \" \\ \uXXXX).
    @Test func everyBasicStringEscapeIsRead() throws {
        let tables = try TOMLReader.read(#"a = "1\b2\t3\n4\f5\r6\"7\\8\u00e9""#).get()
        #expect(tables[0].entries.first?.value == .string("1\u{08}2\t3\n4\u{0C}5\r6\"7\\8é"))
    }

    /// Numbers too big for 64 bits are the line's message, never a trap.
    @Test(arguments: [
        ("a = 99999999999999999999999", "“99999999999999999999999” is too large for a whole number (TOML integers are 64-bit)"),
        ("a = -9223372036854775809", "“-9223372036854775809” is too large for a whole number (TOML integers are 64-bit)"),
    ])
    func hugeNumbersAreNamed(_ text: String, _ message: String) {
        #expect(TOMLReader.read(text) == .failure(TOMLError(line: 1, message: message)))
    }

    @Test func integersWithSignsAndUnderscores() throws {
        let tables = try TOMLReader.read("a = +10_000\nb = -3\nc = 9223372036854775807").get()
        #expect(tables[0].entries.map(\.value) == [.integer(10_000), .integer(-3), .integer(Int.max)])
    }
}
