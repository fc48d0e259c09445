import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// A commune's own page, for its HR only: its diagnosis with its agents by name and their needs, and the
/// sessions the latest plan of its territory gives them. Each view is written to the audit log.
struct CommunePage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/communes/{commune}") { request, context in
            let user = try PageAccess(.communeHR).user(of: context, request: request)
            let code = try context.parameters.require("commune")
            guard user.communeCode == code else { throw PageError.forbidden(request, user: user) }
            let (html, agentCount) = try await page(request, user: user, code: code)
            try await AuditTrail(store: environment.store).record(
                user, request: request, context: context, subject: "commune \(code)", agentCount: agentCount)
            return ResponseBody.html(html)
        }
    }

    private func page(_ request: Request, user: UserAccount, code: String) async throws -> (String, Int) {
        let shell = PageShell(request: request, user: user)
        let language = shell.language
        let configuration = environment.configuration
        let assembly = try await environment.diagnosis()
        let report = assembly.report(audience: .commune(code), language: language)
        let name =
            configuration.territory(ofCommune: code)?.commune(code: code)?.name ?? code
        var content =
            "<p class=\"meta\">\(shell.t("Page de la commune : ses agents y sont nommés. Ne la diffusez pas au-delà de la commune.", "The commune's own page: its agents are named. Do not share it beyond the commune."))</p>\n"
        let territoryID = configuration.territory(ofCommune: code)?.id
        if let latest = try await environment.store.plans(territoryID: territoryID).first,
            let documents = try await environment.readableDocuments(
                ofPlan: latest.id, territoryID: territoryID, language: language)
        {
            let planContext = documents.context
            content +=
                "<p>\(shell.t("D’après le plan \(latest.id), le plus récent du territoire.", "From plan \(latest.id), the territory's latest.")) <a href=\"\(shell.link("/communes/\(code)/sessions"))\">\(shell.t("Pourquoi ces sessions", "Why these sessions"))</a></p>\n"
            content += PlanCommuneHTML.agentsSection(planContext, commune: code)
        } else {
            content += "<p>\(shell.t("Aucun plan pour le territoire.", "No plan for the territory yet."))</p>\n"
        }
        content += DiagnosisHTML.sections(report)
        content +=
            "<p><a href=\"\(shell.link("/communes/\(code)/erasure"))\">\(shell.t("Effacer un agent (droit à l’effacement)", "Erase an agent (right to erasure)"))</a></p>\n"
        return (shell.page(title: name, content: content), report.namedAgentCount)
    }
}
