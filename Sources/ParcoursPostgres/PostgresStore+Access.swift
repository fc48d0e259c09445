#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: AccessStore {
        public func checkReachable() async throws {
            _ = try await rows("SELECT count(*) AS count FROM serviceUser") { try $0.integer("count") }
        }

        public func createUser(_ user: NewUser) async throws -> UserAccount {
            let createdAt = Date()
            let id = try await rows(
                """
                INSERT INTO serviceUser (name, role, territoryID, communeCode, providerID, createdAt)
                VALUES (\(user.name), \(user.role.rawValue), \(user.territoryID), \(user.communeCode),
                \(user.providerID), \(createdAt)) RETURNING id
                """
            ) { try $0.identifier("id") }[0]
            return UserAccount(
                id: id, name: user.name, role: user.role, territoryID: user.territoryID,
                communeCode: user.communeCode, providerID: user.providerID, createdAt: createdAt)
        }

        public func users() async throws -> [UserAccount] {
            try await rows("SELECT * FROM serviceUser ORDER BY id") { try Self.account($0) }.compactMap { $0 }
        }

        public func addToken(hash: String, kind: TokenKind, userID: Int64, expiresAt: Date?) async throws {
            _ = try await rows(
                """
                INSERT INTO accessToken (hash, userID, kind, createdAt, expiresAt)
                VALUES (\(hash), \(userID), \(kind.rawValue), \(Date()), \(expiresAt)) RETURNING hash
                """
            ) { try $0.text("hash") }
        }

        public func user(tokenHash hash: String, at date: Date) async throws -> UserAccount? {
            try await rows(
                """
                SELECT serviceUser.* FROM accessToken JOIN serviceUser ON serviceUser.id = accessToken.userID
                WHERE accessToken.hash = \(hash) AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > \(date))
                """
            ) { try Self.account($0) }.first ?? nil
        }

        public func removeToken(hash: String) async throws {
            _ = try await rows("DELETE FROM accessToken WHERE hash = \(hash) RETURNING hash") { try $0.text("hash") }
        }

        public func appendAudit(_ entry: AuditEntry) async throws {
            _ = try await rows(
                """
                INSERT INTO auditEntry (at, userID, route, subject, agentCount)
                VALUES (\(entry.at), \(entry.userID), \(entry.route), \(entry.subject), \(entry.agentCount)) RETURNING id
                """
            ) { try $0.identifier("id") }
        }

        public func auditEntries() async throws -> [AuditEntry] {
            try await rows("SELECT * FROM auditEntry ORDER BY id") { row in
                AuditEntry(
                    at: try row.date("at"), userID: try row.identifier("userID"), route: try row.text("route"),
                    subject: try row.text("subject"), agentCount: try row.integer("agentCount"))
            }
        }

        /// The user of a `serviceUser` row; nil for a role this version does not know.
        static func account(_ row: some StoredRow) throws -> UserAccount? {
            guard let role = Role(rawValue: try row.text("role")) else { return nil }
            return UserAccount(
                id: try row.identifier("id"), name: try row.text("name"), role: role,
                territoryID: try row.optionalText("territoryID"), communeCode: try row.optionalText("communeCode"),
                providerID: try row.optionalText("providerID"), createdAt: try row.date("createdAt"))
        }
    }
#endif
