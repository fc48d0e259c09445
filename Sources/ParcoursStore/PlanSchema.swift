import GRDB

/// The tables of training plans (migration "v4 plans"): one row per plan with its JSON document, and
/// the files and settings each plan was made from.
enum PlanSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4 plans") { db in
            try db.create(table: "plan") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("createdAt", .datetime).notNull()
                table.column("territoryID", .text).notNull().indexed()
                table.column("label", .text).notNull()
                table.column("previousPlanID", .integer).references("plan")
                table.column("document", .blob).notNull()
            }
            try db.create(table: "planInput") { table in
                table.column("planID", .integer).notNull().indexed().references("plan", onDelete: .cascade)
                table.column("kind", .text).notNull()
                table.column("name", .text).notNull()
                table.column("contentHash", .text).notNull()
            }
        }
    }
}
