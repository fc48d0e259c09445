import Foundation
import GRDB

extension SQLiteStore: AccessStore {
    public func checkReachable() async throws {
        _ = try await reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM serviceUser") }
    }

    public func createUser(_ user: NewUser) async throws -> UserAccount {
        try await writing { db in
            let createdAt = Date()
            try db.execute(
                sql: """
                    INSERT INTO serviceUser (name, role, territoryID, communeCode, providerID, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    user.name, user.role.rawValue, user.territoryID, user.communeCode, user.providerID, createdAt,
                ])
            return UserAccount(
                id: db.lastInsertedRowID, name: user.name, role: user.role, territoryID: user.territoryID,
                communeCode: user.communeCode, providerID: user.providerID, createdAt: createdAt)
        }
    }

    public func users() async throws -> [UserAccount] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM serviceUser ORDER BY id").compactMap(Self.account)
        }
    }

    public func addToken(hash: String, kind: TokenKind, userID: Int64, expiresAt: Date?) async throws {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO accessToken (hash, userID, kind, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [hash, userID, kind.rawValue, Date(), expiresAt])
        }
    }

    public func user(tokenHash hash: String, at date: Date) async throws -> UserAccount? {
        try await reading { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT serviceUser.* FROM accessToken JOIN serviceUser ON serviceUser.id = accessToken.userID
                    WHERE accessToken.hash = ? AND (accessToken.expiresAt IS NULL OR accessToken.expiresAt > ?)
                    """,
                arguments: [hash, date])
            return row.flatMap(Self.account)
        }
    }

    public func removeToken(hash: String) async throws {
        try await writing { db in try db.execute(sql: "DELETE FROM accessToken WHERE hash = ?", arguments: [hash]) }
    }

    public func appendAudit(_ entry: AuditEntry) async throws {
        try await writing { db in
            try db.execute(
                sql: "INSERT INTO auditEntry (at, userID, route, subject, agentCount) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.at, entry.userID, entry.route, entry.subject, entry.agentCount])
        }
    }

    public func auditEntries() async throws -> [AuditEntry] {
        try await reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY id").map {
                AuditEntry(
                    at: $0["at"], userID: $0["userID"], route: $0["route"], subject: $0["subject"],
                    agentCount: $0["agentCount"])
            }
        }
    }

    /// The user of a `serviceUser` row; nil for a role this version does not know.
    static func account(_ row: Row) -> UserAccount? {
        guard let role = Role(rawValue: row["role"]) else { return nil }
        return UserAccount(
            id: row["id"], name: row["name"], role: role, territoryID: row["territoryID"],
            communeCode: row["communeCode"], providerID: row["providerID"], createdAt: row["createdAt"])
    }
}
