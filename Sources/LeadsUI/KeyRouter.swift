import LeadsStore
import TerminalUI
import TextEditing

/// Turns keys into actions: text keys into edits where something takes
/// text (forms, the palette, the `/` bar), everything else through the
/// keymap's context stack (`AppState.keyContexts`, top wins), mouse events
/// into row clicks and wheel steps by the screen's layout.
public struct KeyRouter {
    public let keymap: Keymap
    public private(set) var resolver = KeyResolver()
    /// The first key of a two-key sequence and the keys that may follow, for the status bar.
    public private(set) var pendingHint: String?

    public init(keymap: Keymap) { self.keymap = keymap }

    public mutating func actions(for key: Key, state: AppState) -> [Action] {
        if key == .ctrl("c") {   // raw mode: Ctrl-C arrives as a key; it ends any half-typed sequence too
            resolver.cancel()
            pendingHint = nil
            return [.commandInvoked(.quit)]
        }
        if case .mouse(let event) = key { return mouse(event, state: state) }
        // Esc then a key typed quickly arrives as Alt+key: when Alt+key means
        // nothing here, it is the two keys.
        if case .alt(let character) = key, !isBound(key, state: state) {
            var first = actions(for: .escape, state: state)
            let after = AppReducer.preview(state, first)
            first += actions(for: .character(character), state: after)
            return first
        }
        if let target = textTarget(state) { return textKey(key, target: target, state: state) }
        switch resolver.resolve(key, keymap: keymap, stack: state.keyContexts) {
        case .pending(let first, let next):
            pendingHint = "\(first) " + next.compactMap { $0.keys.keys.last?.description }.joined(separator: "/")
            return []
        case .unbound:
            pendingHint = nil
            return []
        case .action(let id):
            pendingHint = nil
            return Command(rawValue: id).map { [.commandInvoked($0)] } ?? []
        }
    }

    private func isBound(_ key: Key, state: AppState) -> Bool {
        state.keyContexts.contains { keymap.action(for: KeySequence([key]), in: $0) != nil }
            || (textTarget(state) != nil && keymap.action(for: KeySequence([key]), in: "form") != nil)
    }

    enum TextTarget { case line, note, palette, filter }

    func textTarget(_ state: AppState) -> TextTarget? {
        switch state.topModal {
        case .leadForm, .appointmentForm: return .line
        case .noteForm: return .note
        case .palette: return .palette
        case .help, .confirm: return nil
        case nil: return state.filterBar != nil ? .filter : nil
        }
    }

    /// Keys where text is typed: the form context's bindings (save, next field,
    /// cancel) first, then editing; Enter and Esc mean open/back.
    func textKey(_ key: Key, target: TextTarget, state: AppState) -> [Action] {
        if target == .line || target == .note, let id = keymap.action(for: KeySequence([key]), in: "form"), let command = Command(rawValue: id) {
            return [.commandInvoked(command)]
        }
        switch key {
        case .escape: return [.commandInvoked(.back)]
        case .enter:
            if target == .note { return [.textEdited(.insert("\n"))] }
            return [.commandInvoked(.open)]
        case .up, .down:
            if target == .palette { return [.commandInvoked(key == .up ? .up : .down)] }
            if target == .note, case .noteForm(let form) = state.topModal {
                return [.textEdited(.moveCursor(TextArea.cursor(of: form.input, movedUp: key == .up, width: noteWidth(state))))]
            }
            if case .appointmentForm(let form) = state.topModal, form.focus == .lead, !form.matches.isEmpty {
                return [.commandInvoked(key == .up ? .up : .down)]   // through the lead matches
            }
            if target == .line { return [.commandInvoked(key == .up ? .previousField : .nextField)] }
            return []
        case .tab, .backTab: return []
        default:
            return TextEdit(key: key).map { [.textEdited($0)] } ?? []
        }
    }

    private func noteWidth(_ state: AppState) -> Int {
        NoteFormView.textWidth(in: ScreenLayout(width: state.width, height: state.height, state: state).main)
    }

    func mouse(_ event: MouseEvent, state: AppState) -> [Action] {
        guard state.modals.isEmpty, state.view == .leads else { return [] }
        let layout = ScreenLayout(width: state.width, height: state.height, state: state)
        var hits: [(Pane, Rect, Int)] = []
        if let rows = layout.listRows { hits.append((.list, rows, state.list.offset)) }
        if let detail = layout.detail {
            let parts = DetailLayout(frame: detail, lead: state.detail?.lead)
            let notesRows = DetailLayout.rows(of: parts.notes), activityRows = DetailLayout.rows(of: parts.activities)
            hits.append((.notes, notesRows, Self.offset(selected: state.detail?.noteSelected ?? 0, count: state.detail?.notes.count ?? 0, height: notesRows.height)))
            hits.append((.activities, activityRows, Self.offset(selected: state.detail?.activitySelected ?? 0, count: state.detail?.activities.count ?? 0, height: activityRows.height)))
        }
        for (pane, rect, offset) in hits where rect.contains(x: event.x, y: event.y) {
            switch event.kind {
            case .press: return [.rowClicked(pane, offset + event.y - rect.y)]
            case .wheelUp: return [.wheelScrolled(pane, -3)]
            case .wheelDown: return [.wheelScrolled(pane, 3)]
            }
        }
        return []
    }

    /// The first visible row of a detail list, as its renderer scrolls it.
    static func offset(selected: Int, count: Int, height: Int) -> Int {
        var position = ListState(selected: selected)
        position.keepSelectionVisible(height: height, count: count)
        return position.offset
    }
}
