import Foundation
import GRDB
import ParcoursModel

/// Reads the current catalogues back into model values; the row functions serve both stores.
package enum CatalogueRows {
    static func currentCourses(in db: Database) throws -> [CatalogueCourse] {
        let competences = try Row.fetchAll(
            db,
            sql: """
                SELECT cc.* FROM courseCompetence cc JOIN catalogueVersion v ON v.id = cc.versionID
                WHERE v.isCurrent = 1 ORDER BY cc.competence
                """)
        let sessions = try Row.fetchAll(
            db,
            sql: """
                SELECT s.* FROM courseSession s JOIN catalogueVersion v ON v.id = s.versionID
                WHERE v.isCurrent = 1 ORDER BY s.versionID, s.courseID, s.position
                """)
        let courses = try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, v.providerID FROM course c JOIN catalogueVersion v ON v.id = c.versionID
                WHERE v.isCurrent = 1 ORDER BY v.providerID, c.rowid
                """)
        return try assemble(courses: courses, competences: competences, sessions: sessions)
    }

    /// The courses of `courses` rows (with their version's `providerID`), in order, each with its
    /// `competences` and `sessions` rows (in order).
    package static func assemble(
        courses: [some StoredRow], competences: [some StoredRow], sessions: [some StoredRow]
    ) throws -> [CatalogueCourse] {
        var taught: [String: [TaughtCompetence]] = [:]
        for row in competences {
            taught[try key(row), default: []].append(try competence(row))
        }
        var sessionsByCourse: [String: [CatalogueSession]] = [:]
        for row in sessions {
            sessionsByCourse[try key(row), default: []].append(try session(row))
        }
        return try courses.map { row in
            let price: Price? = try row.optionalNumber("priceAmount").map {
                Price(amount: $0, vat: VATStatus(rawValue: try row.optionalText("priceVAT") ?? "") ?? .unknown)
            }
            return CatalogueCourse(
                id: try row.text("courseID"), providerID: try row.text("providerID"), title: try row.text("title"),
                objectives: try row.text("objectives"), content: try row.text("content"),
                prerequisites: try row.text("prerequisites"),
                audience: try JSONText.decode([String].self, row.text("audience")),
                formacodes: try JSONText.decode([String].self, row.text("formacodes")),
                nsfCodes: try JSONText.decode([String].self, row.text("nsfCodes")),
                romeCodes: try JSONText.decode([String].self, row.text("romeCodes")),
                hours: try row.optionalNumber("hours"), price: price,
                format: TeachingFormat(rawValue: try row.text("format")) ?? .onSite,
                language: try row.text("language"), competences: taught[try key(row)] ?? [],
                sessions: sessionsByCourse[try key(row)] ?? [], line: try row.optionalInteger("line"))
        }
    }

    private static func key(_ row: some StoredRow) throws -> String {
        "\(try row.integer("versionID"))/\(try row.text("courseID"))"
    }

    private static func competence(_ row: some StoredRow) throws -> TaughtCompetence {
        TaughtCompetence(
            code: CompetenceCode(try row.text("competence")), entryLevel: try row.integer("entryLevel"),
            exitLevel: try row.integer("exitLevel"),
            source: TagSource(rawValue: try row.text("tagSource")) ?? .inferred,
            confidence: try row.number("confidence"))
    }

    private static func session(_ row: some StoredRow) throws -> CatalogueSession {
        func date(_ column: String) throws -> SourceDate {
            try row.optionalText(column).flatMap(SourceDate.iso) ?? .unknown
        }
        func optionalDate(_ column: String) throws -> SourceDate? {
            try row.optionalText(column).flatMap(SourceDate.iso)
        }
        func equipment(_ column: String) throws -> [Equipment] {
            try JSONText.decode([String].self, row.text(column)).compactMap(Equipment.init(rawValue:))
        }
        return CatalogueSession(
            id: try row.text("sessionID"), start: try date("startDate"), end: try date("endDate"),
            registrationStart: try optionalDate("registrationStart"),
            registrationEnd: try optionalDate("registrationEnd"),
            format: TeachingFormat(rawValue: try row.text("format")) ?? .onSite,
            venue: try row.optionalText("venue").map { try JSONText.decode(CatalogueVenue.self, $0) },
            minimumSeats: try row.optionalInteger("minimumSeats"),
            maximumSeats: try row.optionalInteger("maximumSeats"),
            fixedCost: try row.optionalNumber("fixedCost"), seatCost: try row.optionalNumber("seatCost"),
            equipmentProvided: try equipment("equipmentProvided"),
            equipmentRequired: try equipment("equipmentRequired"),
            eligibleStatuses: try JSONText.decode([String].self, row.text("eligibleStatuses")),
            schedule: try JSONText.decode([DailySlot].self, row.text("schedule")), line: try row.optionalInteger("line")
        )
    }
}
