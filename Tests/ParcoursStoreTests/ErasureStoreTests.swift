import Foundation
import ParcoursModel
import ParcoursStore
import Testing

/// Erasure that keeps aggregates, on every backend: one transaction, all or nothing.
@Suite struct ErasureStoreTests {
    static let audit = AuditEntry(
        at: Date(timeIntervalSince1970: 1_800_000_000), userID: 3, route: "POST /api/agents/{id}/erasure",
        subject: "agent erasure, commune 92003", agentCount: 1)

    /// Two agents of 92003 with Pix rows of campaign 1001 (lines 2 and 3) and one plan naming agent 1.
    static func filledStore(_ backend: Backend) async throws -> (any ParcoursDatabase, Int64) {
        let store = try await backend.makeStore()
        _ = try await store.importRoster(
            SourceFile(name: "r.csv", contentHash: "r"),
            agents: [StoreTests.agent("1", commune: "92003"), StoreTests.agent("2", commune: "92003")])
        _ = try await store.importPixExport(
            SourceFile(name: "p.csv", contentHash: "p"),
            rows: [StoreTests.profileRow("1", level: 2, line: 2), StoreTests.profileRow("2", level: 3, line: 3)])
        let plan = try await store.savePlan(
            NewPlan(
                territoryID: "namur", label: "p", previousPlanID: nil, inputs: [],
                document: Data(#"{"agent":"1"}"#.utf8)))
        return (store, plan)
    }

    static func erasure(_ externalID: String, plan: Int64, newest: Int64?) -> AgentErasure {
        AgentErasure(
            subjects: [
                AgentErasure.Subject(
                    communeCode: "92003", externalID: externalID, surrogateID: "erased-0001",
                    participations: [ParticipationKey(pixCampaignID: "1001", line: 2)])
            ],
            plans: [AgentErasure.PlanDocument(planID: plan, document: Data(#"{"agent":"erased-0001"}"#.utf8))],
            newestPlanID: newest, audit: audit)
    }

    @Test(arguments: Backend.available)
    func theAgentKeepsWhatAggregatesGroupByUnderTheSurrogate(backend: Backend) async throws {
        let (store, plan) = try await Self.filledStore(backend)
        #expect(try await store.erasedAgentCount() == 0)
        let before = try await store.participations()
        try await store.erase(Self.erasure("1", plan: plan, newest: plan))

        let agents = try await store.agents()
        let erased = try #require(agents.first { $0.externalID == "erased-0001" })
        let original = StoreTests.agent("1", commune: "92003")
        #expect(erased.communeCode == "92003" && erased.jobFamilyID == original.jobFamilyID)
        #expect(erased.statusID == original.statusID && erased.workingTime == original.workingTime)
        #expect(erased.workingDays == original.workingDays && erased.hasCar == original.hasCar)
        #expect(erased.lastName.isEmpty && erased.firstName.isEmpty)
        #expect(erased.equipment.isEmpty && erased.unavailable.isEmpty && erased.languages.isEmpty)
        #expect(agents.contains(StoreTests.agent("2", commune: "92003")), "the other agent is untouched")
        #expect(try await store.erasedAgentCount() == 1)

        let after = try await store.participations()
        #expect(after.count == 2)
        #expect(after[0].externalID == "erased-0001" && after[0].lastName.isEmpty && after[0].firstName.isEmpty)
        #expect(after[0].extraColumns.isEmpty)
        #expect(after[0].levels == before[0].levels && after[0].sharedAt == before[0].sharedAt)
        #expect(after[1] == before[1])
        #expect(try await store.plan(id: plan)?.document == Data(#"{"agent":"erased-0001"}"#.utf8))
        #expect(try await store.auditEntries() == [Self.audit])
    }

    @Test(arguments: Backend.available)
    func nothingChangesWhenTheDatabaseMovedMeanwhile(backend: Backend) async throws {
        let (store, plan) = try await Self.filledStore(backend)
        let agents = try await store.agents()
        let participations = try await store.participations()
        // A plan stored after the erasure was prepared might name the agent.
        await #expect(throws: ErasureConflict.self) {
            try await store.erase(Self.erasure("1", plan: plan, newest: plan - 1))
        }
        // An agent no longer in the roster: the plan rewritten before it is rolled back too.
        await #expect(throws: ErasureConflict.self) {
            try await store.erase(Self.erasure("9", plan: plan, newest: plan))
        }
        #expect(try await store.agents() == agents)
        #expect(try await store.participations() == participations)
        #expect(try await store.plan(id: plan)?.document == Data(#"{"agent":"1"}"#.utf8))
        #expect(try await store.auditEntries().isEmpty)
    }

    @Test(arguments: Backend.available)
    func rosterImportsGiveEachAgentItsImportTime(backend: Backend) async throws {
        let (store, _) = try await Self.filledStore(backend)
        let imports = try await store.rosterImports()
        let importedAt = try #require(try await store.importedFiles().first { $0.name == "r.csv" }).importedAt
        #expect(imports.map(\.externalID) == ["1", "2"])
        #expect(
            imports.allSatisfy { $0.communeCode == "92003" && abs($0.importedAt.timeIntervalSince(importedAt)) < 1 })
    }
}
