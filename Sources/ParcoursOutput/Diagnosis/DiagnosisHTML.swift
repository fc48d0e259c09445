import Foundation
import ParcoursDiagnose
import ParcoursModel

/// The diagnosis as one self-contained HTML page (inline CSS and SVG drawn from the data, no
/// script, nothing fetched): key figures, map, heatmap, job families and level distributions for
/// each territory, and for a commune's own report the list of its agents and their needs.
public enum DiagnosisHTML {
    public static func render(_ report: DiagnosisReport) -> String {
        let page = Page(report: report)
        return page.html
    }

    /// The report's sections alone (figures, map, heatmap, job families, distributions; a commune's own
    /// report adds its agents), one per territory with agents: for a page that has its own header.
    public static func sections(_ report: DiagnosisReport) -> String {
        let page = Page(report: report)
        return report.territories.filter { !$0.agents.isEmpty }.map(page.section).joined()
    }
}

private struct Page {
    let report: DiagnosisReport
    var numbers: NumberText { NumberText(language: report.language) }
    func t(_ french: String, _ english: String) -> String { HTMLText.escape(report.language.pick(french, english)) }

    var html: String {
        var body = header
        if report.territories.allSatisfy({ $0.agents.isEmpty }) {
            body +=
                "<p class=\"empty\">\(t("Aucun agent importé : importez un registre du personnel et des exports Pix.", "No agent imported: import a staff roster and Pix exports."))</p>\n"
        }
        for diagnosis in report.territories where !diagnosis.agents.isEmpty {
            body += section(diagnosis)
        }
        body += footer
        return HTMLPage.document(language: report.language, title: title, css: ReportStyle.css, body: body)
    }

    var title: String {
        if case .commune(let code) = report.audience {
            return t("Diagnostic numérique — ", "Digital diagnosis — ") + HTMLText.escape(report.communeName(code))
        }
        return t("Diagnostic des compétences numériques des agents", "Digital competence diagnosis of staff")
    }

