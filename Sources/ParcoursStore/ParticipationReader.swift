import Foundation
import GRDB
import ParcoursModel

/// Reads stored participations back into ``PixParticipation`` values.
enum ParticipationReader {
    static func all(in db: Database) throws -> [PixParticipation] {
        var campaigns: [Int64: PixCampaign] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM campaign") {
            campaigns[row["id"]] = PixCampaign(
                organizationName: row["organizationName"], campaignID: row["pixCampaignID"], code: row["code"],
                name: row["name"], kind: PixCampaignKind(rawValue: row["kind"]) ?? .profilesCollection,
                targetProfileName: row["targetProfileName"])
        }
        var participations: [PixParticipation] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM participation ORDER BY campaignID, line, id")
        while let row = try rows.next() {
            guard let campaign = campaigns[row["campaignID"]] else { continue }
            participations.append(try participation(row, campaign: campaign))
        }
        return participations
    }

    private static func participation(_ row: Row, campaign: PixCampaign) throws -> PixParticipation {
        func results<Value>(_ column: String, _ value: (inout ResultsJSON.Reader) throws -> Value) throws
            -> [CompetenceCode: Value]?
        {
            guard let text: String = row[column] else { return nil }
            do {
                return try ResultsJSON.object(text, value: value)
            } catch {
                throw DatabaseError(
                    resultCode: .SQLITE_CORRUPT,
                    message: "participation \(row["id"] as Int64): column \(column) does not hold results")
            }
        }
        return PixParticipation(
            campaign: campaign, externalID: row["externalID"], lastName: row["lastName"],
            firstName: row["firstName"], shared: row["shared"], sharedAt: row["sharedAt"],
            levels: try results("levels") { try $0.integer() }, pix: try results("pix") { try $0.integer() },
            mastery: try results("mastery") { try $0.number() },
            skills: try results("skills") { reader in
                let (total, mastered) = try reader.pair()
                return SkillCount(total: total, mastered: mastered)
            },
            estimatedLevels: try results("estimatedLevels") { try $0.integer() },
            extraColumns: ExtraColumns.decode(row["extraColumns"]), line: row["line"])
    }
}
