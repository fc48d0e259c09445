import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParcoursCatalogue
import ParcoursConfig
import ParcoursImport
import ParcoursModel
import ParcoursService
import ParcoursStore
import ParcoursWorkflow
import Testing

/// What the service tests run on: the repository's Config, Samples and Catalogues, in private in-memory
/// databases.
enum ServiceFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The shipped configuration, loaded once.
    static let configuration = Result { try Configuration(directory: repository.appending(path: "Config")) }

    /// An environment on a new empty in-memory database.
    static func environment() throws -> ServiceEnvironment {
        ServiceEnvironment(store: try SQLiteStore(path: ":memory:"), configuration: try configuration.get())
    }

    /// Runs `body` with a client of the service's router on `environment`.
    static func withClient<Value: Sendable>(
        _ environment: ServiceEnvironment, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Value
    ) async throws -> Value {
        var logger = Logger(label: "parcours-test")
        logger.logLevel = .warning
        let application = Application(router: ServiceApplication.router(environment).router, logger: logger)
        return try await application.test(.router) { client in try await body(client) }
    }

    /// A bundled catalogue file.
    static func catalogue(_ name: String) -> URL { repository.appending(path: "Catalogues/\(name)") }

    /// The reader of catalogues, with the shipped configuration.
    static func catalogueReader() throws -> CatalogueReader {
        CatalogueReader(options: CatalogueReadOptions(configuration: try configuration.get()))
    }

    /// A new user `user` on `store`, and the `Authorization` header of a new API token of theirs.
    static func bearer(_ user: NewUser, on store: any ParcoursDatabase) async throws -> HTTPFields {
        let account = try await store.createUser(user)
        let token = AccessToken.generate()
        try await store.addToken(hash: AccessToken.hash(token), kind: .api, userID: account.id, expiresAt: nil)
        return [.authorization: "Bearer \(token)"]
    }

    /// The provider that bundled catalogue `name` names (its first), as a user of it with an API token on
    /// `store`.
    static func provider(ofCatalogue name: String, on store: any ParcoursDatabase) async throws -> SignedInProvider {
        let file = catalogue(name)
        let providerID = try #require(try catalogueReader().read(path: file.path) { _, _ in }.providers.first).id
        let headers = try await bearer(
            try NewUser(name: "Prestataire", role: .provider, providerID: providerID), on: store)
        return SignedInProvider(file: file, providerID: providerID, headers: headers)
    }
}

/// A catalogue provider's user, signed in with an API token (``ServiceFixtures/provider(ofCatalogue:on:)``).
struct SignedInProvider: Sendable {
    /// The catalogue file that names the provider.
    let file: URL
    let providerID: String
    /// The `Authorization` header of the user's token.
    let headers: HTTPFields
}

/// Two tenants' worth of data: the Samples of Namur (tenant "own") and Bastia (tenant "other"), two
/// catalogues, one plan per territory, and users of every role with their tokens.
struct TenantWorld: Sendable {
    /// The user of each role in Namur (the provider: Atelier Numérique Public, whose catalogue is not
    /// stored yet).
    let tokens: [Role: String]
    let store: SQLiteStore
    let environment: ServiceEnvironment
    let namurPlan: Int64
    let bastiaPlan: Int64
    /// A queued plan job of each territory (no runner runs them here).
    let namurJob: Int64
    let bastiaJob: Int64
    let providerID: String

    static let ownCommune = "92045"
    static let ownAgent = "92045-00002"
    static let otherCommune = "2B309"
    static let otherAgent = "040001"

    /// Built once for the suite: imports and two short plans take a few seconds.
    static let shared = Task { try await TenantWorld() }

