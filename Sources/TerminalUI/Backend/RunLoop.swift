import Glibc

/// A program the run loop drives: it takes the terminal's input and draws
/// its state, and never touches the terminal itself (the shape of
/// bubbletea's `Model`).
public protocol TerminalProgram: AnyObject {
    /// The terminal's size, before the first frame and whenever it changes,
    /// always before the frame that uses it.
    func resized(width: Int, height: Int)
    /// A key or a paste.
    func handle(_ event: TerminalEvent)
    /// Takes what arrived from other threads (the service's answers); after every batch of input and every wait.
    func receive()
    /// No input came for a while (about a tenth of a second): time passed.
    func tick()
    /// SIGINT, SIGTERM or SIGHUP: the last moment to save what is typed. Signal 0:
    /// a quit key pressed while the terminal was too small to show a confirmation.
    func hangUp(signal: Int32)
    /// Draws the state into a buffer of the terminal's size.
    func render(into buffer: inout Buffer)
    /// Something shown changed since the last frame.
    var needsDraw: Bool { get }
    var isFinished: Bool { get }
    /// True while something typed would be kept as a draft by a hang-up (the "too small" notice says so).
    var hasUnsavedInput: Bool { get }
}

public extension TerminalProgram {
    var hasUnsavedInput: Bool { false }
}

/// Drives a program on a backend: input in, frames out, the terminal always
/// given back by the caller.
///
///     loop: size changed?  → program.resized
///           needs a frame? → program.render → backend.draw (only changed cells)
///           a signal?      → SIGTSTP suspend · SIGCONT repaint · INT/TERM/HUP end
///           input within the tick? → program.handle each event already waiting
///                                    (one frame for a paste or a held key)
///                          else    → program.tick
///           program.receive
///
/// Below `minimumSize` a "terminal too small" notice replaces the program's frame.
public final class RunLoop {
    public enum Exit: Equatable, Sendable { case quit, signal(Int32) }

    public let backend: any TerminalBackend
    public var minimumSize = (width: 80, height: 24)
    /// How the "too small" notice says to quit (the app writes its keymap's key).
    public var quitHint = "q to quit"
    /// While the terminal is below `minimumSize` nothing the program draws can be
    /// seen, so keys and pastes are held back (a blind `d` `y` would delete, a
    /// letter would go into a hidden field); only these keys act: they end the
    /// program as a hang-up does (what is typed kept as a draft, `Exit.quit`).
    public var quitKeys: Set<Key> = [.character("q")]
    /// How long to wait for input before calling `tick` (milliseconds).
    public var tickInterval = 100

    public init(backend: any TerminalBackend) { self.backend = backend }

    private var lastSize: (width: Int, height: Int)?
    private var isForced = true

    /// Runs `program` until it finishes or a terminating signal comes.
    public func run(_ program: any TerminalProgram) -> Exit {
        while true {
            if let exit = step(program) { return exit }
        }
    }

    /// One turn of the loop: the size, a frame if one is due, a signal, the
    /// input waiting (or a tick), what arrived meanwhile. Nil while the program runs on.
    public func step(_ program: any TerminalProgram) -> Exit? {
        if program.isFinished { return .quit }
        noteSize(program)
        if isForced || program.needsDraw {
            backend.draw(frame(program.render, hasUnsavedInput: program.hasUnsavedInput))
            isForced = false
        }
        if let signal = backend.takeSignal() {
            switch signal {
            case SIGTSTP: backend.suspend(); isForced = true
            case SIGCONT: backend.invalidate(); isForced = true
            default:
                program.hangUp(signal: signal)
                return .signal(signal)
            }
            return nil
        }
        if let event = backend.readEvent(timeout: tickInterval) {
            // Input already waiting (a paste, a held key) is handled before the next frame.
            var next: TerminalEvent? = event
            var batch = 0
            while let current = next, !program.isFinished {
                if current == .resize {
                    noteSize(program)
                } else if isTooSmall {
                    if case .key(let key) = current, quitKeys.contains(key) {
                        program.hangUp(signal: 0)
                        return .quit
                    }
                } else {
                    program.handle(current)
                }
                batch += 1
                // At most 256 before a frame; the rest waits in the backend for the next turn.
                next = batch < 256 ? backend.readEvent(timeout: 0) : nil
            }
        } else {
            program.tick()
        }
        program.receive()
        return program.isFinished ? .quit : nil
    }

    /// Tells the program a new size, before the frame that uses it.
    private func noteSize(_ program: any TerminalProgram) {
        let size = backend.size
        guard lastSize.map({ $0 != size }) ?? true else { return }
        program.resized(width: size.width, height: size.height)
        lastSize = size
        isForced = true
    }

    /// The terminal is below `minimumSize`: the notice is shown and keys are held back.
    public var isTooSmall: Bool {
        let size = backend.size
        return size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// One frame: the program's, or the "too small" notice.
    public func frame(_ render: (inout Buffer) -> Void, hasUnsavedInput: Bool = false) -> Buffer {
        let size = backend.size
        var buffer = Buffer(width: size.width, height: size.height)
        if isTooSmall {
            let notice = "Terminal too small (need \(minimumSize.width)x\(minimumSize.height), have \(size.width)x\(size.height)). "
                + "Enlarge it, or \(quitHint)\(hasUnsavedInput ? " (what you typed is kept)" : "")."
            // Wrapped to the terminal, never cut while there are rows for it.
            let lines = TextArea.lines(of: notice, width: max(1, min(size.width, 44)))
            let top = max(0, (size.height - lines.count) / 2)
            for (index, line) in lines.prefix(size.height).enumerated() {
                let text = DisplayWidth.truncate(line, to: size.width)
                buffer.put(text, x: max(0, (size.width - DisplayWidth.of(text)) / 2), y: top + index)
            }
            return buffer
        }
        render(&buffer)
        return buffer
    }
}
