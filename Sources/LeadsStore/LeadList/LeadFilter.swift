import LeadsAPI

/// Server-side filters of the lead list, from `field:value` terms.
public struct ServerFilter: Equatable, Sendable {
    public var status: String?
    public var owner: String?
    public var email: String?
    public var phone: String?
    public var firstName: String?
    public var lastName: String?
    public var campaign: String?

    public init() {}

    public var isEmpty: Bool { self == ServerFilter() }

    public var query: LeadQuery {
        LeadQuery(campaign: campaign, status: status, firstName: firstName, lastName: lastName, email: email, phone: phone, owner: owner)
    }

    /// `status:customer owner:bob`, for the pane's title.
    public var summary: String {
        let terms: [(String, String?)] = [("status", status), ("owner", owner), ("email", email), ("phone", phone),
                                         ("first", firstName), ("last", lastName), ("campaign", campaign)]
        // A value with a space is quoted, as the `/` bar takes it back (`owner:"Ana Souza"`).
        return terms.compactMap { name, value in value.map { "\(name):\($0.contains(" ") ? "\"\($0)\"" : $0)" } }.joined(separator: " ")
    }
}

/// What the `/` bar's text means: free words that filter loaded rows, and
/// `field:value` terms for the server.
///
/// Fields: status, owner, email, phone, first, last, campaign (and the API's
/// own names first_name, last_name, campaign_slug). A value may be quoted to
/// hold spaces: `owner:"Ana Souza"`. A status must be one the service knows.
public struct LeadFilter: Equatable, Sendable {
    public var text: String
    public var server: ServerFilter

    public static let fields = ["status", "owner", "email", "phone", "first", "last", "campaign"]

    /// Parses the bar's text; an unknown field or status is an error naming it.
    public static func parse(_ input: String) -> Result<LeadFilter, FilterError> {
        var words: [String] = []
        var server = ServerFilter()
        for token in tokens(input) {
            guard let (field, value) = term(token) else { words.append(token); continue }
            guard !value.isEmpty else { return .failure(FilterError("“\(field):” needs a value, e.g. status:customer.")) }
            switch field {
            case "status":
                guard let status = LeadStatus(rawValue: value.lowercased()) else {
                    let known = LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    return .failure(FilterError("Unknown status “\(value)”: use one of \(known)."))
                }
                server.status = status.rawValue
            case "owner": server.owner = value
            case "email": server.email = value
            case "phone": server.phone = value
            case "first", "first_name": server.firstName = value
            case "last", "last_name": server.lastName = value
            case "campaign", "campaign_slug": server.campaign = value
            default:
                return .failure(FilterError("Unknown filter field “\(field)”: use \(fields.joined(separator: ", ")) (as field:value)."))
            }
        }
        return .success(LeadFilter(text: words.joined(separator: " "), server: server))
    }

    /// A `field:value` token as its field (lower-cased) and its value (out of its quotes); nil for a word.
    static func term(_ token: String) -> (field: String, value: String)? {
        guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else { return nil }
        var value = String(token[token.index(after: colon)...])
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        return (token[..<colon].lowercased(), value)
    }

    /// Words split on spaces, a double-quoted part kept whole.
    static func tokens(_ input: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var isQuoted = false
        for character in input {
            if character == "\"" { isQuoted.toggle(); current.append(character); continue }
            if character == " " && !isQuoted {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }
}

public struct FilterError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}
