import Foundation
import ParcoursModel
import ParcoursSolver

/// The territory's plan as one self-contained printable HTML page (inline CSS and SVG drawn from the
/// data, no script): key figures, coverage before and after the plan, a map of who goes where, cost per
/// commune, sessions' fill rates, the sessions, and the unmet needs grouped by reason. Agents appear
/// only as counts.
public enum PlanReportHTML {
    public static func render(_ context: PlanContext) -> String {
        let (title, body) = parts(context)
        return HTMLPage.document(language: context.language, title: title, css: css, body: body)
    }

    /// The report's title and body (its own `<h1>` first), as HTML: for a page that frames them.
    public static func parts(_ context: PlanContext) -> (title: String, body: String) {
        let page = PlanReportPage(context: context)
        return (page.title, page.body)
    }

    /// The style the report's body needs.
    public static let css = ReportStyle.css + ReportStyle.planCSS

    /// The report's section of unmet needs grouped by reason, alone: for a page that shows it beside
    /// other things.
    public static func unmetNeedsSection(_ context: PlanContext) -> String {
        PlanReportPage(context: context).unmetSection
    }
}

private struct PlanReportPage {
    let context: PlanContext
    var plan: TrainingPlan { context.plan }
    var numbers: NumberText { NumberText(language: context.language) }
    func t(_ french: String, _ english: String) -> String { HTMLText.escape(context.t(french, english)) }

    var title: String {
        let names = territoriesInPlan.map { context.language.pick($0.name, $0.nameEN) }.joined(separator: ", ")
        return t("Plan de formation mutualisé", "Mutualised training plan")
            + (names.isEmpty ? "" : " — " + HTMLText.escape(names))
    }

    /// The territories with agents in the problem, in the order given.
    var territoriesInPlan: [Territory] {
        let codes = Set(context.problem.agents.map(\.agent.communeCode))
        return context.territories.filter { territory in territory.communes.contains { codes.contains($0.code) } }
    }

    var body: String {
        // A re-plan's changes come first: what its readers look for.
        var out = header + figures + changesSection
        for territory in territoriesInPlan {
            out += territorySection(territory)
        }
        out += sessionsSection + unmetSection + footer
        return out
    }

    var header: String {
        let date = DateText(language: context.language).shortDay(context.generatedAt)
        let id = context.planID.map { " · " + t("plan", "plan") + " " + HTMLText.escape($0) } ?? ""
        return """
            <header>
            <h1>\(title)</h1>
            <p class="meta">\(t("Établi le", "Produced on")) \(date)\(id) · \(t("Document de territoire : chiffres par commune, aucun agent nommé.", "Territory document: figures per commune, no agent named."))</p>
            </header>

            """
    }

    var figures: String {
        let trained = Set(plan.assignments.map(\.agentID)).count
        let needs = plan.assignments.count + plan.unmetNeeds.count
        let cost = plan.sessions.map(\.totalCost).reduce(0, +) + plan.travel.map(\.cost).reduce(0, +)
        let covered = needs > 0 ? Double(plan.assignments.count) / Double(needs) : 0
        let cards = [
            (numbers.integer(plan.sessions.count), t("sessions ouvertes", "sessions opened")),
            (numbers.integer(trained), t("agents formés", "agents trained")),
            (
                "\(numbers.integer(plan.assignments.count))\u{202F}/\u{202F}\(numbers.integer(needs))",
                t("besoins couverts", "needs covered") + " (\(HTMLText.escape(numbers.percent(covered))))"
            ),
            (
                HTMLText.escape(numbers.money(cost)),
                t("coût total (sessions et trajets)", "total cost (sessions and travel)")
            ),
            (
                HTMLText.escape(trained > 0 ? numbers.money(cost / Double(trained)) : "—"),
                t("par agent formé", "per agent trained")
            ),
            plan.bound.isFinite
                ? (
                    HTMLText.escape(numbers.percent(plan.gap)),
                    t("d’écart maximal à l’optimum", "maximum gap to the optimum")
                )
                : ("—", t("écart à l’optimum inconnu (pas de borne)", "gap to the optimum unknown (no bound)")),
        ]
        return "<div class=\"figures\">"
            + cards.map { "<div class=\"figure\"><strong>\($0.0)</strong><span>\($0.1)</span></div>" }.joined()
            + "</div>\n"
    }

