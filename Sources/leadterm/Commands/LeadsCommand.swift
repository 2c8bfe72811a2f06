import ArgumentParser
import Foundation
import LeadsAPI
import LeadsStore
import TerminalUI

struct LeadsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads",
        abstract: "List, show, create, update and delete leads.",
        subcommands: [List.self, Show.self, Create.self, Update.self, Delete.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List owned (or assigned) leads (leads/list/).")

        @Flag(help: "Leads assigned to you instead of those you own.") var assigned = false
        @Option(help: ArgumentHelp("Leads of a campaign.", valueName: "slug")) var campaign: String?
        @Option(help: ArgumentHelp("prospect, tentative, potential, closed, contact or customer.", valueName: "status")) var status: String?
        @Option(help: ArgumentHelp("First name contains.", valueName: "text")) var firstName: String?
        @Option(help: ArgumentHelp("Last name contains.", valueName: "text")) var lastName: String?
        @Option(help: ArgumentHelp("Email contains.", valueName: "text")) var email: String?
        @Option(help: ArgumentHelp("Phone contains.", valueName: "text")) var phone: String?
        @Option(help: ArgumentHelp("Owner's username.", valueName: "username")) var owner: String?
        @Option(parsing: .unconditional, help: "Rows per page (the server's default when not given).") var limit: Int?
        @Option(parsing: .unconditional, help: "Rows to skip.") var offset: Int?
        @Flag(help: "Every page, not just the first.") var all = false
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var cache: CacheOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var csvOption: CSVOption

        func validate() throws {
            if output.json && csvOption.csv { throw ValidationError("--json and --csv: choose one.") }
            if let status, LeadStatus(rawValue: status) == nil {
                throw ValidationError("--status must be one of \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")) (got “\(status)”).")
            }
            try validatePaging(limit: limit, offset: offset)
        }

        func run() async throws {
            let query = LeadQuery(listType: assigned ? .assigned : .owned, campaign: campaign, status: status,
                                  firstName: firstName, lastName: lastName, email: email, phone: phone,
                                  owner: owner, limit: limit, offset: offset)
            let (page, cachedAt): (Page<LeadSummary>, Date?) = try await connection.withCachedReads(offline: cache.offline) { service, _ in
                all ? try await collect(service.allLeads(query)) : try await service.leads(query)
            }
            Output.noteCached(cachedAt)
            if output.json { return try Output.json(page) }
            if csvOption.csv { return Output.csv(Export.leads(page.results, as: .csv)) }
            var table = Table([.init(title: "NAME", isFlexible: true, minimum: 16), .init(title: "STATUS"),
                               .init(title: "SOURCE", hideOrder: 1), .init(title: "PHONE", hideOrder: 4),
                               .init(title: "EMAIL", isFlexible: true, minimum: 14, hideOrder: 5), .init(title: "OWNER", hideOrder: 2),
                               .init(title: "ADDED", hideOrder: 3), .init(title: "SLUG", isIdentifier: true)])
            for lead in page.results {
                table.add([lead.name, lead.status, lead.source, lead.phone, lead.email, lead.owner, Output.day(lead.addedOn), lead.slug])
            }
            Output.standardOutput(table.render(width: Output.terminalWidth()) + "\n" + footer(page, offset: all ? 0 : offset ?? 0, noun: "leads"))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A lead with its activities and notes (leads/view/lead/).")

        @Argument(help: "The lead's slug.") var slug: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var cache: CacheOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let (lead, cachedAt) = try await connection.withCachedReads(offline: cache.offline) { service, _ in try await service.lead(slug: slug) }
            Output.noteCached(cachedAt)
            if output.json { return try Output.json(lead) }
            Output.standardOutput(LeadDetailText.render(lead, width: Output.terminalWidth()))
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a lead (leads/create/lead/).")

        @OptionGroup var fields: LeadFieldOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let draft = try fields.draft(current: nil)
            let json = output.json
            let report = try await connection.withService { service -> WriteReport? in
                try await service.createLead(draft)
                guard json else { return nil }
                let (record, lookup) = await RecordLookup.createdLead(draft, in: service)
                return WriteReport("leads create", "created", sent: draft.form(), record: record, lookup: lookup)
            }
            if let report { return try Output.json(report) }
            Output.standardOutput("Lead created: \(TerminalSafeText.escape(draft.firstName)) \(TerminalSafeText.escape(draft.lastName)).")
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Update a lead (leads/update/lead/).",
            discussion: """
                Fields not given keep their current values where the lead's detail has them. The service \
                does not return location or assignee, yet update requires both: give --location and \
                --assignee unless the server's detail includes them.
                """
        )

        @Argument(help: "The lead's slug.") var slug: String
        @OptionGroup var fields: LeadFieldOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let json = output.json
            let report = try await connection.withService { service -> WriteReport? in
                let current = try await service.lead(slug: slug)
                let draft = try fields.draft(current: current)
                try await service.updateLead(slug: slug, draft)
                guard json else { return nil }
                let (record, lookup) = await RecordLookup.lead(slug: slug, in: service)
                return WriteReport("leads update", "updated", sent: draft.form(slug: slug), record: record, lookup: lookup)
            }
            if let report { return try Output.json(report) }
            Output.standardOutput("Lead updated: \(TerminalSafeText.escape(slug)).")
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a lead (leads/delete/lead/; the service keeps it as deleted).")

        @Argument(help: "The lead's slug.") var slug: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await connection.withService { try await $0.deleteLead(slug: slug) }
            if output.json {
                return try Output.json(WriteReport("leads delete", "deleted", sent: [("slug", slug)],
                                                   lookup: "deleted: the service keeps the lead as deleted and lists it no more"))
            }
            Output.standardOutput("Lead deleted: \(TerminalSafeText.escape(slug)).")
        }
    }
}

