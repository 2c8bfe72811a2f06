import Glibc

/// Drives a screen on a backend: keys in, frames out, the terminal always given back.
///
/// Draws only when the screen says something changed (nothing is written
/// while idle). SIGINT, SIGTERM and SIGHUP end the loop (the caller restores
/// the terminal, then exits); SIGTSTP (Ctrl-Z) suspends with the terminal
/// restored and repaints on resume; a resize relayouts at once. Below
/// `minimumSize` a "terminal too small" notice replaces the screen.
public final class RunLoop {
    public enum Exit: Equatable, Sendable { case quit, signal(Int32) }

    public let backend: any TerminalBackend
    public var minimumSize = (width: 80, height: 24)
    /// How long to wait for a key before calling `tick` (milliseconds).
    public var tickInterval = 100

    public init(backend: any TerminalBackend) { self.backend = backend }

    /// - Parameters:
    ///   - render: draws the screen into a buffer of the terminal's size.
    ///   - handle: applies a key; returns whether to redraw, or nil to quit.
    ///   - tick: called when no key came in time (or the backend was woken); returns whether to redraw, or nil to quit.
    public func run(render: (inout Buffer) -> Void, handle: (Key) -> Bool?, tick: () -> Bool? = { false }) -> Exit {
        var needsDraw = true
        while true {
            if needsDraw {
                backend.draw(frame(render))
                needsDraw = false
            }
            if let signal = backend.takeSignal() {
                switch signal {
                case SIGTSTP:
                    (backend as? NcursesBackend)?.suspend()
                    needsDraw = true
                    continue
                case SIGCONT:
                    backend.invalidate()
                    needsDraw = true
                    continue
                default:
                    return .signal(signal)
                }
            }
            guard var key = backend.readKey(timeout: tickInterval) else {
                guard let redraw = tick() else { return .quit }
                if redraw { needsDraw = true }
                continue
            }
            // Keys that are already waiting (a paste, a held key) are applied
            // before the next frame: one frame for the lot, not one per key.
            var batch = 0
            while true {
                switch key {
                case .resize:
                    needsDraw = true
                case .ctrl("z"):
                    (backend as? NcursesBackend)?.suspend()
                    needsDraw = true
                default:
                    if key == .ctrl("l") { backend.invalidate(); needsDraw = true }
                    guard let redraw = handle(key) else { return .quit }
                    if redraw { needsDraw = true }
                }
                batch += 1
                guard batch < 256, key != .ctrl("z"), let next = backend.readKey(timeout: 0) else { break }
                key = next
            }
        }
    }

    /// One frame: the screen, or the "too small" notice.
    public func frame(_ render: (inout Buffer) -> Void) -> Buffer {
        let size = backend.size
        var buffer = Buffer(width: size.width, height: size.height)
        if size.width < minimumSize.width || size.height < minimumSize.height {
            let lines = ["Terminal too small (need \(minimumSize.width)x\(minimumSize.height),",
                         "have \(size.width)x\(size.height)). Enlarge it, or q to quit."]
            for (index, line) in lines.enumerated() {
                let text = DisplayWidth.truncate(line, to: size.width)
                buffer.put(text, x: max(0, (size.width - DisplayWidth.of(text)) / 2), y: size.height / 2 - 1 + index)
            }
            return buffer
        }
        render(&buffer)
        return buffer
    }
}
