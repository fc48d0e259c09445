import Hummingbird
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// The diagnosis as JSON (schema `parcours-diagnosis` v1): a territory's for those who work in it or
/// serve it, with agents listed by pseudonym for its coordinator only; a commune's, naming its agents,
/// for that commune's HR only (audited). Figures over too few agents are suppressed as in every report.
struct DiagnosisRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/territories/{territory}/diagnosis") { request, context in
            let user = try AccessRule(.coordinator, .communeHR, .provider, .procurement).user(of: context)
            let territoryID = try context.parameters.require("territory")
            guard environment.configuration.territory(id: territoryID) != nil else {
                throw APIError.notFound("territory \(territoryID)")
            }
            let audience: DiagnosisReport.Audience
            switch user.role {
            case .coordinator:
                try user.requireTerritory(territoryID, in: environment.configuration)
                audience = .territories
            case .communeHR, .procurement:
                try user.requireTerritory(territoryID, in: environment.configuration)
                audience = .aggregates
            case .provider, .admin:
                audience = .aggregates
            }
            return try await answer(
                request, context, user: user, audience: audience, territoryID: territoryID,
                subject: "territory \(territoryID)")
        }
        registry.on(.get, "/api/communes/{commune}/diagnosis") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let code = try context.parameters.require("commune")
            try user.requireCommune(code)
            return try await answer(
                request, context, user: user, audience: .commune(code),
                territoryID: environment.configuration.territory(ofCommune: code)?.id, subject: "commune \(code)")
        }
    }

    private func answer(
        _ request: Request, _ context: ServiceRequestContext, user: UserAccount, audience: DiagnosisReport.Audience,
        territoryID: String?, subject: String
    ) async throws -> Response {
        let assembly = try await environment.diagnosis()
        let report = assembly.report(audience: audience, language: request.language, territoryID: territoryID)
        let named = report.namedAgentCount
        if named > 0 {
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: subject, agentCount: named)
        }
        return ResponseBody.json(data: try DiagnosisJSON.encode(report))
    }
}
