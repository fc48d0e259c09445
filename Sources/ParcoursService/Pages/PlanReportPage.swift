import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore

/// A plan's report inside the service's frame (header, sign-out, language, a way back to the dashboard),
/// for whom `GET /api/plans/{id}/report` serves it bare: the coordinator, commune HR and procurement of its
/// territory. Agents appear only as counts; printing leaves the frame out.
struct PlanReportPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/plans/{id}/report") { request, context in
            let user = try PageAccess(.coordinator, .communeHR, .procurement).user(of: context, request: request)
            let shell = PageShell(request: request, user: user)
            let (id, documents) = try await environment.pageDocuments(
                ofPlan: context, user: user, shell: shell, request: request)
            let (title, body) = PlanReportHTML.parts(documents.context)
            let back = """
                <p class="back"><a href="\(shell.link("/"))">\(shell.t("Retour à votre page", "Back to your page"))</a> · \
                <a href="\(shell.link("/api/plans/\(id)/report"))">\(shell.t("Le rapport seul (à enregistrer ou imprimer)", "The report alone (to save or print)"))</a></p>

                """
            return ResponseBody.html(
                shell.page(titleHTML: title, document: back + body, css: PlanReportHTML.css))
        }
    }
}
