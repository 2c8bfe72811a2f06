import Foundation
import LeadsAPI
import TestSupport
import Testing

/// How statuses and bodies become `APIError` cases.
@Suite struct ErrorInterpretationTests {
    func error(for response: HTTPResponse, post: Bool = false) async -> APIError? {
        do {
            let client = try ScriptedTransport([.respond(response)]).client(maxAttempts: 1)
            if post {
                try await client.deleteNote(id: 1)
            } else {
                _ = try await client.leads(LeadQuery())
            }
            return nil
        } catch {
            return error as? APIError
        }
    }

    @Test func fieldMessagesAsListsOrStringsAreKeptExactly() async {
        let body = #"{"status_code": 400, "errors": {"email": ["This field may not be blank.", "Invalid email."], "phone": "Phone number must be entered in the format: '999999999'. Up to 15 digits allowed."}, "data": {}}"#
        let result = await error(for: .text(400, body), post: true)
        guard case .validation(let fields)? = result else { Issue.record("got \(String(describing: result))"); return }
        #expect(fields["email"] == ["This field may not be blank.", "Invalid email."])
        #expect(fields["phone"] == [Messages.invalidPhone])
        #expect(result?.exitCode == 3)
        #expect(result?.message == "email: This field may not be blank. Invalid email. · phone: \(Messages.invalidPhone)")
    }

    @Test func a401WithoutChallengeIsABusinessRule() async {
        let body = #"{"status_code": 401, "errors": {"non_field_errors": ["Appointment schedule exists for this time."]}, "data": {}}"#
        #expect(await error(for: .text(401, body), post: true) == .requestFailed(["Appointment schedule exists for this time."]))
        // Some services put it under "message" or "detail", or as a bare string.
        #expect(await error(for: .text(401, #"{"status_code": 401, "errors": {"message": "You can't delete this note."}, "data": {}}"#), post: true)
                == .requestFailed(["You can't delete this note."]))
        #expect(await error(for: .text(401, #"{"status_code": 401, "errors": "You can't delete this note.", "data": {}}"#), post: true)
                == .requestFailed(["You can't delete this note."]))
    }

    @Test func a401WithWWWAuthenticateIsAuthentication() async {
        let response = HTTPResponse.text(401, #"{"detail": "Invalid token."}"#, headers: ["WWW-Authenticate": "Bearer realm=\"api\""])
        let result = await error(for: response)
        #expect(result == .authentication(status: 401, message: "Invalid token."))
        #expect(result?.exitCode == 4)
    }

    @Test func a401SpeakingOfCredentialsIsAuthenticationEvenWithoutChallenge() async {
        #expect(await error(for: .text(401, #"{"detail": "Authentication credentials were not provided."}"#))
                == .authentication(status: 401, message: "Authentication credentials were not provided."))
        #expect(await error(for: .text(401, #"{"status_code": 401, "errors": {"detail": "Given token not valid for any token type"}, "data": {}}"#))
                == .authentication(status: 401, message: "Given token not valid for any token type"))
    }

    @Test func a403IsAlwaysAuthentication() async {
        #expect(await error(for: .text(403, #"{"detail": "You do not have permission to perform this action."}"#))
                == .authentication(status: 403, message: "You do not have permission to perform this action."))
    }

    @Test func serverErrorsAndOtherStatuses() async {
        #expect(await error(for: .text(503, "Service Unavailable", headers: [:]), post: true) == .server(status: 503, message: "Service Unavailable"))
        #expect(await error(for: .text(404, #"{"detail": "Not found."}"#)) == .unexpectedStatus(status: 404, excerpt: "Not found."))
        let redirect = HTTPResponse.text(302, "", headers: ["Location": "https://login.example.org/sso"])
        #expect(await error(for: redirect) == .unexpectedStatus(status: 302, excerpt: "redirected to login.example.org; check the base URL"))
    }

    @Test func anEnvelopeErrorInsideA200IsReadByItsOwnCode() async {
        let body = #"{"status_code": 400, "errors": {"slug": ["Requested slug is invalid."]}, "data": {}}"#
        #expect(await error(for: .text(200, body)) == .validation(FieldErrors([("slug", ["Requested slug is invalid."])])))
    }

    @Test func everyCaseHasAOneLineMessageAndItsExitCode() {
        let cases: [(APIError, Int32)] = [
            (.invalidInput(FieldErrors([("email", ["Invalid email."])])), 2), (.configuration("x"), 2),
            (.validation(FieldErrors([("email", ["Invalid email."])])), 3), (.requestFailed(["No."]), 3),
            (.authentication(status: 401, message: "Invalid token."), 4), (.server(status: 500, message: ""), 5),
            (.unexpectedStatus(status: 404, excerpt: ""), 5), (.transport(.init(.timedOut)), 5),
            (.undecodable(status: 200, excerpt: "<html>"), 5),
        ]
        for (error, code) in cases {
            #expect(error.exitCode == code)
            #expect(!error.message.isEmpty && !error.message.contains("\n"))
        }
    }
}

@Suite struct FieldNamedMessageTests {
    @Test func aLeadsMessageFieldStaysAFieldError() async throws {
        let body = #"{"status_code": 400, "errors": {"message": ["Ensure this field has no more than 255 characters."]}, "data": {}}"#
        let client = try ScriptedTransport([.respond(.text(400, body))]).client(maxAttempts: 1)
        await #expect(throws: APIError.validation(FieldErrors([("message", ["Ensure this field has no more than 255 characters."])]))) {
            try await client.deleteNote(id: 1)
        }
    }
}
