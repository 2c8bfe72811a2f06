/// One terminal cell: a grapheme cluster and its style.
///
/// A wide grapheme (CJK, emoji) occupies its cell and the next; the next
/// holds an empty `continuation` cell that backends skip.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    /// 1 or 2 for a visible cell, 0 for the continuation of a wide one.
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: String = " ", width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    public static let blank = Cell()

    public var isContinuation: Bool { width == 0 }
}
