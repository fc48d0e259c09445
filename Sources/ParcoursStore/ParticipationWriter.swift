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
    private let insertParticipation: SQLiteInsert
    private var campaignRowIDs: [String: Int64] = [:]
    private var json = ResultsJSON.Writer()
    private(set) var count = 0

    init(db: Database, fileID: Int64, fileName: String) throws {
        self.db = db
        self.fileID = fileID
        self.fileName = fileName
        insertParticipation = try SQLiteInsert(
            """
            INSERT INTO participation
            (campaignID, externalID, lastName, firstName, shared, sharedAt, line, extraColumns,
             levels, pix, mastery, skills, estimatedLevels)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, in: db)
    }

    func add(_ row: PixRow) throws {
        let campaignID = try campaignRowID(row.campaign)
        if let sharedAt = row.sharedAt, row.shared {
            latestShare[campaignID] = max(latestShare[campaignID] ?? sharedAt, sharedAt)
        }
        let insert = insertParticipation
        insert.bind(1, campaignID)
        insert.bind(2, row.externalID)
        insert.bind(3, row.lastName)
        insert.bind(4, row.firstName)
        insert.bind(5, row.shared ? 1 : 0)
        if let sharedAt = row.sharedAt {
            insert.bind(6, StoredDate.text(sharedAt))
        } else {
            insert.bindNull(6)
        }
        insert.bind(7, row.line)
        insert.bind(8, ExtraColumns.encode(row.extraColumns))
        if row.hasProfileResults {
            let results = zip(row.competences, row.profileResults)
            json.write(results.lazy.map { ($0, $1.level) }) { $1.integer($0) }
            insert.bind(9, utf8: json.bytes)
            json.write(results.lazy.map { ($0, $1.pix) }) { $1.integer($0) }
            insert.bind(10, utf8: json.bytes)
        } else {
            insert.bindNull(9)
            insert.bindNull(10)
        }
        if row.hasAssessmentResults {
            let results = zip(row.competences, row.assessmentResults)
            json.write(results.lazy.map { ($0, $1.mastery) }) { $1.number($0) }
            insert.bind(11, utf8: json.bytes)
            json.write(results.lazy.map { ($0, $1.skills) }) { $1.pair($0.total, $0.mastered) }
            insert.bind(12, utf8: json.bytes)
            json.write(results.lazy.map { ($0, $1.estimatedLevel) }) { $1.integer($0) }
            insert.bind(13, utf8: json.bytes)
        } else {
            for column in Int32(11)...13 { insert.bindNull(column) }
        }
        try insert.run()
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
