import LeadsAPI
import TextEditing

/// A named way to look at the list: the `/` bar's text (words and `field:value` terms), the
/// sort, owned or assigned. `[views.NAME]` in settings.toml; the tabs above the list.
public struct SavedView: Equatable, Sendable {
    public var name: String
    /// As the `/` bar takes it: `status:customer kim`.
    public var filter: String
    public var sort: LeadSort
    public var listType: LeadListType

    public init(name: String, filter: String = "", sort: LeadSort = .server, listType: LeadListType = .owned) {
        self.name = name; self.filter = filter; self.sort = sort; self.listType = listType
    }

    /// The list as it is now, under `name`.
    public init(name: String, of list: LeadListState) {
        self.init(name: name, filter: [list.serverFilter.summary, list.text].filter { !$0.isEmpty }.joined(separator: " "),
                  sort: list.sort, listType: list.listType)
    }

    /// The view every list starts in: the first tab, before the saved ones.
    public static let all = SavedView(name: "all")

    /// Whether the list shows this view now (its filter, sort and list type).
    public func isShown(by list: LeadListState) -> Bool {
        guard sort == list.sort, listType == list.listType, case .success(let parsed) = LeadFilter.parse(filter) else { return false }
        return parsed.server == list.serverFilter && SearchFolding.words(of: parsed.text) == SearchFolding.words(of: list.text)
    }

    /// A view's name: letters, digits, `_` and `-`, at most 32 (a TOML bare key, a short tab).
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 32 && name.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") && $0.isASCII
        }
    }
}
