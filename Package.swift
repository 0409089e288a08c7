// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sargs",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sargs", targets: ["sargs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // The plan and its rules: Foundation only.
        .target(name: "SargsCore"),
        // Reading another plan's document into a draft (issue 16): its
        // table, its period wording, its institutions and funding; only the core.
        .target(name: "SargsPlanDraft", dependencies: ["SargsCore"]),
        // YAML ⇄ Plan, errors located FILE:LINE:COLUMN.
        // Plan and theme files: YAML ⇄ values, errors located FILE:LINE:COLUMN.
        .target(name: "SargsPlanFile", dependencies: [
            "SargsCore", "SargsPlanDraft", "SargsFiles",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Theme files: YAML ⇄ the board's themes, errors located as plan files'.
        .target(name: "SargsThemeFile", dependencies: [
            "SargsCore", "SargsBoard", "SargsPlanFile",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Files in folders others may write, and the programs sargs runs:
        // no link followed, nothing half-written, every child bounded.
        .target(name: "SargsFiles", dependencies: ["SargsCore"]),
        // SQLite through GRDB: migrations, journal, changes, undo.
        .target(name: "SargsStore", dependencies: [
            "SargsCore", "SargsFiles",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The terminal app with no terminal in it.
        .target(name: "SargsBoard", dependencies: ["SargsCore", "SargsPlanDraft"]),
        // The only C: ncursesw.
        // Linked through module.modulemap: pkg-config's -D flags are refused by
        // SwiftPM (shim.h defines what they would).
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Paints canvas changes, reads keys, restores the terminal.
        .target(name: "SargsTerminal", dependencies: ["CNcursesw", "SargsBoard"]),
        // The executable: commands and wiring.
        .executableTarget(name: "sargs", dependencies: [
            "SargsCore", "SargsPlanDraft", "SargsPlanFile", "SargsThemeFile", "SargsStore", "SargsBoard", "SargsTerminal", "SargsFiles",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .target(name: "TestSupport", dependencies: ["SargsCore", "SargsBoard"], path: "Tests/TestSupport"),
        // The benchmark of SPEC §9 and its store generator (`make bench`).
        .executableTarget(name: "sargs-bench", dependencies: [
            "SargsCore", "SargsPlanFile", "SargsStore", "SargsBoard", "TestSupport",
        ], path: "Benchmarks/Sources"),
        .testTarget(name: "SargsCoreTests", dependencies: ["SargsCore", "SargsPlanDraft", "TestSupport"]),
        .testTarget(name: "SargsPlanFileTests", dependencies: ["SargsPlanFile", "SargsPlanDraft", "SargsThemeFile", "SargsCore", "SargsBoard", "TestSupport"]),
        .testTarget(name: "SargsStoreTests", dependencies: [
            "SargsStore", "SargsCore", "SargsPlanFile", "SargsFiles", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "SargsBoardTests", dependencies: ["SargsBoard", "SargsCore", "SargsPlanFile", "SargsThemeFile", "SargsStore", "TestSupport"]),
        // The executable too, for what is read from ArgumentParser's errors (UsageErrorTests).
        .testTarget(name: "EndToEndTests", dependencies: [
            "TestSupport", "SargsBoard", "SargsCore", "SargsPlanDraft", "SargsPlanFile", "sargs",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
