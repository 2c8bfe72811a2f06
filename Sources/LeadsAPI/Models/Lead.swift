import Foundation

/// A row of `leads/list/`.
public struct LeadSummary: Sendable, Hashable, Codable, Identifiable {
    public var id: Int?
    public var slug: String
    public var firstName: String
    public var lastName: String
    /// The service's full name; built from first and last when missing.
    public var name: String
    public var phone: String
    public var email: String
    public var addedOn: APIDate?
    public var status: String
    public var source: String
    /// The owner as the service names them (the sandbox sends the username).
    public var owner: String

    enum CodingKeys: String, CodingKey {
        case id, slug, name, phone, email, status, source, owner
        case firstName = "first_name", lastName = "last_name", addedOn = "added_on"
    }

    public init(id: Int?, slug: String, firstName: String, lastName: String, name: String? = nil,
                phone: String = "", email: String = "", addedOn: APIDate? = nil,
                status: String = "", source: String = "", owner: String = "") {
        self.id = id; self.slug = slug; self.firstName = firstName; self.lastName = lastName
        self.name = name ?? LeadSummary.fullName(firstName, lastName)
        self.phone = phone; self.email = email; self.addedOn = addedOn
        self.status = status; self.source = source; self.owner = owner
    }

    public init(json: JSONValue) {
        let first = json["first_name"].text, last = json["last_name"].text
        let name = json["name"].text
        self.init(
            id: json["id"]?.intValue,
            slug: json["slug"].text,
            firstName: first, lastName: last,
            name: name.isEmpty ? nil : name,
            phone: json["phone"].text, email: json["email"].text,
            addedOn: json.first("added_on", "created").flatMap(APIDate.init(json:)),
            status: json["status"].text, source: json["source"].text,
            owner: json["owner"].text
        )
    }

    public static func fullName(_ first: String, _ last: String) -> String {
        [first, last].filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var leadStatus: LeadStatus? { LeadStatus(rawValue: status.lowercased()) }
}

/// `leads/view/lead/`: every field the document lists, plus `location`,
/// `assignee` and `owner` when a service sends them (the document's detail
/// does not, though update requires location and assignee).
public struct LeadDetail: Sendable, Hashable, Codable, Identifiable {
    /// What a list row already says of a lead (shown while its detail loads): no notes, no activities.
    public init(summary: LeadSummary) {
        self.init(json: .object([
            "slug": .string(summary.slug), "first_name": .string(summary.firstName), "last_name": .string(summary.lastName),
            "name": .string(summary.name), "phone": .string(summary.phone), "email": .string(summary.email),
            "status": .string(summary.status), "source": .string(summary.source), "owner": .string(summary.owner),
        ]))
        id = summary.id
        addedOn = summary.addedOn
    }

    public var id: Int?
    public var slug: String
    public var firstName: String
    public var lastName: String
    public var name: String
    public var phone: String
    public var email: String
    public var status: String
    public var source: String
    public var message: String
    public var addedOn: APIDate?
    public var recentActivities: [Activity]
    public var notes: [Note]
    /// Conversion in percent, 0...100, when the service sent one.
    public var conversion: Double?
    public var location: String?
    public var assignee: String?
    public var owner: String?

    enum CodingKeys: String, CodingKey {
        case id, slug, name, phone, email, status, source, message, notes, conversion, location, assignee, owner
        case firstName = "first_name", lastName = "last_name", addedOn = "added_on"
        case recentActivities = "recent_activities"
    }

    public init(json: JSONValue) {
        id = json["id"]?.intValue
        slug = json["slug"].text
        firstName = json["first_name"].text
        lastName = json["last_name"].text
        let fullName = json["name"].text
        name = fullName.isEmpty ? LeadSummary.fullName(firstName, lastName) : fullName
        phone = json["phone"].text
        email = json["email"].text
        status = json["status"].text
        source = json["source"].text
        message = json["message"].text
        addedOn = json.first("added_on", "created").flatMap(APIDate.init(json:))
        recentActivities = (json["recent_activities"]?.arrayValue ?? []).filter { $0.objectValue != nil }.map(Activity.init(json:))
        notes = (json["notes"]?.arrayValue ?? []).filter { $0.objectValue != nil }.map(Note.init(json:))
        conversion = json["conversion"]?.doubleValue
        location = json["location"]?.stringValue
        assignee = json["assignee"]?.stringValue
        owner = json["owner"]?.stringValue
    }

    public var leadStatus: LeadStatus? { LeadStatus(rawValue: status.lowercased()) }
}

/// A recent activity of a lead.
public struct Activity: Sendable, Hashable, Codable, Identifiable {
    public var id: Int?
    public var activityType: String
    public var created: APIDate?
    public var activity: String

    enum CodingKeys: String, CodingKey {
        case id, created, activity
        case activityType = "activity_type"
    }

    public init(json: JSONValue) {
        id = json["id"]?.intValue
        activityType = json["activity_type"].text
        created = json["created"].flatMap(APIDate.init(json:))
        activity = json["activity"].text
    }
}

/// A note on a lead.
public struct Note: Sendable, Hashable, Codable, Identifiable {
    public var id: Int?
    public var note: String
    public var created: APIDate?
    public var user: String

    enum CodingKeys: String, CodingKey {
        case id, note, user
        case created = "note_created"
    }

    public init(id: Int?, note: String, created: APIDate?, user: String) {
        self.id = id; self.note = note; self.created = created; self.user = user
    }

    public init(json: JSONValue) {
        id = json["id"]?.intValue
        note = json["note"].text
        created = json.first("note_created", "created").flatMap(APIDate.init(json:))
        user = json["user"].text
    }
}

extension APIDate {
    /// A date from any JSON scalar; a number is read as Unix seconds. Nil for null.
    public init?(json: JSONValue) {
        switch json {
        case .integer, .number:
            guard let seconds = json.doubleValue else { return nil }
            self.init(Date(timeIntervalSince1970: seconds), in: TimeZone(identifier: "UTC") ?? .current, seconds: true)
        default:
            guard let text = json.stringValue, !text.isEmpty else { return nil }
            self.init(raw: text)
        }
    }
}
