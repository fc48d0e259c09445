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
        var results: [Int64: [Row]] = [:]
        let resultRows = try Row.fetchCursor(db, sql: "SELECT * FROM participationResult")
        while let row = try resultRows.next() {
            results[row["participationID"], default: []].append(row.copy())
        }
        var participations: [PixParticipation] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM participation ORDER BY campaignID, line, id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            guard let campaign = campaigns[row["campaignID"]] else { continue }
            participations.append(participation(row, campaign: campaign, results: results[id] ?? []))
        }
        return participations
    }

    private static func participation(_ row: Row, campaign: PixCampaign, results: [Row]) -> PixParticipation {
        var levels: [CompetenceCode: Int] = [:]
        var pix: [CompetenceCode: Int] = [:]
        var mastery: [CompetenceCode: Double] = [:]
        var skills: [CompetenceCode: SkillCount] = [:]
        var estimated: [CompetenceCode: Int] = [:]
        for result in results {
            let code = CompetenceCode(result["competence"])
            levels[code] = result["measuredLevel"]
            pix[code] = result["pix"]
            mastery[code] = result["mastery"]
            estimated[code] = result["estimatedLevel"]
            if let total: Int = result["skillsTotal"], let mastered: Int = result["skillsMastered"] {
                skills[code] = SkillCount(total: total, mastered: mastered)
            }
        }
        return PixParticipation(
            campaign: campaign, externalID: row["externalID"], lastName: row["lastName"],
            firstName: row["firstName"], shared: row["shared"], sharedAt: row["sharedAt"],
            levels: levels.isEmpty ? nil : levels, pix: pix.isEmpty ? nil : pix,
            mastery: mastery.isEmpty ? nil : mastery, skills: skills.isEmpty ? nil : skills,
            estimatedLevels: estimated.isEmpty ? nil : estimated,
            extraColumns: ExtraColumns.decode(row["extraColumns"]), line: row["line"])
    }
}
