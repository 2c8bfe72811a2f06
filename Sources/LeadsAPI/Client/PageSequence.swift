import TextEditing
import Foundation

/// Walks a limit/offset list page by page, as an `AsyncSequence` of pages.
///
/// The server's `next` link is read only for its `offset` and `limit`: the
/// request itself is always built against the configured base URL, so a
/// `next` pointing at another host never receives the credentials.
/// It stops when `next` is null, a page is empty, or the offset would not advance.
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = Page<Item>
    public typealias Fetch = @Sendable (_ offset: Int?, _ limit: Int?) async throws -> Page<Item>

    let offset: Int?
    let limit: Int?
    let fetch: Fetch

    public init(offset: Int?, limit: Int?, fetch: @escaping Fetch) {
        self.offset = offset
        self.limit = limit
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(offset: offset, limit: limit, fetch: fetch)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var offset: Int?
        var limit: Int?
        let fetch: Fetch
        var isFinished = false

        public mutating func next() async throws -> Page<Item>? {
            guard !isFinished else { return nil }
            let page = try await fetch(offset, limit)
            let current = offset ?? 0
            guard let next = page.next, !page.results.isEmpty else {
                isFinished = true
                return page
            }
            let items = URLComponents(url: next, resolvingAgainstBaseURL: false)?.queryItems ?? []
            // The server's numbers, read in range: a `next` naming offset 2^63 ends the walk, never traps it.
            func number(_ name: String, _ range: ClosedRange<Int>) -> Int? {
                items.first { $0.name == name }?.value.flatMap { try? WholeNumber.parse($0, in: range).get() }
            }
            let nextOffset = number("offset", 0...Int.max) ?? WholeNumber.adding(current, page.results.count)
            if let nextLimit = number("limit", 1...10_000) { limit = nextLimit }
            if nextOffset <= current { isFinished = true } else { offset = nextOffset }
            return page
        }
    }

    /// Every item of every page.
    public func collect(maxItems: Int = .max) async throws -> [Item] {
        var all: [Item] = []
        for try await page in self {
            all += page.results
            if all.count >= maxItems { return Array(all.prefix(maxItems)) }
        }
        return all
    }
}
