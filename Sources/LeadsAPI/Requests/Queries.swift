/// Filters and paging of `leads/list/`.
public struct LeadQuery: Sendable, Hashable {
    public var listType: LeadListType = .owned
    public var campaign: String?
    public var status: String?
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var phone: String?
    public var owner: String?
    public var limit: Int?
    public var offset: Int?

    public init(listType: LeadListType = .owned, campaign: String? = nil, status: String? = nil,
                firstName: String? = nil, lastName: String? = nil, email: String? = nil, phone: String? = nil,
                owner: String? = nil, limit: Int? = nil, offset: Int? = nil) {
        self.listType = listType; self.campaign = campaign; self.status = status
        self.firstName = firstName; self.lastName = lastName; self.email = email; self.phone = phone
        self.owner = owner; self.limit = limit; self.offset = offset
    }

    /// Owned leads send no `list_type`: the document says the list is of owned
    /// leads unless `list_type=assigned`.
    public var queryItems: [(String, String)] {
        var items: [(String, String?)] = [
            ("list_type", listType == .assigned ? "assigned" : nil),
            ("campaign_slug", campaign), ("status", status), ("first_name", firstName), ("last_name", lastName),
            ("email", email), ("phone", phone), ("owner", owner),
        ]
        items.append(("limit", limit.map(String.init)))
        items.append(("offset", offset.map(String.init)))
        return items.compactMap { name, value in value.map { (name, $0) } }
    }
}

/// Filters and paging of `leads/appointments/list/`.
public struct AppointmentQuery: Sendable, Hashable {
    public var dateSetting: DateSetting?
    /// `MM/DD/YYYY`, required with `dateSetting`.
    public var onDate: String?
    public var status: String?
    /// The lead's first name.
    public var lead: String?
    public var limit: Int?
    public var offset: Int?

    public init(dateSetting: DateSetting? = nil, onDate: String? = nil, status: String? = nil, lead: String? = nil,
                limit: Int? = nil, offset: Int? = nil) {
        self.dateSetting = dateSetting; self.onDate = onDate; self.status = status; self.lead = lead
        self.limit = limit; self.offset = offset
    }

    public var queryItems: [(String, String)] {
        let items: [(String, String?)] = [
            ("datesetting", dateSetting?.rawValue), ("ondate", onDate), ("status", status), ("lead", lead),
            ("limit", limit.map(String.init)), ("offset", offset.map(String.init)),
        ]
        return items.compactMap { name, value in value.map { (name, $0) } }
    }

    /// The client's own check: a date setting needs `ondate` in `MM/DD/YYYY`.
    public func validate() -> FieldErrors {
        var errors = FieldErrors()
        if dateSetting != nil {
            if let onDate, !onDate.isEmpty {
                if !Self.isFilterDate(onDate) { errors.add("ondate", Messages.invalidFilterDate) }
            } else {
                errors.add("ondate", Messages.onDateRequired)
            }
        }
        if let status, AppointmentStatus(rawValue: status) == nil { errors.add("status", Messages.invalidAppointmentStatus) }
        return errors
    }

    /// `MM/DD/YYYY` exactly (one-digit month/day allowed).
    public static func isFilterDate(_ text: String) -> Bool {
        guard text.contains("/"), let parts = APIDate.parse(text), !parts.hasTime else { return false }
        return text.split(separator: "/").first.map { $0.count <= 2 } ?? false
    }
}
