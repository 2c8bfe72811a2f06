/// Everything that can go wrong talking to the service, as one type.
///
/// Each case carries its evidence (the field messages, the status, a short
/// excerpt of an unreadable body) and `message` gives one line fit for a
/// status bar. No case ever carries a header, the API key or the token.
public enum APIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Caught by the client's own rules before anything was sent.
    case invalidInput(FieldErrors)
    /// 400 "Validation Error": messages per field, exactly as the server sent them.
    case validation(FieldErrors)
    /// 401 "Request Failed": a business rule ("Appointment schedule exists for this time.").
    case requestFailed([String])
    /// 401 with `WWW-Authenticate` or an authentication message, or 403.
    case authentication(status: Int, message: String)
    /// 5xx.
    case server(status: Int, message: String)
    /// Any other status the document does not describe (404, 405, 3xx, 429…).
    case unexpectedStatus(status: Int, excerpt: String)
    /// The request did not complete.
    case transport(TransportFailure)
    /// A body that is not the API's JSON envelope.
    case undecodable(status: Int, excerpt: String)
    /// The connection settings are unusable (plain http to a remote host, no base URL…).
    case configuration(String)
    /// The caller cancelled the request.
    case cancelled

    public struct TransportFailure: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            case timedOut, cannotConnect, connectionLost, hostNotFound, secureConnection, other
        }
        public var kind: Kind
        public var detail: String

        public init(_ kind: Kind, _ detail: String = "") { self.kind = kind; self.detail = detail }
    }

    /// One line for a status bar or stderr.
    public var message: String {
        switch self {
        case .invalidInput(let fields): return fields.summary
        case .validation(let fields): return fields.summary
        case .requestFailed(let messages):
            return messages.isEmpty ? "Request failed." : messages.joined(separator: " ")
        case .authentication(let status, let message):
            let text = message.isEmpty ? "Not authorised" : message
            return "Authentication failed (\(status)): \(text) `leadterm login` stores new credentials (or set LEADTERM_API_KEY and LEADTERM_TOKEN)."
        case .server(let status, let message):
            return message.isEmpty ? "Server error \(status)." : "Server error \(status): \(message)"
        case .unexpectedStatus(let status, let excerpt):
            return excerpt.isEmpty ? "Unexpected HTTP status \(status)." : "Unexpected HTTP status \(status): \(excerpt)"
        case .transport(let failure):
            let text: String
            switch failure.kind {
            case .timedOut: text = "The request timed out."
            case .cannotConnect: text = "Cannot connect to the server."
            case .connectionLost: text = "The connection was lost."
            case .hostNotFound: text = "Server name not found."
            case .secureConnection: text = "Secure connection failed."
            case .other: text = "Network error."
            }
            return failure.detail.isEmpty ? text : "\(text) (\(failure.detail))"
        case .undecodable(let status, let excerpt):
            return "Unreadable response (HTTP \(status)): \(excerpt.isEmpty ? "empty body" : "“\(excerpt)”")"
        case .configuration(let text): return text
        case .cancelled: return "Cancelled."
        }
    }

    public var description: String { message }

    /// Messages for one field, whether the client or the server found them.
    public func messages(for field: String) -> [String] {
        switch self {
        case .invalidInput(let fields), .validation(let fields): return fields[field]
        default: return []
        }
    }

    /// The command line's exit status: 2 usage or client-side validation,
    /// 3 server validation or request failed, 4 authentication, 5 network or server.
    public var exitCode: Int32 {
        switch self {
        case .invalidInput, .configuration: return 2
        case .validation, .requestFailed: return 3
        case .authentication: return 4
        case .server, .unexpectedStatus, .transport, .undecodable: return 5
        case .cancelled: return 130
        }
    }

    /// What went wrong in a few words for the log: the kind and status, the
    /// fields named but never their messages (which may quote what was typed).
    public var logSummary: String {
        switch self {
        case .invalidInput(let fields): return "refused before sending (\(fields.fields.joined(separator: ", ")))"
        case .validation(let fields): return "validation error (\(fields.fields.joined(separator: ", ")))"
        case .requestFailed: return "request failed (a business rule)"
        case .authentication(let status, _): return "authentication refused (\(status))"
        case .server(let status, _): return "server error \(status)"
        case .unexpectedStatus(let status, _): return "unexpected status \(status)"
        case .transport(let failure): return "transport: \(failure.kind.rawValue)"
        case .undecodable(let status, _): return "unreadable body (\(status))"
        case .configuration: return "configuration"
        case .cancelled: return "cancelled"
        }
    }

    /// The service could not be reached (refused, timed out, no such host, TLS, a dropped
    /// connection), as opposed to an answer it gave.
    public var isUnreachable: Bool {
        guard case .transport(let failure) = self else { return false }
        return failure.kind != .other
    }

    /// The request may have reached the service although no answer came back (a timeout
    /// or a connection lost while waiting): a create may have been made.
    public var mayHaveReachedTheService: Bool {
        guard case .transport(let failure) = self else { return false }
        return failure.kind == .timedOut || failure.kind == .connectionLost
    }

    /// The service says the thing is not there (404, or a validation error saying it does not exist).
    public var saysNotFound: Bool {
        switch self {
        case .unexpectedStatus(let status, _): return status == 404
        case .validation(let fields): return fields.entries.contains { $0.messages.contains(where: Self.saysMissing) }
        case .requestFailed(let messages): return messages.contains(where: Self.saysMissing)
        default: return false
        }
    }

    private static func saysMissing(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return lowered.contains("not exist") || lowered.contains("not found")
    }

    /// Whether a GET may be tried again: timeouts, dropped connections, 5xx.
    var isRetryable: Bool {
        switch self {
        case .server: return true
        case .transport(let failure): return failure.kind == .timedOut || failure.kind == .connectionLost
        default: return false
        }
    }
}

extension APIError {
    /// A short, single-line, printable excerpt of a body for error messages.
    static func excerpt(of text: String, limit: Int = 120) -> String {
        var out = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.properties.isWhitespace || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if isSpace {
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
            if out.count >= limit { return out + "…" }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}

import Foundation
