import Glibc

/// Where frames go and input comes from.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows.
    var size: (width: Int, height: Int) { get }
    var colorDepth: ColorDepth { get }
    /// Shows `buffer`, sending only what changed since the last frame.
    func draw(_ buffer: Buffer)
    /// The next input within `timeout` milliseconds (0 = do not wait), or nil:
    /// nothing came, or the wait was woken (an answer to draw).
    func readEvent(timeout: Int) -> TerminalEvent?
    /// A signal that arrived since the last call (SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT), or nil.
    func takeSignal() -> Int32?
    /// Forgets the last frame so the next draw repaints everything (Ctrl-L, after resume).
    func invalidate()
    /// Gives the terminal back and stops the process (Ctrl-Z); returns after
    /// `fg`, the terminal taken again and the next frame repainted in full.
    func suspend()
    /// Gives the terminal back. Safe to call more than once.
    func restore()
    /// One audible (or visible) bell.
    func bell()
    /// Puts `text` on the user's clipboard: OSC 52, which terminals (xterm, kitty, iTerm2,
    /// WezTerm, foot, Windows Terminal…) and tmux (`set-clipboard on`) carry to the user's own
    /// clipboard, over SSH too. A terminal that does not know it ignores it.
    func copyToClipboard(_ text: String)
    /// Gives the terminal to another program (an editor) for `body`, then takes it back and
    /// repaints everything.
    func runExternal<T>(_ body: () -> T) -> T
}

/// An in-memory terminal for tests: events are queued, frames are kept.
public final class TestBackend: TerminalBackend {
    public private(set) var frame: Buffer
    public private(set) var drawCount = 0
    /// Cells sent by the last draw (what a real terminal would be told).
    public private(set) var lastChangedCells = 0
    public var events: [TerminalEvent] = []
    /// When true, an event only comes to a waiting read (timeout > 0), as if
    /// typed slowly; else queued events also answer an immediate read, as a paste.
    public var typesSlowly = false
    public var signals: [Int32] = []
    public var colorDepth: ColorDepth
    public private(set) var bells = 0
    public private(set) var suspensions = 0
    private var width: Int, height: Int

    public init(width: Int, height: Int, colorDepth: ColorDepth = .colors256) {
        self.width = width
        self.height = height
        self.colorDepth = colorDepth
        frame = Buffer(width: width, height: height)
    }

    public var size: (width: Int, height: Int) { (width, height) }

    /// Queued keys, as typed.
    public func type(_ keys: [Key]) { events += keys.map(TerminalEvent.key) }

    /// The terminal takes a new size and says so.
    public func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        events.append(.resize)
    }

    public func draw(_ buffer: Buffer) {
        lastChangedCells = buffer.changes(since: frame).count
        frame = buffer
        drawCount += 1
    }

    public func readEvent(timeout: Int) -> TerminalEvent? {
        if events.isEmpty || (typesSlowly && timeout == 0) { return nil }
        return events.removeFirst()
    }

    public func takeSignal() -> Int32? { signals.isEmpty ? nil : signals.removeFirst() }
    public func invalidate() { frame = Buffer(width: 0, height: 0) }
    public func suspend() { suspensions += 1; invalidate() }
    public func restore() {}
    public func bell() { bells += 1 }
    /// What was copied, oldest first.
    public private(set) var copied: [String] = []
    public func copyToClipboard(_ text: String) { copied.append(text) }
    /// How many times another program had the terminal.
    public private(set) var externalRuns = 0
    public func runExternal<T>(_ body: () -> T) -> T { externalRuns += 1; return body() }

    /// The frame as text, trailing blanks trimmed.
    public var lines: [String] { frame.lines }

    /// The frame as text with a marker where the style changes: `[name]` for
    /// a style in `markers` (e.g. a theme's `ui.selection` → "sel"), `[]` back
    /// to any other style. Trailing blanks trimmed.
    public func styledLines(markers: [Style: String]) -> [String] {
        (0..<frame.height).map { y in
            var text = ""
            var current: String?? = .none
            for x in 0..<frame.width where !frame[x, y].isContinuation {
                let cell = frame[x, y]
                let marker = markers[cell.style]
                if current == nil || current! != marker { text += "[\(marker ?? "")]"; current = .some(marker) }
                text += cell.grapheme
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }
}
