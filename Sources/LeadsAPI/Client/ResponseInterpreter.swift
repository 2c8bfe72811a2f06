import Foundation

/// Turns a status, headers and body into the envelope's `data` or an `APIError`.
///
/// The envelope is `{status_code, errors, data}`. Choices where the document
/// is silent:
/// - A 2xx whose envelope carries a non-2xx `status_code` is read by the
///   envelope's code (some services answer 200 with an error inside).
/// - 401 is both "authentication failed" and the business-rule "Request
///   Failed". It is an authentication failure when the response has a
///   `WWW-Authenticate` header (Django REST framework sends one with every
///   authentication 401) or its message speaks of credentials, tokens or
///   API keys; otherwise it is "Request Failed". 403 is always authentication.
/// - Messages are read from `errors` whether each value is a string, a list
///   or a nested object; `detail`, `message`, `non_field_errors`, `error` and
///   `__all__` are messages without a field. A bare DRF `{"detail": …}` body
///   (no envelope) is understood too.
enum ResponseInterpreter {
    static let nonFieldKeys: Set<String> = ["detail", "non_field_errors", "error", "__all__"]

    static func data(from response: HTTPResponse) throws -> JSONValue {
        let json = JSONValue.parse(response.body)
        var status = response.status
        if (200..<300).contains(status), let code = json?["status_code"]?.intValue, code >= 400 { status = code }

        if (200..<300).contains(status) {
            guard let json, json.objectValue != nil else {
                throw APIError.undecodable(status: status, excerpt: excerpt(response))
            }
            guard json["data"] != nil || json["status_code"] != nil else {
                // JSON, but not the envelope.
                throw APIError.undecodable(status: status, excerpt: excerpt(response))
            }
            return json["data"] ?? .object([:])
        }

        let (fields, loose) = messages(in: json)
        switch status {
        case 400:
            if !fields.isEmpty {
                var errors = FieldErrors()
                for (field, text) in fields { errors.add(field, text) }
                for text in loose { errors.add("", text) }
                throw APIError.validation(errors)
            }
            if !loose.isEmpty { throw APIError.requestFailed(loose) }
            throw APIError.undecodable(status: status, excerpt: excerpt(response))
        case 401:
            let all = loose + fields.map(\.1)
            if response.headers["www-authenticate"] != nil || all.contains(where: looksLikeAuthentication) {
                throw APIError.authentication(status: 401, message: all.joined(separator: " "))
            }
            if all.isEmpty && json == nil {
                throw APIError.undecodable(status: status, excerpt: excerpt(response))
            }
            throw APIError.requestFailed(all)
        case 403:
            throw APIError.authentication(status: 403, message: (loose + fields.map(\.1)).joined(separator: " "))
        case 500...599:
            let text = (loose + fields.map(\.1)).joined(separator: " ")
            throw APIError.server(status: status, message: text.isEmpty ? excerpt(response) : text)
        default:
            var text = (loose + fields.map(\.1)).joined(separator: " ")
            if text.isEmpty { text = excerpt(response) }
            if (300..<400).contains(status), let location = response.headers["location"],
               let host = URL(string: location)?.host {
                text = "redirected to \(host); check the base URL"
            }
            throw APIError.unexpectedStatus(status: status, excerpt: text)
        }
    }

    /// Field messages (in the server's order within each field) and loose messages.
    static func messages(in json: JSONValue?) -> (fields: [(String, String)], loose: [String]) {
        guard let json else { return ([], []) }
        var fields: [(String, String)] = []
        var loose: [String] = []
        func strings(_ value: JSONValue) -> [String] {
            switch value {
            case .array(let items): return items.flatMap(strings)
            case .object(let members): return members.keys.sorted().flatMap { strings(members[$0]!) }
            case .null: return []
            default: return value.stringValue.map { [$0] } ?? []
            }
        }
        if case .object(let errors)? = json["errors"] {
            for key in errors.keys.sorted() {
                let texts = strings(errors[key]!)
                if nonFieldKeys.contains(key) { loose += texts } else { fields += texts.map { (key, $0) } }
            }
        } else if let errors = json["errors"] {
            loose += strings(errors)
        }
        for key in ["detail", "message", "non_field_errors", "error"] {
            if let value = json[key], json["errors"] == nil || key == "detail" { loose += strings(value) }
        }
        return (fields, loose)
    }

    static func looksLikeAuthentication(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return ["credentials", "token", "api key", "apikey", "authenticat", "unauthori", "not authorized"]
            .contains { lowered.contains($0) }
    }

    static func excerpt(_ response: HTTPResponse) -> String {
        APIError.excerpt(of: String(decoding: response.body.prefix(2048), as: UTF8.self))
    }
}
