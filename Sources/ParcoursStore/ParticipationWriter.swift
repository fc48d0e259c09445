import Foundation
import GRDB
import ParcoursModel

/// Writes the participations of one export file inside the import's transaction.
///
/// The first row of a campaign already stored from another file removes that campaign's earlier
/// rows (a Pix export always holds a whole campaign: the newer export replaces the older). An
/// export older than the stored one is refused by ``finish()``.
final class ParticipationWriter {
    private let db: Database
    private let fileID: Int64
    private let fileName: String
    /// Campaigns this file replaces: their code and the latest share stored before.
    private var replaced: [Int64: (code: String, latestShare: Date)] = [:]
    /// The latest share of each campaign in this file.
    private var latestShare: [Int64: Date] = [:]
    private let insertParticipation: Statement
    private let insertResult: Statement
    private var campaignRowIDs: [String: Int64] = [:]
    private(set) var count = 0

    init(db: Database, fileID: Int64, fileName: String) throws {
        self.db = db
        self.fileID = fileID
        self.fileName = fileName
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
        if let sharedAt = participation.sharedAt, participation.shared {
            latestShare[campaignID] = max(latestShare[campaignID] ?? sharedAt, sharedAt)
        }
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

    /// Checks, once every row is written, that no campaign was replaced by an older export.
    func finish() throws {
        for (campaignID, previous) in replaced.sorted(by: { $0.key < $1.key }) {
            let incoming = latestShare[campaignID]
            if incoming.map({ $0 < previous.latestShare }) ?? true {
                throw OlderExportError(
                    file: fileName, campaignCode: previous.code, storedLatestShare: previous.latestShare,
                    exportLatestShare: incoming)
            }
        }
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
            if let stored = try Date.fetchOne(
                db, sql: "SELECT MAX(sharedAt) FROM participation WHERE campaignID = ? AND shared",
                arguments: [existing])
            {
                replaced[existing] = (campaign.code, stored)
            }
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
