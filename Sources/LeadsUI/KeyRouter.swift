import LeadsStore
import TerminalUI
import TextEditing

/// Turns keys into actions, through the keymap only.
///
/// Every key is looked up in the keymap's contexts in effect
/// (`AppState.keyScope`, the top one wins). Where text is typed (a form, the
/// palette, the `/` bar, the lead picker) a printable key is text unless a
/// context of that input binds it, and a key no context binds is an editing
/// step (Backspace, Ctrl-A…). Mouse events are resolved against the rows the
/// last frame drew.
public struct KeyRouter {
    public let keymap: Keymap
    private var resolver = KeyResolver()

    public init(keymap: Keymap) { self.keymap = keymap }

    public mutating func actions(for key: Key, state: AppState, frame: FrameMap) -> [Action] {
        if case .mouse(let event) = key { return mouse(event, frame: frame) }
        let scope = state.keyScope
        // Esc then a key typed quickly arrives as Alt+key: when Alt+key means
        // nothing here, it is the two keys.
        if case .alt(let character) = key, resolver.pending == nil,
           !scope.contexts.contains(where: { keymap.action(forKey: key, in: $0) != nil }) {
            var actions = self.actions(for: .escape, state: state, frame: frame)
            let after = AppReducer.preview(state, actions)
            actions += self.actions(for: .character(character), state: after, frame: frame)
            return actions
        }
        let wasPending = resolver.pending != nil
        var contexts = scope.contexts
        if scope.takesText, !wasPending, case .character = key { contexts = contexts.filter(KeyScope.textContexts.contains) }
        let ended: [Action] = wasPending ? [.keySequencePending(nil)] : []
        switch resolver.resolve(key, keymap: keymap, stack: contexts) {
        case .pending(let first, let next):
            return [.keySequencePending("\(first) " + next.compactMap { $0.keys.keys.last?.description }.joined(separator: "/"))]
        case .action(let id):
            guard let command = Command(rawValue: id) else { return ended }
            return ended + actions(of: command, state: state, frame: frame)
        case .unbound:
            if wasPending { return ended }
            if scope.takesText, let edit = TextEdit(key: key) { return [.textEdited(edit)] }
            return []
        }
    }

    /// A command, or for up and down in a note the cursor moved by wrapped line (the width is the frame's).
    func actions(of command: Command, state: AppState, frame: FrameMap) -> [Action] {
        switch command {
        case .down, .up, .pageDown, .pageUp, .top, .bottom:
            guard case .reader(let reader) = state.topModal else { return [.commandInvoked(command)] }
            guard let scroll = frame.readerScroll else { return [] }
            let last = max(0, scroll.lines - scroll.rows), page = max(1, scroll.rows - 1)
            let top = min(reader.offset, last)
            let moved: [Command: Int] = [.down: top + 1, .up: top - 1, .pageDown: top + page, .pageUp: top - page, .top: 0, .bottom: last]
            let offset = min(max(0, moved[command] ?? top), last)
            return offset == reader.offset ? [] : [.readerScrolled(offset)]
        case .lineUp, .lineDown:
            guard case .noteForm(let form) = state.topModal, let input = form.form.inputs[.note], let width = frame.textAreaWidth else { return [] }
            return [.textEdited(.moveCursor(TextArea.cursor(of: input, movedUp: command == .lineUp, width: width)))]
        default:
            return [.commandInvoked(command)]
        }
    }

    func mouse(_ event: MouseEvent, frame: FrameMap) -> [Action] {
        guard let (pane, row) = frame.hits.row(atX: event.x, y: event.y) else { return [] }
        switch event.kind {
        case .press: return [.rowClicked(pane, row)]
        case .wheelUp: return [.wheelScrolled(pane, -3)]
        case .wheelDown: return [.wheelScrolled(pane, 3)]
        }
    }
}
