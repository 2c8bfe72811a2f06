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

    @Test func flexibleColumnsGiveWayToFitTheTerminal() {
        let lines = table().render(width: 26).split(separator: "\n")
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 26 })
        #expect(lines[2] == "山田太郎…  customer      7")
    }
}

