/// A lead to create, or the full new state of a lead to update (the update
/// endpoint replaces every required field, so every one is sent).
public struct LeadDraft: Sendable, Hashable, Codable {
    public var firstName: String
    public var lastName: String
    public var email: String
    public var phone: String
    public var location: String
    public var message: String
    /// The assignee's username.
    public var assignee: String
    /// Optional on create (the service defaults it); sent when not nil.
    public var status: String?
    public var source: String?

    public init(firstName: String, lastName: String, email: String, phone: String, location: String,
                message: String, assignee: String, status: String? = nil, source: String? = nil) {
        self.firstName = firstName; self.lastName = lastName; self.email = email; self.phone = phone
        self.location = location; self.message = message; self.assignee = assignee
        self.status = status; self.source = source
    }

    /// The form fields, in the document's order.
    public func form(slug: String? = nil) -> [(String, String)] {
        var fields: [(String, String)] = []
        if let slug { fields.append(("slug", slug)) }
        fields += [("first_name", firstName), ("last_name", lastName), ("email", email)]
        if let status { fields.append(("status", status)) }
        if let source { fields.append(("source", source)) }
        fields += [("phone", phone), ("location", location), ("message", message), ("assignee", assignee)]
        return fields
    }
}

/// A new appointment. Times are `yyyy-mm-dd hh:mm` in the service's zone
/// (`APIDate(date, in:)` writes one from a `Date`).
public struct AppointmentDraft: Sendable, Hashable, Codable {
    public var slug: String
    public var from: String
    public var to: String
    /// Nil lets the service use its default ("Prospect appointment").
    public var note: String?
    /// Nil lets the service use its default (pending).
    public var status: String?

    public init(slug: String, from: String, to: String, note: String? = nil, status: String? = nil) {
        self.slug = slug; self.from = from; self.to = to; self.note = note; self.status = status
    }

    public var form: [(String, String)] {
        var fields = [("slug", slug), ("appointment_date", from), ("appointment_to", to)]
        if let note { fields.append(("appointment_note", note)) }
        if let status { fields.append(("appointment_status", status)) }
        return fields
    }
}

/// Changes to an appointment: only what is not nil is sent.
///
/// The document lists update's fields as query parameters of a POST and
/// writes its times `yyyy-mm-dd hh-mm`; we send them as form fields, like
/// every other POST, with the `hh:mm` of create. The sandbox accepts both.
public struct AppointmentChanges: Sendable, Hashable, Codable {
    public var id: Int
    public var slug: String?
    public var from: String?
    public var to: String?
    public var note: String?
    public var status: String?

    public init(id: Int, slug: String? = nil, from: String? = nil, to: String? = nil, note: String? = nil, status: String? = nil) {
        self.id = id; self.slug = slug; self.from = from; self.to = to; self.note = note; self.status = status
    }

    public var form: [(String, String)] {
        let fields: [(String, String?)] = [
            ("appointment_id", String(id)), ("slug", slug), ("appointment_date", from),
            ("appointment_note", note), ("appointment_to", to), ("appointment_status", status),
        ]
        return fields.compactMap { name, value in value.map { (name, $0) } }
    }
}

extension Array where Element == (String, String) {
    /// The form as a dictionary for the rules (the last value of a repeated name wins).
    public var asDictionary: [String: String] {
        Dictionary(self, uniquingKeysWith: { _, last in last })
    }
}
