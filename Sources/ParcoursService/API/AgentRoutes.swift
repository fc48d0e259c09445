import Foundation
import Hummingbird
import ParcoursDiagnose
import ParcoursModel
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow

/// An agent's own data, for the HR of the agent's commune (GDPR right of access): the roster record,
/// the Pix participations linked to it, the needs the diagnosis found, and what each stored plan of the
/// territory gives the agent. Another commune's agent is not found.
struct AgentRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/agents/{id}/export") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let id = try context.parameters.require("id")
            let export = try await export(agentID: id, communeCode: user.communeCode ?? "")
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "agent export", agentCount: 1)
            return try ResponseBody.json(export)
        }
    }

    private func export(agentID: String, communeCode: String) async throws -> AgentExport {
        let assembly = try await environment.diagnosis()
        guard
            let diagnosis = assembly.territories.lazy.flatMap(\.agents).first(where: {
                $0.agent.externalID == agentID && $0.agent.communeCode == communeCode
            })
        else { throw APIError.notFound("agent \(agentID) of commune \(communeCode)") }
        let territoryID = environment.configuration.territory(ofCommune: communeCode)?.id
        var plans: [AgentExport.Plan] = []
        for summary in try await environment.store.plans(territoryID: territoryID) {
            guard let stored = try await environment.store.plan(id: summary.id),
                let record = try? PlanRecord(stored: stored), record.agent(agentID) != nil
            else { continue }
            plans.append(
                AgentExport.Plan(
                    id: summary.id, createdAt: summary.createdAt,
                    assignments: record.plan.assignments.filter { $0.agentID == agentID },
                    unmetNeeds: record.plan.unmetNeeds.filter { $0.need.agentID == agentID }))
        }
        return AgentExport(
            agent: diagnosis.agent, participations: assembly.participationsByAgent[agentID] ?? [],
            needs: diagnosis.needs, plans: plans)
    }
}

/// Everything Parcours holds about one agent.
struct AgentExport: Encodable {
    struct Plan: Encodable {
        let id: Int64
        let createdAt: Date
        let assignments: [PlanAssignment]
        let unmetNeeds: [UnmetNeed]
    }

    let agent: Agent
    let participations: [PixParticipation]
    let needs: [Need]
    let plans: [Plan]
}
