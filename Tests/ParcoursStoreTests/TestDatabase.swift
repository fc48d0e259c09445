import Foundation
import ParcoursStore
import Testing

#if PostgreSQL
    import ParcoursPostgres
#endif

/// The databases the store's behaviour tests run against: SQLite always; PostgreSQL when Parcours is
/// built with the PostgreSQL trait and `PARCOURS_TEST_POSTGRES_URL` names a server
/// (`eval "$(scripts/postgres-start.sh)"` starts one). Without it, the PostgreSQL cases do not run and
/// ``PostgresTests`` is reported skipped, saying why.
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    #if PostgreSQL
        case postgres
    #endif

    var testDescription: String { rawValue }

    /// The backends to test.
    static let available: [Backend] = {
        #if PostgreSQL
            if postgresURL != nil { return [.sqlite, .postgres] }
        #endif
        return [.sqlite]
    }()

    /// The test server's URL, when set.
    static let postgresURL = ProcessInfo.processInfo.environment["PARCOURS_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// A new, empty database.
    func newDatabase() -> TestDatabase {
        let name = "t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        switch self {
        case .sqlite:
            return TestDatabase(
                backend: self, location: FileManager.default.temporaryDirectory.appending(path: "\(name).sqlite").path)
        #if PostgreSQL
            case .postgres:
                // A schema of its own: tests run in parallel on one server.
                var url = URLComponents(string: Self.postgresURL!)!
                url.queryItems = (url.queryItems ?? []) + [URLQueryItem(name: "schema", value: name)]
                return TestDatabase(backend: self, location: url.string!)
        #endif
        }
    }

    /// A store on a new, empty database (in memory for SQLite).
    func makeStore() async throws -> any ParcoursDatabase {
        self == .sqlite ? try SQLiteStore(path: ":memory:") : try await newDatabase().open()
    }
}

/// A test database, opened as many times as a test needs (as several service instances would).
struct TestDatabase: Sendable {
    let backend: Backend
    /// An SQLite file (removed by ``remove()``) or a PostgreSQL URL with its own schema.
    let location: String

    func open() async throws -> any ParcoursDatabase {
        switch backend {
        case .sqlite: return try SQLiteStore(path: location)
        #if PostgreSQL
            case .postgres: return try await PostgresStore(location: PostgresLocation(url: location)!)
        #endif
        }
    }

    /// Removes an SQLite file; a PostgreSQL schema goes with the test server.
    func remove() {
        guard backend == .sqlite else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
    }
}
