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
    private var replacements = CampaignReplacements()
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
        replacements.add(row, campaignID: campaignID)
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
        var column: Int32 = 9
        json.resultColumns(of: row) { bytes in
            if let bytes {
                insert.bind(column, utf8: bytes)
            } else {
                insert.bindNull(column)
            }
            column += 1
        }
        try insert.run()
        count += 1
    }

    /// Checks, once every row is written, that no campaign was replaced by an older export.
    func finish() throws {
        try replacements.check(file: fileName)
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
            replacements.replace(
                campaignID: existing, code: campaign.code,
                storedLatestShare: try Date.fetchOne(
                    db, sql: "SELECT MAX(sharedAt) FROM participation WHERE campaignID = ? AND shared",
                    arguments: [existing]))
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
package enum ExtraColumns {
    package static func encode(_ columns: [String: String]) -> String {
        guard !columns.isEmpty else { return "{}" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(columns)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    package static func decode(_ text: String) -> [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}
