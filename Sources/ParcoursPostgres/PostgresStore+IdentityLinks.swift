#if PostgreSQL
    import Foundation
    import ParcoursStore
    import PostgresNIO

    extension PostgresStore: IdentityLinkStore {
        public func linkIdentity(issuer: String, subject: String, userID: Int64) async throws {
            _ = try await rows(
                """
                INSERT INTO identityLink (issuer, subject, userID, linkedAt) VALUES (\(issuer), \(subject), \(userID), \(Date()))
                ON CONFLICT (issuer, subject) DO UPDATE SET userID = excluded.userID, linkedAt = excluded.linkedAt
                RETURNING userID
                """
            ) { try $0.identifier("userID") }
        }

        public func user(issuer: String, subject: String) async throws -> UserAccount? {
            try await rows(
                """
                SELECT serviceUser.* FROM identityLink JOIN serviceUser ON serviceUser.id = identityLink.userID
                WHERE identityLink.issuer = \(issuer) AND identityLink.subject = \(subject)
                """
            ) { try Self.account($0) }.first ?? nil
        }
    }
#endif
