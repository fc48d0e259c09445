import Foundation
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// Erasure of an agent from the commune's page, for its HR: a form asks for the agent's id and an
/// explicit confirmation (erasure cannot be undone), then the same erasure as `POST
/// /api/agents/{id}/erasure` (the aggregates stay) and a page saying what changed and what the commune
/// must still do. The SameSite=Strict session cookie keeps other sites from posting the form.
struct ErasurePage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/communes/{commune}/erasure") { request, context in
            let (user, code) = try commune(request, context: context)
            return ResponseBody.html(form(PageShell(request: request, user: user), code: code, agent: "", problem: nil))
        }
        registry.on(.post, "/communes/{commune}/erasure") { request, context in
            let (user, code) = try commune(request, context: context)
            let shell = PageShell(request: request, user: user)
            let body = try await request.body.collect(upTo: 16 * 1024)
            let fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))) ?? [:]
            let agent = fields["agent"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !agent.isEmpty, fields["confirm"] == "yes" else {
                return ResponseBody.html(
                    form(
                        shell, code: code, agent: agent,
                        problem: shell.language.pick(
                            "Indiquez le matricule de l’agent et cochez la confirmation.",
                            "Give the agent's id and tick the confirmation.")), status: .unprocessableContent)
            }
            let eraser = AgentEraser(store: environment.store, configuration: environment.configuration)
            do {
                let outcome = try await eraser.erase(
                    [AgentEraser.AgentKey(communeCode: code, externalID: agent)], userID: user.id,
                    route: "POST /communes/{commune}/erasure", subject: "agent erasure, commune \(code)")
                return ResponseBody.html(done(outcome, shell: shell, code: code))
            } catch AgentEraser.Refusal.unknownAgent {
                return ResponseBody.html(
                    form(
                        shell, code: code, agent: agent,
                        problem: shell.language.pick(
                            "Aucun agent de matricule « \(agent) » dans la commune : rien n’a été effacé.",
                            "No agent with id '\(agent)' in the commune: nothing was erased.")), status: .notFound)
            }
        }
    }

    /// The signed-in commune HR and the commune of the route, when it is theirs.
    private func commune(_ request: Request, context: ServiceRequestContext) throws -> (UserAccount, String) {
        let user = try PageAccess(.communeHR).user(of: context, request: request)
        let code = try context.parameters.require("commune")
        guard user.communeCode == code else { throw PageError.forbidden(request, user: user) }
        return (user, code)
    }

    private func form(_ shell: PageShell, code: String, agent: String, problem: String?) -> String {
        let error =
            problem.map { "<p class=\"error\" role=\"alert\" id=\"erasure-error\">\(HTMLText.escape($0))</p>\n" } ?? ""
        let described = problem == nil ? "agent-help" : "agent-help erasure-error"
        return shell.page(
            title: shell.language.pick("Effacer un agent", "Erase an agent"),
            content: """
                \(error)<p>\(shell.t("L’effacement retire le nom de l’agent et ses données personnelles du registre, de ses participations Pix et des plans enregistrés ; ses niveaux restent sous un identifiant neutre, pour que les chiffres d’ensemble ne bougent pas. Il ne peut pas être annulé.", "Erasure removes the agent's name and personal details from the roster, their Pix participations and the stored plans; their levels stay under a neutral id, so that the overall figures do not move. It cannot be undone."))</p>
                <form method="post" action="\(shell.link("/communes/\(code)/erasure"))">
                <label for="agent">\(shell.t("Matricule de l’agent", "Agent's id"))</label>
                <p class="help" id="agent-help">\(shell.t("Le matricule du registre de la commune, par exemple \(code)-00002.", "The id in the commune's roster, for example \(code)-00002."))</p>
                <input type="text" id="agent" name="agent" required autocomplete="off" value="\(HTMLText.escape(agent))" aria-describedby="\(described)"\(problem == nil ? "" : " aria-invalid=\"true\"")>
                <p><input type="checkbox" id="confirm" name="confirm" value="yes" required> <label for="confirm" class="inline">\(shell.t("Je confirme l’effacement définitif de cet agent.", "I confirm this agent's permanent erasure."))</label></p>
                <div><button type="submit">\(shell.t("Effacer l’agent", "Erase the agent"))</button></div>
                </form>
                <p><a href="\(shell.link("/communes/\(code)"))">\(shell.t("Retour à la page de la commune", "Back to the commune's page"))</a></p>
                """)
    }

    private func done(_ outcome: AgentEraser.Outcome, shell: PageShell, code: String) -> String {
        let answer = ErasureAnswer(outcome, language: shell.language)
        let plans = answer.plans.map { "\($0)" }.joined(separator: ", ")
        let count = answer.participations
        let participations = shell.language.pick(
            count == 1 ? "1 participation Pix rendue anonyme" : "\(count) participations Pix rendues anonymes",
            count == 1 ? "1 Pix participation made anonymous" : "\(count) Pix participations made anonymous")
        let updated = shell.language.pick(
            plans.isEmpty ? "aucun plan à mettre à jour" : "plans mis à jour : \(plans)",
            plans.isEmpty ? "no plan to update" : "plans updated: \(plans)")
        return shell.page(
            title: shell.language.pick("Agent effacé", "Agent erased"),
            content: """
                <div class="ok" role="status"><p>\(shell.t("L’agent est effacé", "The agent is erased"))\(shell.colon) \(HTMLText.escape(participations))\(shell.language.pick(" ; ", "; "))\(HTMLText.escape(updated)).</p></div>
                <p>\(HTMLText.escape(answer.note))</p>
                <p><a href="\(shell.link("/communes/\(code)"))">\(shell.t("Retour à la page de la commune", "Back to the commune's page"))</a></p>
                """)
    }
}
