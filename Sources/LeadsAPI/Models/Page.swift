import Foundation

/// One page of a limit/offset list: `{results, count, next, previous}`.
public struct Page<Item: Sendable>: Sendable {
    public var results: [Item]
    /// The total number of matching records on the server.
    public var count: Int
    public var next: URL?
    public var previous: URL?
    /// Records that were not objects and could not be read at all; the rest
    /// of the page still decodes (one odd record never fails a whole page).
    public var skippedRecords: Int

    public init(results: [Item], count: Int, next: URL? = nil, previous: URL? = nil, skippedRecords: Int = 0) {
        self.results = results
        self.count = count
        self.next = next
        self.previous = previous
        self.skippedRecords = skippedRecords
    }

    /// Reads a page from the envelope's `data`, building each record with `make`.
    static func decode(_ data: JSONValue, _ make: (JSONValue) -> Item) -> Page {
        var items: [Item] = []
        var skipped = 0
        let records = data["results"]?.arrayValue ?? data.arrayValue ?? []
        items.reserveCapacity(records.count)
        for record in records {
            if record.objectValue != nil { items.append(make(record)) } else { skipped += 1 }
        }
        return Page(
            results: items,
            count: max(0, data["count"]?.intValue ?? items.count),
            next: data["next"]?.stringValue.flatMap(URL.init(string:)),
            previous: data["previous"]?.stringValue.flatMap(URL.init(string:)),
            skippedRecords: skipped
        )
    }
}

extension Page: Equatable where Item: Equatable {}

extension Page: Encodable where Item: Encodable {
    enum CodingKeys: String, CodingKey { case results, count, next, previous }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(results, forKey: .results)
        try container.encode(count, forKey: .count)
        try container.encode(next?.absoluteString, forKey: .next)
        try container.encode(previous?.absoluteString, forKey: .previous)
    }
}
