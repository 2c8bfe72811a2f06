import Foundation
import LeadsAPI
import TextEditing

extension AppReducer {
    /// The copy keys (`y e`, `y p`, `y n`, `y s`, `y y`): a value of the lead acted on — the
    /// open detail's when a detail pane is focused, else the list's selection — put on the
    /// user's clipboard through the terminal (OSC 52, which reaches it over SSH and tmux), and
    /// said in the status bar. Off with `clipboard = false` in settings.toml.
    static func copy(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard state.settings.clipboard else {
            state.message = StatusMessage("Copying is off (clipboard = false in settings.toml).", .info, at: state.now)
            return []
        }
        let fields: (name: String, slug: String, status: String, phone: String, email: String)
        if state.focus != .list, let lead = state.detail?.lead {
            fields = (lead.name, lead.slug, lead.status, lead.phone, lead.email)
        } else if let lead = state.list.selectedLead {
            fields = (lead.name, lead.slug, lead.status, lead.phone, lead.email)
        } else {
            state.message = StatusMessage("No lead selected: nothing to copy.", .info, at: state.now)
            return []
        }
        let what: String, value: String
        switch command {
        case .copyEmail: (what, value) = ("email", fields.email)
        case .copyPhone: (what, value) = ("phone", fields.phone)
        case .copyName: (what, value) = ("name", fields.name)
        case .copySlug: (what, value) = ("slug", fields.slug)
        default:
            // A row a spreadsheet or a mail takes as it is: tab-separated, one line.
            let row = [fields.name, fields.status, fields.phone, fields.email, fields.slug].map(clipboardText).joined(separator: "\t")
            state.message = StatusMessage("Copied \(fields.name)'s row (name, status, phone, email, slug).", .success, at: state.now)
            return [.copy(row)]
        }
        let text = clipboardText(value)
        guard !text.isEmpty else {
            state.message = StatusMessage("\(fields.name) has no \(what): nothing copied.", .info, at: state.now)
            return []
        }
        state.message = StatusMessage("Copied \(text)", .success, at: state.now)
        return [.copy(text)]
    }

    /// A value as it goes to the clipboard: one line, no control character (a pasted phone
    /// number must dial), spaces around it dropped.
    static func clipboardText(_ value: String) -> String {
        String(TextInput.insertable(value, singleLine: true)).trimmingCharacters(in: .whitespaces)
    }
}
