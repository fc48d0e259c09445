import GRDB

/// A number that changes with every committed change of what the pages show: imported files (and so
/// the diagnosis and the catalogues), erased agents, stored plans, and jobs enqueued or changing state or
/// result (not a heartbeat's progress or lease: a running plan does not make every page stale). Bumped
/// by the database itself (triggers), in the same transaction as the change, whoever writes: a service
/// instance, another one on the same database, or a `parcours` command. A page kept with the revision it was built at is
/// current while the revision stays the same; read the revision before what the page is built from.
public protocol RevisionStore: Sendable {
    /// The current revision.
    func dataRevision() async throws -> Int64
}

/// The tables whose changes bump the revision, with the changes that count: `agent` rows change
/// without a new file only when erased.
package enum DataRevisionSource {
    /// The tables and events of the first triggers (SQLite "v8 data revision", PostgreSQL "v7 data
    /// revision"), as they shipped; ``jobColumns`` narrowed the job's updates since.
    package static let tables: [(table: String, events: [String])] = [
        ("importedFile", ["INSERT", "UPDATE", "DELETE"]),
        ("agent", ["UPDATE"]),
        ("plan", ["INSERT", "UPDATE", "DELETE"]),
        ("job", ["INSERT", "UPDATE", "DELETE"]),
    ]

    /// The columns of `job` whose change bumps the revision (SQLite "v10 job revision", PostgreSQL "v9
    /// job revision"): what the pages show of a job. A heartbeat (`heartbeatAt`, `progress`) does not:
    /// it comes every few seconds while a plan runs, and would render every dashboard again each time.
    package static let jobColumns = ["state", "result"]

    /// The condition, in SQL both databases read, that a job's update changed one of ``jobColumns``.
    package static var jobChanged: String {
        jobColumns.map { "OLD.\($0) IS DISTINCT FROM NEW.\($0)" }.joined(separator: " OR ")
    }
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

/// Migration "v10 job revision" (after "v9 staged uploads"): a job's update bumps the revision only when
/// it changes one of ``DataRevisionSource/jobColumns``.
enum JobRevisionSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10 job revision") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER job_update_revision;
                    CREATE TRIGGER job_update_revision AFTER UPDATE ON job WHEN \(DataRevisionSource.jobChanged)
                    BEGIN UPDATE dataRevision SET value = value + 1; END
                    """)
        }
    }
}

extension SQLiteStore: RevisionStore {
    public func dataRevision() async throws -> Int64 {
        try await reading { db in try Int64.fetchOne(db, sql: "SELECT value FROM dataRevision") ?? 0 }
    }
}
