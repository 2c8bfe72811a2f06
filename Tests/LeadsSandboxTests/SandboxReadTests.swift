import Foundation
@testable import LeadsAPI
import LeadsSandbox
import TestSupport
import Testing

/// The client against the sandbox over real HTTP on 127.0.0.1: the GET endpoints.
@Suite struct SandboxReadTests {
    @Test func overviewCountsAndEveryAppointmentFilter() async throws {
        try await SandboxHarness.with { _, client in
            let overview = try await client.overview(appointments: nil)
            #expect(overview.statuses.map(\.status) == ["prospect", "contact", "tentative", "potential", "customer", "closed"])
            #expect(overview.statuses.allSatisfy { $0.color.hasPrefix("#") && !$0.description.isEmpty })
            #expect(overview.totalLeads == overview.statuses.reduce(0) { $0 + $1.count })
            #expect(overview.totalLeads == overview.sources.reduce(0) { $0 + $1.count })
            #expect(overview.totalLeads > 100)
            let today = try await client.overview(appointments: .today)
            #expect(today.appointments.count == 4)
            #expect(today.appointments.allSatisfy { $0.from?.raw.hasPrefix("2026-11-24") == true })
            let week = try await client.overview(appointments: .week)
            #expect(week.appointments.allSatisfy { ($0.from?.raw ?? "") >= "2026-11-23" && ($0.from?.raw ?? "") < "2026-11-30" })
            #expect(week.appointments.count >= today.appointments.count)
            let month = try await client.overview(appointments: .month)
            #expect(month.appointments.count >= week.appointments.count)
            #expect(month.appointments.allSatisfy { $0.from?.raw.hasPrefix("2026-11") == true })
            let upcoming = try await client.overview(appointments: .upcoming)
            #expect(!upcoming.appointments.isEmpty)
            #expect(upcoming.appointments.allSatisfy { ($0.from?.raw ?? "") >= "2026-11-24 10:15" })
        }
    }

