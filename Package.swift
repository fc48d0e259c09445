// swift-tools-version: 6.2
// Parcours: from Pix digital-competence results to mutualised training plans and tenders.
// The targets follow the data flow: import → diagnose → solve → emit → serve.
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Parcours",
    defaultLocalization: "fr",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parcours", targets: ["parcours"])
    ],
    // PostgreSQL (PostgresNIO and its TLS stack) is opt-in: `swift build --traits PostgreSQL`. The
    // default build stays light for the embedded SQLite use; `make test` and CI build with it.
    traits: [
        .trait(name: "PostgreSQL", description: "The PostgreSQL store (--database postgres://…), for scale-out.")
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // The service's HTTP server; swift-configuration support is left out (unused).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // Hummingbird's own service group: the service's job runner runs in it, beside the HTTP server.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // Domain values shared by every step; no I/O.
        .target(
            name: "ParcoursModel", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings),
        // Reference data in Config/: competences, job families, territories, calendars, policy.
        .target(
            name: "ParcoursConfig",
            dependencies: ["ParcoursModel", "ParcoursCSV", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // The one CSV reader and writer of the project (streaming, Excel-tolerant); no dependencies.
        .target(name: "ParcoursCSV", swiftSettings: strictSettings),
        // Readers of what communes bring: Pix Orga exports and agent rosters, linked to each other.
        .target(
            name: "ParcoursImport", dependencies: ["ParcoursModel", "ParcoursCSV", "ParcoursConfig"],
            swiftSettings: strictSettings),
        // The planning engine: facility location (sessions, demand groups) with bounds; no I/O.
        .target(name: "ParcoursSolver", dependencies: ["ParcoursModel"], swiftSettings: strictSettings),
        // libxml2, for catalogue XML (streaming reader, XSD validation).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Persistence of imports (SQLite through GRDB), behind a protocol a PostgreSQL store can adopt.
        .target(
            name: "ParcoursStore",
            dependencies: [
                "ParcoursModel", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        // The same store protocols on PostgreSQL (PostgresNIO), for several service instances on one
        // database; built with the PostgreSQL trait only.
        .target(
            name: "ParcoursPostgres",
            dependencies: [
                "ParcoursModel", "ParcoursStore",
                .product(name: "PostgresNIO", package: "postgres-nio", condition: .when(traits: ["PostgreSQL"])),
                .product(name: "Logging", package: "swift-log", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: strictSettings
        ),
        // Competence gaps: needs per agent, aggregates per commune, job family and territory. Pure.
        .target(name: "ParcoursDiagnose", dependencies: ["ParcoursModel"], swiftSettings: strictSettings),
        // Reports for people and programs: HTML with SVG, CSV for French Excel, versioned JSON.
        .target(
            name: "ParcoursOutput",
            dependencies: ["ParcoursModel", "ParcoursDiagnose", "ParcoursCSV", "ParcoursSolver"],
            exclude: ["Schemas"],
            swiftSettings: strictSettings
        ),
        // Synthetic populations (agents, Pix exports, rosters) for demos, tests and benchmarks; kept
        // apart from the real import code.
        .target(
            name: "ParcoursSynthetic", dependencies: ["ParcoursModel", "ParcoursCSV"], swiftSettings: strictSettings),
        // Provider catalogues (LHEO, XCRI-CAP, Parcours CSV): streaming read with libxml2, XSD
        // validation, hostile-input limits, normalisation, competence tagging. A target of its own
        // rather than part of ParcoursImport: it alone needs libxml2 and the shipped schemas, and
        // its tests (hostile files, schemas) stay apart from the Pix and roster readers.
        .target(
            name: "ParcoursCatalogue",
            dependencies: ["ParcoursModel", "ParcoursConfig", "ParcoursCSV", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        // Application workflows shared by the command line and the service: what the store holds,
        // assembled for the diagnosis, the planner and the tenders of stored plans.
        .target(
            name: "ParcoursWorkflow",
            dependencies: [
                "ParcoursModel", "ParcoursConfig", "ParcoursImport", "ParcoursStore", "ParcoursDiagnose",
                "ParcoursOutput", "ParcoursSolver", "ParcoursCatalogue", "ParcoursTender", "ParcoursTenderDocuments",
                .target(name: "ParcoursPostgres", condition: .when(traits: ["PostgreSQL"])),
            ],
            swiftSettings: strictSettings
        ),
        // Tenders from uncovered needs: lots (theme × area × format), groups, estimates, the procedure
        // from the dated thresholds. Pure: no I/O.
        .target(
            name: "ParcoursTender", dependencies: ["ParcoursModel", "ParcoursSolver"], swiftSettings: strictSettings),
        // The tender package's files: Belgian and French documents (OpenDocument and HTML), price
        // schedules with formulas, the eForms contract notice and its XSD validation with libxml2.
        .target(
            name: "ParcoursTenderDocuments",
            dependencies: [
                "ParcoursModel", "ParcoursTender", "ParcoursOutput", "CLibXML2",
            ],
            swiftSettings: strictSettings
        ),
        // The multi-tenant HTTP service: JSON API, server-rendered pages, users, roles and audit,
        // over the workflows; no logic of its own beyond access, formats and routing.
        .target(
            name: "ParcoursService",
            dependencies: [
                "ParcoursModel", "ParcoursConfig", "ParcoursStore", "ParcoursDiagnose", "ParcoursOutput",
                "ParcoursSolver", "ParcoursCatalogue", "ParcoursWorkflow", "ParcoursTender", "ParcoursTenderDocuments",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        // The command-line tool.
        .executableTarget(
            name: "parcours",
            dependencies: [
                "ParcoursModel", "ParcoursConfig", "ParcoursImport", "ParcoursStore", "ParcoursDiagnose",
                "ParcoursOutput", "ParcoursSolver",
                "ParcoursSynthetic", "ParcoursCatalogue", "ParcoursWorkflow", "ParcoursTender",
                "ParcoursTenderDocuments", "ParcoursService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),

        // Runs the built `parcours` executable: the command-line contracts, end to end.
        .testTarget(name: "ParcoursCLITests", dependencies: ["parcours"]),
        .testTarget(name: "ParcoursModelTests", dependencies: ["ParcoursModel"]),
        .testTarget(name: "ParcoursConfigTests", dependencies: ["ParcoursConfig"]),
        .testTarget(name: "ParcoursCSVTests", dependencies: ["ParcoursCSV"]),
        // The store's behaviour against SQLite, and PostgreSQL with the trait (see TestDatabase.swift).
        .testTarget(
            name: "ParcoursStoreTests",
            dependencies: [
                "ParcoursStore", .product(name: "GRDB", package: "GRDB.swift"),
                .target(name: "ParcoursPostgres", condition: .when(traits: ["PostgreSQL"])),
            ]),
        .testTarget(name: "ParcoursDiagnoseTests", dependencies: ["ParcoursDiagnose"]),
        .testTarget(
            name: "ParcoursImportTests", dependencies: ["ParcoursImport", "ParcoursConfig"],
            exclude: ["Fixtures"]),
        .testTarget(name: "ParcoursOutputTests", dependencies: ["ParcoursOutput", "ParcoursSolver"]),
        .testTarget(
            name: "ParcoursSolverTests",
            dependencies: ["ParcoursSolver", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ParcoursSyntheticTests",
            dependencies: ["ParcoursSynthetic", "ParcoursConfig", "ParcoursCSV", "ParcoursImport"]),
        .testTarget(
            name: "ParcoursCatalogueTests",
            dependencies: ["ParcoursCatalogue", "ParcoursConfig", "ParcoursModel", "ParcoursStore"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ParcoursWorkflowTests",
            dependencies: [
                "ParcoursWorkflow", "ParcoursConfig", "ParcoursModel", "ParcoursStore", "ParcoursDiagnose",
                "ParcoursCatalogue", "ParcoursImport", "ParcoursSolver",
            ]),
        .testTarget(
            name: "ParcoursTenderTests", dependencies: ["ParcoursTender", "ParcoursConfig", "ParcoursSolver"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "ParcoursServiceTests",
            dependencies: [
                "ParcoursService", "ParcoursStore", "ParcoursModel", "ParcoursConfig", "ParcoursWorkflow",
                "ParcoursCatalogue", "ParcoursImport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]),
        .testTarget(
            name: "ParcoursTenderDocumentsTests",
            dependencies: [
                "ParcoursTenderDocuments", "ParcoursTender", "ParcoursConfig", "CLibXML2",
            ]),
    ]
)
