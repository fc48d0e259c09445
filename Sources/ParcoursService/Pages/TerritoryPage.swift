import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// A territory's dashboard, for its coordinator and its procurement: the diagnosis (figures, map,
/// heatmap by commune and competence, levels) with agents only as counts, the stored plans with their
/// reports and tender packages, and the unmet needs of the latest plan by reason.
struct TerritoryPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/territories/{territory}") { request, context in
            let user = try PageAccess(.coordinator, .procurement).user(of: context, request: request)
            let territoryID = try context.parameters.require("territory")
            guard user.territoryID(in: environment.configuration) == territoryID else {
                throw PageError.forbidden(request, user: user)
            }
            return ResponseBody.html(try await page(request, user: user, territoryID: territoryID))
        }
    }

    /// The page: its content as kept by ``DashboardCache`` for the data revision, in the user's frame.
    private func page(_ request: Request, user: UserAccount, territoryID: String) async throws -> String {
        let shell = PageShell(request: request, user: user)
        let language = shell.language
        let revision = try await environment.store.dataRevision()
        let content = try await environment.dashboards.content(
            for: DashboardCache.Key(territoryID: territoryID, language: language, role: user.role),
            revision: revision
        ) { [environment] in
            try await TerritoryPage(environment: environment).content(shell: shell, territoryID: territoryID)
        }
        let territory = environment.configuration.territory(id: territoryID)
        let name = territory.map { language.pick($0.name, $0.nameEN) } ?? territoryID
        return shell.page(title: language.pick("Tableau de bord — ", "Dashboard — ") + name, content: content)
    }

    /// What the page shows, the same for every user of a role: nothing of `shell`'s user but the role.
    private func content(shell: PageShell, territoryID: String) async throws -> String {
        let language = shell.language
        let role = shell.user?.role
        let assembly = try await environment.diagnosis()
        let report = assembly.report(audience: .aggregates, language: language, territoryID: territoryID)
        let plans = try await environment.store.plans(territoryID: territoryID)
        var content =
            report.territories.allSatisfy({ $0.agents.isEmpty })
            ? "<p>\(shell.t("Aucun agent importé pour ce territoire.", "No agent imported for this territory."))</p>\n"
            : DiagnosisHTML.sections(report)
        content += "<section><h2>\(shell.t("Plans de formation", "Training plans"))</h2>\n"
        if plans.isEmpty {
            content +=
                "<p>\(shell.t("Aucun plan pour l’instant.", "No plan yet."))</p>\n"
        } else {
            content += """
                <table><caption class="note">\(shell.t("Du plus récent au plus ancien", "Newest first"))</caption>
                <thead><tr><th scope="col">\(shell.t("Plan", "Plan"))</th><th scope="col">\(shell.t("Établi le", "Made on"))</th>\
                <th scope="col">\(shell.t("Libellé", "Label"))</th><th scope="col">\(shell.t("Rapport", "Report"))</th>\
                <th scope="col">\(shell.t("Consultation", "Tender"))</th></tr></thead><tbody>

                """
            for plan in plans {
                let date = ISO8601DateFormatter.string(
                    from: plan.createdAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
                content += """
                    <tr><td>\(plan.id)</td><td>\(date)</td><td>\(HTMLText.escape(plan.label))</td>\
                    <td><a href="\(shell.link("/plans/\(plan.id)/report"))">\(shell.t("rapport du plan", "plan report")) \(plan.id)</a>\
                    \(role == .coordinator ? " · <a href=\"\(shell.link("/plans/\(plan.id)/unmet-needs"))\">\(shell.t("besoins non couverts", "unmet needs"))</a>" : "")</td>\
                    <td><a href="\(shell.link("/plans/\(plan.id)/tender"))">\(shell.t("dossier de consultation du plan", "tender package of plan")) \(plan.id)</a></td></tr>

                    """
            }
            content += "</tbody></table>\n"
        }
        content += "</section>\n"
        content +=
            PlanRunForm(
                shell: shell, territoryID: territoryID, plans: plans,
                jobs: try await environment.store.jobs(
                    JobSelection(kind: PlanJobHandler.kind, territoryID: territoryID, limit: PlanRunForm.recentJobs)),
                canRun: role == .coordinator
            ).html
        if let latest = plans.first,
            let documents = try await environment.readableDocuments(
                ofPlan: latest.id, territoryID: territoryID, language: language)
        {
            content += PlanReportHTML.unmetNeedsSection(documents.context)
        }
        return content
    }
}
