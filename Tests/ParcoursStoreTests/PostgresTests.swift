import Foundation
import ParcoursStore
import Testing

#if PostgreSQL
    import ParcoursPostgres
#endif

/// What is proper to PostgreSQL: migrations, instances opening one database together. The store's
/// behaviour tests run against PostgreSQL too (``Backend``).
@Suite(
    .enabled(
        if: Backend.available.count > 1,
        "PostgreSQL tests skipped: build with --traits PostgreSQL and set PARCOURS_TEST_POSTGRES_URL (eval \"$(scripts/postgres-start.sh)\")"
    ))
struct PostgresTests {
    #if PostgreSQL
        @Test func instancesOpeningANewDatabaseTogetherMigrateItOnce() async throws {
            let database = Backend.postgres.newDatabase()
            let secrets = try await withThrowingTaskGroup(of: [UInt8].self) { group in
                for _ in 0..<4 { group.addTask { try await database.open().pseudonymSecret() } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(secrets.count == 4 && Set(secrets).count == 1 && secrets[0].count == 32)
            // Opened again: nothing left to migrate, the same secret.
            #expect(try await database.open().pseudonymSecret() == secrets[0])
        }

        @Test func anUnreachableServerIsReportedWithoutItsPassword() async throws {
            let location = try #require(PostgresLocation(url: "postgres://parcours:secret@127.0.0.1:1/parcours"))
            let error = await #expect(throws: StoreError.self) { try await PostgresStore(location: location) }
            #expect(error?.location == "postgres://parcours@127.0.0.1:1/parcours")
            #expect(error?.description.contains("secret") == false)
        }
    #endif
}
