import CNcursesw
import CTermGuard
import Foundation
import Glibc

/// The real terminal, through ncursesw. The only file that talks to ncurses.
///
/// Frames are compared with the previous one and only changed cells are
/// handed to ncurses, which in turn sends only what differs on screen: never
/// a clear-and-repaint per frame. Raw mode, no echo, keypad, the alternate
/// screen (ncurses' smcup), ESC delay 25 ms. `restore()` gives everything
/// back; the crash guard does the same if the process dies on a signal, and
/// `emergencyRestorer` from any thread when the loop cannot.
public final class NcursesBackend: TerminalBackend {
    public enum StartError: Error, CustomStringConvertible {
        case noTerminal(String)
        case cannotDraw(String)
        public var description: String {
            switch self {
            case .noTerminal(let term): return "Cannot start the terminal UI: unknown or unusable terminal “\(term)”."
            case .cannotDraw(let term): return "Cannot start the terminal UI: terminal “\(term)” cannot move the cursor (try TERM=xterm-256color)."
            }
        }
    }

    private let screen: OpaquePointer
    private var last = Buffer(width: 0, height: 0)
    private var pairs: [Style: Int16] = [:]
    private var pairKeys: [PairKey: Int16] = [:]
    private var isRestored = false
    /// The input was found closed (once is enough to say so).
    private var isHungUp = false
    public let colorDepth: ColorDepth
    /// Whether the buffer's links are sent (OSC 8): `HyperlinkSetting.isOn`.
    public var sendsHyperlinks = false
    /// Told the terminal's background when its answer to `askBackground` comes with the input.
    public var onBackground: ((TerminalBackground) -> Void)?
    private let output: UnsafeMutablePointer<FILE>?
    private let input: UnsafeMutablePointer<FILE>?
    /// Gives the terminal back from any thread, without ncurses: see `EmergencyRestore`.
    public let emergencyRestorer: EmergencyRestore

