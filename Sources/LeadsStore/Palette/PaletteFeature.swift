import Foundation
import TextEditing

/// The command palette: a query and the highlighted match.
public struct PaletteState: Equatable, Sendable {
    public var query = TextInput()
    public var selected = 0
    public init() {}

    /// The palette opened with `text` typed (a key of a command that takes an argument: `status `).
    public init(query text: String) { query = TextInput(text) }

    /// Rows a page key moves (the palette shows at least this many).
    public static let page = 8

    /// The most a paste puts in the query, in code points.
    public static let queryLimit = 200

    /// A command typed with its argument: the query is its verb, a space and the rest
    /// (`export ~/leads.csv`); nil otherwise.
    public var invocation: (command: Command, argument: String)? {
        let text = query.text.drop { $0 == " " }
        for command in Command.allCases {
            guard let verb = command.verb, text.hasPrefix(verb + " ") else { continue }
            return (command, text.dropFirst(verb.count + 1).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Commands whose id or description contains every word of the query; a command typed
    /// with its argument first (`view week` runs the saved view "week", and lists
    /// "Calendar: week" after it).
    public func matches() -> [Command] {
        let words = SearchFolding.words(of: query.text)
        let found = Command.allCases.filter { command in
            guard command.isListedInPalette else { return false }
            let haystack = SearchFolding.fold(command.description + " " + command.rawValue)
            return words.allSatisfy { haystack.contains($0) }
        }
        guard let invocation else { return found }
        return [invocation.command] + found.filter { $0 != invocation.command }
    }
}

/// The `:` palette: every command, filtered as you type; Enter runs the
/// highlighted one (the app checks it applies), Esc closes.
public enum PaletteFeature {
    public enum Action: Equatable, Sendable {
        case edited(TextEdit)
        case pasted(String)
        case command(Command)
    }

    public enum Delegate: Equatable, Sendable {
        case run(Command)
        /// A command typed with its argument (`export leads.csv`).
        case runWith(Command, String)
        case close
    }

    public static func reduce(_ state: inout PaletteState, _ action: Action) -> [Output<Delegate>] {
        switch action {
        case .edited(let edit):
            state.query.apply(edit, singleLine: true)
            state.selected = 0
            return []
        case .pasted(let text):
            state.query.paste(text, singleLine: true, limit: PaletteState.queryLimit)
            state.selected = 0
            return []
        case .command(let command):
            let matches = state.matches()
            switch command {
            case .down: state.selected = min(max(0, matches.count - 1), state.selected + 1)
            case .up: state.selected = max(0, state.selected - 1)
            case .pageDown: state.selected = min(max(0, matches.count - 1), state.selected + PaletteState.page)
            case .pageUp: state.selected = max(0, state.selected - PaletteState.page)
            case .top: state.selected = 0
            case .bottom: state.selected = max(0, matches.count - 1)
            case .back, .cancel, .palette: return [.delegate(.close)]
            case .runCommand, .open:
                guard matches.indices.contains(state.selected) else { return [] }
                if let invocation = state.invocation, matches[state.selected] == invocation.command {
                    return [.delegate(.runWith(invocation.command, invocation.argument))]
                }
                // A command that takes an argument waits for it: its verb goes in the query
                // (typed already: it runs without one, and says what it needs).
                if let verb = matches[state.selected].verb {
                    if state.query.text.trimmingCharacters(in: .whitespaces) == verb { return [.delegate(.runWith(matches[state.selected], ""))] }
                    state.query = TextInput(verb + " ")
                    state.selected = 0
                    return []
                }
                return [.delegate(.run(matches[state.selected]))]
            default: break
            }
            return []
        }
    }
}
