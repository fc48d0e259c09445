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
    private let insertCourse: Statement
    private let insertCompetence: Statement
    private let insertSession: Statement
    private(set) var courseCount = 0

    init(db: Database, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insertCourse = try db.makeStatement(
            sql: """
                INSERT INTO course (versionID, courseID, title, objectives, content, prerequisites, audience,
                formacodes, nsfCodes, romeCodes, hours, priceAmount, priceVAT, format, language, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertCompetence = try db.makeStatement(
            sql: """
                INSERT INTO courseCompetence (versionID, courseID, competence, entryLevel, exitLevel, tagSource, confidence)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        insertSession = try db.makeStatement(
            sql: """
                INSERT INTO courseSession (versionID, courseID, sessionID, position, startDate, endDate,
                registrationStart, registrationEnd, format, venue, minimumSeats, maximumSeats, fixedCost, seatCost,
                equipmentProvided, equipmentRequired, eligibleStatuses, schedule, line)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func add(_ course: CatalogueCourse, provider: CatalogueProvider) throws {
        let version = try versionID(of: provider)
        try insertCourse.execute(arguments: [
            version, course.id, course.title, course.objectives, course.content, course.prerequisites,
            try JSONText.encode(course.audience), try JSONText.encode(course.formacodes),
            try JSONText.encode(course.nsfCodes), try JSONText.encode(course.romeCodes), course.hours,
            course.price?.amount, course.price?.vat.rawValue, course.format.rawValue, course.language, course.line,
        ])
        for competence in course.competences {
            try insertCompetence.execute(arguments: [
                version, course.id, competence.code.rawValue, competence.entryLevel, competence.exitLevel,
                competence.source.rawValue, competence.confidence,
            ])
        }
        for (position, session) in course.sessions.enumerated() {
            try insertSession.execute(arguments: [
                version, course.id, session.id, position, session.start.iso, session.end.iso,
                session.registrationStart?.iso, session.registrationEnd?.iso, session.format.rawValue,
                try session.venue.map(JSONText.encode), session.minimumSeats, session.maximumSeats, session.fixedCost,
                session.seatCost, try JSONText.encode(session.equipmentProvided.map(\.rawValue)),
                try JSONText.encode(session.equipmentRequired.map(\.rawValue)),
                try JSONText.encode(session.eligibleStatuses), try JSONText.encode(session.schedule), session.line,
            ])
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

/// JSON text for the list and object columns of the catalogue tables.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