    @Test func anInvalidOverviewFilterIsAFieldError() async throws {
        try await SandboxHarness.with { _, client in
            await #expect(throws: APIError.validation(FieldErrors([("appointment", ["Invalid appointment filter value."])]))) {
                _ = try await client.get(APIClient.Path.overview, [("appointment", "yearly")])
            }
        }
    }

    @Test func listsOwnedAndAssignedLeadsWithFilters() async throws {
        try await SandboxHarness.with { _, client in
            let owned = try await client.leads(LeadQuery())
            #expect(owned.results.count == 50)
            #expect(owned.results.allSatisfy { $0.owner == "demo" })
            #expect(owned.results.first?.name == "Ana Souza")
            #expect(owned.next != nil && owned.previous == nil)
            let assigned = try await client.leads(LeadQuery(listType: .assigned, limit: 500))
            #expect(assigned.count > 0 && assigned.count == assigned.results.count)
            let customers = try await client.leads(LeadQuery(status: "customer", limit: 500))
            #expect(customers.results.allSatisfy { $0.status == "customer" })
            let yamada = try await client.leads(LeadQuery(firstName: "太郎"))
            #expect(yamada.results.map(\.name) == ["太郎 山田"])
            let byEmail = try await client.leads(LeadQuery(email: "ANA.SOUZA"))
            #expect(byEmail.results.map(\.slug) == ["ana-souza-1"])
            // Case-insensitive beyond ASCII, as the service's icontains: ÅNGSTRÖM finds Ångström (LIKE alone did not).
            let zoe = try await client.leads(LeadQuery(lastName: "ÅNGSTRÖM"))
            #expect(zoe.results.map(\.name) == ["Zoë Ångström"])
            let campaign = try await client.leads(LeadQuery(campaign: "no-such-campaign"))
            #expect(campaign.count == 0 && campaign.results.isEmpty)
            await #expect(throws: APIError.validation(FieldErrors([("status", ["\"won\" is not a valid choice."])]))) {
                _ = try await client.leads(LeadQuery(status: "won"))
            }
        }
    }

    @Test func paginationOverSeveralPages() async throws {
        try await SandboxHarness.with { _, client in
            var pages: [Page<LeadSummary>] = []
            for try await page in client.allLeads(LeadQuery(limit: 17)) { pages.append(page) }
            let all = pages.flatMap(\.results)
            let count = try #require(pages.first?.count)
            #expect(pages.count == (count + 16) / 17)
            #expect(all.count == count)
            #expect(Set(all.map(\.slug)).count == count)
            #expect(pages.last?.next == nil)
            #expect(pages[1].previous?.absoluteString.hasPrefix("http://127.0.0.1:") == true)
            let appointments = try await client.allAppointments(AppointmentQuery(limit: 9)).collect()
            let first = try await client.appointments(AppointmentQuery())
            #expect(appointments.count == first.count)
            #expect(appointments.map { $0.from?.raw ?? "" } == appointments.map { $0.from?.raw ?? "" }.sorted())
        }
    }

    @Test func appointmentFilters() async throws {
        try await SandboxHarness.with { _, client in
            let on = try await client.allAppointments(AppointmentQuery(dateSetting: .on, onDate: "11/24/2026")).collect()
            #expect(on.count == 4)
            #expect(on.map { $0.from?.raw ?? "" } == ["2026-11-24 09:00", "2026-11-24 11:30", "2026-11-24 14:00", "2026-11-24 16:30"])
            let before = try await client.allAppointments(AppointmentQuery(dateSetting: .before, onDate: "11/24/2026")).collect()
            #expect(!before.isEmpty && before.allSatisfy { ($0.from?.raw ?? "") < "2026-11-24" })
            let after = try await client.allAppointments(AppointmentQuery(dateSetting: .after, onDate: "11/24/2026")).collect()
            #expect(!after.isEmpty && after.allSatisfy { ($0.from?.raw ?? "") >= "2026-11-25" })
            let all = try await client.appointments(AppointmentQuery())
            #expect(before.count + on.count + after.count == all.count)
            let fulfilled = try await client.allAppointments(AppointmentQuery(status: "fullfilled")).collect()
            #expect(!fulfilled.isEmpty && fulfilled.allSatisfy { $0.appointmentStatus == .fullfilled })
            let name = try #require(on.first?.lead.split(separator: " ").first)
            let byLead = try await client.allAppointments(AppointmentQuery(lead: String(name).lowercased())).collect()
            #expect(!byLead.isEmpty && byLead.allSatisfy { $0.lead.lowercased().contains(name.lowercased()) })
            await #expect(throws: APIError.validation(FieldErrors([("ondate", [Messages.onDateRequired])]))) {
                _ = try await client.get(APIClient.Path.appointments, [("datesetting", "on")])
            }
            await #expect(throws: APIError.validation(FieldErrors([("datesetting", [Messages.invalidDateSetting])]))) {
                _ = try await client.get(APIClient.Path.appointments, [("datesetting", "around"), ("ondate", "11/24/2026")])
            }
        }
    }

    @Test func leadDetailWithActivitiesAndNotesNewestFirst() async throws {
        try await SandboxHarness.with { _, client in
            let slug = try #require(try await client.leads(LeadQuery(limit: 500)).results.first { _ in true }?.slug)
            let lead = try await client.lead(slug: slug)
            #expect(lead.slug == slug)
            #expect(lead.recentActivities.contains { $0.activityType == "lead_created" })
            let times = lead.recentActivities.compactMap { $0.created?.date() }
            #expect(times == times.sorted(by: >))
            #expect(lead.conversion.map { (0...100).contains($0) } == true)
            #expect(lead.addedOn?.components?.utcOffset == 0)
            await #expect(throws: APIError.validation(FieldErrors([("slug", ["Requested slug is invalid."])]))) {
                _ = try await client.lead(slug: "no-such-lead")
            }
            await #expect(throws: APIError.validation(FieldErrors([("slug", ["This field is required and this may not be blank."])]))) {
                _ = try await client.get(APIClient.Path.lead, [])
            }
        }
    }

    @Test func authenticationFailures() async throws {
        try await SandboxHarness.with { sandbox, _ in
            func client(key: String, token: String) throws -> APIClient {
                try APIClient(configuration: ClientConfiguration(baseURL: sandbox.baseURL,
                                                                 credentials: Credentials(apiKey: key, token: token), retry: .never))
            }
            await #expect(throws: APIError.authentication(status: 401, message: "Invalid token.")) {
                _ = try await client(key: sandbox.apiKey, token: "wrong").leads(LeadQuery())
            }
            await #expect(throws: APIError.authentication(status: 403, message: "Invalid or missing API key.")) {
                _ = try await client(key: "wrong", token: sandbox.token).overview(appointments: nil)
            }
            await #expect(throws: APIError.authentication(status: 401, message: "Invalid token.")) {
                try await client(key: "wrong", token: "wrong").deleteNote(id: 1)
            }
        }
    }

    @Test func theSameSeedGivesTheSameDataAndNamesAreVaried() async throws {
        let first = try await SandboxHarness.with { _, client in try await client.allLeads(LeadQuery(limit: 1000)).collect() }
        let second = try await SandboxHarness.with { _, client in try await client.allLeads(LeadQuery(limit: 1000)).collect() }
        #expect(first == second)
        let names = first.map(\.name)
        #expect(names.contains("Zoë Ångström"))
        #expect(names.contains("太郎 山田"))
        #expect(names.contains("민준 김"))
        #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
        let other = try await SandboxHarness.with(seed: 7) { _, client in try await client.allLeads(LeadQuery(limit: 1000)).collect() }
        #expect(other.map(\.email) != first.map(\.email))
    }
}