    var header: String {
        let date = ISO8601DateFormatter.string(
            from: report.generatedAt, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let audience =
            switch report.audience {
            case .commune:
                t(
                    "Rapport de la commune : les agents y sont nommés. Ne le diffusez pas au-delà de la commune.",
                    "The commune's own report: agents are named in it. Do not share it beyond the commune.")
            case .territories:
                t(
                    "Rapport de territoire : chiffres agrégés et agents pseudonymisés, sans nom.",
                    "Territory report: aggregated figures and pseudonymous agents, without names.")
            case .aggregates:
                t(
                    "Chiffres agrégés et anonymes : aucun agent n’y figure.",
                    "Aggregated, anonymous figures: no agent appears in them.")
            }
        return """
            <header>
            <h1>\(title)</h1>
            <p class="meta">\(t("Établi le", "Produced on")) \(date) · \(audience)</p>
            </header>

            """
    }

    func section(_ diagnosis: TerritoryDiagnosis) -> String {
        let territory = diagnosis.territory
        let communeRows: [(label: String, aggregate: GroupAggregate)] = diagnosis.communes.map { aggregate in
            guard case .commune(let code) = aggregate.scope else { return (code(aggregate.scope), aggregate) }
            return (report.communeName(code), aggregate)
        }
        let heatmapRows =
            [(report.language.pick("Ensemble du territoire", "Whole territory"), diagnosis.overall)]
            + communeRows
        var out = """
            <section>
            <h2>\(HTMLText.escape(sectionTitle(territory)))</h2>
            \(figures(diagnosis))
            <div class="row">
            <figure class="card">
            <h3>\(t("Carte de la fragilité numérique", "Map of digital fragility"))</h3>
            \(CommuneMapSVG(diagnosis: diagnosis, report: report).svg)
            <figcaption>\(scaleLegend(t("Part d'agents fragiles", "Share of fragile agents"), id: "fragile-\(territory.id)"))\
            \(t("Taille du cercle : nombre d'agents. Gris hachuré : moins de", "Circle size: number of agents. Hatched grey: fewer than")) \
            \(report.policy.minimumCellSize) \(t("agents évalués, chiffre non affiché.", "assessed agents, figure not shown."))</figcaption>
            </figure>
            <div class="card side">
            <h3>\(t("Par famille de métiers", "By job family"))\(report.namesAgents ? t(" — ensemble du territoire", " — whole territory") : "")</h3>
            \(familyTable(diagnosis))
            </div>
            </div>
            <figure class="card">
            <h3>\(t("Écarts au niveau visé, par commune et compétence", "Gaps to the target level, by commune and competence"))</h3>
            <div class="scroll">\(HeatmapSVG(rows: heatmapRows, report: report, idSuffix: territory.id).svg)</div>
            <figcaption>\(scaleLegend(t("Part des agents sous le niveau visé par leur métier", "Share of agents below their job's target level"), id: "gap-\(territory.id)"))\
            \(t("Survolez une case pour le détail (nombre d'agents, écart moyen). Case blanche : compétence non visée par les métiers présents ; hachurée : moins de", "Hover a cell for details (agents, mean gap). White: competence not targeted by the jobs present; hatched: fewer than")) \
            \(report.policy.minimumCellSize) \(t("agents.", "agents."))</figcaption>
            \(competenceLegend)
            </figure>
            <figure class="card">
            <h3>\(t("Répartition des niveaux", "Distribution of levels"))</h3>
            <div class="scroll">\(DistributionSVG(distributions: diagnosis.distributions, report: report).svg)</div>
            <figcaption>\(t("Niveaux mesurés par Pix (collecte de profils) ou estimés à partir du taux de maîtrise (campagne d'évaluation) : le nombre d'estimés est indiqué.", "Levels measured by Pix (profiles collection) or estimated from the mastery rate (assessment campaign): the number estimated is shown."))</figcaption>
            </figure>

            """
        if report.namesAgents {
            out += agentTable(report.listedAgents(of: diagnosis))
        }
        return out + "</section>\n"
    }

    func code(_ scope: GroupScope) -> String { GroupNaming.code(scope) }

    /// The territory's name; a commune's own report names the commune first, as its key figures are
    /// the commune's.
    func sectionTitle(_ territory: Territory) -> String {
        guard case .commune(let code) = report.audience else { return report.territoryName(territory) }
        return "\(report.communeName(code)) — \(report.territoryName(territory))"
    }

    func figures(_ diagnosis: TerritoryDiagnosis) -> String {
        let overall: GroupAggregate
        if case .commune(let code) = report.audience,
            let own = diagnosis.communes.first(where: { $0.scope == .commune(code) })
        {
            overall = own
        } else {
            overall = diagnosis.overall
        }
        // An aggregates-only report lists no agent but still counts the territory's needs.
        let counted = report.audience == .aggregates ? diagnosis.agents : report.listedAgents(of: diagnosis)
        let needs = counted.reduce(0) { $0 + $1.needs.count }
        let fragile =
            overall.fragileShare.map { numbers.percent($0) }
            ?? report.language.pick("non affiché", "not shown")
        let cards = [
            (numbers.integer(overall.agents), t("agents au registre", "agents on the roster")),
            (numbers.integer(overall.assessed), t("agents évalués par Pix", "agents assessed by Pix")),
            (HTMLText.escape(fragile), t("d'agents fragiles", "fragile agents")),
            (numbers.integer(needs), t("besoins de formation", "training needs")),
        ]
        return "<div class=\"figures\">"
            + cards.map { "<div class=\"figure\"><strong>\($0.0)</strong><span>\($0.1)</span></div>" }.joined()
            + "</div>\n"
    }

    func familyTable(_ diagnosis: TerritoryDiagnosis) -> String {
        var rows = ""
        for aggregate in diagnosis.jobFamilies {
            let name = report.familyName(code(aggregate.scope))
            let fragile = aggregate.fragileShare.map { numbers.percent($0) } ?? "—"
            let gaps =
                aggregate.competences
                .filter { ($0.belowTarget ?? 0) > 0 }
                .sorted { ($0.meanGap ?? 0) > ($1.meanGap ?? 0) }
                .prefix(3)
                .map {
                    "<abbr title=\"\(HTMLText.escape(report.competenceTitle($0.competence)))\">\($0.competence.rawValue)</abbr>"
                }
                .joined(separator: ", ")
            rows += """
                <tr><td>\(HTMLText.escape(name))</td><td class="n">\(aggregate.agents)</td>\
                <td class="n">\(aggregate.assessed)</td><td class="n">\(HTMLText.escape(fragile))</td>\
                <td>\(aggregate.isSuppressed ? "—" : gaps)</td></tr>

                """
        }
        return """
            <table>
            <thead><tr><th>\(t("Famille", "Family"))</th><th>\(t("Agents", "Agents"))</th>\
            <th>\(t("Évalués", "Assessed"))</th><th>\(t("Fragiles", "Fragile"))</th>\
            <th>\(t("Plus grands écarts", "Largest gaps"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p class="note">\(t("« — » : moins de", "“—”: fewer than")) \(report.policy.minimumCellSize) \
            \(t("agents évalués.", "assessed agents."))</p>
            """
    }

    var competenceLegend: String {
        let items = report.framework.competences.map {
            "<li><b>\($0.code.rawValue)</b> \(HTMLText.escape(report.competenceTitle($0.code)))</li>"
        }
        return "<ul class=\"legend\">\(items.joined())</ul>"
    }

    /// A colour-scale legend; `id` names its gradient, unique in the page.
    func scaleLegend(_ label: String, id: String) -> String {
        let stops = stride(from: 0.0, through: 1.0, by: 0.25).map {
            "<stop offset=\"\(Int($0 * 100))%\" stop-color=\"\(ColourScale.sequential($0))\"/>"
        }.joined()
        let zero = numbers.wholePercent(0)
        let full = numbers.wholePercent(1)
        return """
            <span class="scale">\(label) <svg xmlns="http://www.w3.org/2000/svg" width="160" height="14" \
            aria-hidden="true"><defs><linearGradient id="scale-\(id)">\(stops)</linearGradient></defs>\
            <rect width="160" height="14" fill="url(#scale-\(id))"/></svg> \(zero) → \(full)</span><br>
            """
    }

    func agentTable(_ agents: [AgentDiagnosis]) -> String {
        var rows = ""
        for diagnosis in agents {
            let agent = diagnosis.agent
            let needs = diagnosis.needs.map { need in
                let source = need.levelSource == .measured ? "" : " (\(report.levelSourceLabel(need.levelSource)))"
                return
                    "<abbr title=\"\(HTMLText.escape(report.competenceTitle(need.competence)))\">\(need.competence.rawValue)</abbr> "
                    + "\(need.currentLevel)\(HTMLText.escape(source)) → \(need.targetLevel)"
            }
            let status =
                !diagnosis.isAssessed
                ? t("non évalué", "not assessed") : diagnosis.isFragile ? t("fragile", "fragile") : ""
            rows += """
                <tr><td>\(HTMLText.escape(agent.externalID))</td>\
                <td>\(HTMLText.escape(agent.lastName)) \(HTMLText.escape(agent.firstName))</td>\
                <td>\(HTMLText.escape(report.familyName(agent.jobFamilyID)))</td><td>\(status)</td>\
                <td>\(needs.isEmpty && diagnosis.isAssessed ? t("niveaux visés atteints", "targets reached") : needs.joined(separator: " · "))</td></tr>

                """
        }
        return """
            <div class="card">
            <h3>\(t("Agents de la commune et leurs besoins", "The commune's agents and their needs"))</h3>
            <table class="agents">
            <thead><tr><th>\(t("Matricule", "Id"))</th><th>\(t("Nom", "Name"))</th><th>\(t("Métier", "Job family"))</th>\
            <th>\(t("Situation", "Status"))</th><th>\(t("Besoins : compétence niveau actuel → visé", "Needs: competence current level → target"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>

            """
    }

    var footer: String {
        let rule = report.policy.fragility
        let codes = rule.baseCompetences.map(\.rawValue).joined(separator: ", ")
        return """
            <footer>
            <h3>\(t("Méthode", "Method"))</h3>
            <ul>
            <li>\(t("Un agent est « fragile » quand il est sous le niveau", "An agent is “fragile” when below level")) \
            \(rule.belowLevel) \(t("sur au moins", "on at least")) \(rule.minimumCount) \
            \(t("des compétences de base", "of the base competences")) (\(codes)). \
            \(t("Un agent sans aucun résultat Pix partagé est « non évalué » et n'entre pas dans les parts.", "An agent without any shared Pix result is “not assessed” and left out of the shares."))</li>
            <li>\(t("Niveau visé : celui de la famille de métiers de l'agent (Config/job-families.yaml). Écart = niveau visé − niveau actuel ; poids d'un besoin = priorité × écart", "Target level: that of the agent's job family (Config/job-families.yaml). Gap = target − current level; a need's weight = priority × gap")) \
            ^ \(numbers.decimal(report.policy.gapExponent)).</li>
            <li>\(t("Niveaux mesurés (collecte de profils) et estimés (évaluation, d'après le taux de maîtrise) sont distingués partout.", "Measured levels (profiles collection) and estimated ones (assessment, from the mastery rate) are told apart everywhere."))</li>
            <li>\(t("Aucun chiffre portant sur moins de", "No figure over fewer than")) \(report.policy.minimumCellSize) \
            \(t("agents n'est affiché, pour que personne ne soit reconnaissable dans une petite commune.", "agents is shown, so that nobody can be recognised in a small commune."))</li>
            </ul>
            </footer>
            """
    }
}