    func territorySection(_ territory: Territory) -> String {
        let coverage = PlanCoverage(context: context, territory: territory)
        let flows = PlanFlows(context: context, territory: territory)
        let name = HTMLText.escape(context.language.pick(territory.name, territory.nameEN))
        let remote = flows.remoteAgents
        let remoteNote =
            remote > 0
            ? " " + t("Sessions à distance :", "Remote sessions:") + " \(remote) "
                + t("agent(s), hors carte.", "agent(s), not on the map.")
            : ""
        return """
            <section>
            <h2>\(name)</h2>
            <div class="row">
            <figure class="card map-card">
            <h3>\(t("Qui va où", "Who goes where"))</h3>
            \(FlowMapSVG(territory: territory, agentsByCommune: flows.agentsByCommune, flows: flows.flows, language: context.language).svg)
            <figcaption>\(t("Cercles orange : communes, taille selon les agents formés. Carrés bleus : lieux de formation, taille selon les participants. Traits : trajets commune → lieu, épaisseur selon le nombre d’agents.", "Orange circles: communes, sized by agents trained. Blue squares: training venues, sized by participants. Lines: trips commune → venue, as thick as the number of agents."))\(remoteNote)</figcaption>
            </figure>
            <figure class="card side">
            <h3>\(t("Coût par commune", "Cost per commune"))</h3>
            <div class="scroll">\(costChart(territory))</div>
            <figcaption>\(t("Part des sessions selon la règle de partage du plan, plus les trajets des agents.", "Share of sessions by the plan's split rule, plus the agents' trips."))\(budgetNote(territory))</figcaption>
            </figure>
            </div>
            <figure class="card">
            <h3>\(t("Couverture des besoins avant et après le plan", "Coverage of needs before and after the plan"))</h3>
            <p class="note">\(t("Part des agents sous le niveau visé par leur métier, par commune et compétence. Après le plan, un besoin couvert porte l’agent au niveau de sortie du cours, plafonné au niveau visé.", "Share of agents below their job's target level, by commune and competence. After the plan, a covered need brings the agent to the course's exit level, capped by the target."))</p>
            <h4>\(t("Avant", "Before"))</h4>
            <div class="scroll">\(coverage.heatmap(after: false))</div>
            <h4>\(t("Après", "After"))</h4>
            <div class="scroll">\(coverage.heatmap(after: true))</div>
            \(competenceLegend)
            </figure>
            </section>

            """
    }

    /// The cost chart's key to its budget ticks, when a commune of the territory has a budget.
    func budgetNote(_ territory: Territory) -> String {
        let budgeted = plan.communes.contains { territory.commune(code: $0.communeCode) != nil && $0.budget != nil }
        return budgeted ? " " + t("Trait noir : budget de la commune.", "Black tick: the commune's budget.") : ""
    }

    func costChart(_ territory: Territory) -> String {
        let outcomes = plan.communes.filter { territory.commune(code: $0.communeCode) != nil }
            .sorted { $0.spent > $1.spent }
        guard !outcomes.isEmpty else { return "<p class=\"empty\">\(t("Aucune dépense.", "No spending."))</p>" }
        let sessionColour = "#fd8d3c"
        let travelColour = "#9ecae1"
        let bars = outcomes.map { outcome in
            let name = context.communeName(outcome.communeCode)
            return BarChartSVG.Bar(
                label: name,
                segments: [
                    .init(
                        value: outcome.sessionCosts, colour: sessionColour,
                        tooltip: "\(name) · \(context.t("sessions", "sessions")) \(numbers.money(outcome.sessionCosts))"
                    ),
                    .init(
                        value: outcome.travelCosts, colour: travelColour,
                        tooltip: "\(name) · \(context.t("trajets", "travel")) \(numbers.money(outcome.travelCosts))"),
                ],
                marker: outcome.budget.map { ($0, context.t("budget ", "budget ") + numbers.money($0)) },
                note: numbers.money(outcome.spent))
        }
        return BarChartSVG(
            title: context.t("Coût par commune", "Cost per commune"), bars: bars, maximum: nil,
            legend: [
                (sessionColour, context.t("sessions", "sessions")), (travelColour, context.t("trajets", "travel")),
            ],
            labelWidth: 150, barWidth: 260, noteWidth: 90
        ).svg
    }

