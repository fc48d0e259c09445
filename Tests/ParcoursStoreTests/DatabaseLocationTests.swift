import Foundation
import ParcoursStore
import Testing

/// `--database` values: a file path or a PostgreSQL URL.
@Suite struct DatabaseLocationTests {
    @Test func readsAFilePathOrAPostgresURL() throws {
        #expect(try DatabaseLocation("parcours.sqlite") == .sqlite(path: "parcours.sqlite"))
        guard
            case .postgres(let location) = try DatabaseLocation(
                "postgresql://anne:pw@db.example:6432/parcours?schema=namur")
        else {
            Issue.record("not read as PostgreSQL")
            return
        }
        #expect(location.host == "db.example" && location.port == 6432 && location.username == "anne")
        #expect(location.password == "pw" && location.database == "parcours" && location.schema == "namur")
        #expect(location.description == "postgres://anne@db.example:6432/parcours?schema=namur")
        #expect(throws: StoreError.self) { try DatabaseLocation("postgres://") }
        #expect(throws: StoreError.self) { try DatabaseLocation("postgres://u@h/db?schema=x;drop") }
    }
}
