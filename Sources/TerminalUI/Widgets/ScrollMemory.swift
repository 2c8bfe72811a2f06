/// Where each list of a screen is scrolled, between frames.
///
/// The app's state holds only a list's selection; how far the list is
/// scrolled depends on the height it gets, which only the screen knows. So
/// the screen keeps the first visible row of each list here and moves it
/// with one function, `ListState.keepSelectionVisible`: just enough to show
/// the selection (ratatui's stateful list keeps its offset the same way).
public struct ScrollMemory: Sendable {
    private var lists: [String: (identity: Int, offset: Int)] = [:]

    public init() {}

    /// The first visible row of list `id` for this frame. A new `identity`
    /// (the notes of another lead) starts from the top; `jump` as in `ListState.keepSelectionVisible`.
    public mutating func offset(_ id: String, identity: Int = 0, selected: Int, count: Int, height: Int, jump: Int = 1) -> Int {
        var position = ListState(selected: selected, offset: lists[id].flatMap { $0.identity == identity ? $0.offset : nil } ?? 0)
        position.keepSelectionVisible(height: height, count: count, jump: jump)
        lists[id] = (identity, position.offset)
        return position.offset
    }
}
