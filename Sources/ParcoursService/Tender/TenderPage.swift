import Foundation
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursTender
import ParcoursTenderDocuments
import ParcoursWorkflow

/// The tender package of a stored plan as a page, for the procurement officers and the coordinator of
/// its territory: what the plan left uncovered and why, then each country's package (procedure, maximum,
/// eForms notice) with its documents to read (HTML) or edit (OpenDocument), and the whole as a ZIP.
struct TenderPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/plans/{id}/tender") { request, context in
            let user = try PageAccess(.procurement, .coordinator).user(of: context, request: request)
            let planID: Int64
            let files: PlanTenderFiles
            do {
                (planID, files) = try await TenderRoutes(environment: environment).tender(context, of: user)
            } catch let error as APIError where error.status == .notFound {
                throw PageError.notFound(request, user: user, what: error.message)
            }
            return ResponseBody.html(page(request, user: user, planID: planID, files: files))
        }
    }

    private func page(_ request: Request, user: UserAccount, planID: Int64, files: PlanTenderFiles) -> String {
        let shell = PageShell(request: request, user: user)
        let language = shell.language
        let source = files.source
        func counts(_ byReason: [String: Int]) -> String {
            byReason.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .map {
                    "<li>\(HTMLText.escape(UnmetReasonGroups.describe($0.key, in: language)))\(shell.colon) \($0.value)</li>"
                }
                .joined()
        }
        let tendered = source.tendered.values.reduce(0, +)
        let setAside = source.setAside.values.reduce(0, +)
        var content = """
            <p>\(shell.t("Lancement le", "Launch on")) \(HTMLText.escape(DateText(language: language).shortDay(files.launchDate))) \(shell.t("(les seuils en vigueur ce jour s’appliquent).", "(the thresholds in force that day apply)."))</p>
            <section><h2>\(shell.t("Ce que le plan laisse sans session", "What the plan leaves without a session"))</h2>
            <p>\(shell.t("Besoins non couverts :", "Unmet needs:")) \(source.unmetNeeds). \
            \(shell.t("Mis en consultation :", "Tendered:")) \(tendered). \
            \(shell.t("Laissés au plan, une session de catalogue pouvant les prendre :", "Left to the plan, a catalogue session could take them:")) \(setAside). \
            \(shell.t("Hors du plan :", "Outside the plan:")) \(source.leftOut).</p>

            """
        if tendered > 0 {
            content +=
                "<h3>\(shell.t("Mis en consultation, par raison", "Tendered, by reason"))</h3><ul>\(counts(source.tendered))</ul>\n"
        }
        if setAside > 0 {
            content +=
                "<h3>\(shell.t("Laissés au plan, par raison", "Left to the plan, by reason"))</h3><ul>\(counts(source.setAside))</ul>\n"
        }
        content += "</section>\n"
        if files.packages.isEmpty {
            content += "<p>\(shell.t("Aucun besoin à mettre en consultation.", "No need to tender."))</p>\n"
        } else {
            content += """
                <p><a href="/api/plans/\(planID)/tender.zip">\(shell.t("Télécharger tout le dossier (ZIP)", "Download the whole package (ZIP)"))</a></p>

                """
        }
        for rendered in files.packages {
            let package = rendered.package
            let tier = package.recommendation.tier
            let validity = TenderDrafting.noticeValidity(rendered.noticeProblems, in: language)
            content += """
                <section><h2>\(HTMLText.escape(package.buyer.name)) (\(package.country.rawValue))</h2>
                <p>\(package.lots.count) \(shell.t("lots", "lots")), \(shell.t("maximum", "maximum")) \(HTMLText.escape(package.maximumTotal.formatted(in: language))) \(HTMLText.escape(language.pick(package.netOfVATFR, "excl. VAT"))) — \
                \(HTMLText.escape(language.pick(tier.titleFR, tier.titleEN))) — eForms \(HTMLText.escape(package.recommendation.eFormsSubtype)) — \(HTMLText.escape(validity))</p>
                <p class="help">\(HTMLText.escape(language.pick(tier.ruleFR, tier.ruleEN)))</p>
                <ul>

                """
            let base = "/api/plans/\(planID)/tender/\(rendered.folder)/"
            for file in rendered.files where !file.name.hasSuffix(".html") {
                let stem = file.name.split(separator: ".").dropLast().joined(separator: ".")
                if file.name.hasSuffix(".xml") {
                    content +=
                        "<li><a href=\"\(base)\(file.name)\">\(HTMLText.escape(file.name))</a> \(shell.t("(avis eForms)", "(eForms notice)"))</li>\n"
                } else {
                    content += """
                        <li><a href="\(base)\(stem).html">\(HTMLText.escape(stem))</a> \
                        (<a href="\(base)\(file.name)">\(HTMLText.escape(file.name))</a> \(shell.t("à modifier", "to edit")))</li>

                        """
                }
            }
            content += "</ul></section>\n"
        }
        return shell.page(
            title: language.pick("Dossier de consultation du plan \(planID)", "Tender package of plan \(planID)"),
            content: content)
    }
}
