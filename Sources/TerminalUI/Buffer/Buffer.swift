/// A grid of cells that screens draw into; backends copy it to the terminal.
///
/// Every string written is made safe first (`SafeGraphemes`): control
/// characters, ESC, C1 and bidi overrides become visible placeholders, so
/// no byte of a server's text can act on the terminal.
public struct Buffer: Hashable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// The frame's links, in the order drawn (`link`); a backend that can sends them with OSC 8.
    public private(set) var hyperlinks: [Hyperlink] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// One-character strings for the ASCII bytes, made once.
    static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Setting goes through the same rule as `put`: overwriting half of a wide character blanks its other half.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { setCell(newValue, at: x, y) }
    }

    /// Fills `rect` (clipped) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain, with grapheme: String = " ") {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        let cell = Cell(grapheme, width: 1, style: style)
        for y in clipped.y..<clipped.maxY {
            let row = y * width
            // A wide character cut by the rect's edge loses its other half too: no half of it may survive.
            if cells[row + clipped.x].isContinuation, clipped.x > 0 { cells[row + clipped.x - 1] = Cell(" ", style: cells[row + clipped.x - 1].style) }
            if cells[row + clipped.maxX - 1].width == 2, clipped.maxX < width { cells[row + clipped.maxX] = Cell(" ", style: cells[row + clipped.maxX].style) }
            for x in clipped.x..<clipped.maxX { cells[row + x] = cell }
        }
    }

    /// Writes `text` at (x, y), at most `maxWidth` columns (and never past the
    /// right edge); returns the x after the last column written. A wide
    /// grapheme that would straddle the limit is replaced by a blank.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        if DisplayWidth.isPrintableASCII(text) {
            // Printable ASCII is safe as it is and one column a byte: no grapheme breaking.
            for byte in text.utf8 {
                guard column < limit else { break }
                if column >= 0 { setCell(Cell(Self.asciiStrings[Int(byte)], width: 1, style: style), at: column, y) }
                column += 1
            }
            return column
        }
        for grapheme in SafeGraphemes(text) {
            let w = grapheme.width
            if w == 0 { continue }
            if column + w > limit {
                if column < limit { setCell(Cell(" ", width: 1, style: style), at: column, y) ; column += 1 }
                break
            }
            if column >= 0 {
                setCell(Cell(grapheme.text, width: UInt8(w), style: style), at: column, y)
                if w == 2, column + 1 < width { setCell(Cell("", width: 0, style: style), at: column + 1, y) }
            }
            column += w
        }
        return column
    }

    /// Writes `text` truncated with `…` to exactly `width` columns, padding with blanks.
    public mutating func putPadded(_ text: String, x: Int, y: Int, width columns: Int, style: Style = .plain, alignRight: Bool = false) {
        guard columns > 0 else { return }
        let fitted = DisplayWidth.truncate(text, to: columns)   // measured as drawn: the same cells SafeGraphemes makes
        let used = DisplayWidth.of(fitted)
        fill(Rect(x: x, y: y, width: columns, height: 1), style: style)
        put(fitted, x: alignRight ? x + columns - used : x, y: y, style: style, maxWidth: columns)
    }

    /// Makes the cells from `x` to `x + width − 1` of row `y` (clipped to the row) a link to
    /// `target`. A target that is not printable ASCII without `;` (see `Hyperlink.mailto`) is
    /// not linked at all: nothing of a server's text reaches the terminal as a control sequence.
    public mutating func link(x: Int, y: Int, width columns: Int, target: String) {
        let start = max(0, x), end = min(width, x + columns)
        guard y >= 0, y < height, start < end, Hyperlink.isSafe(target) else { return }
        hyperlinks.append(Hyperlink(x: start, y: y, width: end - start, target: target))
    }

    /// Changes the style of `rect` without touching the text.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { change(&cells[y * width + x].style) }
        }
    }

    private mutating func setCell(_ cell: Cell, at x: Int, _ y: Int) {
        // Overwriting half of a wide character blanks its other half.
        let index = y * width + x
        if cells[index].isContinuation, x > 0 { cells[index - 1] = Cell(" ", style: cells[index - 1].style) }
        if cells[index].width == 2, x + 1 < width, cell.width != 2 { cells[index + 1] = Cell(" ", style: cells[index + 1].style) }
        cells[index] = cell
    }

    // MARK: Reading back (tests, snapshots)

    /// The first cell that breaks the buffer's rules, described, or nil: a
    /// continuation follows its wide character, a wide character has its
    /// continuation inside the row, no cell holds a control or bidi character,
    /// and each grapheme is as wide as its cell says (`DisplayWidth`). The
    /// fuzz tests check every frame with it.
    public var malformedCell: String? {
        for (index, cell) in cells.enumerated() {
            if cell.width == 1, cell.grapheme.utf8.count == 1, let byte = cell.grapheme.utf8.first, byte >= 0x20, byte < 0x7F { continue }
            let x = index % width, y = index / width
            if cell.isContinuation {
                if x == 0 || cells[index - 1].width != 2 { return "a continuation without its wide character at \(x),\(y): \(line(y))" }
                continue
            }
            if cell.width == 2, x + 1 >= width || !cells[index + 1].isContinuation {
                return "a wide character without its second half at \(x),\(y): \(line(y))"
            }
            if cell.grapheme.unicodeScalars.contains(where: SafeGraphemes.isUnsafe) { return "a control character at \(x),\(y): \(line(y))" }
            if DisplayWidth.of(cell.grapheme) != Int(cell.width) {
                return "“\(cell.grapheme.debugDescription)” in a cell \(cell.width) wide at \(x),\(y)"
            }
        }
        return nil
    }

    /// Row `y` as text; continuation cells are skipped so wide characters read naturally.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width where !self[x, y].isContinuation { text += self[x, y].grapheme }
        return text
    }

    /// Every row, trailing blanks trimmed.
    public var lines: [String] {
        (0..<height).map { y in
            var text = line(y)
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }

    /// The positions whose cells differ from `other` (same size), row by row.
    ///
    ///     previous: |ab c|      next: |abXc|   → [(2, 0)]
    public func changes(since other: Buffer) -> [(x: Int, y: Int)] {
        guard other.width == width, other.height == height else {
            return (0..<height).flatMap { y in (0..<width).map { (x: $0, y: y) } }
        }
        var result: [(x: Int, y: Int)] = []
        for index in cells.indices where cells[index] != other.cells[index] {
            result.append((index % width, index / width))
        }
        return result
    }
}
