@testable import leadterm
import TerminalUI
import Testing

@Suite struct TableTests {
    func table() -> Table {
        var table = Table([.init(title: "NAME", isFlexible: true), .init(title: "STATUS"), .init(title: "COUNT", alignRight: true)])
        table.add(["山田太郎 Yamada", "customer", "7"])
        table.add(["Ana\u{1B}[31m", "prospect", "12"])
        return table
    }

    @Test func alignsColumnsByDisplayWidth() {
        #expect(table().render(width: nil).split(separator: "\n") == [
            "NAME             STATUS    COUNT",
            "───────────────  ────────  ─────",
            "山田太郎 Yamada  customer      7",
            "Ana\\e[31m        prospect     12",
        ])
    }

    @Test func optionalColumnsAreHiddenBeforeFlexibleOnesGetUnreadable() {
        var table = Table([.init(title: "NAME", isFlexible: true, minimum: 12), .init(title: "SOURCE", hideOrder: 1),
                           .init(title: "SLUG", isFlexible: true, minimum: 10)])
        table.add(["Maximilian-Alexander von Hohenzollern", "instagram", "maximilian-alexander-von-10"])
        #expect(table.render(width: 60).split(separator: "\n")[0].contains("SOURCE"))
        let narrow = table.render(width: 30).split(separator: "\n")
        #expect(!narrow[0].contains("SOURCE"))
        #expect(narrow[2] == "Maximilian-Al…  maximilian-al…")
        #expect(narrow.allSatisfy { DisplayWidth.of(String($0)) <= 30 })
    }

    @Test func flexibleColumnsGiveWayToFitTheTerminal() {
        let lines = table().render(width: 26).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 26 })
        #expect(lines[2] == "山田太郎…  customer      7")
    }
}

