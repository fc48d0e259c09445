import Foundation
import Hummingbird
import ParcoursModel
import ParcoursWorkflow

/// Erasure of an agent that keeps the aggregates (GDPR art. 17), for the HR of the agent's commune:
/// names and personal details go, from the roster, the Pix participations and the stored plans, in one
/// transaction with one audit entry; the agent's levels stay under a surrogate id, so the diagnosis and
/// its aggregates do not move. Another commune's agent is not found.
struct ErasureRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.post, "/api/agents/{id}/erasure") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let id = try context.parameters.require("id")
            let commune = user.communeCode ?? ""
            let eraser = AgentEraser(store: environment.store, configuration: environment.configuration)
            let outcome: AgentEraser.Outcome
            do {
                outcome = try await eraser.erase(
                    [AgentEraser.AgentKey(communeCode: commune, externalID: id)], userID: user.id,
                    route: "POST /api/agents/{id}/erasure", subject: "agent erasure, commune \(commune)")
            } catch AgentEraser.Refusal.unknownAgent {
                throw APIError.notFound("agent \(id) of commune \(commune)")
            } catch let refusal as AgentEraser.Refusal {
                throw APIError(status: .internalServerError, message: refusal.message(in: .english))
            }
            return try ResponseBody.json(ErasureAnswer(outcome, language: request.language))
        }
    }
}

/// What an erasure changed, and what the commune must still do.
struct ErasureAnswer: Encodable {
    let agents: Int
    let participations: Int
    let plans: [Int64]
    let note: String

    init(_ outcome: AgentEraser.Outcome, language: Language) {
        agents = outcome.agents
        participations = outcome.participations
        plans = outcome.plans
        note = language.pick(
            "Retirez aussi l’agent du registre de la commune : le prochain import du registre le ferait revenir.",
            "Also remove the agent from the commune's roster: the next roster import would bring them back.")
    }
}
