import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// Why each of a commune's agents goes to their session in the territory's latest plan rather than
/// another they could attend, for that commune's HR (agents by name; audited).
struct SessionChoicesPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/communes/{commune}/sessions") { request, context in
            let user = try PageAccess(.communeHR).user(of: context, request: request)
            let code = try context.parameters.require("commune")
            guard user.communeCode == code else { throw PageError.forbidden(request, user: user) }
            let shell = PageShell(request: request, user: user)
            let title = shell.language.pick("Pourquoi ces sessions", "Why these sessions")
            let territoryID = environment.configuration.territory(ofCommune: code)?.id
            guard let latest = try await environment.store.plans(territoryID: territoryID).first,
                let stored = try await environment.store.plan(id: latest.id),
                let record = try? PlanRecord(stored: stored)
            else {
                let none = "<p>\(shell.t("Aucun plan pour le territoire.", "No plan for the territory yet."))</p>"
                return ResponseBody.html(shell.page(title: title, content: none))
            }
            let explainer = try await PlanRoutes(environment: environment).explainer(
                record, id: latest.id, language: shell.language)
            let choices = explainer.sessionChoices(ofCommune: code) ?? []
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "plan \(latest.id) commune \(code) sessions",
                agentCount: Set(choices.map(\.agent)).count)
            return ResponseBody.html(
                shell.page(title: title, content: content(choices, planID: latest.id, shell: shell)))
        }
    }

    private func content(_ choices: [SessionChoice], planID: Int64, shell: PageShell) -> String {
        // A competence by its code and title, as the other pages name it.
        var competences: [String: String] = [:]
        for competence in environment.configuration.framework.areas.flatMap(\.competences) {
            competences[competence.code.rawValue] = competence.codeAndTitle(in: shell.language)
        }
        var html = """
            <p class="meta">\(shell.t("Page de la commune : ses agents y sont nommés. Ne la diffusez pas au-delà de la commune.", "The commune's own page: its agents are named. Do not share it beyond the commune."))</p>
            <p>\(shell.t("D’après le plan \(planID), le plus récent du territoire : pour chaque agent et chaque compétence, la session retenue et pourquoi pas les autres sessions que l’agent pouvait suivre.", "From plan \(planID), the territory's latest: for each agent and competence, the session chosen and why not the other sessions the agent could attend."))</p>

            """
        if choices.isEmpty {
            html +=
                "<p>\(shell.t("Aucun agent de la commune n’a de session dans ce plan.", "No agent of the commune has a session in this plan."))</p>\n"
        }
        for (agent, rows) in Dictionary(grouping: choices, by: \.agent).sorted(by: { $0.key < $1.key }) {
            let first = rows[0]
            html +=
                "<section><h2>\(HTMLText.escape(first.lastName.uppercased())) \(HTMLText.escape(first.firstName)) (\(HTMLText.escape(agent)))</h2>\n"
            for choice in rows {
                html += """
                    <h3>\(HTMLText.escape(competences[choice.competence] ?? choice.competence))\(shell.colon) \(HTMLText.escape(choice.session))</h3>
                    <p>\(HTMLText.escape(choice.why))</p>

                    """
                if !choice.alternatives.isEmpty {
                    html +=
                        "<ul>"
                        + choice.alternatives.map {
                            "<li>\(HTMLText.escape($0.session)) — \(HTMLText.escape($0.whyNot))</li>"
                        }.joined() + "</ul>\n"
                }
            }
            html += "</section>\n"
        }
        return html
    }
}
