import GRDB

/// The table of the durable job queue (migration "v5 jobs", see ``JobQueue``): one row per job, with
/// its JSON parameters, progress and result, its state, attempts, owner and heartbeat.
enum JobSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 jobs") { db in
            try db.create(table: "job") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("territoryID", .text).indexed()
                table.column("parameters", .text).notNull()
                table.column("state", .text).notNull()
                table.column("progress", .text)
                table.column("result", .text)
                table.column("attempts", .integer).notNull()
                table.column("owner", .text)
                table.column("heartbeatAt", .datetime)
                table.column("error", .text)
                table.column("createdAt", .datetime).notNull()
                table.column("startedAt", .datetime)
                table.column("finishedAt", .datetime)
            }
            try db.create(index: "job_state", on: "job", columns: ["state", "id"])
        }
    }
}
