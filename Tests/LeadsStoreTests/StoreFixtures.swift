import Foundation
import LeadsAPI
import Testing
import TestSupport
@testable import LeadsStore

/// Reduces `action` and checks the exact state (the old one changed by
/// `expect`) and the exact effects.
func assertReduce(_ state: inout AppState, _ action: Action, effects expectedEffects: [Effect],
                  sourceLocation: SourceLocation = #_sourceLocation, _ expect: (inout AppState) -> Void = { _ in }) {
    var expected = state
    expect(&expected)
    let effects = AppReducer.reduce(&state, action)
    #expect(effects == expectedEffects, sourceLocation: sourceLocation)
    if state != expected {
        Issue.record("state differs in: \(differences(state, expected))", sourceLocation: sourceLocation)
    }
}

/// The top-level fields that differ, each shortened: a whole AppState is too long to read.
func differences(_ actual: AppState, _ expected: AppState) -> String {
    let a = Mirror(reflecting: actual).children, e = Array(Mirror(reflecting: expected).children)
    var lines: [String] = []
    for (index, child) in a.enumerated() {
        let left = String(describing: child.value), right = String(describing: e[index].value)
        if left != right {
            lines.append("\(child.label ?? "?"): got \(left.prefix(300)) expected \(right.prefix(300))")
        }
    }
    return lines.joined(separator: "\n")
}
