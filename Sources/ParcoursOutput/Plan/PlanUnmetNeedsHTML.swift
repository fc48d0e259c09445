import ParcoursModel
import ParcoursSolver

/// A plan's unmet needs for its territory's coordinator: counted by commune and reason, then one by one
/// with the agent's pseudonym (never a name: names stay with each commune's HR), the reason and the
/// nearest change that would cover it. The body of a page; the territory report has the same needs by
/// reason and competence.
public enum PlanUnmetNeedsHTML {
    /// The sections (HTML, `<section>` elements with `<h2>` headings).
    public static func sections(_ context: PlanContext) -> String {
        let t = { (french: String, english: String) in HTMLText.escape(context.t(french, english)) }
        let plan = context.plan
        guard !plan.unmetNeeds.isEmpty else {
            return
                "<section><h2>\(t("Besoins non couverts", "Unmet needs"))</h2><p>\(t("Tous les besoins sont couverts.", "Every need is covered."))</p></section>\n"
        }
        let wording = PlanWording(context: context)
        let numbers = NumberText(language: context.language)
        func reasonName(_ unmet: UnmetNeed) -> String { unmet.headline?.constraintNames.first ?? "no-session" }

        // Commune × reason: how many needs, and their weight.
        struct Cell: Hashable {
            let commune: String
            let reason: String
        }
        var counts: [Cell: (needs: Int, weight: Double)] = [:]
        for unmet in plan.unmetNeeds {
            let cell = Cell(commune: unmet.communeCode ?? "", reason: reasonName(unmet))
            counts[cell, default: (0, 0)].needs += 1
            counts[cell, default: (0, 0)].weight += unmet.need.weight
        }
        var byCommune = ""
        let communes = Set(counts.keys.map(\.commune)).sorted { context.communeName($0) < context.communeName($1) }
        for commune in communes {
            let cells = counts.filter { $0.key.commune == commune }.sorted {
                ($0.value.needs, $1.key.reason) > ($1.value.needs, $0.key.reason)
            }
            let total = cells.map(\.value.needs).reduce(0, +)
            for (index, (cell, value)) in cells.enumerated() {
                let name =
                    index == 0
                    ? "<th scope=\"rowgroup\" rowspan=\"\(cells.count)\">\(HTMLText.escape(commune.isEmpty ? context.t("hors registre", "not on a roster") : context.communeName(commune)))<br><span class=\"note\">\(numbers.integer(total)) \(t("besoin(s)", "need(s)"))</span></th>"
                    : ""
                byCommune += """
                    <tr>\(name)<td>\(HTMLText.escape(wording.label(cell.reason)))</td><td class="n">\(numbers.integer(value.needs))</td>\
                    <td class="n">\(HTMLText.escape(numbers.decimal(value.weight, fractionDigits: 1)))</td></tr>

                    """
            }
        }
        var byAgent = ""
        let sorted = plan.unmetNeeds.map { unmet in
            (
                commune: unmet.communeCode.map(context.communeName) ?? "",
                pseudonym: context.pseudonym(unmet.need.agentID),
                unmet: unmet
            )
        }.sorted {
            ($0.commune, $0.pseudonym, $0.unmet.need.competence.rawValue)
                < ($1.commune, $1.pseudonym, $1.unmet.need.competence.rawValue)
        }
        for (commune, pseudonym, unmet) in sorted {
            let competence = unmet.need.competence
            byAgent += """
                <tr><td>\(HTMLText.escape(pseudonym))</td><td>\(HTMLText.escape(commune))</td>\
                <td><abbr title="\(HTMLText.escape(context.competenceTitle(competence)))">\(competence.rawValue)</abbr></td>\
                <td class="n">\(unmet.need.currentLevel) → \(unmet.need.targetLevel)</td>\
                <td>\(HTMLText.escape(unmet.headline.map(wording.reason) ?? wording.label(reasonName(unmet))))</td>\
                <td>\(HTMLText.escape(context.nearestChange(unmet).map(wording.nearestChange) ?? "–"))</td></tr>

                """
        }
        return """
            <section aria-labelledby="unmet-by-commune">
            <h2 id="unmet-by-commune">\(t("Par commune et par motif", "By commune and reason"))</h2>
            <p class="note">\(t("\(numbers.integer(plan.unmetNeeds.count)) besoins non couverts. Chaque besoin est compté sous le motif le plus proche d’être levé.", "\(numbers.integer(plan.unmetNeeds.count)) unmet needs. Each need is counted under the reason closest to being lifted."))</p>
            <table>
            <thead><tr><th scope="col">\(t("Commune", "Commune"))</th><th scope="col">\(t("Motif", "Reason"))</th>\
            <th scope="col">\(t("Besoins", "Needs"))</th><th scope="col">\(t("Poids", "Weight"))</th></tr></thead>
            <tbody>
            \(byCommune)</tbody>
            </table>
            </section>
            <section aria-labelledby="unmet-by-agent">
            <h2 id="unmet-by-agent">\(t("Besoin par besoin", "Need by need"))</h2>
            <p class="note">\(t("Les agents sont désignés par leur pseudonyme : seules les ressources humaines de leur commune voient leur nom.", "Agents are shown by pseudonym: only their commune's HR see their names."))</p>
            <table>
            <thead><tr><th scope="col">\(t("Agent (pseudonyme)", "Agent (pseudonym)"))</th><th scope="col">\(t("Commune", "Commune"))</th>\
            <th scope="col">\(t("Compétence", "Competence"))</th><th scope="col">\(t("Niveau", "Level"))</th>\
            <th scope="col">\(t("Motif", "Reason"))</th><th scope="col">\(t("Changement le plus proche", "Nearest change"))</th></tr></thead>
            <tbody>
            \(byAgent)</tbody>
            </table>
            </section>

            """
    }
}
