import Foundation
import GRDB

/// Who a person signed in with OpenID Connect is: an administrator links the identity provider's subject
/// (`iss` and `sub` of the ID token) to an existing Parcours user. Nobody gets a role from the identity
/// provider alone: an identity without a link signs nobody in.
public protocol IdentityLinkStore: Sendable {
    /// Links `subject` at `issuer` to user `userID` (replacing an earlier link of that subject).
    func linkIdentity(issuer: String, subject: String, userID: Int64) async throws

    /// The user `subject` at `issuer` is linked to; nil when none.
    func user(issuer: String, subject: String) async throws -> UserAccount?
}

/// The table of identity links (SQLite migration "v7 identity links").
enum IdentityLinkSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 identity links") { db in
            try db.create(table: "identityLink") { table in
                table.column("issuer", .text).notNull()
                table.column("subject", .text).notNull()
                table.column("userID", .integer).notNull().indexed().references("serviceUser", onDelete: .cascade)
                table.column("linkedAt", .datetime).notNull()
                table.primaryKey(["issuer", "subject"])
            }
        }
    }
}

extension SQLiteStore: IdentityLinkStore {
    public func linkIdentity(issuer: String, subject: String, userID: Int64) async throws {
        try await writing { db in
            try db.execute(
                sql: """
                    INSERT INTO identityLink (issuer, subject, userID, linkedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (issuer, subject) DO UPDATE SET userID = excluded.userID, linkedAt = excluded.linkedAt
                    """,
                arguments: [issuer, subject, userID, Date()])
        }
    }

    public func user(issuer: String, subject: String) async throws -> UserAccount? {
        try await reading { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT serviceUser.* FROM identityLink JOIN serviceUser ON serviceUser.id = identityLink.userID
                    WHERE identityLink.issuer = ? AND identityLink.subject = ?
                    """,
                arguments: [issuer, subject]
            ).flatMap(Self.account)
        }
    }
}
