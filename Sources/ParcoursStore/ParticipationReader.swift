import Foundation
import GRDB
import ParcoursModel

/// Reads stored participations back into ``PixParticipation`` values.
package enum ParticipationReader {
    static func all(in db: Database) throws -> [PixParticipation] {
        var campaigns: [Int64: PixCampaign] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM campaign") {
            campaigns[row["id"]] = try StoredValues.campaign(row)
        }
        var participations: [PixParticipation] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM participation ORDER BY campaignID, line, id")
        while let row = try rows.next() {
            guard let campaign = campaigns[row["campaignID"]] else { continue }
            participations.append(try participation(row, campaign: campaign))
        }
        return participations
    }

    /// The participation of a `participation` row, whose results are JSON objects (see ``ResultsJSON``).
    package static func participation(_ row: some StoredRow, campaign: PixCampaign) throws -> PixParticipation {
        func results<Value>(_ column: String, _ value: (inout ResultsJSON.Reader) throws -> Value) throws
            -> [CompetenceCode: Value]?
        {
            guard let text = try row.optionalText(column) else { return nil }
            do {
                return try ResultsJSON.object(text, value: value)
            } catch {
                throw StoredResultsError(participationID: try row.identifier("id"), column: column)
            }
        }
        return PixParticipation(
            campaign: campaign, externalID: try row.optionalText("externalID"), lastName: try row.text("lastName"),
            firstName: try row.text("firstName"), shared: try row.flag("shared"),
            sharedAt: try row.optionalDate("sharedAt"),
            levels: try results("levels") { try $0.integer() }, pix: try results("pix") { try $0.integer() },
            mastery: try results("mastery") { try $0.number() },
            skills: try results("skills") { reader in
                let (total, mastered) = try reader.pair()
                return SkillCount(total: total, mastered: mastered)
            },
            estimatedLevels: try results("estimatedLevels") { try $0.integer() },
            extraColumns: ExtraColumns.decode(try row.text("extraColumns")), line: try row.integer("line"))
    }
}

/// A participation's results column that does not hold results. Names the row, never the person.
package struct StoredResultsError: UnreadableStoredData {
    package let participationID: Int64
    package let column: String

    package var description: String { "participation \(participationID): column \(column) does not hold results" }
}
