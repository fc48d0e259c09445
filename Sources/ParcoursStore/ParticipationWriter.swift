import Foundation
import GRDB
import ParcoursModel

/// Writes the participations of one export file inside the import's transaction.
///
/// The first row of a campaign already stored from another file removes that campaign's earlier
/// rows (a Pix export always holds a whole campaign: the newer export replaces the older).
final class ParticipationWriter {
    private let db: Database
    private let fileID: Int64
    private let insertParticipation: Statement
    private let insertResult: Statement
    private var campaignRowIDs: [String: Int64] = [:]
    private(set) var count = 0

    init(db: Database, fileID: Int64) throws {
        self.db = db
        self.fileID = fileID
        insertParticipation = try db.makeStatement(
            sql: """
                INSERT INTO participation
                (campaignID, externalID, lastName, firstName, shared, sharedAt, line, extraColumns)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
        insertResult = try db.makeStatement(
            sql: """
                INSERT INTO participationResult
                (participationID, competence, measuredLevel, pix, mastery, skillsTotal, skillsMastered, estimatedLevel)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
    }

    func add(_ participation: PixParticipation) throws {
        let campaignID = try campaignRowID(participation.campaign)
        try insertParticipation.execute(arguments: [
            campaignID, participation.externalID, participation.lastName, participation.firstName,
            participation.shared, participation.sharedAt, participation.line,
            ExtraColumns.encode(participation.extraColumns),
        ])
        let participationID = db.lastInsertedRowID
        // The competences any of the row's results covers (at most 16: a linear scan is cheapest;
        // their order does not matter to the table).
        var codes: [CompetenceCode] = []
        func collect(_ keys: some Sequence<CompetenceCode>) {
            for code in keys where !codes.contains(code) { codes.append(code) }
        }
        if let levels = participation.levels { collect(levels.keys) }
        if let pix = participation.pix { collect(pix.keys) }
        if let mastery = participation.mastery { collect(mastery.keys) }
        if let skills = participation.skills { collect(skills.keys) }
        if let estimated = participation.estimatedLevels { collect(estimated.keys) }
        for code in codes {
            let skills = participation.skills?[code]
            try insertResult.execute(arguments: [
                participationID, code.rawValue, participation.levels?[code], participation.pix?[code],
                participation.mastery?[code], skills?.total, skills?.mastered, participation.estimatedLevels?[code],
            ])
        }
        count += 1
    }

    private func campaignRowID(_ campaign: PixCampaign) throws -> Int64 {
        if let known = campaignRowIDs[campaign.campaignID] { return known }
        let arguments: StatementArguments = [
            campaign.code, campaign.name, campaign.organizationName, campaign.kind.rawValue,
            campaign.targetProfileName, fileID, campaign.campaignID,
        ]
        let rowID: Int64
        if let existing = try Int64.fetchOne(
            db, sql: "SELECT id FROM campaign WHERE pixCampaignID = ?", arguments: [campaign.campaignID])
        {
            try db.execute(sql: "DELETE FROM participation WHERE campaignID = ?", arguments: [existing])
            try db.execute(
                sql: """
                    UPDATE campaign SET code = ?, name = ?, organizationName = ?, kind = ?, targetProfileName = ?,
                    fileID = ? WHERE pixCampaignID = ?
                    """, arguments: arguments)
            rowID = existing
        } else {
            try db.execute(
                sql: """
                    INSERT INTO campaign (code, name, organizationName, kind, targetProfileName, fileID, pixCampaignID)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: arguments)
            rowID = db.lastInsertedRowID
        }
        campaignRowIDs[campaign.campaignID] = rowID
        return rowID
    }
}

/// The extra columns of a participation, stored as a JSON object with sorted keys.
enum ExtraColumns {
    static func encode(_ columns: [String: String]) -> String {
        guard !columns.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(columns)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
