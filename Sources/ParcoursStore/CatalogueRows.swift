import Foundation
import GRDB
import ParcoursModel

/// Reads the current catalogues back into model values.
enum CatalogueRows {
    static func currentCourses(in db: Database) throws -> [CatalogueCourse] {
        var competences: [String: [TaughtCompetence]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT cc.* FROM courseCompetence cc JOIN catalogueVersion v ON v.id = cc.versionID
                WHERE v.isCurrent = 1 ORDER BY cc.competence
                """)
        {
            competences[key(row), default: []].append(
                TaughtCompetence(
                    code: CompetenceCode(row["competence"]), entryLevel: row["entryLevel"], exitLevel: row["exitLevel"],
                    source: TagSource(rawValue: row["tagSource"]) ?? .inferred, confidence: row["confidence"]))
        }
        var sessions: [String: [CatalogueSession]] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT s.* FROM courseSession s JOIN catalogueVersion v ON v.id = s.versionID
                WHERE v.isCurrent = 1 ORDER BY s.versionID, s.courseID, s.position
                """)
        {
            sessions[key(row), default: []].append(try session(row))
        }
        return try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, v.providerID FROM course c JOIN catalogueVersion v ON v.id = c.versionID
                WHERE v.isCurrent = 1 ORDER BY v.providerID, c.rowid
                """
        ).map { row in
            let price: Price? = (row["priceAmount"] as Double?).map {
                Price(amount: $0, vat: VATStatus(rawValue: row["priceVAT"] ?? "") ?? .unknown)
            }
            return CatalogueCourse(
                id: row["courseID"], providerID: row["providerID"], title: row["title"], objectives: row["objectives"],
                content: row["content"], prerequisites: row["prerequisites"],
                audience: try JSONText.decode([String].self, row["audience"]),
                formacodes: try JSONText.decode([String].self, row["formacodes"]),
                nsfCodes: try JSONText.decode([String].self, row["nsfCodes"]),
                romeCodes: try JSONText.decode([String].self, row["romeCodes"]), hours: row["hours"], price: price,
                format: TeachingFormat(rawValue: row["format"]) ?? .onSite, language: row["language"],
                competences: competences[key(row)] ?? [], sessions: sessions[key(row)] ?? [], line: row["line"])
        }
    }

    private static func key(_ row: Row) -> String {
        "\(row["versionID"] as Int64)/\(row["courseID"] as String)"
    }

    private static func session(_ row: Row) throws -> CatalogueSession {
        func date(_ column: String) -> SourceDate { (row[column] as String?).flatMap(SourceDate.iso) ?? .unknown }
        func optionalDate(_ column: String) -> SourceDate? { (row[column] as String?).flatMap(SourceDate.iso) }
        func equipment(_ column: String) throws -> [Equipment] {
            try JSONText.decode([String].self, row[column]).compactMap(Equipment.init(rawValue:))
        }
        return CatalogueSession(
            id: row["sessionID"], start: date("startDate"), end: date("endDate"),
            registrationStart: optionalDate("registrationStart"), registrationEnd: optionalDate("registrationEnd"),
            format: TeachingFormat(rawValue: row["format"]) ?? .onSite,
            venue: try (row["venue"] as String?).map { try JSONText.decode(CatalogueVenue.self, $0) },
            minimumSeats: row["minimumSeats"], maximumSeats: row["maximumSeats"], fixedCost: row["fixedCost"],
            seatCost: row["seatCost"], equipmentProvided: try equipment("equipmentProvided"),
            equipmentRequired: try equipment("equipmentRequired"),
            eligibleStatuses: try JSONText.decode([String].self, row["eligibleStatuses"]),
            schedule: try JSONText.decode([DailySlot].self, row["schedule"]), line: row["line"])
    }
}
