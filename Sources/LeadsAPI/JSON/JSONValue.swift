import Foundation

/// Any JSON value, decoded without a schema.
///
/// The service's responses are read through this type rather than through
/// synthesized `Decodable` conformances so that decoding can be liberal:
/// an id may arrive as a number or a string, a field may be missing or
/// null, and one odd record must never fail a whole page.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// An integral number that fits in 64 bits (ids, counts).
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Parses a JSON document; `nil` when the bytes are not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Serialises with sorted keys, so output is stable for scripts and tests.
    public func serialized(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
    }

    /// The member named `key`; on a miss, a case-insensitive match
    /// (the overview sends `Description` and `Color` capitalised).
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        if let value = members[key] { return value }
        let lowered = key.lowercased()
        return members.first { $0.key.lowercased() == lowered }?.value
    }

    /// The first of `keys` that is present and not null.
    public func first(_ keys: String...) -> JSONValue? {
        for key in keys {
            if let value = self[key], value != .null { return value }
        }
        return nil
    }

    public var isNull: Bool { self == .null }

    /// Text for any scalar: numbers and Booleans are rendered, null is nil.
    public var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .number(let value):
            return value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// An integer from a number or a numeric string ("42", " 42 ", "42.0").
    public var intValue: Int? {
        switch self {
        case .integer(let value): return Int(exactly: value)
        case .number(let value): return value.rounded() == value ? Int(exactly: value) : nil
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let value = Int(trimmed) { return value }
            if let value = Double(trimmed), value.rounded() == value { return Int(exactly: value) }
            return nil
        case .bool, .null, .array, .object: return nil
        }
    }

    /// A floating-point number from a number or a numeric string ("42.5", "42%").
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .string(let text):
            var trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("%") { trimmed.removeLast() }
            return Double(trimmed.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}

extension Optional where Wrapped == JSONValue {
    /// Text of a possibly missing value, "" when missing or null.
    public var text: String { self?.stringValue ?? "" }
}
