/// The fixed choices the API documents. Responses keep whatever text the
/// service sent (an unknown status is shown, not dropped); these enums are
/// for validation, filters and display.

/// Lead status: "prospect, tentative, potential, closed, contact, and customer".
public enum LeadStatus: String, CaseIterable, Sendable, Codable {
    case prospect, tentative, potential, closed, contact, customer
}

/// Lead source: "direct, website, facebook, twitter, instagram, search, pinterest, reddit and, other".
public enum LeadSource: String, CaseIterable, Sendable, Codable {
    case direct, website, facebook, twitter, instagram, search, pinterest, reddit, other
}

/// Appointment status. `fullfilled` is the service's own spelling: it is sent back
/// exactly so; `displayName` is what people read.
public enum AppointmentStatus: String, CaseIterable, Sendable, Codable {
    case pending, rescheduled, cancelled, fullfilled, confirmed

    public var displayName: String { self == .fullfilled ? "fulfilled" : rawValue }

    /// Accepts the service's spelling and the dictionary one ("fulfilled").
    public init?(lenient text: String) {
        let lowered = text.lowercased()
        if lowered == "fulfilled" { self = .fullfilled } else { self.init(rawValue: lowered) }
    }
}

/// The overview endpoint's `appointment` query parameter.
public enum OverviewAppointmentFilter: String, CaseIterable, Sendable, Codable {
    case upcoming, today, week, month
}

/// The appointment list's `datesetting` query parameter (with `ondate`).
public enum DateSetting: String, CaseIterable, Sendable, Codable {
    case on, before, after
}

/// The lead list's `list_type`: owned (the default, no parameter) or assigned.
public enum LeadListType: String, Sendable, Codable {
    case owned, assigned
}
