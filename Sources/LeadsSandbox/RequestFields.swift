import Foundation
import LeadsAPI

/// Reads a request's fields: the query string, then the body as
/// `application/x-www-form-urlencoded`, `multipart/form-data` (what the
/// document's Node samples send) or a flat JSON object. Body fields win.
enum RequestFields {
    static func parse(query: String?, body: Data, contentType: String?) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in FormEncoding.decode(query ?? "") { fields[name] = value }
        guard !body.isEmpty else { return fields }
        let type = (contentType ?? "").lowercased()
        if type.hasPrefix("multipart/form-data"), let boundary = boundary(in: contentType ?? "") {
            for (name, value) in multipart(body, boundary: boundary) { fields[name] = value }
        } else if type.hasPrefix("application/json") {
            if let object = JSONValue.parse(body)?.objectValue {
                for (name, value) in object { if let text = value.stringValue { fields[name] = text } }
            }
        } else {
            for (name, value) in FormEncoding.decode(String(decoding: body, as: UTF8.self)) { fields[name] = value }
        }
        return fields
    }

    static func boundary(in contentType: String) -> String? {
        for part in contentType.split(separator: ";") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.lowercased().hasPrefix("boundary=") {
                return String(trimmed.dropFirst("boundary=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    /// The text fields of a multipart body (files are ignored: the API takes none).
    static func multipart(_ body: Data, boundary: String) -> [(String, String)] {
        let text = String(decoding: body, as: UTF8.self)
        var fields: [(String, String)] = []
        for part in text.components(separatedBy: "--" + boundary) {
            guard let split = part.range(of: "\r\n\r\n") else { continue }
            let headers = part[..<split.lowerBound]
            guard let nameRange = headers.range(of: "name=\"") else { continue }
            let nameStart = nameRange.upperBound
            guard let nameEnd = headers[nameStart...].firstIndex(of: "\"") else { continue }
            var value = String(part[split.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast() }   // "\r\n" is one Character
            fields.append((String(headers[nameStart..<nameEnd]), value))
        }
        return fields
    }
}
