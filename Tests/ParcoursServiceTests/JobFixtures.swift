import Foundation
import Logging
import ParcoursCatalogue
import ParcoursConfig
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Testing

@testable import ParcoursService

/// The databases the job tests run on: an SQLite file always; PostgreSQL when Parcours is built with the
/// PostgreSQL trait and `PARCOURS_TEST_POSTGRES_URL` names a server (`eval "$(scripts/postgres-start.sh)"`).
enum JobBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    var testDescription: String { rawValue }

    static let postgresURL = ProcessInfo.processInfo.environment["PARCOURS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    static let available: [JobBackend] = {
        #if PostgreSQL
            if postgresURL != nil { return [.sqlite, .postgres] }
        #endif
        return [.sqlite]
    }()
}

/// A database of its own, opened as many times as a test runs instances: a territory's samples and its
/// catalogue (Bastia's by default: small plans; Namur's plan runs for seconds when its time limit allows).
struct JobDatabase: Sendable {
    /// An SQLite file, or a PostgreSQL URL with a schema of its own.
    let location: String

    static let planningDate = CalendarDay(year: 2026, month: 12, day: 1)

    /// The catalogue of each territory's samples.
    static let catalogues = [
        "bastia": "formations-numeriques-haute-corse.lheo.xml", "namur": "centre-informatique-mosan.lheo.xml",
    ]

    static func make(_ backend: JobBackend, territory: String = "bastia") async throws -> JobDatabase {
        let name = "jobs_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let temporary = FileManager.default.temporaryDirectory
        let location: String
        switch backend {
        case .sqlite: location = temporary.appending(path: "\(name).sqlite").path
        case .postgres:
            var url = URLComponents(string: JobBackend.postgresURL!)!
            url.queryItems = (url.queryItems ?? []) + [URLQueryItem(name: "schema", value: name)]
            location = url.string!
        }
        let database = JobDatabase(location: location)
        let store = try await StoreOpening.open(location)
        let configuration = try ServiceFixtures.configuration.get()
        try await TenantWorld.importSamples([territory], into: store, configuration: configuration)
        let reader = CatalogueReader(options: CatalogueReadOptions(configuration: configuration))
        _ = try await CatalogueImport.run(
            path: ServiceFixtures.catalogue(catalogues[territory]!).path, into: store, reader: reader)
        return database
    }

    /// A service instance on the database, with its own connections, named `instance` in the queue.
    func environment(
        instance: String, staleAfter: Duration = .seconds(30), backgroundImportBytes: Int = 4 * 1024 * 1024
    ) async throws -> ServiceEnvironment {
        ServiceEnvironment(
            store: try await StoreOpening.open(location), configuration: try ServiceFixtures.configuration.get(),
            jobs: JobSettings(
                instance: instance, workers: 2, heartbeatInterval: .milliseconds(100), staleAfter: staleAfter,
                pollInterval: .milliseconds(50), maximumAttempts: 2, backgroundImportBytes: backgroundImportBytes,
                temporaryFolder: JobSettings.temporaryFolder(forDatabase: location)))
    }

    /// Removes an SQLite file; a PostgreSQL schema goes with the test server.
    func remove() {
        guard !location.hasPrefix("postgres") else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
    }

    /// The parameters of a plan of `territory`, a short one by default.
    static func plan(
        seed: UInt64, label: String, territory: String = "bastia", timeLimitSeconds: Double = 0.2
    ) -> PlanJobParameters {
        PlanJobParameters(
            order: PlanOrder(
                territoryID: territory, overrides: PlanningOverrides(timeLimitSeconds: timeLimitSeconds, seed: seed),
                label: label, planningDate: planningDate), language: .french)
    }
}

enum JobRunning {
    /// A logger that keeps the tests' output quiet.
    static let logger = {
        var logger = Logger(label: "parcours-test")
        logger.logLevel = .critical
        return logger
    }()

    /// Runs a job runner on each of `environments` until `done` holds (at most two minutes), then stops them.
    static func run(
        _ environments: [ServiceEnvironment], until done: @escaping @Sendable () async throws -> Bool
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for environment in environments {
                group.addTask { try await JobRunner(environment: environment, logger: logger).run() }
            }
            try await wait("the jobs to end", until: done)
            group.cancelAll()
        }
    }

    /// Waits until `holds` does (at most two minutes), polling.
    static func wait(_ what: String, until holds: @Sendable () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(120)
        while try await !holds() {
            guard ContinuousClock.now < deadline else { throw ServiceTestError("waited in vain for \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether every job of `ids` has ended (done or failed).
    static func ended(_ ids: [Int64], in store: any JobQueue) async throws -> Bool {
        for id in ids {
            guard let job = try await store.job(id: id), job.state == .done || job.state == .failed else {
                return false
            }
        }
        return true
    }
}
