/// A yes/no question over everything, and what yes does.
public struct Confirmation: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case deleteLead(slug: String, name: String)
        /// Delete every marked lead (one undo window for all).
        case deleteMarked(count: Int)
        /// Save a view over one of the same name that shows something else.
        case replaceView(SavedView)
        case deleteNote(id: Int, slug: String, excerpt: String)
        case deleteAppointment(id: Int, label: String)
        /// Close the form beneath without saving.
        case discardForm
        /// Quit although a form has unsaved input.
        case quitDiscarding
        case resumeDraft(Draft)
        /// Quit while changes wait in the outbox (they are kept and sent at the next start).
        case quitWithOutbox
        /// Discard a change of the outbox (it is never sent).
        case discardOutboxEntry(id: Int)
    }

    public var kind: Kind
    public var title: String
    /// The question, naming the keys that answer it.
    public var question: TextWithKeys

    public init(kind: Kind, title: String, question: TextWithKeys) { self.kind = kind; self.title = title; self.question = question }

    public static func deleteLead(slug: String, name: String) -> Confirmation {
        Confirmation(kind: .deleteLead(slug: slug, name: name), title: "Delete lead", question: "Delete lead \(name)?")
    }

    /// - Parameter names: the marked leads' names; the first three are named.
    public static func deleteMarked(names: [String]) -> Confirmation {
        let count = names.count
        let named = names.prefix(3).joined(separator: ", ") + (count > 3 ? " and \(count - 3) more" : "")
        return Confirmation(kind: .deleteMarked(count: count), title: "Delete marked leads",
                            question: "Delete the \(count) marked lead\(count == 1 ? "" : "s") (\(named))? \(key: .yes) deletes (\(key: .undo) undoes for a moment) · \(key: .no) keeps them")
    }

    public static func replace(_ old: SavedView, with new: SavedView) -> Confirmation {
        func said(_ view: SavedView) -> String {
            [view.filter.isEmpty ? "no filter" : view.filter, view.listType.rawValue, "by \(view.sort.label)"].joined(separator: ", ")
        }
        return Confirmation(kind: .replaceView(new), title: "Replace view",
                            question: "View “\(old.name)” shows \(said(old)). Replace it with \(said(new))? \(key: .yes) replaces · \(key: .no) keeps it")
    }

    public static let discardForm = Confirmation(
        kind: .discardForm, title: "Discard changes", question: "Discard what you typed? \(key: .yes) discards · \(key: .no) keeps editing")

    public static let quitDiscarding = Confirmation(
        kind: .quitDiscarding, title: "Quit", question: "Quit and lose what you typed? \(key: .yes) quits · \(key: .no) goes back")

    /// - Parameter file: where they are kept (nil: nowhere, the demo).
    public static func quitWithOutbox(count: Int, file: String?) -> Confirmation {
        let changes = "\(count) change\(count == 1 ? "" : "s") could not be sent yet"
        let kept = file.map { ": kept in \($0) and sent at the next start." } ?? ", and the demo keeps nothing: quitting loses \(count == 1 ? "it" : "them")."
        return Confirmation(kind: .quitWithOutbox, title: "Changes not sent",
                            question: "\(changes)\(kept) \(key: .yes) quits · \(key: .no) stays")
    }

    public static func discard(_ entry: OutboxEntry) -> Confirmation {
        Confirmation(kind: .discardOutboxEntry(id: entry.id), title: "Discard change",
                     question: "Discard \(entry.label)? It will never be sent. \(key: .yes) discards · \(key: .no) keeps it")
    }

    public static func resume(_ draft: Draft) -> Confirmation {
        Confirmation(kind: .resumeDraft(draft), title: "Unsaved input found",
                     question: "Resume \(draft.summary)? \(key: .yes) resumes it · \(key: .no) discards it")
    }
}
