import Foundation
import GRDB

/// The sandbox's SQLite database: schema and opening.
///
///     users(username, full_name)
///     leads(id, slug, first_name, last_name, email, phone, status, source,
///           location, message, owner, assignee, campaign, added_on, is_deleted)
///     notes(id, lead_id, note, created, user)
///     activities(id, lead_id, activity_type, activity, created)
///     appointments(id, lead_id, from_date, to_date, note, status, user)
///
/// A lead delete is soft (`is_deleted = 1`), as the service's
/// "already has a deleted status" message shows.
enum SandboxDatabase {
    static func open(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.write { db in try createSchema(db) }
        return queue
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS users(
                username TEXT PRIMARY KEY, full_name TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS leads(
                id INTEGER PRIMARY KEY, slug TEXT NOT NULL UNIQUE,
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
                status TEXT NOT NULL, source TEXT NOT NULL, location TEXT NOT NULL, message TEXT NOT NULL,
                owner TEXT NOT NULL, assignee TEXT NOT NULL, campaign TEXT, added_on TEXT NOT NULL,
                is_deleted INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS leads_owner ON leads(owner, is_deleted, added_on);
            CREATE INDEX IF NOT EXISTS leads_assignee ON leads(assignee, is_deleted, added_on);
            CREATE TABLE IF NOT EXISTS notes(
                id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, note TEXT NOT NULL,
                created TEXT NOT NULL, user TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS notes_lead ON notes(lead_id);
            CREATE TABLE IF NOT EXISTS activities(
                id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, activity_type TEXT NOT NULL,
                activity TEXT NOT NULL, created TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS activities_lead ON activities(lead_id);
            CREATE TABLE IF NOT EXISTS appointments(
                id INTEGER PRIMARY KEY, lead_id INTEGER NOT NULL, from_date TEXT NOT NULL, to_date TEXT NOT NULL,
                note TEXT NOT NULL, status TEXT NOT NULL, user TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS appointments_user ON appointments(user, from_date);
            """)
    }

    static func isEmpty(_ queue: DatabaseQueue) throws -> Bool {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM users") ?? 0 } == 0
    }
}