/// The fields of create and update. On create the required ones must be
/// given; on update each falls back to the lead's current value.
struct LeadFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First name.", valueName: "text")) var firstName: String?
    @Option(help: ArgumentHelp("Last name.", valueName: "text")) var lastName: String?
    @Option(help: ArgumentHelp("Email address.", valueName: "address")) var email: String?
    @Option(help: ArgumentHelp("Phone: optional +, then 9 to 15 digits.", valueName: "number")) var phone: String?
    @Option(help: ArgumentHelp("Location.", valueName: "text")) var location: String?
    @Option(help: ArgumentHelp("Lead message.", valueName: "text")) var message: String?
    @Option(help: ArgumentHelp("Assignee's username.", valueName: "username")) var assignee: String?
    @Option(help: ArgumentHelp("prospect, tentative, potential, closed, contact or customer.", valueName: "status")) var status: String?
    @Option(help: ArgumentHelp("direct, website, facebook, twitter, instagram, search, pinterest, reddit or other.", valueName: "source")) var source: String?

    /// The draft to send; throws `invalidInput` naming each missing field.
    func draft(current: LeadDetail?) throws -> LeadDraft {
        var missing = FieldErrors()
        func value(_ given: String?, _ field: String, _ known: String?) -> String {
            if let given { return given }
            if let known, !known.isEmpty { return known }
            if current != nil, field == "location" || field == "assignee" {
                missing.add(field, "The service does not return this field, so update needs it: pass \(Output.option(for: field) ?? field).")
            } else {
                missing.add(field, Messages.required)
            }
            return ""
        }
        let draft = LeadDraft(
            firstName: value(firstName, "first_name", current?.firstName),
            lastName: value(lastName, "last_name", current?.lastName),
            email: value(email, "email", current?.email),
            phone: value(phone, "phone", current?.phone),
            location: value(location, "location", current?.location),
            message: value(message, "message", current?.message),
            assignee: value(assignee, "assignee", current?.assignee),
            status: status ?? current.flatMap { $0.status.isEmpty ? nil : $0.status },
            source: source ?? current.flatMap { $0.source.isEmpty ? nil : $0.source }
        )
        if !missing.isEmpty { throw APIError.invalidInput(missing) }
        return draft
    }
}

/// Walks every page into one page whose count is the server's.
func collect<Item>(_ pages: PageSequence<Item>) async throws -> Page<Item> {
    var all = Page<Item>(results: [], count: 0)
    for try await page in pages {
        all.results += page.results
        all.count = page.count
        all.skippedRecords += page.skippedRecords
    }
    return all
}

func validatePaging(limit: Int?, offset: Int?) throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1 (got \(limit)).") }
    if let offset, offset < 0 { throw ValidationError("--offset must not be negative (got \(offset)).") }
}

/// "Showing 1–50 of 200 leads. Next: --offset 50 (or --all)."
func footer<Item>(_ page: Page<Item>, offset: Int, noun: String) -> String {
    var text: String
    if page.results.isEmpty {
        text = page.count == 0 ? "No \(noun)." : "No \(noun) at offset \(offset) (of \(page.count))."
    } else {
        // "of 1 appointment", "of 2 appointments": the noun is given plural.
        let counted = page.count == 1 && noun.hasSuffix("s") ? String(noun.dropLast()) : noun
        text = "Showing \(offset + 1)–\(offset + page.results.count) of \(page.count) \(counted)."
        if offset + page.results.count < page.count { text += " Next: --offset \(offset + page.results.count) (or --all)." }
    }
    if page.skippedRecords > 0 { text += " \(page.skippedRecords) unreadable record(s) skipped." }
    return text
}
