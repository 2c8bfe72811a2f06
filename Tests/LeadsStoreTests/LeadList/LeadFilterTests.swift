import LeadsAPI
import Testing
@testable import LeadsStore

/// What the `/` bar's text means.
@Suite struct LeadFilterTests {
    @Test func wordsAndFieldTerms() throws {
        let filter = try LeadFilter.parse(#"ana status:Customer owner:"Ana Souza" first_name:Bo"#).get()
        #expect(filter.text == "ana")
        #expect(filter.server.status == "customer" && filter.server.owner == "Ana Souza" && filter.server.firstName == "Bo")
        #expect(filter.server.summary == #"status:customer owner:"Ana Souza" first:Bo"#)
        // The summary reads back as the same terms (the / bar is prefilled with it; a saved view keeps it).
        #expect(try LeadFilter.parse(filter.server.summary).get().server == filter.server)
    }

    @Test(arguments: [
        ("colour:red", "Unknown filter field “colour”: use status, owner, email, phone, first, last, campaign (as field:value)."),
        ("status:hot", "Unknown status “hot”: use one of prospect, tentative, potential, closed, contact, customer."),
        ("owner:", "“owner:” needs a value, e.g. status:customer."),
    ])
    func aWrongTermIsNamed(_ text: String, _ message: String) {
        guard case .failure(let error) = LeadFilter.parse(text) else { Issue.record("\(text) parsed"); return }
        #expect(error.message == message)
    }
}
