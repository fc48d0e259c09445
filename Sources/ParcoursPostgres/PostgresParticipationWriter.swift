#if PostgreSQL
    import Foundation
    import ParcoursModel
    import ParcoursStore
    import PostgresNIO

    /// Writes the participations of one export file inside the import's transaction, as the SQLite
    /// store's writer does (a newer export of a stored campaign replaces it, an older one is refused by
    /// ``finish()``), copying the rows in batches of about a mebibyte while the file is still being read.
    final class PostgresParticipationWriter {
        static let columns = [
            "campaignID", "externalID", "lastName", "firstName", "shared", "sharedAt", "line", "extraColumns",
            "levels", "pix", "mastery", "skills", "estimatedLevels",
        ]
        private static let batchBytes = 1 << 20

        private let store: PostgresStore
        private let bridge: ConnectionBridge
        private let fileID: Int64
        private let fileName: String
        private var replacements = CampaignReplacements()
        private var campaignRowIDs: [String: Int64] = [:]
        private var rows = CopyRows(capacity: batchBytes + (batchBytes >> 2))
        private var json = ResultsJSON.Writer()
        private(set) var count = 0

        init(store: PostgresStore, bridge: ConnectionBridge, fileID: Int64, fileName: String) {
            self.store = store
            self.bridge = bridge
            self.fileID = fileID
            self.fileName = fileName
        }

        func add(_ row: PixRow) throws {
            let campaignID = try campaignRowID(row.campaign)
            replacements.add(row, campaignID: campaignID)
            rows.field(Int(campaignID))
            if let externalID = row.externalID { rows.field(text: externalID) } else { rows.null() }
            rows.field(text: row.lastName)
            rows.field(text: row.firstName)
            rows.field(row.shared)
            if let sharedAt = row.sharedAt { rows.field(sharedAt) } else { rows.null() }
            rows.field(row.line)
            rows.field(text: ExtraColumns.encode(row.extraColumns))
            json.resultColumns(of: row) { bytes in
                if let bytes { rows.field(utf8: bytes) } else { rows.null() }
            }
            rows.endRow()
            count += 1
            if rows.bytes.count >= Self.batchBytes { try flush() }
        }

        /// Copies the last rows, then checks that no campaign was replaced by an older export.
        func finish() throws {
            try flush()
            try replacements.check(file: fileName)
        }

        private func flush() throws {
            guard !rows.isEmpty else { return }
            let batch = rows.take()
            try bridge.submit { [store] connection in
                try await store.copy(batch, into: "participation", columns: Self.columns, on: connection)
            }
        }

        private func campaignRowID(_ campaign: PixCampaign) throws -> Int64 {
            if let known = campaignRowIDs[campaign.campaignID] { return known }
            // Rows of other campaigns waiting in the batch go first: the bridge runs work in order.
            let fileID = fileID
            let (rowID, storedLatestShare) = try bridge.perform { [store] connection in
                try await Self.upsert(campaign, fileID: fileID, on: connection, logger: store.logger)
            }
            if let storedLatestShare {
                replacements.replace(campaignID: rowID, code: campaign.code, storedLatestShare: storedLatestShare)
            }
            campaignRowIDs[campaign.campaignID] = rowID
            return rowID
        }

        /// Stores `campaign` and returns its row id; when it was stored before, removes its rows and
        /// returns also the latest share they had.
        private static func upsert(
            _ campaign: PixCampaign, fileID: Int64, on connection: PostgresConnection, logger: Logger
        ) async throws -> (Int64, Date?) {
            let existing = try await connection.query(
                "SELECT id FROM campaign WHERE pixCampaignID = \(campaign.campaignID)", logger: logger
            ).decode(Int64.self).first { _ in true }
            guard let existing else {
                let inserted = try await connection.query(
                    """
                    INSERT INTO campaign (code, name, organizationName, kind, targetProfileName, fileID, pixCampaignID)
                    VALUES (\(campaign.code), \(campaign.name), \(campaign.organizationName), \(campaign.kind.rawValue),
                    \(campaign.targetProfileName), \(fileID), \(campaign.campaignID)) RETURNING id
                    """, logger: logger)
                return (try await inserted.decode(Int64.self).first { _ in true }!, nil)
            }
            let latest =
                try await connection.query(
                    "SELECT MAX(sharedAt) FROM participation WHERE campaignID = \(existing) AND shared", logger: logger
                ).decode(Date?.self).first { _ in true } ?? nil
            try await connection.query("DELETE FROM participation WHERE campaignID = \(existing)", logger: logger)
            try await connection.query(
                """
                UPDATE campaign SET code = \(campaign.code), name = \(campaign.name),
                organizationName = \(campaign.organizationName), kind = \(campaign.kind.rawValue),
                targetProfileName = \(campaign.targetProfileName), fileID = \(fileID) WHERE id = \(existing)
                """, logger: logger)
            return (existing, latest)
        }
    }
#endif
