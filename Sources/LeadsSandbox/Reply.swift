import LeadsAPI

/// An HTTP answer in the service's envelope: `{status_code, errors, data}`.
///
/// Choices where the document is silent (README lists them too):
/// - validation errors (400) map each field to a list of messages;
/// - "Request Failed" (401) puts its message under `non_field_errors`, as
///   Django REST framework names errors that belong to no field;
/// - authentication failures are Django REST framework's own bare
///   `{"detail": …}`, with `WWW-Authenticate` on 401, since DRF answers them
///   before any view builds an envelope.
struct Reply: Sendable, Equatable {
    var status: Int
    var body: JSONValue
    var headers: [String: String] = [:]

    static func ok(_ data: JSONValue = .object([:])) -> Reply {
        Reply(status: 200, body: envelope(200, errors: [:], data: data))
    }

    static func validation(_ errors: FieldErrors) -> Reply {
        var members: [String: JSONValue] = [:]
        for entry in errors.entries { members[entry.field] = .array(entry.messages.map(JSONValue.string)) }
        return Reply(status: 400, body: envelope(400, errors: members, data: .object([:])))
    }

    static func validation(_ field: String, _ message: String) -> Reply {
        validation(FieldErrors([(field, [message])]))
    }

    static func requestFailed(_ message: String) -> Reply {
        Reply(status: 401, body: envelope(401, errors: ["non_field_errors": .array([.string(message)])], data: .object([:])))
    }

    static func notAuthenticated(_ detail: String) -> Reply {
        Reply(status: 401, body: .object(["detail": .string(detail)]), headers: ["WWW-Authenticate": "Bearer realm=\"api\""])
    }

    static func forbidden(_ detail: String) -> Reply {
        Reply(status: 403, body: .object(["detail": .string(detail)]))
    }

    static func notFound() -> Reply {
        Reply(status: 404, body: envelope(404, errors: ["detail": .string("Not found.")], data: .object([:])))
    }

    static func methodNotAllowed(_ method: String) -> Reply {
        Reply(status: 405, body: .object(["detail": .string("Method \"\(method)\" not allowed.")]))
    }

    static func envelope(_ code: Int, errors: [String: JSONValue], data: JSONValue) -> JSONValue {
        .object(["status_code": .integer(Int64(code)), "errors": .object(errors), "data": data])
    }
}
