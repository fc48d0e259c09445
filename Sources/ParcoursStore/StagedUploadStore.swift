import Foundation
import GRDB

/// Uploads waiting for the background job that imports them, kept in the database itself: every
/// instance sharing the database can run the job, with no folder to share between hosts. An upload is
/// discarded when its job ends (done, refused, or failed for good).
public protocol StagedUploadStore: Sendable {
    /// Keeps `bytes` until discarded; answers their id.
    func stageUpload(_ bytes: Data) async throws -> Int64

    /// The bytes staged as `id`; nil once discarded.
    func stagedUpload(id: Int64) async throws -> Data?

    /// Discards upload `id`; nothing happens when it is gone already.
    func discardStagedUpload(id: Int64) async throws

    /// How many uploads wait.
    func stagedUploadCount() async throws -> Int
}

/// The table of staged uploads (SQLite migration "v9 staged uploads").
enum StagedUploadSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 staged uploads") { db in
            try db.create(table: "stagedUpload") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("bytes", .blob).notNull()
                table.column("stagedAt", .datetime).notNull()
            }
        }
    }
}

extension SQLiteStore: StagedUploadStore {
    public func stageUpload(_ bytes: Data) async throws -> Int64 {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO stagedUpload (bytes, stagedAt) VALUES (?, ?)", arguments: [bytes, Date()])
            return db.lastInsertedRowID
        }
    }

    public func stagedUpload(id: Int64) async throws -> Data? {
        try await reading { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM stagedUpload WHERE id = ?", arguments: [id])
        }
    }

    public func discardStagedUpload(id: Int64) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM stagedUpload WHERE id = ?", arguments: [id]) }
    }

    public func stagedUploadCount() async throws -> Int {
        try await reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM stagedUpload") ?? 0 }
    }
}
