#if PostgreSQL
    import Foundation
    import ParcoursModel
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: DataStore {
        public func importPixExports(
            _ files: [SourceFile],
            rows produce: (_ file: SourceFile, _ add: (PixRow) throws -> Void) throws -> Void
        ) async throws -> [ImportOutcome] {
            try await importing { bridge in
                try files.map { file in
                    if let date = try previousImport(of: file, through: bridge) { return .alreadyImported(on: date) }
                    let fileID = try insert(file, kind: .pixExport, through: bridge)
                    let writer = PostgresParticipationWriter(
                        store: self, bridge: bridge, fileID: fileID, fileName: file.name)
                    try produce(file) { try writer.add($0) }
                    try writer.finish()
                    try setRowCount(writer.count, ofFile: fileID, through: bridge)
                    return .imported(rows: writer.count)
                }
            }
        }

        public func importRoster(_ file: SourceFile, agents: [Agent]) async throws -> ImportOutcome {
            try await importing { bridge in
                if let date = try previousImport(of: file, through: bridge) { return .alreadyImported(on: date) }
                let fileID = try insert(file, kind: .roster, through: bridge)
                let communes = Set(agents.map(\.communeCode)).sorted()
                var rows = CopyRows()
                for agent in agents { rows.append(AgentColumns.values(agent, fileID: fileID)) }
                let buffer = rows.take()
                try bridge.perform { connection in
                    try await connection.query(
                        "DELETE FROM agent WHERE communeCode = ANY(\(communes))", logger: self.logger)
                    try await self.copy(buffer, into: "agent", columns: AgentColumns.names, on: connection)
                }
                try setRowCount(agents.count, ofFile: fileID, through: bridge)
                return .imported(rows: agents.count)
            }
        }

        public func agents() async throws -> [Agent] {
            try await rows(
                "SELECT * FROM agent ORDER BY communeCode COLLATE \"C\", externalID COLLATE \"C\""
            ) { try AgentColumns.agent($0) }
        }

        public func participations() async throws -> [PixParticipation] {
            var campaigns: [Int64: PixCampaign] = [:]
            for (id, campaign) in try await rows(
                "SELECT * FROM campaign", { (try $0.identifier("id"), try StoredValues.campaign($0)) })
            {
                campaigns[id] = campaign
            }
            return try await rows("SELECT * FROM participation ORDER BY campaignID, line, id") { row in
                try ParticipationReader.participation(row, campaign: campaigns[try row.identifier("campaignID")]!)
            }
        }

        public func importedFiles() async throws -> [ImportedFile] {
            try await rows("SELECT * FROM importedFile ORDER BY id") { try StoredValues.importedFile($0) }
        }

        public func pseudonymSecret() async throws -> [UInt8] {
            try await rows("SELECT value FROM setting WHERE key = \(SettingKey.pseudonymSecret)") {
                Array(try $0.bytes("value"))
            }.first ?? []
        }

        // MARK: - Helpers (shared with the catalogue import)

        /// Copies `rows` (``CopyRows``) into `columns` of `table`.
        func copy(_ rows: ByteBuffer, into table: String, columns: [String], on connection: PostgresConnection)
            async throws
        {
            // COPY quotes the names it is given: PostgreSQL's names of unquoted identifiers are lower case.
            try await connection.copyFrom(
                table: table.lowercased(), columns: columns.map { $0.lowercased() }, logger: logger
            ) { writer in
                try await writer.write(rows)
            }
        }

        func previousImport(of file: SourceFile, through bridge: ConnectionBridge) throws -> Date? {
            try bridge.perform { connection in
                let rows = try await connection.query(
                    "SELECT importedAt FROM importedFile WHERE contentHash = \(file.contentHash)", logger: self.logger)
                for try await date in rows.decode(Date.self) { return date }
                return nil
            }
        }

        func insert(_ file: SourceFile, kind: ImportKind, through bridge: ConnectionBridge) throws -> Int64 {
            try bridge.perform { connection in
                let rows = try await connection.query(
                    """
                    INSERT INTO importedFile (name, contentHash, kind, importedAt, rowCount)
                    VALUES (\(file.name), \(file.contentHash), \(kind.rawValue), \(Date()), 0) RETURNING id
                    """, logger: self.logger)
                return try await rows.decode(Int64.self).first { _ in true }!
            }
        }

        func setRowCount(_ count: Int, ofFile fileID: Int64, through bridge: ConnectionBridge) throws {
            try bridge.perform { connection in
                _ = try await connection.query(
                    "UPDATE importedFile SET rowCount = \(count) WHERE id = \(fileID)", logger: self.logger)
            }
        }
    }
#endif
