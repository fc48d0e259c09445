import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ParcoursService
import ParcoursStore
import Testing

/// What the JSON API answers each role, beyond access: who sees names, pseudonyms or aggregates only,
/// and the audit log of reads of agents' data.
@Suite struct DataRoutesTests {
    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    static func agents(ofDiagnosis document: [String: Any]) -> [[String: Any]] {
        (document["territories"] as? [[String: Any]] ?? []).flatMap { $0["agents"] as? [[String: Any]] ?? [] }
    }

    @Test func theDiagnosisNamesAgentsOnlyForTheirCommune() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            // The provider: aggregates, no agent at all.
            try await client.execute(
                uri: "/api/territories/namur/diagnosis", method: .get, headers: world.authorization(.provider)
            ) { response in
                let document = try Self.json(response.body)
                #expect((document["audience"] as? [String: Any])?["kind"] as? String == "aggregates")
                #expect(Self.agents(ofDiagnosis: document).isEmpty)
                let communes = (document["territories"] as? [[String: Any]])?.first?["communes"] as? [[String: Any]]
                #expect(communes?.contains { $0["code"] as? String == TenantWorld.ownCommune } == true)
            }
            // The coordinator: agents by pseudonym, never by name.
            try await client.execute(
                uri: "/api/territories/namur/diagnosis", method: .get, headers: world.authorization(.coordinator)
            ) { response in
                let agents = Self.agents(ofDiagnosis: try Self.json(response.body))
                #expect(agents.count == 325)
                #expect(agents.allSatisfy { $0["lastName"] == nil && ($0["id"] as? String)?.hasPrefix("92") == false })
            }
            // The commune's HR: its own agents, by name.
            try await client.execute(
                uri: "/api/communes/\(TenantWorld.ownCommune)/diagnosis?lang=en", method: .get,
                headers: world.authorization(.communeHR)
            ) { response in
                let document = try Self.json(response.body)
                #expect(document["language"] as? String == "en")
                let agents = Self.agents(ofDiagnosis: document)
                #expect(agents.count == 122)
                #expect(
                    agents.allSatisfy { ($0["id"] as? String)?.hasPrefix("92045-") == true && $0["lastName"] != nil })
            }
        }
    }

    @Test func readsOfAgentsDataAreAuditedWithoutTheData() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            try await client.execute(
                uri: "/api/agents/\(TenantWorld.ownAgent)/export", method: .get,
                headers: world.authorization(.communeHR)
            ) { response in
                #expect(response.status == .ok)
                let export = try Self.json(response.body)
                let agent = try #require(export["agent"] as? [String: Any])
                #expect(agent["externalID"] as? String == TenantWorld.ownAgent)
                #expect(!(export["participations"] as? [Any] ?? []).isEmpty)
                #expect((export["plans"] as? [[String: Any]])?.map { $0["id"] as? Int } == [Int(world.namurPlan)])
            }
            try await client.execute(uri: "/api/audit", method: .get, headers: world.authorization(.admin)) {
                response in
                let text = String(buffer: response.body)
                let entries = try #require(try Self.json(response.body)["entries"] as? [[String: Any]])
                let export = try #require(entries.first { $0["route"] as? String == "GET /api/agents/{id}/export" })
                #expect(export["agents"] as? Int == 1)
                #expect(export["subject"] as? String == "agent export")
                // The log holds neither the agent's id nor a name.
                #expect(!text.contains(TenantWorld.ownAgent))
            }
        }
    }

    @Test func onlyReadsOfNamedDataAreAudited() async throws {
        let world = try await TenantWorld.shared.value
        let commune = "/api/communes/\(TenantWorld.ownCommune)/diagnosis"
        try await ServiceFixtures.withClient(world.environment) { client in
            // The coordinator's reads show agents by pseudonym only.
            for uri in ["/api/plans/\(world.namurPlan)/plan.json", "/api/territories/namur/diagnosis"] {
                try await client.execute(uri: uri, method: .get, headers: world.authorization(.coordinator)) {
                    response in
                    #expect(response.status == .ok)
                }
            }
            // The commune's HR reads its agents by name.
            try await client.execute(uri: commune, method: .get, headers: world.authorization(.communeHR)) {
                response in
                #expect(response.status == .ok)
            }
        }
        let entries = try await world.store.auditEntries()
        #expect(!entries.contains { $0.route == "GET /api/plans/{id}/plan.json" })
        #expect(!entries.contains { $0.route == "GET /api/territories/{territory}/diagnosis" })
        let named = try #require(entries.last { $0.route == "GET /api/communes/{commune}/diagnosis" })
        #expect(named.subject == "commune \(TenantWorld.ownCommune)" && named.agentCount > 0)
    }

    @Test func plansAreListedForTheUsersTerritoryOnly() async throws {
        let world = try await TenantWorld.shared.value
        try await ServiceFixtures.withClient(world.environment) { client in
            try await client.execute(uri: "/api/plans", method: .get, headers: world.authorization(.procurement)) {
                response in
                let plans = try #require(try Self.json(response.body)["plans"] as? [[String: Any]])
                #expect(plans.map { $0["id"] as? Int } == [Int(world.namurPlan)])
                #expect(plans.allSatisfy { $0["territory"] as? String == "namur" })
            }
            try await client.execute(
                uri: "/api/plans/\(world.namurPlan)/explanations/communes/\(TenantWorld.ownCommune)?lang=en",
                method: .get, headers: world.authorization(.communeHR)
            ) { response in
                let lines = try #require(try Self.json(response.body)["lines"] as? [String])
                #expect(
                    lines.first?.hasPrefix("Plan \(world.namurPlan) — commune \(TenantWorld.ownCommune): 122 agents")
                        == true)
            }
        }
    }
}
