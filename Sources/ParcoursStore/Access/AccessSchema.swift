import GRDB

/// The tables of the service's access (migration "v6 access"): users with their role and scope, their
/// tokens by hash, and the audit log of reads of named data.
enum AccessSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6 access") { db in
            try db.create(table: "serviceUser") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull()
                table.column("role", .text).notNull()
                table.column("territoryID", .text)
                table.column("communeCode", .text)
                table.column("providerID", .text)
                table.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "accessToken") { table in
                table.primaryKey("hash", .text)
                table.column("userID", .integer).notNull().indexed().references("serviceUser", onDelete: .cascade)
                table.column("kind", .text).notNull()
                table.column("createdAt", .datetime).notNull()
                table.column("expiresAt", .datetime)
            }
            try db.create(table: "auditEntry") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .datetime).notNull()
                table.column("userID", .integer).notNull().indexed()
                table.column("route", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("agentCount", .integer).notNull()
            }
        }
    }
}
