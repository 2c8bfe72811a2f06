import LeadsAPI
import TextEditing

/// The `/` bar while it is open: what is typed in it.
public struct FilterBarState: Equatable, Sendable {
    public var input: TextInput
    public init(_ text: String = "") { input = TextInput(text) }

    /// The most a paste puts in the bar, in code points.
    public static let textLimit = 500
}

/// The `/` bar: free words filter the loaded leads as they are typed;
/// Enter applies `field:value` terms (an unknown field or status is named
/// and the bar stays open); Esc clears every filter and closes it.
public enum FilterBarFeature {
    public enum Action: Equatable, Sendable {
        case edited(TextEdit)
        case pasted(String)
        case command(Command)
    }

    public enum Delegate: Equatable, Sendable {
        /// The free words now typed.
        case wordsTyped(String)
        /// Enter with a filter that parses: close the bar and apply it.
        case applied(LeadFilter)
        /// Esc: close the bar and clear every filter.
        case cancelled
    }

    public static func reduce(_ state: inout FilterBarState, _ action: Action) -> [Output<Delegate>] {
        switch action {
        case .edited(let edit):
            state.input.apply(edit, singleLine: true)
            let words = LeadFilter.tokens(state.input.text).filter { !$0.contains(":") }
            return [.delegate(.wordsTyped(words.joined(separator: " ")))]
        case .pasted(let text):
            state.input.paste(text, singleLine: true, limit: FilterBarState.textLimit)
            return reduce(&state, .edited(.moveCursor(state.input.cursor)))
        case .command(.applyFilter), .command(.save):
            switch LeadFilter.parse(state.input.text) {
            case .failure(let error): return [.message("\(error.message)", .error)]
            case .success(let filter): return [.delegate(.applied(filter))]
            }
        case .command(.back), .command(.cancel):
            return [.delegate(.cancelled)]
        case .command:
            return []
        }
    }
}
