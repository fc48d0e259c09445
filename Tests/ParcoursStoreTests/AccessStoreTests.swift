import Foundation
import ParcoursStore
import Testing

/// The service's users, tokens and audit log, on every backend.
@Suite struct AccessStoreTests {
    @Test(arguments: Backend.available)
    func usersTokensAndAuditRoundTrip(backend: Backend) async throws {
        let store = try await backend.makeStore()
        try await store.checkReachable()
        let coordinator = try await store.createUser(
            try NewUser(name: "Coordination", role: .coordinator, territoryID: "namur"))
        let admin = try await store.createUser(try NewUser(name: "Admin", role: .admin))
        // Creation times come back at the database's precision: users are compared by what identifies them.
        #expect(try await store.users().map(\.id) == [coordinator.id, admin.id])
        #expect(try await store.users().map(\.territoryID) == ["namur", nil])

        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try await store.addToken(hash: "api", kind: .api, userID: coordinator.id, expiresAt: nil)
        try await store.addToken(hash: "session", kind: .session, userID: admin.id, expiresAt: now)
        #expect(try await store.user(tokenHash: "api", at: now)?.id == coordinator.id)
        #expect(try await store.user(tokenHash: "session", at: now.addingTimeInterval(-1))?.role == .admin)
        #expect(try await store.user(tokenHash: "session", at: now) == nil)
        try await store.removeToken(hash: "api")
        #expect(try await store.user(tokenHash: "api", at: now) == nil)
        await #expect(throws: StoreError.self) {
            try await store.addToken(hash: "x", kind: .api, userID: 999, expiresAt: nil)
        }

        let entry = AuditEntry(
            at: now, userID: coordinator.id, route: "/api/communes/:code", subject: "commune", agentCount: 12)
        try await store.appendAudit(entry)
        #expect(try await store.auditEntries() == [entry])
    }
}
