/// What a frame drew where, for the mouse: rows of lists by their region on
/// screen. Each frame builds its own, so a click is resolved against what
/// the user saw.
public struct HitMap<Target: Hashable & Sendable>: Sendable {
    public struct Region: Sendable {
        public var rect: Rect
        public var target: Target
        /// The list's row drawn on the region's first line.
        public var firstRow: Int
        /// Lines each row takes (1, or 2 for a row with a second line).
        public var rowHeight = 1
    }

    public private(set) var regions: [Region] = []

    public init() {}

    /// Rows of `target` drawn in `rect`, `firstRow` on its top line.
    public mutating func addRows(_ rect: Rect, _ target: Target, firstRow: Int, rowHeight: Int = 1) {
        guard !rect.isEmpty else { return }
        regions.append(Region(rect: rect, target: target, firstRow: firstRow, rowHeight: max(1, rowHeight)))
    }

    /// The target and row under the cell (x, y); the region added last wins.
    public func row(atX x: Int, y: Int) -> (target: Target, row: Int)? {
        guard let region = regions.last(where: { $0.rect.contains(x: x, y: y) }) else { return nil }
        return (region.target, region.firstRow + (y - region.rect.y) / region.rowHeight)
    }

    /// The region of `target`, if the frame drew it.
    public func rect(of target: Target) -> Rect? { regions.last { $0.target == target }?.rect }
}
