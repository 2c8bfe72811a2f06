/// Messages per field, in a stable order (the order forms show fields in).
public struct FieldErrors: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var field: String
        public var messages: [String]
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public init(_ pairs: [(String, [String])]) {
        for (field, messages) in pairs { for message in messages { add(field, message) } }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var fields: [String] { entries.map(\.field) }

    public subscript(field: String) -> [String] {
        entries.first { $0.field == field }?.messages ?? []
    }

    public mutating func add(_ field: String, _ message: String) {
        if let index = entries.firstIndex(where: { $0.field == field }) {
            if !entries[index].messages.contains(message) { entries[index].messages.append(message) }
        } else {
            entries.append(Entry(field: field, messages: [message]))
            entries.sort { FieldErrors.rank($0.field) < FieldErrors.rank($1.field) }
        }
    }

    /// One line: `email: Invalid email. · phone: Phone number must …`.
    public var summary: String {
        entries.map { entry in
            entry.field.isEmpty ? entry.messages.joined(separator: " ") : "\(entry.field): \(entry.messages.joined(separator: " "))"
        }.joined(separator: " · ")
    }

    /// Form order first, then anything else alphabetically.
    private static let order = [
        "slug", "appointment_id", "note_id", "first_name", "last_name", "email", "phone", "status", "source",
        "location", "message", "assignee", "appointment_date", "appointment_to", "appointment_note",
        "appointment_status", "note",
    ]

    private static func rank(_ field: String) -> (Int, String) {
        (order.firstIndex(of: field) ?? order.count, field)
    }
}
