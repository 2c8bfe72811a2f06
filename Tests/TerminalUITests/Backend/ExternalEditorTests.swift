import Foundation
import Testing
@testable import TerminalUI

/// Issue 14.6: a note written in the user's editor, as `git commit` does.
@Suite struct ExternalEditorTests {
    /// An editor script in a scratch folder; `body` is sh, `$1` the file.
    func editor(_ body: String) throws -> (command: String, folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("edit.sh")
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        // Run by sh, not exec'd: a file just written can be "busy" for exec (ETXTBSY) while a
        // parallel test forks a child that still holds it open.
        return ("sh \(script.path)", folder)
    }

    @Test func theEditorsSavedTextComesBackAndItsFileIsPrivateAndRemoved() throws {
        let (command, folder) = try editor("stat -c %a \"$1\" > \"$(dirname \"$0\")/mode\"; echo \"$1\" > \"$(dirname \"$0\")/path\"; printf '\\nsecond line from the editor\\n' >> \"$1\"")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = ExternalEditor.edit("Called Ana: wants a demo", environment: ["EDITOR": command, "TMPDIR": folder.path])
        #expect(result == .success("Called Ana: wants a demo\nsecond line from the editor"))
        let mode = try String(contentsOf: folder.appendingPathComponent("mode"), encoding: .utf8)
        #expect(mode.trimmingCharacters(in: .whitespacesAndNewlines) == "600")
        let path = try String(contentsOf: folder.appendingPathComponent("path"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix(folder.path) && !FileManager.default.fileExists(atPath: path), "the temporary file is removed")
    }

    @Test func anEditorThatFailsLeavesTheTextAsItWas() throws {
        let (command, folder) = try editor("echo changed > \"$1\"; exit 3")
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(ExternalEditor.edit("kept", environment: ["EDITOR": command, "TMPDIR": folder.path])
                == .failure(.status(editor: command, code: 3)))
    }

    @Test func visualWinsOverEditorAndViIsTheLastResort() {
        #expect(ExternalEditor.command(environment: ["VISUAL": "code --wait", "EDITOR": "nano"]) == "code --wait")
        #expect(ExternalEditor.command(environment: ["VISUAL": " ", "EDITOR": "nano"]) == "nano")
        #expect(ExternalEditor.command(environment: [:]) == "vi")
    }
}