    var competenceLegend: String {
        let items = context.framework.competences.map {
            "<li><b>\($0.code.rawValue)</b> \(HTMLText.escape(context.competenceTitle($0.code)))</li>"
        }
        return "<ul class=\"legend\">\(items.joined())</ul>"
    }

    var sessionsSection: String {
        guard !plan.sessions.isEmpty else {
            return
                "<section><h2>\(t("Sessions", "Sessions"))</h2><p class=\"empty\">\(t("Aucune session ouverte.", "No session opened."))</p></section>\n"
        }
        let dates = DateText(language: context.language)
        let fillBars = plan.sessions.compactMap { planned -> BarChartSVG.Bar? in
            guard let session = context.session(planned.sessionID) else { return nil }
            let seats = planned.participants.count
            let ratio = Double(seats) / Double(max(1, session.maximumSeats))
            let label = context.sessionLabel(planned.sessionID)
            let first = session.days.map(\.day).min().map { " — " + dates.shortDay($0) } ?? ""
            let title = SVGText.shortened(course(planned.sessionID), to: 40) + first
            return BarChartSVG.Bar(
                label: title,
                segments: [.init(value: ratio, colour: "#2c7fb8", tooltip: label)],
                marker: (
                    Double(session.minimumSeats) / Double(max(1, session.maximumSeats)),
                    context.t(
                        "minimum \(session.minimumSeats) participants", "minimum \(session.minimumSeats) participants")
                ),
                note: "\(seats) / \(session.maximumSeats) (\(numbers.wholePercent(ratio)))")
        }
        var rows = ""
        for planned in plan.sessions {
            guard let session = context.session(planned.sessionID),
                let course = context.course(ofSession: planned.sessionID)
            else { continue }
            let days = dates.dayLines(session.days).map(HTMLText.escape)
                .joined(separator: "<br>")
            let communes = planned.communes.map {
                "\(HTMLText.escape(context.communeName($0.communeCode))) (\($0.seats))"
            }.joined(separator: ", ")
            rows += """
                <tr><td><b>\(HTMLText.escape(course.title))</b><br><span class="note">\(HTMLText.escape(context.providerName(course.providerID)))</span></td>\
                <td>\(days)</td><td>\(HTMLText.escape(session.venue.map(context.placeName) ?? context.t("à distance", "remote")))</td>\
                <td class="n">\(planned.participants.count) / \(session.maximumSeats)</td><td>\(communes)</td>\
                <td class="n">\(HTMLText.escape(numbers.money(planned.totalCost)))</td></tr>

                """
        }
        return """
            <section>
            <h2>\(t("Sessions", "Sessions"))</h2>
            <figure class="card">
            <h3>\(t("Remplissage des sessions", "Sessions' fill rates"))</h3>
            <div class="scroll">\(BarChartSVG(title: context.t("Remplissage des sessions", "Sessions' fill rates"), bars: fillBars, maximum: 1, legend: [], labelWidth: 420).svg)</div>
            <figcaption>\(t("Participants sur places disponibles ; trait noir : minimum pour ouvrir la session.", "Participants over seats available; black tick: the minimum to open the session."))</figcaption>
            </figure>
            <div class="card">
            <table>
            <thead><tr><th>\(t("Formation et organisme", "Course and provider"))</th><th>\(t("Dates", "Dates"))</th>\
            <th>\(t("Lieu", "Venue"))</th><th>\(t("Participants", "Participants"))</th>\
            <th>\(t("Communes (places)", "Communes (seats)"))</th><th>\(t("Coût", "Cost"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>
            </section>

            """
    }

    /// A session's course title.
    func course(_ sessionID: String) -> String { context.course(ofSession: sessionID)?.title ?? sessionID }

