import ArgumentParser
import Foundation
import TerminalUI

/// `leadterm toolkit-demo`: the terminal toolkit on its own (hidden; for tests and trying themes).
struct ToolkitDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolkit-demo", abstract: "Show the terminal toolkit's widgets.", shouldDisplay: false)

    @Option(parsing: .unconditional, help: "Rows in the demo table.") var rows = 10_000

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(environment: environment)
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: 2)
        }
        let appearance = Appearance.load(locator: ConfigLocator(environment: environment), depth: backend.colorDepth)
        let demo = ToolkitDemo(theme: appearance.theme, keymap: appearance.keymap, rowCount: max(1, rows))
        if let first = appearance.warnings.first {
            demo.message = ("\(first)\(appearance.warnings.count > 1 ? " (+\(appearance.warnings.count - 1) more)" : "")", .error)
        }
        let loop = RunLoop(backend: backend)
        let exit = loop.run(demo)
        backend.restore()
        SignalWatcher.shared.release()
        for warning in appearance.warnings { Output.standardError("leadterm: \(warning)") }
        if case .signal(let number) = exit { throw ExitCode(128 + number) }
    }
}
