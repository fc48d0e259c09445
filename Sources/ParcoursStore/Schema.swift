import Foundation
import GRDB

/// The database schema, as an ordered list of migrations. Never edit a migration that has
/// shipped: add a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 imports") { db in
            try db.create(table: "setting") { table in
                table.primaryKey("key", .text)
                table.column("value", .blob).notNull()
            }
            try db.execute(
                sql: "INSERT INTO setting (key, value) VALUES (?, ?)",
                arguments: [SettingKey.pseudonymSecret, Data(SettingKey.newPseudonymSecret())])

            try db.create(table: "importedFile") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("name", .text).notNull()
                table.column("contentHash", .text).notNull().unique()
                table.column("kind", .text).notNull()
                table.column("importedAt", .datetime).notNull()
                table.column("rowCount", .integer).notNull()
            }

            try db.create(table: "campaign") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("pixCampaignID", .text).notNull().unique()
                table.column("code", .text).notNull()
                table.column("name", .text).notNull()
                table.column("organizationName", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("targetProfileName", .text)
                table.column("fileID", .integer).notNull().references("importedFile")
            }

            try db.create(table: "participation") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("campaignID", .integer).notNull().indexed().references("campaign", onDelete: .cascade)
                table.column("externalID", .text)
                table.column("lastName", .text).notNull()
                table.column("firstName", .text).notNull()
                table.column("shared", .boolean).notNull()
                table.column("sharedAt", .datetime)
                table.column("line", .integer).notNull()
                table.column("extraColumns", .text).notNull()
            }

            // One row per competence of a participation. Measured levels (profiles collection)
            // and levels estimated from mastery (assessment) are separate columns, never mixed.
            try db.create(table: "participationResult", options: .withoutRowID) { table in
                table.column("participationID", .integer).notNull()
                    .references("participation", onDelete: .cascade)
                table.column("competence", .text).notNull()
                table.column("measuredLevel", .integer)
                table.column("pix", .integer)
                table.column("mastery", .double)
                table.column("skillsTotal", .integer)
                table.column("skillsMastered", .integer)
                table.column("estimatedLevel", .integer)
                table.primaryKey(["participationID", "competence"])
            }

            try db.create(table: "agent") { table in
                table.column("communeCode", .text).notNull()
                table.column("externalID", .text).notNull()
                table.column("lastName", .text).notNull()
                table.column("firstName", .text).notNull()
                table.column("jobFamilyID", .text).notNull()
                table.column("statusID", .text).notNull()
                table.column("equipment", .text).notNull()
                table.column("workingTime", .double).notNull()
                table.column("workingDays", .text).notNull()
                table.column("hasCar", .boolean).notNull()
                table.column("maximumTravelKilometres", .double).notNull()
                table.column("unavailable", .text).notNull()
                table.column("languages", .text).notNull()
                table.column("fileID", .integer).notNull().references("importedFile")
                table.primaryKey(["communeCode", "externalID"])
            }
        }
        CatalogueSchema.register(in: &migrator)
        registerResultsInParticipation(in: &migrator)
        PlanSchema.register(in: &migrator)
        JobSchema.register(in: &migrator)
        AccessSchema.register(in: &migrator)
        IdentityLinkSchema.register(in: &migrator)
        RevisionSchema.register(in: &migrator)
        StagedUploadSchema.register(in: &migrator)
        JobRevisionSchema.register(in: &migrator)
        return migrator
    }
}

extension Schema {
    /// Migration "v3 results in participation": the results of a participation move from one
    /// `participationResult` row per competence into JSON columns of its own row (see
    /// ``ResultsJSON``), one insert per participation instead of seventeen. Every stored result is
    /// converted before the old table is dropped.
    static func registerResultsInParticipation(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3 results in participation") { db in
            try db.alter(table: "participation") { table in
                for column in ["levels", "pix", "mastery", "skills", "estimatedLevels"] {
                    table.add(column: column, .text)
                }
            }
            let update = try db.makeStatement(
                sql: """
                    UPDATE participation SET levels = ?, pix = ?, mastery = ?, skills = ?, estimatedLevels = ?
                    WHERE id = ?
                    """)
            var json = ResultsJSON.Writer()
            var current: Int64?
            var rows: [Row] = []
            func flush() throws {
                guard let current else { return }
                let results = ParticipationResults(resultRows: rows, into: &json)
                try update.execute(arguments: [
                    results.levels, results.pix, results.mastery, results.skills, results.estimatedLevels, current,
                ])
                rows.removeAll(keepingCapacity: true)
            }
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT * FROM participationResult ORDER BY participationID, competence")
            while let row = try cursor.next() {
                let id: Int64 = row["participationID"]
                if id != current {
                    try flush()
                    current = id
                }
                rows.append(row.copy())
            }
            try flush()
            try db.drop(table: "participationResult")
        }
    }
}

/// Keys of the `setting` table.
package enum SettingKey {
    package static let pseudonymSecret = "pseudonym-secret"

    /// A new secret for the pseudonyms of a new database's agents: 32 random bytes.
    package static func newPseudonymSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