    var unmetSection: String {
        let wording = PlanWording(context: context)
        guard !plan.unmetNeeds.isEmpty else {
            return
                "<section><h2>\(t("Besoins non couverts", "Unmet needs"))</h2><p class=\"empty\">\(t("Tous les besoins sont couverts.", "Every need is covered."))</p></section>\n"
        }
        // Group by the headline's first constraint, then by competence.
        var groups: [String: [UnmetNeed]] = [:]
        for unmet in plan.unmetNeeds {
            let name = unmet.headline?.constraintNames.first ?? "no-session"
            groups[name, default: []].append(unmet)
        }
        var rows = ""
        for (name, needs) in groups.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            let byCompetence = Dictionary(grouping: needs, by: \.need.competence).sorted { $0.key < $1.key }
            for (index, (competence, list)) in byCompetence.enumerated() {
                let communes = Set(list.compactMap(\.communeCode)).map(context.communeName).sorted()
                let reasonCell =
                    index == 0
                    ? "<td rowspan=\"\(byCompetence.count)\"><b>\(HTMLText.escape(wording.label(name)))</b><br><span class=\"note\">\(needs.count) \(t("besoin(s)", "need(s)"))</span></td>"
                    : ""
                rows += """
                    <tr>\(reasonCell)<td><abbr title="\(HTMLText.escape(context.competenceTitle(competence)))">\(competence.rawValue)</abbr> \
                    \(HTMLText.escape(context.competenceTitle(competence)))</td><td class="n">\(list.count)</td>\
                    <td class="n">\(HTMLText.escape(numbers.decimal(list.map(\.need.weight).reduce(0, +), fractionDigits: 1)))</td>\
                    <td>\(HTMLText.escape(communes.joined(separator: ", ")))</td></tr>

                    """
            }
        }
        return """
            <section>
            <h2>\(t("Besoins non couverts, par motif", "Unmet needs, by reason"))</h2>
            <div class="card">
            <p class="note">\(t("Chaque besoin est classé sous le motif le plus proche d’être levé (une place de plus, un budget) avant ceux qui ne le seront pas (aucune offre, distance). Les besoins sans offre adaptée sont la matière d’un marché de formation.", "Each need is listed under the reason closest to being lifted (one more seat, a budget) before those that will not be (no offer, distance). Needs without a suitable offer are the matter of a training tender."))</p>
            <table>
            <thead><tr><th>\(t("Motif", "Reason"))</th><th>\(t("Compétence", "Competence"))</th>\
            <th>\(t("Besoins", "Needs"))</th><th>\(t("Poids", "Weight"))</th><th>\(t("Communes", "Communes"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>
            \(nearestChangesCard)
            </section>

            """
    }

    /// The nearest changes of the unmet needs, put together: what one setting more would cover.
    var nearestChangesCard: String {
        let changes = plan.unmetNeeds.compactMap(context.nearestChange)
        guard !changes.isEmpty else { return "" }
        let rows = PlanWording(context: context).nearestChanges(changes).map {
            "<tr><td>\(HTMLText.escape($0.change))</td><td class=\"n\">\(numbers.integer($0.needs))</td></tr>\n"
        }.joined()
        return """
            <div class="card">
            <h3>\(t("Ce qu’un seul changement couvrirait", "What a single change would cover"))</h3>
            <p class="note">\(t("Pour chaque besoin non couvert, le plus petit changement d’un seul réglage qui le couvrirait, vérifié sur ce plan : avec ce changement, l’agent rejoindrait une session ouverte sans rien retirer à personne. Les \(numbers.integer(changes.count)) besoins concernés sur \(numbers.integer(plan.unmetNeeds.count)) sont regroupés par réglage.", "For each unmet need, the smallest change of a single setting that would cover it, verified against this plan: with that change, the agent would join an open session without taking anything from anyone. The \(numbers.integer(changes.count)) needs concerned out of \(numbers.integer(plan.unmetNeeds.count)) are grouped by setting."))</p>
            <table>
            <thead><tr><th>\(t("Les besoins seraient couverts avec…", "The needs would be met with…"))</th><th>\(t("Besoins", "Needs"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>
            """
    }

    /// What a re-plan changed, as counts by cause: the territory's report names nobody (each commune's
    /// document lists its own agents).
    var changesSection: String {
        guard let revision = context.changes else { return "" }
        let changes = revision.changes
        let wording = PlanWording(context: context)
        var byCause: [String: (moved: Int, dropped: Int)] = [:]
        for moved in changes.moved { byCause[wording.cause(moved.cause), default: (0, 0)].moved += 1 }
        for dropped in changes.dropped { byCause[wording.cause(dropped.cause), default: (0, 0)].dropped += 1 }
        let rows = byCause.sorted {
            ($0.value.moved + $0.value.dropped, $1.key) > ($1.value.moved + $1.value.dropped, $0.key)
        }.map {
            "<tr><td>\(HTMLText.escape($0.key))</td><td class=\"n\">\($0.value.moved)</td><td class=\"n\">\($0.value.dropped)</td></tr>\n"
        }.joined()
        let cards = [
            (numbers.integer(changes.kept.count), t("affectations gardées", "assignments kept")),
            (numbers.integer(changes.moved.count), t("déplacées vers une autre session", "moved to another session")),
            (numbers.integer(changes.dropped.count), t("abandonnées", "dropped")),
            (numbers.integer(changes.added.count), t("ajoutées", "added")),
        ]
        let table =
            rows.isEmpty
            ? ""
            : """
            <table>
            <thead><tr><th>\(t("Cause", "Cause"))</th><th>\(t("Déplacées", "Moved"))</th><th>\(t("Abandonnées", "Dropped"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
        return """
            <section>
            <h2>\(t("Ce que cette version change", "What this version changes")) (\(t("par rapport au plan", "against plan")) \(HTMLText.escape(revision.previousPlanID)))</h2>
            <div class="figures">\(cards.map { "<div class=\"figure\"><strong>\($0.0)</strong><span>\($0.1)</span></div>" }.joined())</div>
            <div class="card">
            <p class="note">\(t("Chaque commune trouve dans son document la liste nominative de ses agents concernés, pour les prévenir.", "Each commune finds in its own document the list of its agents concerned, by name, to notify them."))</p>
            \(table)
            </div>
            </section>

            """
    }

    /// What the bound proves, or that the solve stopped before computing one.
    var boundSentence: String {
        guard plan.bound.isFinite else {
            return t(
                "La résolution s’est arrêtée avant de calculer une borne supérieure (délai trop court) : rien ne garantit ici la distance au meilleur plan ; relancez avec un délai plus long (--time-limit).",
                "The solve stopped before computing an upper bound (time limit too short): nothing here guarantees how far the plan is from the best one; run again with a longer time limit (--time-limit)."
            )
        }
        return t(
            "Une borne supérieure prouve qu’aucun plan ne ferait mieux de plus de",
            "An upper bound proves that no plan could do better by more than") + " "
            + HTMLText.escape(numbers.percent(plan.gap)) + "."
    }

    var footer: String {
        let split =
            context.problem.policy.costSplit == .proRataSeats
            ? t("au prorata des places occupées par ses agents", "in proportion to the seats its agents take")
            : t(
                "coût fixe à parts égales entre communes présentes, places selon les places occupées",
                "fixed cost in equal shares between the communes present, seats by seats taken")
        return """
            <footer>
            <h3>\(t("Méthode", "Method"))</h3>
            <ul>
            <li>\(t("Le plan choisit les sessions à ouvrir et qui y va pour maximiser la valeur des besoins couverts moins les coûts (sessions, places, trajets).", "The plan chooses the sessions to open and who attends them to maximise the value of the needs covered minus the costs (sessions, seats, travel).")) \
            \(boundSentence)</li>
            <li>\(t("Le coût d’une session est partagé entre les communes", "A session's cost is shared between the communes")) \(split).</li>
            <li>\(t("Distances : à vol d’oiseau × un facteur de détour propre au territoire.", "Distances: straight line × a detour factor of the territory."))</li>
            <li>\(t("Les agents ne sont nommés que dans les documents de leur commune ; ailleurs ils n’apparaissent qu’en nombre ou sous pseudonyme.", "Agents are named only in their commune's documents; elsewhere they appear only as counts or under a pseudonym."))</li>
            </ul>
            </footer>
            """
    }
}
