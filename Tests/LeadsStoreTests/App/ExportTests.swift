import Foundation
import LeadsAPI
import TestSupport
import Testing
@testable import LeadsStore

/// Issue 14.3: CSV as RFC 4180 writes it and safe in a spreadsheet; `export FILE` writes the
/// list as shown, every page of it, or the marks; esc cancels; nothing half written.
@Suite struct ExportTests {
    @Test func csvQuotesWhatItMustAndNeutralisesFormulas() {
        #expect(CSV.field("Ana") == "Ana")
        #expect(CSV.field("Souza, Ana") == "\"Souza, Ana\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("line one\nline two") == "\"line one\nline two\"")
        #expect(CSV.field("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"")
        for start in ["+44 20", "-1", "@SUM(A1)", "\tx", "=1+1"] { #expect(CSV.field(start).contains("'" + start)) }
        #expect(CSV.field("\r\n=1") == "\"'\r\n=1\"")
        #expect(CSV.field("a=b") == "a=b")
        #expect(CSV.document(header: ["a", "b"], rows: [["1", "Zoë 🌸"]]) == "a,b\r\n1,Zoë 🌸\r\n")
    }

    @Test func theFormatComesFromTheExtension() {
        #expect(ExportFormat(path: "leads.csv") == .csv && ExportFormat(path: "~/Out/Leads.JSON") == .json)
        #expect(ExportFormat(path: "leads.txt") == nil && ExportFormat(path: ".csv") == nil && ExportFormat(path: "v1.0/leads") == nil)
    }

    func press(_ state: inout AppState, _ command: Command, _ argument: String? = nil) -> [Effect] {
        if let argument { return AppReducer.perform(&state, command, argument: argument) }
        return AppReducer.reduce(&state, .commandInvoked(command))
    }

    /// The page the list asked for, answered from a list of `count` leads.
    func answerPage(_ state: inout AppState, _ effects: [Effect], count: Int) -> [Effect] {
        let asked = effects.lazy.compactMap({ effect -> (RequestID, LeadQuery)? in
            if case .request(let id, .leads(let query)) = effect { return (id, query) }
            return nil
        }).first
        // Else the page already in flight (asked for before: the next one, 500 at a time).
        guard let (id, query) = asked ?? state.requests[.leadsPage].map({ ($0, LeadQuery(limit: 500, offset: state.list.nextOffset ?? 0)) }) else { return [] }
        let offset = query.offset ?? 0, limit = query.limit ?? 50
        return AppReducer.reduce(&state, .responded(id, .leadsPage(offset: offset, .success(Fixtures.page(offset..<min(count, offset + limit), count: count)))))
    }

    @Test func everyPageIsFetchedThenTheRowsShownAreWritten() throws {
        var state = Fixtures.loaded(count: 1_200)
        for _ in 0..<3 { _ = press(&state, .sortNext) }   // by added, newest first: the file has the list's order, not the server's
        var effects = press(&state, .exportList, "out/leads.csv")
        #expect(state.export == ExportJob(path: "out/leads.csv", format: .csv))
        var pages = 0
        while state.export?.isWriting == false, pages < 10 {
            effects = answerPage(&state, effects, count: 1_200)
            pages += 1
        }
        #expect(pages == 3)   // 50 loaded, then 500 a request
        guard case .writeExport(let path, let rows)? = effects.last else {
            Issue.record("no file written: \(effects)")
            return
        }
        #expect(path == "out/leads.csv" && rows.count == 1_200)
        let lines = String(decoding: rows.data(), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines[0] == Export.leadHeader.joined(separator: ","))
        #expect(lines.count == 1_202)   // the header, 1,200 rows, and the empty text after the last CRLF
        // As the list shows them: the newest first (added on the 28th: leads 27, 55, 83…).
        let slugs = lines.dropFirst().prefix(4).map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(state.list.sort == .added && slugs == ["lead-27", "lead-55", "lead-83", "lead-111"])
        #expect(lines[1] == "First27 Last27,First27,Last27,prospect,website,'+155500027,lead27@example.com,demo,2026-11-28 09:00,lead-27")
        _ = AppReducer.reduce(&state, .exportWritten(.success("/home/ana/out/leads.csv"), what: "1,200 leads"))
        #expect(state.export == nil && state.message?.text == "Exported 1,200 leads to /home/ana/out/leads.csv.")
    }

    /// Found by a newcomer: words in the filter made the export crash (row numbers taken for list positions).
    @Test func filterWordsExportTheRowsThatMatch() {
        var state = Fixtures.loaded(count: 120)
        _ = AppReducer.reduce(&state, .commandInvoked(.filter))
        _ = AppReducer.reduce(&state, .pasted("last11"))
        _ = AppReducer.reduce(&state, .commandInvoked(.applyFilter))
        var effects = press(&state, .exportList, "eleven.csv")
        for _ in 0..<5 where state.export?.isWriting == false { effects = answerPage(&state, effects, count: 120) }
        guard case .writeExport(_, let rows)? = effects.last, case .leads(let leads, _) = rows else {
            Issue.record("not written: \(effects)")
            return
        }
        #expect(leads.map(\.slug) == ["lead-11", "lead-110", "lead-111", "lead-112", "lead-113", "lead-114", "lead-115", "lead-116", "lead-117", "lead-118", "lead-119"])
    }

    @Test func escCancelsAndAFailedPageStopsIt() {
        var state = Fixtures.loaded(count: 1_200)
        var effects = press(&state, .exportList, "leads.json")
        #expect(state.export != nil)
        _ = press(&state, .back)
        #expect(state.export == nil && state.message?.text == "Export cancelled; nothing written.")
        // A late page writes nothing.
        #expect(!answerPage(&state, effects, count: 1_200).contains { if case .writeExport = $0 { return true }; return false })

        effects = press(&state, .exportList, "leads.json")
        guard case .request(let id, _)? = effects.first(where: { if case .request = $0 { return true }; return false }) else {
            Issue.record("no page asked for: \(effects)")
            return
        }
        _ = AppReducer.reduce(&state, .responded(id, .leadsPage(offset: 50, .failure(.server(status: 500, message: "boom")))))
        #expect(state.export == nil)
        #expect(state.message?.level == .error && state.message?.text.description.hasPrefix("Export stopped: could not load every lead") == true)
    }

    @Test func aWrongNameIsSaidAndNothingStarts() {
        var state = Fixtures.loaded()
        #expect(press(&state, .exportList, "leads.xlsx") == [])
        #expect(state.message?.text == "“leads.xlsx”: an export's file name ends in .csv or .json.")
        #expect(press(&state, .exportList, "  ") == [] && state.export == nil)
        _ = AppReducer.reduce(&state, .exportWritten(.failure(ExportProblem("/tmp/x.csv already exists: choose another name")), what: "3 leads"))
        #expect(state.message?.level == .error && state.message?.text == "Nothing exported: /tmp/x.csv already exists: choose another name.")
    }

    @Test func theMarkedLeadsAreWrittenAtOnce() {
        var state = Fixtures.loaded(count: 1_200)
        _ = press(&state, .down)
        _ = press(&state, .toggleMark)   // lead-1 marked, the selection goes to the next
        _ = press(&state, .down)
        _ = press(&state, .toggleMark)
        let effects = press(&state, .exportList, "marked.json")
        guard case .writeExport(_, let rows)? = effects.first else {
            Issue.record("not written at once: \(effects)")
            return
        }
        #expect(rows.count == 2 && state.export == nil)
        let leads = try? JSONDecoder().decode([LeadSummary].self, from: rows.data())
        #expect(leads?.map(\.slug) == ["lead-1", "lead-3"])
    }

    @Test func aNewFileOnlyWholeAndPrivate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("leads.csv").path
        #expect(try ExportFile.writeNew(path, Data("a\r\n".utf8)).get() == path)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        guard case .failure(let problem) = ExportFile.writeNew(path, Data("b".utf8)) else { Issue.record("overwritten"); return }
        #expect(problem.message.contains("already exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\r\n")
        guard case .failure(let missing) = ExportFile.writeNew(dir.appendingPathComponent("no/such.csv").path, Data()) else { return }
        #expect(missing.message == "there is no folder \(dir.appendingPathComponent("no").path)")
        #expect(ExportFile.absolutePath("~/x.csv", home: "/home/ana") == "/home/ana/x.csv")
    }
}
