// swift-tools-version:6.1
// Swift 6 language mode (the default for tools 6.x) with complete concurrency checking.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]
/// What every frame runs through (text, graphemes and widths, the buffer, widgets, screens) is
/// optimised in debug builds too: the fuzz tests draw every frame of 20,000 steps, and an
/// unoptimised walk over Strings is 3–4× slower (the app fuzz: 37 s → 11 s, text: 18 s → 5 s).
let hotPath: [SwiftSetting] = strict + [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "leadterm",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "leadterm", targets: ["leadterm"]),
    ],
    dependencies: [
        // Command line parsing, --help for every subcommand.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The sandbox's HTTP server (default traits off: no swift-configuration needed).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // The sandbox's SQLite database.
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Start/stop the in-process sandbox (already a dependency of Hummingbird).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // The sandbox reads its ephemeral port off the server's channel (already a dependency of Hummingbird).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // The sandbox's silenced logger and `--log FILE` (already a dependency of Hummingbird).
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Header names in the sandbox's responder (already a dependency of Hummingbird).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The client's HTTP transport, on the SwiftNIO event loops the sandbox already builds.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // TLS failures named as such in the transport's errors (already a dependency of async-http-client).
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        .target(
            name: "LeadsAPI",
            dependencies: [
                "TextEditing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "CTermGuard", linkerSettings: [.linkedLibrary("ncursesw")]),
        // Text being typed and its editing steps, shared by the toolkit's fields and the store's forms.
        .target(name: "TextEditing", swiftSettings: hotPath),
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "CTermGuard", "TextEditing"], swiftSettings: hotPath),
        // The app's state, actions, reducer and effects: no UI, no ncurses.
        .target(name: "LeadsStore", dependencies: ["LeadsAPI", "TextEditing"], swiftSettings: strict),
        // Screens that draw the store's state with the toolkit's widgets, and keys → actions.
        .target(name: "LeadsUI", dependencies: ["LeadsStore", "TerminalUI", "TextEditing"], swiftSettings: hotPath),
        .target(
            name: "LeadsSandbox",
            dependencies: [
                "LeadsAPI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        // The local cache per profile (GRDB): what was seen, the outbox, and the service that reads through it.
        .target(
            name: "LeadsCache",
            dependencies: [
                "LeadsAPI", "LeadsStore", "LeadsUI",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "leadterm",
            dependencies: [
                "LeadsAPI", "LeadsSandbox", "TerminalUI", "LeadsStore", "LeadsUI", "LeadsCache", "CTermGuard", "TextEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Benchmarks that print figures: `swift run -c release leadterm-bench`.
        .executableTarget(name: "leadterm-bench", dependencies: ["TerminalUI", "LeadsStore", "LeadsUI", "LeadsAPI", "LeadsSandbox", "LeadsCache", "CTermGuard"], swiftSettings: strict),
        .target(name: "TestSupport", dependencies: ["LeadsAPI", "LeadsSandbox", "LeadsStore"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "LeadsAPITests", dependencies: ["LeadsAPI", "LeadsSandbox", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "LeadsSandboxTests", dependencies: ["LeadsAPI", "LeadsSandbox", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport", "LeadsSandbox"], swiftSettings: strict),
        .testTarget(name: "LeadsStoreTests", dependencies: ["LeadsStore", "LeadsAPI", "TestSupport", "TextEditing"], swiftSettings: strict),
        .testTarget(name: "LeadsUITests", dependencies: ["LeadsUI", "LeadsStore", "TerminalUI", "LeadsAPI", "TestSupport", "TextEditing"],
                    exclude: ["Snapshots"], swiftSettings: strict),
        .testTarget(name: "CommandLineTests", dependencies: ["leadterm", "LeadsAPI", "LeadsStore", "LeadsCache", "TestSupport", "TerminalUI", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Commands/Scripts", "EndToEnd/Scripts"], swiftSettings: strict),
    ]
)
