import Foundation
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// The stored plans of the user's territory, and their documents: the report (agents only as counts),
/// plan.json (agents by pseudonym: the coordinator's), and a commune's or an agent's explanation (agents
/// by name: that commune's HR only; audited). A plan of another territory is not found.
struct PlanRoutes {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/api/plans") { _, context in
            let user = try AccessRule(.coordinator, .communeHR, .procurement).user(of: context)
            let territoryID = user.territoryID(in: environment.configuration)
            let plans = try await environment.store.plans(territoryID: territoryID).map(PlanEntry.init)
            return try ResponseBody.json(["plans": plans])
        }
        registry.on(.get, "/api/plans/{id}") { _, context in
            let user = try AccessRule(.coordinator, .communeHR, .procurement).user(of: context)
            let stored = try await plan(context, of: user)
            return try ResponseBody.json(PlanDetail(stored))
        }
        registry.on(.get, "/api/plans/{id}/report") { request, context in
            let user = try AccessRule(.coordinator, .communeHR, .procurement).user(of: context)
            let (_, documents) = try await documents(context, of: user, language: request.language)
            return ResponseBody.text(
                PlanReportHTML.render(documents.context), contentType: "text/html; charset=utf-8")
        }
        registry.on(.get, "/api/plans/{id}/plan.json") { request, context in
            // Agents by pseudonym only: not a read of named data, so not audited.
            let user = try AccessRule(.coordinator).user(of: context)
            let text = try context.parameters.require("id")
            guard let id = Int64(text),
                let json = try await readable({
                    try await environment.plans.planJSON(
                        ofPlan: id, territoryID: user.territoryID(in: environment.configuration),
                        language: request.language, environment: environment)
                })
            else { throw APIError.notFound("plan \(text)") }
            return ResponseBody.json(data: json)
        }
        registry.on(.get, "/api/plans/{id}/explanations/communes/{commune}") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let code = try context.parameters.require("commune")
            try user.requireCommune(code)
            let (id, documents) = try await documents(context, of: user, language: request.language)
            let record = documents.record
            let explainer = ExplainLines(documents, planID: id)
            guard let lines = explainer.commune(code) else { throw APIError.notFound("commune \(code) in the plan") }
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "plan \(id) commune \(code)",
                agentCount: record.problem.agents.filter { $0.agent.communeCode == code }.count)
            return try ResponseBody.json(["lines": lines])
        }
        registry.on(.get, "/api/plans/{id}/explanations/agents/{agent}") { request, context in
            let user = try AccessRule(.communeHR).user(of: context)
            let agentID = try context.parameters.require("agent")
            let (id, documents) = try await documents(context, of: user, language: request.language)
            let record = documents.record
            // Another commune's agent is not found: its existence is not the user's to know.
            guard record.agent(agentID)?.agent.communeCode == user.communeCode,
                let lines = ExplainLines(documents, planID: id).agent(agentID)
            else { throw APIError.notFound("agent \(agentID) in the plan") }
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "plan \(id) agent", agentCount: 1)
            return try ResponseBody.json(["lines": lines])
        }
    }

    /// The plan the route's `{id}` names, when it belongs to the user's territory; 404 otherwise.
    func plan(_ context: ServiceRequestContext, of user: UserAccount) async throws -> StoredPlan {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), let stored = try await environment.store.plan(id: id),
            stored.summary.territoryID == user.territoryID(in: environment.configuration)
        else { throw APIError.notFound("plan \(text)") }
        return stored
    }

    func record(
        _ context: ServiceRequestContext, of user: UserAccount
    ) async throws -> (StoredPlan, PlanRecord) {
        let stored = try await plan(context, of: user)
        do {
            return (stored, try PlanRecord(stored: stored))
        } catch {
            throw APIError(status: .internalServerError, message: error.message(in: .english))
        }
    }

    /// The plan the route's `{id}` names, decoded, with the context of its documents in `language`, when
    /// it belongs to the user's territory; 404 otherwise.
    private func documents(
        _ context: ServiceRequestContext, of user: UserAccount, language: Language
    ) async throws -> (id: Int64, documents: PlanCache.Documents) {
        let text = try context.parameters.require("id")
        guard let id = Int64(text),
            let documents = try await readable({
                try await environment.plans.documents(
                    ofPlan: id, territoryID: user.territoryID(in: environment.configuration), language: language,
                    environment: environment)
            })
        else { throw APIError.notFound("plan \(text)") }
        return (id, documents)
    }

    /// What `read` reads of a stored plan; a plan whose document cannot be read is a server error.
    private func readable<T>(_ read: () async throws -> T) async throws -> T {
        do {
            return try await read()
        } catch let error as PlanRecordError {
            throw APIError(status: .internalServerError, message: error.message(in: .english))
        }
    }
}

extension PlanRoutes {
    /// The explanations of plan `id` in `language`, in the wording of its documents.
    func explainer(_ record: PlanRecord, id: Int64, language: Language) async throws -> ExplainLines {
        let planContext = try await PlanContext(
            record: record, id: id, store: environment.store, configuration: environment.configuration,
            language: language)
        return ExplainLines(wording: PlanWording(context: planContext), record: record, planID: id)
    }
}

extension ExplainLines {
    /// The explanations of stored plan `planID`, in the wording of its documents.
    init(_ documents: PlanCache.Documents, planID: Int64) {
        self.init(wording: PlanWording(context: documents.context), record: documents.record, planID: planID)
    }
}

/// A plan in a list: its identity, without its document.
struct PlanEntry: Encodable {
    let id: Int64
    let createdAt: Date
    let territory: String
    let label: String
    let previousPlanID: Int64?

    init(_ summary: PlanSummary) {
        id = summary.id
        createdAt = summary.createdAt
        territory = summary.territoryID
        label = summary.label
        previousPlanID = summary.previousPlanID
    }
}

/// A plan with what it was made from and where its documents are.
struct PlanDetail: Encodable {
    let plan: PlanEntry
    let inputs: [PlanInput]
    let documents: [String: String]

    init(_ stored: StoredPlan) {
        plan = PlanEntry(stored.summary)
        inputs = stored.inputs
        documents = [
            "report": "/api/plans/\(stored.id)/report", "plan.json": "/api/plans/\(stored.id)/plan.json",
        ]
    }
}
