import Foundation
import LeadsStore
import Testing
@testable import leadterm

/// `settings.toml`: values applied, every problem named with its line, defaults kept.
@Suite struct SettingsFileTests {
    func apply(_ text: String) throws -> (Settings, [String]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString).toml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var settings = Settings(serverLabel: "demo")
        let warnings = SettingsFile.apply(url, to: &settings)
        return (settings, warnings.map { "\($0.line): \($0.message)" })
    }

    @Test func valuesAreApplied() throws {
        let (settings, warnings) = try apply("""
            [leads]
            undo_seconds = 2
            page_size = 100
            default_assignee = "alex"
            user = "sam"
            jump_scroll = false

            [calendar]
            reminder_minutes = 15
            bell = false
            monday_first = false
            overview_refresh_minutes = 3
            """)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(settings.undoSeconds == 2 && settings.pageSize == 100)
        #expect(settings.defaultAssignee == "alex" && settings.signedInUser == "sam" && !settings.jumpScroll)
        #expect(settings.reminderMinutes == 15 && !settings.reminderBell && !settings.mondayFirst && settings.dashboardRefreshMinutes == 3)
    }

    /// Issues 14.2 and 14.7: `[terminal]` chooses the theme and the links; a wrong value is named.
    @Test func theTerminalTableChoosesThemeAndLinks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: url) }
        var settings = Settings(serverLabel: "demo")
        var terminal = TerminalSettings()
        try "[terminal]\ntheme = \"light\"\nhyperlinks = \"off\"\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(SettingsFile.apply(url, to: &settings, terminal: &terminal).isEmpty)
        #expect(terminal == TerminalSettings(hyperlinks: .off, theme: "light"))
        terminal = TerminalSettings()
        try "[terminal]\ntheme = \"../x\"\nhyperlinks = true\nbell = 1\n".write(to: url, atomically: true, encoding: .utf8)
        let warnings = SettingsFile.apply(url, to: &settings, terminal: &terminal).map { "\($0.line): \($0.message)" }
        #expect(warnings == ["2: theme must be \"auto\" or the name of a theme (default, light, mono, or one in themes/)",
                             "3: hyperlinks must be \"auto\", \"on\" or \"off\"",
                             "4: unknown setting \"bell\" in [terminal] (known: theme, hyperlinks)"])
        #expect(terminal == TerminalSettings())
    }

    /// Issue 14.4: `[views.NAME]` are the saved views, in the file's order; a view with a problem is left out, named.
    @Test func savedViewsAreReadInOrder() throws {
        let (settings, warnings) = try apply("""
            [views.hot]
            filter = "status:potential kim"
            sort = "added"
            [views.mine]
            list = "assigned"
            [views.bad]
            filter = "status:won"
            [views.all]
            sort = "name"
            """)
        #expect(settings.views == [SavedView(name: "hot", filter: "status:potential kim", sort: .added),
                                   SavedView(name: "mine", listType: .assigned)])
        #expect(warnings.count == 2 && warnings[0].hasPrefix("7: view bad left out: its filter: ") && warnings[1].hasPrefix("8: [views.all] left out"), "\(warnings)")
    }

    /// Issue 14.4: save-view writes its table where it is (or at the end), every other line kept.
    @Test func savingAViewKeepsEveryOtherLine() throws {
        let text = "# mine\r\n[leads]\r\npage_size = 20 # small\r\n\r\n[views.hot]\r\n# the hot ones\r\nsort = \"name\"\r\ncolour = 3\r\n[calendar]\r\nbell = false\r\n"
        let view = SavedView(name: "hot", filter: "owner:\"Ana Souza\" kim\\", sort: .added, listType: .assigned)
        let saved = SettingsFile.saving(view, into: text)
        #expect(saved == "# mine\r\n[leads]\r\npage_size = 20 # small\r\n\r\n[views.hot]\r\n# the hot ones\r\nsort = \"added\"\r\ncolour = 3\r\n"
                + "filter = \"owner:\\\"Ana Souza\\\" kim\\\\\"\r\nlist = \"assigned\"\r\n[calendar]\r\nbell = false\r\n")
        let added = SettingsFile.saving(SavedView(name: "new"), into: "[leads]\npage_size = 20\n")
        #expect(added == "[leads]\npage_size = 20\n\n[views.new]\nfilter = \"\"\nsort = \"server\"\nlist = \"owned\"\n")
        // What is written reads back as the view.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)/leadterm/settings.toml")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent().deletingLastPathComponent()) }
        #expect(SettingsFile.save(view, to: url) == nil)
        var settings = Settings(serverLabel: "demo")
        #expect(SettingsFile.apply(url, to: &settings).isEmpty)
        #expect(settings.views == [view])
        #expect((try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int) == 0o600)
    }

    /// Saved on Windows: CRLF. Before, "settings.toml:1: unexpected text after table header" and the page size ignored.
    @Test func crlfFilesReadAsAnyOther() throws {
        let (settings, warnings) = try apply("# mine\r\n[leads]\r\npage_size = 20\r\nuser = \"sam\"\r\n\r\n[calendar]\r\nbell = false\r\n")
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(settings.pageSize == 20 && settings.signedInUser == "sam" && !settings.reminderBell)
    }

    /// A number past 64 bits is the line's problem, not a trap, and the defaults stay.
    @Test func hugeNumbersAreTheLinesProblem() throws {
        let (settings, warnings) = try apply("[leads]\npage_size = 2000000000000000000000\n")
        #expect(warnings == ["2: “2000000000000000000000” is too large for a whole number (TOML integers are 64-bit)"])
        #expect(settings.pageSize == Settings(serverLabel: "demo").pageSize)
    }

    @Test func problemsAreNamedAndTheDefaultsKept() throws {
        let (settings, warnings) = try apply("""
            [leads]
            undo_seconds = 600
            page_size = "lots"
            colour = "blue"

            [calendar]
            bell = "yes"

            [extras]
            """)
        #expect(warnings == [
            "2: undo_seconds must be a whole number of seconds from 0 to 60",
            "3: page_size must be a whole number from 10 to 500",
            "4: unknown setting \"colour\" in [leads] (known: undo_seconds, page_size, default_assignee, user, jump_scroll, clipboard)",
            "7: bell must be true or false",
            "9: unknown table [extras] (known: [leads], [calendar], [terminal], [views.NAME])",
        ])
        #expect(settings.undoSeconds == 5 && settings.pageSize == 50 && settings.reminderBell)
        let (_, broken) = try apply("[leads\nundo_seconds = 2\n")
        #expect(broken.count == 1 && broken[0].hasPrefix("1: "))
    }
}
