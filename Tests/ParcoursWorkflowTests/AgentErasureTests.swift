import Foundation
import ParcoursDiagnose
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow
import Testing

/// Erasure that keeps aggregates, end to end on the samples: the diagnosis's figures do not move, and
/// the agent's name and id are gone from the roster, the Pix participations and the stored plans. On
/// SQLite, and on PostgreSQL when `PARCOURS_TEST_POSTGRES_URL` names a server (built with the trait).
@Suite struct AgentErasureTests {
    static var databases: [String] {
        var databases = [":memory:"]
        #if PostgreSQL
            if let url = ProcessInfo.processInfo.environment["PARCOURS_TEST_POSTGRES_URL"], !url.isEmpty {
                let schema = "t_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
                databases.append(url + (url.contains("?") ? "&" : "?") + "schema=\(schema)")
            }
        #endif
        return databases
    }

    /// The store of `database` with the samples and a short plan of Namur; the plan's id.
    static func samplesWithAPlan(_ database: String) async throws -> (any ParcoursDatabase, Int64) {
        let store = try await StoreOpening.open(database)
        let configuration = try WorkflowFixtures.configuration.get()
        try await WorkflowFixtures.importSamples(into: store)
        try await WorkflowFixtures.importCatalogues(try WorkflowFixtures.bundledCatalogues, into: store)
        let overrides = PlanningOverrides(timeLimitSeconds: 1, seed: 1)
        let inputs = try #require(
            try await PlanningInputs(
                territoryID: "namur", configuration: configuration, store: store,
                planningDate: CalendarDay(year: 2026, month: 12, day: 1), overrides: overrides))
        let (plan, trace) = PlanJob.solve(inputs.problem)
        let record = PlanRecord(
            territoryID: "namur", problem: inputs.problem, overrides: overrides,
            unassessedAgents: inputs.unassessedAgents, plan: plan, progress: trace)
        let id = try await PlanJob.save(
            record, label: "test", in: store, configDirectory: WorkflowFixtures.repository.appending(path: "Config"))
        return (store, id)
    }

    /// What the aggregates of a territory's diagnosis show.
    struct Figures: Equatable {
        let overall: GroupAggregate
        let communes: [GroupAggregate]
        let jobFamilies: [GroupAggregate]
        let distributions: [LevelDistribution]

        init(_ diagnosis: TerritoryDiagnosis) {
            overall = diagnosis.overall
            communes = diagnosis.communes
            jobFamilies = diagnosis.jobFamilies
            distributions = diagnosis.distributions
        }
    }

    @Test(arguments: databases)
    func theAggregatesStayAndTheNameGoesEverywhere(database: String) async throws {
        let configuration = try WorkflowFixtures.configuration.get()
        let (store, planID) = try await Self.samplesWithAPlan(database)
        let before = try await DiagnosisAssembly(configuration: configuration, store: store)
        let recordBefore = try PlanRecord(stored: try #require(try await store.plan(id: planID)))
        // An assessed agent that the plan has.
        let namur = try #require(before.territories.first { $0.territory.id == "namur" })
        let candidates = namur.agents.map(\.agent).filter { agent in
            recordBefore.agent(agent.externalID) != nil
        }
        let agent = try #require(candidates.first { before.participationsByAgent[$0.externalID]?.isEmpty == false })
        let linkedBefore = before.participationsByAgent[agent.externalID]!.count
        let assignmentsBefore = recordBefore.plan.assignments.filter { $0.agentID == agent.externalID }.count

        let outcome = try await AgentEraser(store: store, configuration: configuration).erase(
            [AgentEraser.AgentKey(communeCode: agent.communeCode, externalID: agent.externalID)], userID: 7,
            route: "POST /api/agents/{id}/erasure", subject: "agent erasure, commune \(agent.communeCode)")
        #expect(outcome.agents == 1 && outcome.participations == linkedBefore && outcome.plans == [planID])

        // The diagnosis's aggregates do not move; the agent's levels stay, under the surrogate.
        let after = try await DiagnosisAssembly(configuration: configuration, store: store)
        #expect(zip(before.territories, after.territories).allSatisfy { Figures($0) == Figures($1) })
        #expect(after.unmatchedRows == before.unmatchedRows && after.ambiguousRows == before.ambiguousRows)
        let surrogate = try #require(
            try await store.agents().first {
                $0.externalID.hasPrefix(AgentErasure.surrogatePrefix) && $0.communeCode == agent.communeCode
            })
        #expect(after.participationsByAgent[surrogate.externalID]?.count == linkedBefore)

        // The name and id are gone: roster, participations, stored plan.
        func names(_ lastName: String, _ firstName: String) -> Bool {
            lastName == agent.lastName && firstName == agent.firstName
        }
        #expect(
            try await store.agents().allSatisfy {
                $0.externalID != agent.externalID && !names($0.lastName, $0.firstName)
            })
        #expect(
            try await store.participations().allSatisfy {
                $0.externalID != agent.externalID && !names($0.lastName, $0.firstName)
            })
        let stored = try #require(try await store.plan(id: planID))
        let text = String(decoding: stored.document, as: UTF8.self)
        #expect(!text.contains("\"\(agent.externalID)\""))
        let record = try PlanRecord(stored: stored)
        #expect(record.problem.agents.allSatisfy { !names($0.agent.lastName, $0.agent.firstName) })
        let kept = try #require(record.agent(surrogate.externalID))
        #expect(kept.agent.lastName.isEmpty && kept.agent.communeCode == agent.communeCode)
        #expect(record.plan.assignments.filter { $0.agentID == surrogate.externalID }.count == assignmentsBefore)
        #expect(record.plan.assignments.count == recordBefore.plan.assignments.count)

        // One audit entry, without the id; erasing again finds nobody.
        let audit = try await store.auditEntries()
        #expect(audit.count == 1 && audit[0].agentCount == 1 && !audit[0].subject.contains(agent.externalID))
        let key = AgentEraser.AgentKey(communeCode: agent.communeCode, externalID: agent.externalID)
        await #expect(throws: AgentEraser.Refusal.unknownAgent(key)) {
            try await AgentEraser(store: store, configuration: configuration).erase(
                [key], userID: 7, route: "r", subject: "s")
        }
    }
}
