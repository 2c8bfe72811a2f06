import Foundation
import LeadsAPI
import TextEditing

/// Forms' part of the reducer: typing, moving between fields, saving,
/// cancelling (asking first when something changed), drafts.
enum FormReducer {
    /// Typing goes to the topmost thing that takes text: a form, the palette's query, the `/` bar.
    static func edit(_ state: inout AppState, _ edit: TextEdit) -> [Effect] {
        guard let index = state.modals.indices.last else {
            LeadListReducer.filterEdited(&state, edit)
            return []
        }
        switch state.modals[index] {
        case .leadForm(var form):
            guard !form.isSaving else { return [] }
            form.edit(edit)
            state.modals[index] = .leadForm(form)
        case .noteForm(var form):
            guard !form.isSaving else { return [] }
            form.input.apply(edit, singleLine: false)
            form.error = nil
            state.modals[index] = .noteForm(form)
        case .appointmentForm(let form):
            CalendarReducer.edit(&state, index, form, edit)
        case .palette(var palette):
            palette.query.apply(edit, singleLine: true)
            palette.selected = 0
            state.modals[index] = .palette(palette)
        case .help, .confirm:
            break
        }
        return []
    }

    static func command(_ state: inout AppState, _ command: Command) -> [Effect] {
        guard let index = state.modals.indices.last else { return [] }
        switch state.modals[index] {
        case .appointmentForm(let form):
            return CalendarReducer.formCommand(&state, index, form, command)
        case .leadForm(var form):
            switch command {
            case .nextField: form.moveFocus(by: 1)
            case .previousField: form.moveFocus(by: -1)
            case .open:
                // Enter: next field, or save on the last one.
                if form.focus == LeadForm.Field.allCases.last { return saveLead(&state, index, form) }
                form.moveFocus(by: 1)
            case .save: return saveLead(&state, index, form)
            case .cancel, .back: return close(&state, hasChanges: form.hasChanges)
            case .quit: return AppReducer.quit(&state)
            default: return []
            }
            state.modals[index] = .leadForm(form)
        case .noteForm(var form):
            switch command {
            case .save:
                guard !form.isSaving else { return [] }
                let problems = Rules.noteCreate(["note": form.input.text, "slug": form.slug])
                if !problems.isEmpty {
                    form.error = problems["note"].first.map { "\($0) (\(form.length)/\(Rules.leadNoteLimit))" } ?? problems.summary
                    state.modals[index] = .noteForm(form)
                    return []
                }
                form.isSaving = true
                form.error = nil
                state.modals[index] = .noteForm(form)
                return state.issue(.saveNote, .createNote(slug: form.slug, text: form.input.text))
            case .cancel, .back:
                return close(&state, hasChanges: !form.input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
            case .quit: return AppReducer.quit(&state)
            default: return []
            }
        default: return []
        }
        return []
    }

    /// Closes the top form, asking first when it holds unsaved input.
    static func close(_ state: inout AppState, hasChanges: Bool) -> [Effect] {
        if hasChanges {
            state.modals.append(.confirm(Confirmation(kind: .discardForm, title: "Discard changes",
                                                      question: "Discard what you typed? y discards · n keeps editing")))
        } else {
            state.modals.removeLast()
        }
        return []
    }

    static func saveLead(_ state: inout AppState, _ index: Int, _ form: LeadForm) -> [Effect] {
        var form = form
        guard !form.isSaving else { return [] }
        form.hasTriedSaving = true
        form.serverErrors = [:]
        let errors = form.clientErrors
        if !errors.isEmpty {
            let fields = LeadForm.Field.allCases.filter { errors[$0] != nil }
            if let first = fields.first { form.focus = first }
            form.message = "Not saved: fix \(fields.map(\.label).joined(separator: ", "))."
            form.isMessageError = true
            state.modals[index] = .leadForm(form)
            return []
        }
        form.isSaving = true
        form.message = "Saving…"
        form.isMessageError = false
        state.modals[index] = .leadForm(form)
        switch form.mode {
        case .create: return state.issue(.saveLead, .createLead(form.draft))
        case .edit(let slug): return state.issue(.saveLead, .updateLead(slug: slug, form.draft))
        }
    }

    // MARK: Opening

    /// The assignee when nothing better is known: the settings' default, else the signed-in user.
    static func fallbackAssignee(_ state: AppState) -> (String, String)? {
        if let assignee = state.settings.defaultAssignee, !assignee.isEmpty { return (assignee, "default assignee from settings") }
        if let user = state.settings.signedInUser, !user.isEmpty { return (user, "you (signed-in user)") }
        return nil
    }

    static func openNewLead(_ state: inout AppState) {
        var values: [LeadForm.Field: String] = [:]
        var notes: [LeadForm.Field: String] = [:]
        if let (assignee, origin) = fallbackAssignee(state) { values[.assignee] = assignee; notes[.assignee] = "prefilled: \(origin)" }
        var form = LeadForm(mode: .create, values: values, notes: notes)
        form.original = Dictionary(uniqueKeysWithValues: LeadForm.Field.allCases.map { ($0, "") })
        state.modals.append(.leadForm(form))
    }

    /// Edit: every field prefilled. Update needs location, message and
    /// assignee, which the detail may lack: they come from the detail when it
    /// has them, else the values last sent for this lead, else the settings'
    /// default assignee or the signed-in user — and the form says which.
    static func openEditLead(_ state: inout AppState, slug: String) {
        let summary = state.list.rows.first { $0.slug == slug }
        let detail = state.detail?.slug == slug ? state.detail?.lead : nil
        let email = detail?.email ?? summary?.email ?? ""
        let last = state.lastUsed[slug] ?? state.lastUsed[LeadExtras.key(email: email)]
        var values: [LeadForm.Field: String] = [
            .firstName: detail?.firstName ?? summary?.firstName ?? "",
            .lastName: detail?.lastName ?? summary?.lastName ?? "",
            .email: detail?.email ?? summary?.email ?? "",
            .phone: detail?.phone ?? summary?.phone ?? "",
            .status: (detail?.status ?? summary?.status ?? "").lowercased(),
            .source: (detail?.source ?? summary?.source ?? "").lowercased(),
        ]
        var notes: [LeadForm.Field: String] = [:]
        func fill(_ field: LeadForm.Field, fromDetail: String?, fromLast: String?, fallback: (String, String)?) {
            if let value = fromDetail, !value.isEmpty { values[field] = value; return }
            if let value = fromLast, !value.isEmpty { values[field] = value; notes[field] = "prefilled: last used for this lead"; return }
            if let (value, origin) = fallback { values[field] = value; notes[field] = "prefilled: \(origin)"; return }
            notes[field] = "required by the service: not known for this lead"
        }
        fill(.location, fromDetail: detail?.location, fromLast: last?.location, fallback: nil)
        fill(.message, fromDetail: detail?.message, fromLast: last?.message, fallback: nil)
        fill(.assignee, fromDetail: detail?.assignee, fromLast: last?.assignee, fallback: fallbackAssignee(state))
        state.modals.append(.leadForm(LeadForm(mode: .edit(slug: slug), values: values, notes: notes)))
    }

    /// The detail arrived while its edit form is open: fills location,
    /// message and assignee the user has not typed in yet.
    static func fillEditForm(_ state: inout AppState, from lead: LeadDetail) {
        guard let index = state.modals.lastIndex(where: {
            if case .leadForm(let form) = $0, form.mode == .edit(slug: lead.slug) { return true }
            return false
        }), case .leadForm(var form) = state.modals[index] else { return }
        let known: [(LeadForm.Field, String?)] = [(.location, lead.location), (.message, lead.message), (.assignee, lead.assignee)]
        for case let (field, value?) in known where !value.isEmpty && !form.touched.contains(field) && form.value(field) != value {
            guard form.value(field).isEmpty || form.notes[field] != nil else { continue }
            form.inputs[field] = TextInput(value)
            form.original[field] = value
            form.notes[field] = nil
        }
        state.modals[index] = .leadForm(form)
    }

    /// Opens the form a draft came from, with its text.
    static func resume(_ state: inout AppState, _ draft: Draft) {
        switch draft.content {
        case .note(let slug, let leadName, let text):
            state.modals.append(.noteForm(NoteForm(slug: slug, leadName: leadName, text: text)))
        case .lead(let slug, let stored):
            var values: [LeadForm.Field: String] = [:]
            for (key, value) in stored { if let field = LeadForm.Field(rawValue: key) { values[field] = value } }
            var form = LeadForm(mode: slug.map { .edit(slug: $0) } ?? .create, values: values)
            // Nothing of it is saved yet: every field counts as changed.
            form.original = Dictionary(uniqueKeysWithValues: LeadForm.Field.allCases.map { ($0, "") })
            state.modals.append(.leadForm(form))
        case .appointment(let id, let leadSlug, let stored):
            let lead = leadSlug.map { AppointmentForm.LeadChoice(slug: $0, name: stored["lead"] ?? $0) }
            var form = AppointmentForm(mode: id.map { .edit(id: $0) } ?? .create, lead: lead, start: nil)
            for field in AppointmentForm.Field.allCases { form.inputs[field] = TextInput(stored[field.rawValue] ?? "") }
            form.original = Dictionary(uniqueKeysWithValues: AppointmentForm.Field.allCases.map { ($0, "") })
            state.modals.append(.appointmentForm(form))
        }
        state.message = StatusMessage("Resumed \(draft.summary).", .info, at: state.now)
    }

    /// The unsaved input of the topmost form, as a draft; nil when there is none.
    static func draft(of state: AppState) -> Draft? {
        let draftID = "draft-\(Int64(state.now.timeIntervalSince1970 * 1000))"
        for modal in state.modals.reversed() {
            switch modal {
            case .noteForm(let form) where !form.input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
                return Draft(id: draftID, savedAt: state.now, content: .note(slug: form.slug, leadName: form.leadName, text: form.input.text))
            case .appointmentForm(let form) where form.hasChanges:
                var id: Int?
                if case .edit(let editing) = form.mode { id = editing }
                let values = Dictionary(uniqueKeysWithValues: AppointmentForm.Field.allCases.map { ($0.rawValue, form.value($0)) })
                return Draft(id: draftID, savedAt: state.now, content: .appointment(id: id, leadSlug: form.lead?.slug, values: values))
            case .leadForm(let form) where form.hasChanges:
                var slug: String?
                if case .edit(let editing) = form.mode { slug = editing }
                let values = Dictionary(uniqueKeysWithValues: LeadForm.Field.allCases.map { ($0.rawValue, form.value($0)) })
                return Draft(id: draftID, savedAt: state.now, content: .lead(slug: slug, values: values))
            default: continue
            }
        }
        return nil
    }
}
