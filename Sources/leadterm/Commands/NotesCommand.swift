import ArgumentParser
import LeadsAPI
import TerminalUI
import TextEditing

struct NotesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Add and delete lead notes.",
        subcommands: [Add.self, Delete.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to a lead (leads/create/leadnote/).")

        @Argument(help: "The lead's slug.") var slug: String
        @Argument(help: "The note, up to 499 characters (\"-\" reads it from standard input).") var text: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            var note = text
            if note == "-" {
                var lines: [String] = []
                while let line = readLine(strippingNewline: false) { lines.append(line) }
                note = lines.joined()
                while note.hasSuffix("\n") { note.removeLast() }
            }
            let body = LineBreaks.normalized(note)   // a note written on Windows or pasted from a mail: \r\n and \r are line ends
            let json = output.json
            let report = try await connection.withService { service -> WriteReport? in
                try await service.createNote(slug: slug, text: body)
                guard json else { return nil }
                let (record, lookup) = await RecordLookup.addedNote(slug: slug, text: body, in: service)
                return WriteReport("notes add", "added", sent: [("note", body), ("slug", slug)], record: record, lookup: lookup)
            }
            if let report { return try Output.json(report) }
            Output.standardOutput("Note added to \(TerminalSafeText.escape(slug)).")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a note (leads/delete/leadnote/).")

        @Argument(help: "The note's id (leads show lists them).") var noteID: Int
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await connection.withService { try await $0.deleteNote(id: noteID) }
            if output.json { return try Output.json(WriteReport("notes delete", "deleted", sent: [("note_id", String(noteID))], lookup: "deleted: nothing is left to show")) }
            Output.standardOutput("Note \(noteID) deleted.")
        }
    }
}
