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
            let shell = PageShell(request: request, user: user)
            let (id, documents) = try await environment.pageDocuments(
                ofPlan: context, user: user, shell: shell, request: request)
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
