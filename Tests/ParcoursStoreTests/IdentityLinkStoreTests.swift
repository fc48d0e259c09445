import Foundation
import ParcoursStore
import Testing

/// OpenID Connect identities linked to users, on every backend.
@Suite struct IdentityLinkStoreTests {
    @Test(arguments: Backend.available)
    func aLinkedSubjectFindsItsUserAndALinkCanMove(backend: Backend) async throws {
        let store = try await backend.makeStore()
        let first = try await store.createUser(try NewUser(name: "A", role: .coordinator, territoryID: "namur"))
        let second = try await store.createUser(try NewUser(name: "B", role: .admin))
        #expect(try await store.user(issuer: "https://idp", subject: "s1") == nil)
        try await store.linkIdentity(issuer: "https://idp", subject: "s1", userID: first.id)
        #expect(try await store.user(issuer: "https://idp", subject: "s1")?.id == first.id)
        #expect(try await store.user(issuer: "https://other", subject: "s1") == nil)
        try await store.linkIdentity(issuer: "https://idp", subject: "s1", userID: second.id)
        #expect(try await store.user(issuer: "https://idp", subject: "s1")?.role == .admin)
        await #expect(throws: StoreError.self) {
            try await store.linkIdentity(issuer: "https://idp", subject: "s2", userID: 999)
        }
    }
}
