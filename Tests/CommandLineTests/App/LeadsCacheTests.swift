import Foundation
import GRDB
import LeadsAPI
import LeadsCache
import LeadsStore
import Testing

/// The cache file (issue 12, points 4 and 7): created 0600 in a 0700 folder, the outbox kept
/// in order across opens, an entry that cannot be read named and left in the file.
@Suite struct LeadsCacheTests {
    @Test func theOutboxIsKeptInOrderAndAnUnreadableEntryIsNeverOverwritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leadterm-cache-\(UUID().uuidString)/leadterm")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let file = folder.appendingPathComponent("work.sqlite")
        let cache = try #require(LeadsCache(url: file))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int == 0o700)

        let now = Date(timeIntervalSince1970: 1_795_515_300)
        let entries = [
            OutboxEntry(id: 1, write: .createNote(slug: "ana-souza-1", text: "Zoë said yes 🎉"), origin: .change(.note(id: 0, slug: "x")),
                        label: "a note", madeAt: now),
            OutboxEntry(id: 2, write: .deleteLead(slug: "lead-2"), origin: .change(.lead(slug: "lead-2")), label: "the delete of 太郎 山田", madeAt: now),
        ]
        #expect(cache.saveOutbox(entries) == nil)
        #expect(try #require(LeadsCache(url: file)).loadOutbox().entries == entries)

        // A row a later version wrote (or a damaged one): named, skipped, and still there after the next save.
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { try $0.execute(sql: "INSERT INTO outbox (id, body) VALUES (7, ?)", arguments: [Data("{\"id\":7".utf8)]) }
        let reopened = try #require(LeadsCache(url: file))
        let (read, problems) = reopened.loadOutbox()
        #expect(read == entries)
        #expect(problems == ["change #7 of the outbox in \(file.path) could not be read (left there, not sent)"])
        #expect(reopened.saveOutbox([entries[1]]) == nil)
        let count = try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox WHERE id = 7") }
        #expect(count == 1)
        #expect(try #require(LeadsCache(url: file)).loadOutbox().entries == [entries[1]])
    }
}
