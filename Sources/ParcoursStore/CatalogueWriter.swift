import Foundation
import GRDB
import ParcoursModel

/// Writes the courses of one catalogue file inside the import's transaction: the first course of
/// each provider opens a new current version of that provider's catalogue and retires the
/// previous current one (kept, no longer current).
final class CatalogueWriter {
    private let db: Database
    private let fileID: Int64
    private let importedAt = Date()
    private var versions: [String: Int64] = [:]
    private var counts: [Int64: (courses: Int, sessions: Int)] = [:]
    private let insertCourse: SQLiteInsert
    private let insertCompetence: SQLiteInsert
    private let insertSession: SQLiteInsert
    private(set) var courseCount = 0

    init(db: Database, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insertCourse = try SQLiteInsert(
            SQLiteStore.insertSQL(into: "course", columns: CatalogueColumns.course), in: db)
        insertCompetence = try SQLiteInsert(
            SQLiteStore.insertSQL(into: "courseCompetence", columns: CatalogueColumns.competence), in: db)
        insertSession = try SQLiteInsert(
            SQLiteStore.insertSQL(into: "courseSession", columns: CatalogueColumns.session), in: db)
    }

    func add(_ course: CatalogueCourse, provider: CatalogueProvider) throws {
        let version = try versionID(of: provider)
        insertCourse.bind(CatalogueColumns.course(course, versionID: version))
        try insertCourse.run()
        for row in CatalogueColumns.competences(course, versionID: version) {
            insertCompetence.bind(row)
            try insertCompetence.run()
        }
        for row in CatalogueColumns.sessions(course, versionID: version) {
            insertSession.bind(row)
            try insertSession.run()
        }
        counts[version, default: (0, 0)].courses += 1
        counts[version, default: (0, 0)].sessions += course.sessions.count
        courseCount += 1
    }

    /// Records the format and counts of the versions this file made.
    func finish(format: String) throws {
        for (version, count) in counts {
            try db.execute(
                sql: "UPDATE catalogueVersion SET format = ?, courseCount = ?, sessionCount = ? WHERE id = ?",
                arguments: [format, count.courses, count.sessions, version])
        }
    }

    private func versionID(of provider: CatalogueProvider) throws -> Int64 {
        if let known = versions[provider.id] { return known }
        try db.execute(
            sql: """
                INSERT INTO provider (id, name, siret, belgianCompanyNumber, country) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, siret = excluded.siret,
                belgianCompanyNumber = excluded.belgianCompanyNumber, country = excluded.country
                """,
            arguments: [
                provider.id, provider.name, provider.siret, provider.belgianCompanyNumber, provider.country?.rawValue,
            ])
        try db.execute(
            sql: "UPDATE catalogueVersion SET isCurrent = 0 WHERE providerID = ? AND isCurrent = 1",
            arguments: [provider.id])
        try db.execute(
            sql: """
                INSERT INTO catalogueVersion (providerID, fileID, format, importedAt, isCurrent, courseCount, sessionCount)
                VALUES (?, ?, '', ?, 1, 0, 0)
                """,
            arguments: [provider.id, fileID, importedAt])
        let version = db.lastInsertedRowID
        versions[provider.id] = version
        return version
    }
}
