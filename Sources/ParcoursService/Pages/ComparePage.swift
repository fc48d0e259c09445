import Foundation
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// Two plans of a territory side by side (what `parcours compare` prints): coverage overall, by
/// competence, job family and commune; cost and its parts; sessions; travel; fairness; gap. For the
/// coordinator and procurement; nobody is named.
struct ComparePage {
    let environment: ServiceEnvironment
    /// Agents whose furthest session is further than this are counted as travelling far.
    static let farKilometres = 30.0

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/territories/{territory}/compare") { request, context in
            let user = try PageAccess(.coordinator, .procurement).user(of: context, request: request)
            let territoryID = try context.parameters.require("territory")
            guard user.territoryID(in: environment.configuration) == territoryID else {
                throw PageError.forbidden(request, user: user)
            }
            let shell = PageShell(request: request, user: user)
            var figures: [PlanFigures] = []
            for name in ["first", "second"] {
                let text = request.uri.queryParameters.get(name) ?? ""
                guard
                    let plan = try await PlanFigures(
                        stored: text, territoryID: territoryID, store: environment.store,
                        farKilometres: Self.farKilometres)
                else {
                    throw PageError.notFound(
                        request, user: user,
                        what: shell.language.pick(
                            "Choisissez deux plans du territoire à comparer (plan « \(text) » introuvable).",
                            "Choose two plans of the territory to compare (plan '\(text)' not found)."))
                }
                figures.append(plan)
            }
            let comparison = PlanComparison(
                language: shell.language, first: figures[0], second: figures[1],
                names: PlanComparison.names(
                    configuration: environment.configuration, territoryIDs: [territoryID], language: shell.language))
            return ResponseBody.html(page(comparison, shell: shell, territoryID: territoryID))
        }
    }

    private func page(_ comparison: PlanComparison, shell: PageShell, territoryID: String) -> String {
        let (first, second) = (comparison.first, comparison.second)
        func planHeader(_ figures: PlanFigures) -> String {
            let label = figures.label.isEmpty ? "" : "<br><span class=\"note\">\(HTMLText.escape(figures.label))</span>"
            return "<th scope=\"col\">\(shell.t("Plan", "Plan")) \(figures.planID)\(label)</th>"
        }
        var rows = ""
        for row in comparison.rows {
            if row.isSection {
                rows += "<tr><th scope=\"colgroup\" colspan=\"4\">\(HTMLText.escape(row.name))</th></tr>\n"
            } else {
                rows += """
                    <tr><th scope="row"\(row.isPart ? " class=\"part\"" : "")>\(HTMLText.escape(row.name))</th>\
                    <td class="n">\(HTMLText.escape(row.first))</td><td class="n">\(HTMLText.escape(row.second))</td>\
                    <td class="n">\(HTMLText.escape(row.difference))</td></tr>

                    """
            }
        }
        let content = """
            <p>\(shell.t("L’écart est la valeur du second plan moins celle du premier ; « pt » : points de pourcentage.", "The difference is the second plan's value minus the first's; 'pt': percentage points."))</p>
            <table class="comparison">
            <caption>\(shell.t("Plan \(first.planID) et plan \(second.planID)", "Plan \(first.planID) and plan \(second.planID)"))</caption>
            <thead><tr><th scope="col">\(shell.t("Indicateur", "Figure"))</th>\(planHeader(first))\(planHeader(second))<th scope="col">\(shell.t("Écart", "Difference"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p><a href="\(shell.link("/territories/\(territoryID)"))">\(shell.t("Retour au tableau de bord", "Back to the dashboard"))</a></p>
            """
        return shell.page(
            title: shell.language.pick(
                "Comparaison des plans \(first.planID) et \(second.planID)",
                "Plans \(first.planID) and \(second.planID) compared"),
            content: content)
    }
}
