import Foundation
import Hummingbird
import ParcoursWorkflow

/// Why each of a commune's agents was assigned their session rather than another they could attend,
/// for that commune's HR (agents by name; audited): the engine's explanation of each assignment, as
/// `parcours explain --agent` words it.
struct SessionChoiceRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/plans/{id}/explanations/communes/{commune}/sessions") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let code = try context.parameters.require("commune")
            try user.requireCommune(code)
            let routes = PlanRoutes(environment: environment)
            let (stored, record) = try await routes.record(context, of: user)
            let explainer = try await routes.explainer(record, id: stored.id, language: request.language)
            guard let choices = explainer.sessionChoices(ofCommune: code) else {
                throw APIError.notFound("commune \(code) in the plan")
            }
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "plan \(stored.id) commune \(code) sessions",
                agentCount: Set(choices.map(\.agent)).count)
            return try ResponseBody.json(["assignments": choices])
        }
    }
}
