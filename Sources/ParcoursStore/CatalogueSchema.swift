import GRDB

/// The tables of provider catalogues (migration "v2 catalogues"): providers, the versions of
/// each provider's catalogue (one per imported file; only the latest is current, older ones are
/// kept), and the courses, competences and sessions of each version.
enum CatalogueSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 catalogues") { db in
            try db.create(table: "provider") { table in
                table.primaryKey("id", .text)
                table.column("name", .text).notNull()
                table.column("siret", .text)
                table.column("belgianCompanyNumber", .text)
                table.column("country", .text)
            }
            try db.create(table: "catalogueVersion") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("providerID", .text).notNull().indexed().references("provider")
                table.column("fileID", .integer).notNull().references("importedFile")
                table.column("format", .text).notNull()
                table.column("importedAt", .datetime).notNull()
                table.column("isCurrent", .boolean).notNull()
                table.column("courseCount", .integer).notNull()
                table.column("sessionCount", .integer).notNull()
            }
            try db.create(table: "course") { table in
                table.column("versionID", .integer).notNull().references("catalogueVersion", onDelete: .cascade)
                table.column("courseID", .text).notNull()
                table.column("title", .text).notNull()
                table.column("objectives", .text).notNull()
                table.column("content", .text).notNull()
                table.column("prerequisites", .text).notNull()
                table.column("audience", .text).notNull()
                table.column("formacodes", .text).notNull()
                table.column("nsfCodes", .text).notNull()
                table.column("romeCodes", .text).notNull()
                table.column("hours", .double)
                table.column("priceAmount", .double)
                table.column("priceVAT", .text)
                table.column("format", .text).notNull()
                table.column("language", .text).notNull()
                table.column("line", .integer)
                table.primaryKey(["versionID", "courseID"])
            }
            try db.create(table: "courseCompetence", options: .withoutRowID) { table in
                table.column("versionID", .integer).notNull()
                table.column("courseID", .text).notNull()
                table.column("competence", .text).notNull()
                table.column("entryLevel", .integer).notNull()
                table.column("exitLevel", .integer).notNull()
                table.column("tagSource", .text).notNull()
                table.column("confidence", .double).notNull()
                table.primaryKey(["versionID", "courseID", "competence"])
                table.foreignKey(["versionID", "courseID"], references: "course", onDelete: .cascade)
            }
            try db.create(table: "courseSession") { table in
                table.column("versionID", .integer).notNull()
                table.column("courseID", .text).notNull()
                table.column("sessionID", .text).notNull()
                table.column("position", .integer).notNull()
                // ISO 8601 at the source's precision (YYYY-MM-DD or YYYY-MM), NULL when unknown.
                table.column("startDate", .text)
                table.column("endDate", .text)
                table.column("registrationStart", .text)
                table.column("registrationEnd", .text)
                table.column("format", .text).notNull()
                table.column("venue", .text)
                table.column("minimumSeats", .integer)
                table.column("maximumSeats", .integer)
                table.column("fixedCost", .double)
                table.column("seatCost", .double)
                table.column("equipmentProvided", .text).notNull()
                table.column("equipmentRequired", .text).notNull()
                table.column("eligibleStatuses", .text).notNull()
                table.column("schedule", .text).notNull()
                table.column("line", .integer)
                table.primaryKey(["versionID", "courseID", "position"])
                table.foreignKey(["versionID", "courseID"], references: "course", onDelete: .cascade)
            }
        }
    }
}