    /// - Parameters:
    ///   - terminal: a TERM name; nil uses the environment's.
    ///   - output/input: files instead of the process's stdout/stdin (tests, benchmarks).
    public init(terminal: String? = nil, output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil,
                environment: [String: String]) throws {
        setlocale(LC_ALL, "")
        if String(cString: ncw_codeset()) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        set_escdelay(25)
        self.output = output
        self.input = input
        let outputFD = fileno(output ?? ncw_stdout())
        var settings = termios()
        let hasSettings = tcgetattr(outputFD, &settings) == 0
        guard let screen = newterm(terminal, output ?? ncw_stdout(), input ?? ncw_stdin()) else {
            throw StartError.noTerminal(terminal ?? environment["TERM"] ?? "(TERM not set)")
        }
        guard ncw_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            throw StartError.cannotDraw(terminal ?? environment["TERM"] ?? "(TERM not set)")
        }
        self.screen = screen
        var bytes: [UInt8] = []
        for capability in ["rmcup", "cnorm", "sgr0"] {
            if let value = tigetstr(capability), Int(bitPattern: value) != -1 { bytes += Array(String(cString: value).utf8) }
        }
        // Mouse reporting and bracketed paste off, whatever the terminfo says.
        bytes += Array("\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1006l\u{1B}[?2004l\r\n".utf8)
        emergencyRestorer = EmergencyRestore(fd: outputFD, terminal: ttyname(outputFD).map { String(cString: $0) },
                                             settings: hasSettings ? settings : nil, bytes: bytes)
        termguard_install()
        SignalWatcher.shared.watch()
        raw()
        noecho()
        nonl()
        keypad(ncw_stdscr(), true)
        curs_set(0)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(ncw_colors())
        }
        colorDepth = ColorDepth.detect(colors: colors, environment: environment)
        mousemask(NCW_BUTTON1_PRESSED | NCW_BUTTON4_PRESSED | NCW_BUTTON5_PRESSED, nil)
        mouseinterval(0)
        // Bracketed paste: the terminal wraps pasted text in ESC[200~ … ESC[201~,
        // so a paste arrives as text, never as keys (a newline is not Enter, a
        // tab not Tab, an ESC not Esc). Off again in restore, suspend, and the
        // emergency restore (its bytes above) and the crash guard (termguard.c).
        define_key("\u{1B}[200~", NCW_KEY_PASTE_START)
        define_key("\u{1B}[201~", NCW_KEY_PASTE_END)
        writeControl(Self.pasteOn)
    }

    static let pasteOn = "\u{1B}[?2004h", pasteOff = "\u{1B}[?2004l"

    /// A mode change ncurses does not know of, written straight to the terminal.
    private func writeControl(_ sequence: String) {
        let file = output ?? ncw_stdout()
        fflush(file)
        _ = sequence.withCString { fputs($0, file) }
        fflush(file)
    }

    /// The most characters one paste carries into the app (what fits in any field many times over).
    public static let pasteLimit = 1 << 20

    deinit { restore() }

    public var size: (width: Int, height: Int) { (Int(getmaxx(ncw_stdscr())), Int(getmaxy(ncw_stdscr()))) }

    /// Sets the screen size when ncurses cannot ask a terminal (output to a file).
    public func setSize(width: Int, height: Int) {
        resize_term(Int32(height), Int32(width))
        invalidate()
    }

    public func draw(_ buffer: Buffer) {
        let window = ncw_stdscr()
        let full = last.width != buffer.width || last.height != buffer.height
        if full { werase(window) }
        var cell = cchar_t()
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let next = buffer[x, y]
                if next.isContinuation || (!full && next == last[x, y]) { continue }
                var characters = Array(next.grapheme.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
                if characters.isEmpty { characters = [32] }
                // ncurses moves by the C library's wcwidth: where it disagrees with the
                // buffer (a libc with older Unicode tables), draw what covers exactly the
                // buffer's cells, so no cell of an earlier frame survives.
                var blankAfter = false
                if characters[0] > 0x7E {
                    let real = ncw_wcwidth(characters[0])
                    if real != Int32(next.width) {
                        if real != 1 { characters = [0xFFFD] }
                        blankAfter = next.width == 2
                    }
                }
                characters.append(0)
                let (attributes, pair) = ncursesStyle(next.style)
                setcchar(&cell, characters, attributes, pair, nil)
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
                if blankAfter, x + 1 < buffer.width {
                    setcchar(&cell, [32, 0], attributes, pair, nil)
                    mvwadd_wch(window, Int32(y), Int32(x + 1), &cell)
                }
            }
        }
        let links = sendsHyperlinks ? linkText(buffer, full: full) : ""
        last = buffer
        wnoutrefresh(window)
        doupdate()
        if !links.isEmpty { writeControl(links) }
    }

    /// OSC 8 links over what ncurses just drew: ncurses knows no links, so each link's cells
    /// are written again, the same text in the same style, inside `ESC ] 8 ; ; target ESC \`
    /// … `ESC ] 8 ; ; ESC \`, between DECSC and DECRC (`ESC 7` / `ESC 8`), which put the
    /// cursor and the attributes back where ncurses believes they are. Only links that are new
    /// or whose cells changed are sent; a link gone from cells that did not change is written
    /// once more without one.
    private func linkText(_ buffer: Buffer, full: Bool) -> String {
        var text = ""
        func cellsChanged(_ link: Hyperlink) -> Bool {
            (link.x..<(link.x + link.width)).contains { buffer[$0, link.y] != last[$0, link.y] }
        }
        func write(_ link: Hyperlink, target: String?) {
            text += "\u{1B}7\u{1B}[\(link.y + 1);\(link.x + 1)H"
            if let target { text += "\u{1B}]8;;\(target)\u{1B}\\" }
            var style: Style?
            for x in link.x..<(link.x + link.width) {
                let cell = buffer[x, link.y]
                if cell.isContinuation { continue }
                if cell.style != style { text += sgr(cell.style); style = cell.style }
                // The grapheme as ncurses drew it: made safe by the buffer; one ncurses would not draw becomes a blank.
                text += cell.grapheme.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) && !cell.grapheme.isEmpty ? cell.grapheme : " "
            }
            if target != nil { text += "\u{1B}]8;;\u{1B}\\" }
            text += "\u{1B}8"
        }
        let sameSize = !full && last.width == buffer.width && last.height == buffer.height
        let before = Set(sameSize ? last.hyperlinks : [])
        for link in buffer.hyperlinks where !before.contains(link) || cellsChanged(link) {
            write(link, target: link.target)
        }
        if sameSize {
            let now = Set(buffer.hyperlinks.map { Hyperlink(x: $0.x, y: $0.y, width: $0.width, target: "") })
            for old in last.hyperlinks where !buffer.hyperlinks.contains(old) && !cellsChanged(old)
                && !now.contains(Hyperlink(x: old.x, y: old.y, width: old.width, target: "")) {
                write(old, target: nil)
            }
        }
        return text
    }

    /// The SGR sequence of `style` as the terminal's colours allow (what ncurses would send).
    func sgr(_ style: Style) -> String {
        var parts = ["0"]
        for (attribute, code) in [(Attributes.bold, "1"), (.dim, "2"), (.italic, "3"), (.underline, "4"), (.reverse, "7")]
        where style.attributes.contains(attribute) { parts.append(code) }
        if colorDepth != .mono {
            let colors = Int(ncw_colors())
            for (color, base, bright, extended) in [(style.foreground, 30, 90, "38;5;"), (style.background, 40, 100, "48;5;")] {
                guard case .index(let index) = color, Int(index) < colors else { continue }
                parts.append(index < 8 ? "\(base + Int(index))" : index < 16 ? "\(bright + Int(index) - 8)" : "\(extended)\(index)")
            }
        }
        return "\u{1B}[\(parts.joined(separator: ";"))m"
    }

    /// Asks the terminal for its background colour (OSC 11); the answer, if one comes, is read
    /// with the input and given to `onBackground`. Never waits.
    public func askBackground() { writeControl(TerminalBackground.query) }

    /// When set, `readEvent` also returns (nil) as soon as it is woken; signals wake it too.
    public var wakePipe: WakePipe? {
        didSet { SignalWatcher.shared.wake(wakePipe) }
    }

    public func readEvent(timeout milliseconds: Int) -> TerminalEvent? {
        var timeout = milliseconds
        if let wakePipe, milliseconds > 0 {
            // Input ncurses already buffered first; then wait for input or a wake.
            if let event = readEvent(timeout: 0) { return event }
            switch wakePipe.wait(for: fileno(input ?? ncw_stdin()), milliseconds: milliseconds) {
            case .nothing: return nil
            case .hungUp:
                // The terminal is gone without a SIGHUP (a closed pty, a dead pipe): the same end as one.
                if !isHungUp { isHungUp = true; kill(getpid(), SIGHUP) }
                return nil
            case .input: timeout = 50   // input is there: a sequence's bytes are arriving
            }
        }
        wtimeout(ncw_stdscr(), Int32(timeout))
        var character: wint_t = 0
        let kind = wget_wch(ncw_stdscr(), &character)
        if kind == KEY_CODE_YES {
            if Int32(character) == KEY_RESIZE { return .resize }
            if Int32(character) == NCW_KEY_PASTE_START { return readPaste() }
            if Int32(character) == NCW_KEY_PASTE_END { return nil }   // an end without a start: nothing
            return Self.functionKey(Int32(character)).map(TerminalEvent.key)
        }
        guard kind == OK else { return nil }
        let code = UInt32(character)
        if code == 27 {
            // ESC alone, or Alt + key (ESC then the key at once).
            wtimeout(ncw_stdscr(), 0)
            var next: wint_t = 0
            if wget_wch(ncw_stdscr(), &next) == OK, let scalar = Unicode.Scalar(UInt32(next)), next >= 32 {
                // ESC ] …: a terminal's answer (OSC 11, the background), never typed: read whole and taken.
                if scalar == "]", let answer = readAnswer() {
                    if let background = TerminalBackground.fromAnswer(answer) { onBackground?(background) }
                    return nil
                }
                return .key(.alt(Character(scalar)))
            }
            return .key(.escape)
        }
        return Self.textKey(code).map(TerminalEvent.key)
    }

    /// The rest of an OSC answer after `ESC ]`, up to BEL or `ESC \\` (at most 256 characters,
    /// 50 ms between bytes), or nil when nothing follows (Alt-] was typed).
    private func readAnswer() -> String? {
        var text = String.UnicodeScalarView()
        wtimeout(ncw_stdscr(), 50)
        while text.count < 256 {
            var character: wint_t = 0
            guard wget_wch(ncw_stdscr(), &character) == OK else { break }
            if character == 7 { return String(text) }
            if character == 27 {
                var next: wint_t = 0
                _ = wget_wch(ncw_stdscr(), &next)
                return String(text)
            }
            if let scalar = Unicode.Scalar(UInt32(character)) { text.append(scalar) }
        }
        return text.isEmpty ? nil : String(text)
    }

    /// The text between the paste markers, as one event. Every code point is
    /// text, line breaks, tabs and ESC included (the field decides what they
    /// become: `TextInput.insertable`); nothing inside a paste is a key press.
    /// Past `pasteLimit` characters the rest is read and dropped; 300 ms
    /// without a byte ends a paste whose end marker was lost (or a hang-up).
    private func readPaste() -> TerminalEvent {
        var text = String.UnicodeScalarView()
        var count = 0
        wtimeout(ncw_stdscr(), 300)
        while true {
            var character: wint_t = 0
            let kind = wget_wch(ncw_stdscr(), &character)
            if kind == KEY_CODE_YES {
                if Int32(character) == NCW_KEY_PASTE_END { break }
                continue
            }
            guard kind == OK else { break }
            if count < Self.pasteLimit, let scalar = Unicode.Scalar(UInt32(character)) {
                text.append(scalar)
                count += 1
            }
        }
        return .paste(String(text))
    }

    public func takeSignal() -> Int32? { SignalWatcher.shared.take() }

    public func invalidate() {
        last = Buffer(width: 0, height: 0)
        clearok(ncw_stdscr(), true)
    }

    /// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
    public func suspend() {
        writeControl(Self.pasteOff)
        endwin()
        termguard_default_stop()
        // To the whole process group, as the terminal's own Ctrl-Z would: a
        // wrapping shell or subshell stops too, so job control sees the job
        // stopped. (Not raise(): this may run on a thread that blocks signals.)
        kill(0, SIGTSTP)
        // The stop lands a moment later: wait for the resume (SIGCONT) before
        // taking the screen back. Counted in steps, not clock time, so the time
        // spent stopped does not count; after 0.5 s of running the kernel has
        // discarded the stop (orphaned process group): go on.
        _ = SignalWatcher.shared.wait(for: SIGCONT, milliseconds: 500)
        termguard_watch_stop()
        refresh()
        writeControl(Self.pasteOn)
        invalidate()
    }



    public func bell() { beep() }

    public func copyToClipboard(_ text: String) { writeControl(Self.clipboard(text)) }

    public func runExternal<T>(_ body: () -> T) -> T {
        writeControl(Self.pasteOff)
        endwin()
        defer {
            refresh()
            writeControl(Self.pasteOn)
            invalidate()
        }
        return body()
    }

    /// `ESC ] 52 ; c ; <base64 of the UTF-8> ESC \`: the OSC 52 "set the clipboard" sequence.
    /// Base64 carries any text, so nothing in it can end the sequence early.
    public static func clipboard(_ text: String) -> String { "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{1B}\\" }

    public func restore() {
        guard !isRestored else { return }
        isRestored = true
        curs_set(1)
        endwin()
        writeControl(Self.pasteOff)
        delscreen(screen)
        fflush(output ?? ncw_stdout())
    }

    // MARK: Keys

    static func textKey(_ code: UInt32) -> Key? {
        switch code {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0, 28...31: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            let kind: MouseEvent.Kind
            if event.bstate & NCW_BUTTON4_PRESSED != 0 { kind = .wheelUp } else if event.bstate & NCW_BUTTON5_PRESSED != 0 { kind = .wheelDown } else { kind = .press }
            return .mouse(MouseEvent(kind: kind, x: Int(event.x), y: Int(event.y)))
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    // MARK: Styles

    private struct PairKey: Hashable { var foreground: Int16; var background: Int16 }

    private func ncursesStyle(_ style: Style) -> (attr_t, Int16) {
        var attributes = NCW_A_NORMAL
        if style.attributes.contains(.bold) { attributes |= NCW_A_BOLD }
        if style.attributes.contains(.dim) { attributes |= NCW_A_DIM }
        if style.attributes.contains(.italic) { attributes |= NCW_A_ITALIC }
        if style.attributes.contains(.underline) { attributes |= NCW_A_UNDERLINE }
        if style.attributes.contains(.reverse) { attributes |= NCW_A_REVERSE }
        guard colorDepth != .mono else { return (attributes, 0) }
        func number(_ color: TerminalColor) -> Int16 {
            switch color {
            case .default: return -1
            case .index(let index): return Int16(index) < Int16(ncw_colors()) ? Int16(index) : -1
            }
        }
        let key = PairKey(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1 && key.background == -1 { return (attributes, 0) }
        if let pair = pairKeys[key] { return (attributes, pair) }
        let next = Int16(pairKeys.count + 1)
        guard Int32(next) < ncw_color_pairs() else { return (attributes, 0) }
        init_pair(next, key.foreground, key.background)
        pairKeys[key] = next
        return (attributes, next)
    }
}

/// Gives the terminal back without ncurses, from any thread, when the loop
/// cannot (it is stuck): leaves the alternate screen, shows the cursor,
/// turns mouse reporting off and puts back the settings taken at start.
/// Plain system calls only, and none that can wait: the bytes go through a
/// descriptor of its own opened non-blocking (a terminal that does not read
/// its output, as a stopped or vanished one, cannot hold the exit).
/// Safe to run more than once and after `restore()`.
public struct EmergencyRestore: Sendable {
    let fd: Int32
    /// The terminal's path (`/dev/pts/3`), nil when the output is no terminal.
    let terminal: String?
    let settings: termios?
    let bytes: [UInt8]

    public func run() {
        if let terminal {
            let out = open(terminal, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
            if out >= 0 {
                _ = bytes.withUnsafeBytes { write(out, $0.baseAddress, $0.count) }
                close(out)
            }
        }
        if var settings { tcsetattr(fd, TCSANOW, &settings) }
    }
}
