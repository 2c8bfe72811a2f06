/// Splits a rectangle into parts along one axis.
///
/// Fixed and percentage parts take their size first (percentages of the
/// whole), `min` parts take at least their minimum, and `fill` parts share
/// what is left (by weight); the last part absorbs rounding so the parts
/// always cover the rectangle exactly.
///
///     [fixed 20 | fill | percent 30] over 100 columns → 20, 50, 30
public enum Constraint: Hashable, Sendable {
    case fixed(Int)
    case percent(Int)
    case min(Int)
    case fill(Int = 1)
}

public enum Axis: Sendable { case horizontal, vertical }

public struct Layout: Sendable {
    public var axis: Axis
    public var constraints: [Constraint]
    public var spacing: Int

    public init(_ axis: Axis, _ constraints: [Constraint], spacing: Int = 0) {
        self.axis = axis
        self.constraints = constraints
        self.spacing = spacing
    }

    public func split(_ rect: Rect) -> [Rect] {
        guard !constraints.isEmpty else { return [] }
        let total = axis == .horizontal ? rect.width : rect.height
        let available = Swift.max(0, total - spacing * (constraints.count - 1))
        var sizes = constraints.map { constraint -> Int in
            switch constraint {
            case .fixed(let n): return Swift.max(0, n)
            case .percent(let p): return available * Swift.max(0, Swift.min(100, p)) / 100
            case .min(let n): return Swift.max(0, n)
            case .fill: return 0
            }
        }
        var remaining = available - sizes.reduce(0, +)
        // Over-committed: take columns back from the last parts first.
        var index = sizes.count - 1
        while remaining < 0, index >= 0 {
            let take = Swift.min(sizes[index], -remaining)
            sizes[index] -= take
            remaining += take
            index -= 1
        }
        let weights = constraints.map { constraint -> Int in
            switch constraint {
            case .fill(let weight): return Swift.max(1, weight)
            case .min: return 1
            default: return 0
            }
        }
        let totalWeight = weights.reduce(0, +)
        if remaining > 0, totalWeight > 0 {
            var given = 0
            let last = weights.lastIndex { $0 > 0 }!
            for (i, weight) in weights.enumerated() where weight > 0 {
                let share = i == last ? remaining - given : remaining * weight / totalWeight
                sizes[i] += share
                given += share
            }
        }
        var rects: [Rect] = []
        var offset = axis == .horizontal ? rect.x : rect.y
        for size in sizes {
            switch axis {
            case .horizontal: rects.append(Rect(x: offset, y: rect.y, width: size, height: rect.height))
            case .vertical: rects.append(Rect(x: rect.x, y: offset, width: rect.width, height: size))
            }
            offset += size + spacing
        }
        return rects
    }
}
