import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// A plan's unmet needs with their reasons, for its territory's coordinator: counted by commune and
/// reason, then need by need with the agent's pseudonym and the nearest change that would cover it.
/// Names stay with each commune's HR (their commune page and explanations, audited); this page, naming
/// nobody, is not audited.
struct UnmetNeedsPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/plans/{id}/unmet-needs") { request, context in
            let user = try PageAccess(.coordinator).user(of: context, request: request)
            let text = try context.parameters.require("id")
            let shell = PageShell(request: request, user: user)
            guard let id = Int64(text),
                let documents = try await environment.readableDocuments(
                    ofPlan: id, territoryID: user.territoryID(in: environment.configuration), language: shell.language)
            else {
                throw PageError.notFound(
                    request, user: user, what: shell.language.pick("Aucun plan \(text).", "No plan \(text)."))
            }
            let (record, planContext) = (documents.record, documents.context)
            let content =
                PlanUnmetNeedsHTML.sections(planContext)
                + "<p><a href=\"\(shell.link("/plans/\(id)/report"))\">\(shell.t("Rapport du plan", "Plan report"))</a> · <a href=\"\(shell.link("/territories/\(record.territoryID)"))\">\(shell.t("Retour au tableau de bord", "Back to the dashboard"))</a></p>\n"
            return ResponseBody.html(
                shell.page(
                    title: shell.language.pick("Plan \(id) — besoins non couverts", "Plan \(id) — unmet needs"),
                    content: content))
        }
    }
}
