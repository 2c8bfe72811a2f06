import TextEditing
/// A row of `leads/appointments/list/`.
public struct Appointment: Sendable, Hashable, Codable, Identifiable {
    public var id: Int?
    public var leadID: Int?
    /// The lead's name.
    public var lead: String
    public var leadSlug: String
    public var leadStatus: String
    public var from: APIDate?
    public var to: APIDate?
    public var note: String
    /// As the service spells it (`fullfilled`); see `AppointmentStatus.displayName`.
    public var status: String

    enum CodingKeys: String, CodingKey {
        case id, lead
        case leadID = "lead_id", leadSlug = "leadslug", leadStatus = "leadstatus"
        case from = "fromdate", to = "todate", note = "appointment_note", status = "appointment_status"
    }

    public init(id: Int?, leadID: Int? = nil, lead: String = "", leadSlug: String = "", leadStatus: String = "",
                from: APIDate?, to: APIDate?, note: String = "", status: String = "pending") {
        self.id = id; self.leadID = leadID; self.lead = lead; self.leadSlug = leadSlug
        self.leadStatus = leadStatus; self.from = from; self.to = to; self.note = note; self.status = status
    }

    public init(json: JSONValue) {
        self.init(
            id: json["id"]?.intValue,
            leadID: json["lead_id"]?.intValue,
            lead: json["lead"].text,
            leadSlug: json.first("leadslug", "lead_slug").text,
            leadStatus: json.first("leadstatus", "lead_status").text,
            from: json.first("fromdate", "appointment_date", "from_date").flatMap(APIDate.init(json:)),
            to: json.first("todate", "appointment_to", "to_date").flatMap(APIDate.init(json:)),
            note: json["appointment_note"].text,
            status: json["appointment_status"].text
        )
    }

    public var appointmentStatus: AppointmentStatus? { AppointmentStatus(lenient: status) }
}

/// `leads/overview/`: lead counts by status and source, and appointments.
public struct Overview: Sendable, Hashable, Codable {
    public struct StatusCount: Sendable, Hashable, Codable {
        public var status: String
        public var count: Int
        public var description: String
        /// As sent (`#28a745`, a colour name, …); the UI maps it to the terminal.
        public var color: String

        enum CodingKeys: String, CodingKey {
            case status, count
            case description = "Description", color = "Color"
        }

        public init(status: String, count: Int, description: String = "", color: String = "") {
            self.status = status; self.count = count; self.description = description; self.color = color
        }
    }

    public struct SourceCount: Sendable, Hashable, Codable {
        public var source: String
        public var count: Int

        public init(source: String, count: Int) { self.source = source; self.count = count }
    }

    /// An appointment as the overview lists it (no id, no lead).
    public struct AppointmentItem: Sendable, Hashable, Codable {
        public var note: String
        public var status: String
        public var from: APIDate?
        public var to: APIDate?

        enum CodingKeys: String, CodingKey {
            case note = "appointment_note", status = "appointment_status"
            case from = "appointment_date", to = "appointment_to"
        }
    }

    public var statuses: [StatusCount]
    public var sources: [SourceCount]
    public var totalLeads: Int
    public var appointments: [AppointmentItem]

    enum CodingKeys: String, CodingKey {
        case statuses = "status", sources = "source", totalLeads = "TotalLeads", appointments
    }

    public init(json: JSONValue) {
        let leadsData = json.first("LeadsData", "leads_data") ?? .object([:])
        statuses = (leadsData["status"]?.arrayValue ?? []).compactMap { item in
            guard item.objectValue != nil else { return nil }
            return StatusCount(status: item["status"].text, count: item["count"]?.intValue ?? 0,
                               description: item["Description"].text, color: item["Color"].text)
        }
        sources = (leadsData["source"]?.arrayValue ?? []).compactMap { item in
            guard item.objectValue != nil else { return nil }
            return SourceCount(source: item["source"].text, count: item["count"]?.intValue ?? 0)
        }
        totalLeads = json.first("TotalLeads", "total_leads")?.intValue ?? statuses.reduce(0) { WholeNumber.adding($0, $1.count) }
        appointments = (json["appointments"]?.arrayValue ?? []).compactMap { item in
            guard item.objectValue != nil else { return nil }
            return AppointmentItem(
                note: item["appointment_note"].text,
                status: item["appointment_status"].text,
                from: item.first("appointment_date", "fromdate").flatMap(APIDate.init(json:)),
                to: item.first("appointment_to", "todate").flatMap(APIDate.init(json:))
            )
        }
    }
}
