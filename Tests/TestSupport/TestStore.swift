import Foundation
import LeadsAPI
import LeadsStore
import Testing
import TextEditing

/// Drives `AppReducer` as the app would and checks every effect each action
/// returns (the shape of The Composable Architecture's `TestStore`): a step
/// names the effects it expects, and optionally how the state changes —
/// then the whole state after it is compared.
public struct TestStore {
    public var state: AppState

    public init(_ state: AppState) { self.state = state }

    /// Sends `action`: its effects must be `effects`, in order. With `expect`,
    /// the state after must equal the state before changed by `expect`.
    public mutating func send(_ action: Action, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                              _ expect: ((inout AppState) -> Void)? = nil) {
        var expected = state
        expect?(&expected)
        let actual = AppReducer.reduce(&state, action)
        #expect(actual == effects, "effects of \(action)", sourceLocation: sourceLocation)
        if expect != nil, state != expected {
            Issue.record("state after \(action) differs in: \(Self.differences(state, expected))", sourceLocation: sourceLocation)
        }
    }

    /// The command a key would invoke.
    public mutating func press(_ command: Command, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
                               _ expect: ((inout AppState) -> Void)? = nil) {
        send(.commandInvoked(command), effects: effects, sourceLocation: sourceLocation, expect)
    }

    /// Text typed a character at a time, each returning no effect.
    public mutating func type(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for character in text { send(.textEdited(.insert(String(character))), sourceLocation: sourceLocation) }
    }

    /// The top-level fields that differ, each shortened: a whole AppState is too long to read.
    public static func differences(_ actual: AppState, _ expected: AppState) -> String {
        let a = Mirror(reflecting: actual).children, e = Array(Mirror(reflecting: expected).children)
        var lines: [String] = []
        for (index, child) in a.enumerated() {
            let left = String(describing: child.value), right = String(describing: e[index].value)
            if left != right {
                lines.append("\(child.label ?? "?"): got \(left.prefix(400)) expected \(right.prefix(400))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
