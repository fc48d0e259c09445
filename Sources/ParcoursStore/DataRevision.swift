import GRDB

/// A number that changes with every committed change of what the pages show: imported files (and so
/// the diagnosis and the catalogues), erased agents, stored plans and jobs. Bumped by the database
/// itself (triggers), in the same transaction as the change, whoever writes: a service instance, another
/// one on the same database, or a `parcours` command. A page kept with the revision it was built at is
/// current while the revision stays the same; read the revision before what the page is built from.
public protocol RevisionStore: Sendable {
    /// The current revision.
    func dataRevision() async throws -> Int64
}

/// The tables whose changes bump the revision, with the changes that count: `agent` rows change
/// without a new file only when erased.
package enum DataRevisionSource {
    package static let tables: [(table: String, events: [String])] = [
        ("importedFile", ["INSERT", "UPDATE", "DELETE"]),
        ("agent", ["UPDATE"]),
        ("plan", ["INSERT", "UPDATE", "DELETE"]),
        ("job", ["INSERT", "UPDATE", "DELETE"]),
    ]
}

/// Migration "v8 data revision" (after "v7 identity links"): the one-row table `dataRevision` and its triggers.
enum RevisionSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 data revision") { db in
            try db.execute(
                sql: """
                    CREATE TABLE dataRevision (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
                    INSERT INTO dataRevision (id, value) VALUES (1, 0);
                    """)
            for (table, events) in DataRevisionSource.tables {
                for event in events {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(event.lowercased())_revision AFTER \(event) ON \(table)
                            BEGIN UPDATE dataRevision SET value = value + 1; END
                            """)
                }
            }
        }
    }
}

extension SQLiteStore: RevisionStore {
    public func dataRevision() async throws -> Int64 {
        try await reading { db in try Int64.fetchOne(db, sql: "SELECT value FROM dataRevision") ?? 0 }
    }
}
