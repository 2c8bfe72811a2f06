/// How many colours the terminal has.
public enum ColorDepth: Int, Comparable, Sendable {
    case mono = 0, colors8 = 8, colors16 = 16, colors256 = 256

    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }

    /// From ncurses' COLORS and the environment: `NO_COLOR` (any value) means mono.
    public static func detect(colors: Int, environment: [String: String]) -> ColorDepth {
        if environment["NO_COLOR"].map({ !$0.isEmpty }) == true { return .mono }
        switch colors {
        case 256...: return .colors256
        case 16...: return .colors16
        case 8...: return .colors8
        default: return .mono
        }
    }
}

/// A colour with its fallback ladder: `#rrggbb`, a 256-colour index, a base name.
/// Each terminal takes the best rung it can show.
public struct ColorLadder: Hashable, Sendable {
    public var hex: (r: UInt8, g: UInt8, b: UInt8)?
    public var index: UInt8?
    public var base: UInt8?
    /// The terminal's own default colour.
    public var isDefault = false

    public init(hex: (UInt8, UInt8, UInt8)? = nil, index: UInt8? = nil, base: UInt8? = nil, isDefault: Bool = false) {
        self.hex = hex.map { (r: $0.0, g: $0.1, b: $0.2) }
        self.index = index
        self.base = base
        self.isDefault = isDefault
    }

    public static func == (a: ColorLadder, b: ColorLadder) -> Bool {
        a.hex?.r == b.hex?.r && a.hex?.g == b.hex?.g && a.hex?.b == b.hex?.b && a.index == b.index && a.base == b.base && a.isDefault == b.isDefault
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hex?.r); hasher.combine(hex?.g); hasher.combine(hex?.b)
        hasher.combine(index); hasher.combine(base); hasher.combine(isDefault)
    }

    /// The colour for a terminal of `depth`; nil on mono.
    public func resolve(_ depth: ColorDepth) -> TerminalColor? {
        if depth == .mono { return nil }
        if isDefault { return .default }
        switch depth {
        case .colors256:
            if let index { return .index(index) }
            if let hex { return .index(Palette.nearest256(hex.r, hex.g, hex.b)) }
            if let base { return .index(base) }
        case .colors16, .colors8:
            let limit: UInt8 = depth == .colors16 ? 16 : 8
            if let base { return .index(base % limit) }
            if let index, index < limit { return .index(index) }
            if let rgb = hex ?? index.map(Palette.rgb(of:)) { return .index(Palette.nearestBase(rgb.r, rgb.g, rgb.b, count: limit)) }
        case .mono: return nil
        }
        return .default
    }
}

public enum Palette {
    /// The 16 base names (with `bright-` variants), as themes write them.
    public static let baseNames: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "gray": 8, "grey": 8, "bright-red": 9, "bright-green": 10, "bright-yellow": 11,
        "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14, "bright-white": 15,
    ]

    /// xterm's default RGB for the 16 base colours.
    static let baseRGB: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// `#rrggbb` (or `#rgb`) to components.
    public static func parseHex(_ text: String) -> (UInt8, UInt8, UInt8)? {
        guard text.hasPrefix("#") else { return nil }
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return (UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    static func rgb(of index: UInt8) -> (r: UInt8, g: UInt8, b: UInt8) {
        switch index {
        case 0..<16: let c = baseRGB[Int(index)]; return (c.0, c.1, c.2)
        case 16..<232:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let n = Int(index) - 16
            return (levels[n / 36], levels[n / 6 % 6], levels[n % 6])
        default:
            let grey = UInt8(8 + (Int(index) - 232) * 10)
            return (grey, grey, grey)
        }
    }

    /// The nearest colour of the 6x6x6 cube or the grey ramp.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        var best: UInt8 = 16
        var bestDistance = Int.max
        for index in UInt8(16)...UInt8(255) {
            let c = rgb(of: index)
            let d = distance((r, g, b), (c.r, c.g, c.b))
            if d < bestDistance { bestDistance = d; best = index }
        }
        return best
    }

    public static func nearestBase(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: UInt8) -> UInt8 {
        var best: UInt8 = 0
        var bestDistance = Int.max
        for index in 0..<Int(count) {
            let c = baseRGB[index]
            let d = distance((r, g, b), c)
            if d < bestDistance { bestDistance = d; best = UInt8(index) }
        }
        return best
    }

    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