    private init() async throws {
        let configuration = try ServiceFixtures.configuration.get()
        store = try SQLiteStore(path: ":memory:")
        try await Self.importSamples(["bastia", "namur"], into: store, configuration: configuration)
        let reader = CatalogueReader(options: CatalogueReadOptions(configuration: configuration))
        for name in ["centre-informatique-mosan.lheo.xml", "formations-numeriques-haute-corse.lheo.xml"] {
            _ = try await CatalogueImport.run(path: ServiceFixtures.catalogue(name).path, into: store, reader: reader)
        }
        namurPlan = try await Self.plan("namur", store: store, configuration: configuration)
        bastiaPlan = try await Self.plan("bastia", store: store, configuration: configuration)
        namurJob = try await store.enqueue(NewJob(kind: "plan", territoryID: "namur", parameters: Data("{}".utf8)))
        bastiaJob = try await store.enqueue(NewJob(kind: "plan", territoryID: "bastia", parameters: Data("{}".utf8)))
        let summary = try reader.read(path: ServiceFixtures.catalogue(Self.ownCatalogue).path) { _, _ in }
        providerID = try #require(summary.providers.first).id
        environment = ServiceEnvironment(store: store, configuration: configuration)
        let users = [
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "namur"),
            try NewUser(name: "RH", role: .communeHR, communeCode: Self.ownCommune),
            try NewUser(name: "Prestataire", role: .provider, providerID: providerID),
            try NewUser(name: "Marchés", role: .procurement, territoryID: "namur"),
            try NewUser(name: "Admin", role: .admin),
        ]
        var tokens: [Role: String] = [:]
        for user in users {
            let account = try await store.createUser(user)
            let token = AccessToken.generate()
            try await store.addToken(hash: AccessToken.hash(token), kind: .api, userID: account.id, expiresAt: nil)
            tokens[user.role] = token
        }
        self.tokens = tokens
    }

    /// The provider's own catalogue, not stored by the fixture.
    static let ownCatalogue = "atelier-numerique-public.xcri.xml"
    /// Another provider's catalogue, not stored by the fixture either.
    static let otherCatalogue = "ecole-administration-namur.csv"

    /// The `Authorization` header of `role`'s user.
    func authorization(_ role: Role) -> HTTPFields {
        [.authorization: "Bearer \(tokens[role]!)"]
    }

    /// Imports the rosters and Pix exports of `Samples/<territory>` for each of `territories`.
    static func importSamples(
        _ territories: [String], into store: some DataStore, configuration: Configuration
    ) async throws {
        let vocabulary = RosterVocabulary(configuration: configuration)
        for territory in territories {
            let folder = ServiceFixtures.repository.appending(path: "Samples/\(territory)")
            let roster = folder.appending(path: "roster.csv")
            _ = try await store.importRoster(
                try SourceFile(path: roster.path),
                agents: try RosterReader.read(path: roster.path, vocabulary: vocabulary))
            let exports = try FileManager.default.contentsOfDirectory(
                at: folder.appending(path: "pix"), includingPropertiesForKeys: nil
            ).sorted { $0.path < $1.path }
            _ = try await store.importPixExports(try exports.map { try SourceFile(path: $0.path) }) { file, add in
                let path = exports.first { $0.lastPathComponent == file.name }!.path
                try PixExportReader(path: path, framework: configuration.framework).forEachRow(add)
            }
        }
    }

    private static func plan(
        _ territoryID: String, store: SQLiteStore, configuration: Configuration
    ) async throws -> Int64 {
        let overrides = PlanningOverrides(timeLimitSeconds: 1, seed: 1)
        guard
            let inputs = try await PlanningInputs(
                territoryID: territoryID, configuration: configuration, store: store,
                planningDate: CalendarDay(year: 2026, month: 12, day: 1), overrides: overrides)
        else { throw ServiceTestError("no territory \(territoryID)") }
        let (plan, trace) = PlanJob.solve(inputs.problem)
        let record = PlanRecord(
            territoryID: territoryID, problem: inputs.problem, overrides: overrides,
            unassessedAgents: inputs.unassessedAgents, plan: plan, progress: trace)
        return try await PlanJob.save(
            record, label: "test", in: store, configDirectory: ServiceFixtures.repository.appending(path: "Config"))
    }
}

struct ServiceTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
