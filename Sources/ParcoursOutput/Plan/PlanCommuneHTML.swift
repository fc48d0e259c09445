import Foundation
import ParcoursModel
import ParcoursSolver

/// A commune's own plan document: its agents by name with their sessions, dates and places, its share
/// of the costs, its unmet needs, and the training part of its plan de formation (Belgium) or plan de
/// développement des compétences (France), ready to adopt. Only this commune's agents are named.
public enum PlanCommuneHTML {
    /// `calendarLinks` gives, by agent id, the relative path of the agent's .ics from the document.
    public static func render(_ context: PlanContext, commune code: String, calendarLinks: [String: String] = [:])
        -> String
    {
        let page = CommunePage(context: context, code: code, calendarLinks: calendarLinks)
        return HTMLPage.document(
            language: context.language, title: page.title, css: ReportStyle.css + ReportStyle.planCSS, body: page.body)
    }

    /// The document's section of the commune's agents by name with their sessions, dates and places,
    /// alone: for a page that shows it beside other things.
    public static func agentsSection(_ context: PlanContext, commune code: String) -> String {
        CommunePage(context: context, code: code, calendarLinks: [:]).agentsSection
    }
}

private struct CommunePage {
    let context: PlanContext
    let code: String
    let calendarLinks: [String: String]
    var plan: TrainingPlan { context.plan }
    var numbers: NumberText { NumberText(language: context.language) }
    var dates: DateText { DateText(language: context.language) }
    func t(_ french: String, _ english: String) -> String { HTMLText.escape(context.t(french, english)) }

    var name: String { context.communeName(code) }
    var assignments: [PlanAssignment] {
        plan.assignments.filter { context.agent($0.agentID)?.agent.communeCode == code }
            .sorted {
                (context.agent($0.agentID)?.agent.lastName ?? "", $0.agentID) < (
                    context.agent($1.agentID)?.agent.lastName ?? "", $1.agentID
                )
            }
    }
    var unmet: [UnmetNeed] { plan.unmetNeeds.filter { $0.communeCode == code } }
    var outcome: CommuneOutcome? { plan.communes.first { $0.communeCode == code } }
    var isFrench: Bool { context.territory(ofCommune: code)?.country == .france }

    var title: String { t("Plan de formation numérique — ", "Digital training plan — ") + HTMLText.escape(name) }

    var body: String {
        header + figures + changesSection + agentsSection + costSection + unmetSection + annex
    }

    var header: String {
        """
        <header>
        <h1>\(title)</h1>
        <p class="meta">\(t("Document de la commune : ses agents y sont nommés. Ne le diffusez pas au-delà de la commune.", "The commune's own document: its agents are named. Do not share it beyond the commune."))</p>
        </header>

        """
    }

    var figures: String {
        let trained = Set(assignments.map(\.agentID)).count
        let sessions = Set(assignments.map(\.sessionID)).count
        let cards = [
            (numbers.integer(trained), t("agents en formation", "agents in training")),
            (numbers.integer(sessions), t("sessions", "sessions")),
            (
                "\(numbers.integer(assignments.count))\u{202F}/\u{202F}\(numbers.integer(assignments.count + unmet.count))",
                t("besoins couverts", "needs covered")
            ),
            (
                HTMLText.escape(numbers.money(outcome?.spent ?? 0)),
                t("à la charge de la commune", "paid by the commune")
            ),
        ]
        return "<div class=\"figures\">"
            + cards.map { "<div class=\"figure\"><strong>\($0.0)</strong><span>\($0.1)</span></div>" }.joined()
            + "</div>\n"
    }

    var agentsSection: String {
        guard !assignments.isEmpty else {
            return
                "<div class=\"card\"><p class=\"empty\">\(t("Aucun agent de la commune n’est inscrit dans ce plan.", "No agent of the commune is in this plan."))</p></div>\n"
        }
        var rows = ""
        for assignment in assignments {
            guard let agent = context.agent(assignment.agentID)?.agent,
                let session = context.session(assignment.sessionID)
            else { continue }
            let days = dates.dayLines(session.days).map(HTMLText.escape)
                .joined(separator: "<br>")
            let place =
                session.venue.map {
                    "\(HTMLText.escape($0.name))<br><span class=\"note\">\(HTMLText.escape($0.address))</span>"
                }
                ?? t("à distance", "remote")
            let link =
                calendarLinks[assignment.agentID].map {
                    " <a href=\"\(HTMLText.escape($0))\">\(t("agenda", "calendar"))</a>"
                } ?? ""
            rows += """
                <tr><td><b>\(HTMLText.escape(agent.lastName)) \(HTMLText.escape(agent.firstName))</b>\(link)<br>\
                <span class="note">\(HTMLText.escape(context.familyName(agent.jobFamilyID)))</span></td>\
                <td>\(HTMLText.escape(context.competenceTitle(assignment.competence)))</td>\
                <td>\(HTMLText.escape(context.course(ofSession: assignment.sessionID)?.title ?? ""))</td>\
                <td>\(days)</td><td>\(place)</td></tr>

                """
        }
        return """
            <section>
            <h2>\(t("Les agents et leurs formations", "The agents and their training"))</h2>
            <div class="card">
            <table>
            <thead><tr><th>\(t("Agent", "Agent"))</th><th>\(t("Compétence", "Competence"))</th><th>\(t("Formation", "Course"))</th>\
            <th>\(t("Dates", "Dates"))</th><th>\(t("Lieu", "Venue"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            \(calendarLinks.isEmpty ? "" : "<p class=\"note\">" + t("Le lien « agenda » ouvre l’invitation de l’agent (fichier .ics) à importer dans son agenda.", "The “calendar” link opens the agent's invitation (.ics file) to import into their calendar.") + "</p>")
            </div>
            </section>

            """
    }

    /// The commune's agents whose training a re-plan changed, by name, so that HR can tell them.
    var changesSection: String {
        guard let revision = context.changes else { return "" }
        let changes = revision.changes
        let wording = PlanWording(context: context)
        func isOurs(_ agentID: String) -> Bool { context.agent(agentID)?.agent.communeCode == code }
        func who(_ agentID: String) -> String {
            guard let agent = context.agent(agentID)?.agent else { return agentID }
            return "\(agent.lastName) \(agent.firstName)"
        }
        var lines: [(name: String, competence: String, before: String, now: String, cause: String)] = []
        for moved in changes.moved where isOurs(moved.previous.agentID) {
            lines.append(
                (
                    who(moved.previous.agentID), context.competenceTitle(moved.previous.competence),
                    context.sessionLabel(moved.previous.sessionID), context.sessionLabel(moved.current.sessionID),
                    wording.cause(moved.cause)
                ))
        }
        for dropped in changes.dropped where isOurs(dropped.previous.agentID) {
            let why = context.unmetExplanation(
                agentID: dropped.previous.agentID, competence: dropped.previous.competence
            ).map(wording.summary)
            lines.append(
                (
                    who(dropped.previous.agentID), context.competenceTitle(dropped.previous.competence),
                    context.sessionLabel(dropped.previous.sessionID),
                    context.t("plus de formation prévue", "no training planned any more")
                        + (why.map { " (" + $0 + ")" } ?? ""),
                    wording.cause(dropped.cause)
                ))
        }
        for added in changes.added where isOurs(added.agentID) {
            lines.append(
                (
                    who(added.agentID), context.competenceTitle(added.competence), "—",
                    context.sessionLabel(added.sessionID),
                    context.t("nouvelle affectation", "new assignment")
                ))
        }
        let kept = changes.kept.filter { isOurs($0.agentID) }.count
        let rows = lines.sorted { ($0.name, $0.competence) < ($1.name, $1.competence) }.map {
            "<tr><td><b>\(HTMLText.escape($0.name))</b></td><td>\(HTMLText.escape($0.competence))</td><td>\(HTMLText.escape($0.before))</td><td>\(HTMLText.escape($0.now))</td><td>\(HTMLText.escape($0.cause))</td></tr>\n"
        }.joined()
        let body =
            rows.isEmpty
            ? "<p class=\"empty\">\(t("Aucun agent de la commune n’est concerné : leurs formations restent celles du plan précédent.", "No agent of the commune is concerned: their training stays as in the previous plan."))</p>"
            : """
            <p>\(t("Agents à prévenir :", "Agents to notify:")) <b>\(Set(lines.map(\.name)).count)</b> · \(t("formations inchangées :", "training unchanged:")) \(kept)</p>
            <table>
            <thead><tr><th>\(t("Agent", "Agent"))</th><th>\(t("Compétence", "Competence"))</th><th>\(t("Avant", "Before"))</th>\
            <th>\(t("Maintenant", "Now"))</th><th>\(t("Cause", "Cause"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            """
        return """
            <section>
            <h2>\(t("Changements depuis le plan", "Changes since plan")) \(HTMLText.escape(revision.previousPlanID))</h2>
            <div class="card">
            \(body)
            </div>
            </section>

            """
    }

    var costSection: String {
        var rows = ""
        for planned in plan.sessions {
            guard let share = planned.communes.first(where: { $0.communeCode == code }) else { continue }
            let others = planned.communes.filter { $0.communeCode != code }.map { context.communeName($0.communeCode) }
            rows += """
                <tr><td>\(HTMLText.escape(context.sessionLabel(planned.sessionID)))</td><td class="n">\(share.seats) / \(planned.participants.count)</td>\
                <td>\(HTMLText.escape(others.isEmpty ? "—" : others.joined(separator: ", ")))</td>\
                <td class="n">\(HTMLText.escape(numbers.money(planned.totalCost)))</td>\
                <td class="n"><b>\(HTMLText.escape(numbers.money(share.amount)))</b></td></tr>

                """
        }
        guard let outcome else { return "" }
        let budget =
            outcome.budget.map {
                "<p>\(t("Budget de la commune :", "The commune's budget:")) \(HTMLText.escape(numbers.money($0)))</p>"
            } ?? ""
        return """
            <section>
            <h2>\(t("Part des coûts", "Share of the costs"))</h2>
            <div class="card">
            <table>
            <thead><tr><th>\(t("Session", "Session"))</th><th>\(t("Places de la commune / total", "Commune's seats / total"))</th>\
            <th>\(t("Partagée avec", "Shared with"))</th><th>\(t("Coût de la session", "Session cost"))</th>\
            <th>\(t("Part de la commune", "Commune's share"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p>\(t("Sessions :", "Sessions:")) <b>\(HTMLText.escape(numbers.money(outcome.sessionCosts)))</b> · \
            \(t("trajets des agents :", "agents' travel:")) <b>\(HTMLText.escape(numbers.money(outcome.travelCosts)))</b> · \
            \(t("total :", "total:")) <b>\(HTMLText.escape(numbers.money(outcome.spent)))</b></p>
            \(budget)
            </div>
            </section>

            """
    }

    var unmetSection: String {
        guard !unmet.isEmpty else { return "" }
        let wording = PlanWording(context: context)
        var rows = ""
        for need in unmet {
            let agent = context.agent(need.need.agentID)?.agent
            let who = agent.map { "\($0.lastName) \($0.firstName)" } ?? need.need.agentID
            let headline = need.headline
            let change = context.nearestChange(need).map(wording.nearestChange) ?? "—"
            rows += """
                <tr><td>\(HTMLText.escape(who))</td><td>\(HTMLText.escape(context.competenceTitle(need.need.competence))) \
                (\(need.need.currentLevel) → \(need.need.targetLevel))</td>\
                <td><b>\(HTMLText.escape(headline.map(wording.labels) ?? ""))</b><br>\
                <span class="note">\(HTMLText.escape(headline.map(wording.reason) ?? ""))</span></td>\
                <td>\(HTMLText.escape(change))</td></tr>

                """
        }
        return """
            <section>
            <h2>\(t("Besoins non couverts", "Unmet needs"))</h2>
            <div class="card">
            <table>
            <thead><tr><th>\(t("Agent", "Agent"))</th><th>\(t("Compétence (niveau actuel → visé)", "Competence (current → target level)"))</th>\
            <th>\(t("Motif", "Reason"))</th><th>\(t("Changement le plus proche", "Nearest change"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>
            </section>

            """
    }

    /// The part of the commune's training plan, worded for its country.
    var annex: String {
        let byCourse = Dictionary(grouping: assignments) { context.course(ofSession: $0.sessionID)?.id ?? $0.sessionID }
        var rows = ""
        for (_, list) in byCourse.sorted(by: { $0.key < $1.key }) {
            guard let first = list.first, let course = context.course(ofSession: first.sessionID) else { continue }
            let competences = Set(list.map(\.competence)).sorted().map(context.competenceTitle).joined(separator: ", ")
            let hours = course.hours.map { numbers.decimal($0, fractionDigits: 1) + " h" } ?? "—"
            let sessionDates = Set(list.map(\.sessionID)).sorted().compactMap(context.session).map {
                dates.sessionDates($0.days)
            }.joined(separator: context.t(" ; ", "; "))
            rows += """
                <tr><td>\(HTMLText.escape(competences))</td><td>\(HTMLText.escape(course.title))</td>\
                <td>\(HTMLText.escape(context.providerName(course.providerID)))</td><td class="n">\(HTMLText.escape(hours))</td>\
                <td class="n">\(Set(list.map(\.agentID)).count)</td><td>\(HTMLText.escape(sessionDates))</td></tr>

                """
        }
        let heading: String
        let intro: String
        let adoption: [String]
        let toVerify: String
        // What the texts say, as far as they could be checked offline (sources in the comments): the
        // document leaves a blank for each step and names, as a point to verify, what could not be confirmed.
        if isFrench {
            // Code général de la fonction publique (former art. 7 of loi n° 84-594 du 12 juillet 1984, as
            // amended by loi n° 2007-209): collectivities draw up an annual or multi-year training plan,
            // presented to the deliberative assembly and sent to the CNFPT's delegation; the comité social
            // territorial gives its opinion (décret n° 2021-571 du 10 mai 2021). Read in the CDG 77 note
            // https://www.cdg77.fr/actualite/plan-de-developpement-de-competences-vous-accompagner-dans-lapplication-de-cette-obligation/
            // (quoting the code) and the Senate report on loi 2007-209 https://www.senat.fr/rap/l05-243/l05-24319.html.
            // The code's article number (L423-3) was not seen in those pages.
            heading = t(
                "Plan de développement des compétences — volet formation au numérique",
                "Skills development plan (plan de développement des compétences) — digital training part")
            intro = t(
                "Le présent volet du plan de formation de la collectivité \(name) recense les actions de formation au numérique retenues pour ses agents dans le plan mutualisé de l’intercommunalité, à partir du diagnostic Pix de leurs compétences. Il s’intègre au plan de formation annuel ou pluriannuel que la collectivité établit : soumis pour avis au comité social territorial, présenté à l’assemblée délibérante et transmis à la délégation du CNFPT.",
                "This part of the training plan of the local authority \(name) lists the digital training actions chosen for its staff in the intermunicipal mutualised plan, from the Pix diagnosis of their competences. It belongs in the annual or multi-year training plan the authority draws up: submitted for opinion to the comité social territorial, presented to the deliberative assembly and sent to the CNFPT's delegation."
            )
            adoption = [
                t("Avis du comité social territorial du ………………", "Opinion of the comité social territorial of ………………"),
                t(
                    "Présenté à l’assemblée délibérante (conseil municipal) le ………………",
                    "Presented to the deliberative assembly (conseil municipal) on ………………"),
                t("Transmis à la délégation du CNFPT le ………………", "Sent to the CNFPT's delegation on ………………"),
            ]
            toVerify = t(
                "Références : code général de la fonction publique (ancien article 7 de la loi n° 84-594 du 12 juillet 1984) ; décret n° 2021-571 du 10 mai 2021 relatif aux comités sociaux territoriaux. À vérifier : le numéro d’article du code (L. 423-3) et le calendrier propre à la collectivité.",
                "References: code général de la fonction publique (former article 7 of loi n° 84-594 of 12 July 1984); décret n° 2021-571 of 10 May 2021 on the comités sociaux territoriaux. To verify: the code's article number (L. 423-3) and the authority's own calendar."
            )
        } else {
            // Wallonia: the Conseil régional de la formation recommends that every local authority draw up a
            // training plan (recommandation n° 2, https://crf.wallonie.be/recommandation-n2.html), and the
            // general revision of pay scales (RGB, circulaires of 13 July 1994 for communes) ties careers
            // to training. Which body adopts the plan (collège or conseil communal, under the Code de la
            // démocratie locale et de la décentralisation and the commune's staff regulations) and the
            // prior union consultation could not be confirmed in a text offline: the document says so.
            heading = t(
                "Annexe au plan de formation — compétences numériques",
                "Annex to the training plan (plan de formation) — digital competences")
            intro = t(
                "La présente annexe au plan de formation de la commune de \(name) reprend les formations aux compétences numériques prévues pour son personnel dans le programme mutualisé du territoire, sur la base du diagnostic Pix des agents. Elle peut être jointe au plan de formation du personnel communal.",
                "This annex to the training plan of the commune of \(name) sets out the digital-competence training planned for its staff in the territory's mutualised programme, based on the agents' Pix diagnosis. It can be attached to the training plan of the commune's staff."
            )
            adoption = [
                t(
                    "Concertation syndicale du ………………",
                    "Union consultation (concertation syndicale) of ………………"),
                t(
                    "Adopté par ……………… (collège communal ou conseil communal) en séance du ………………",
                    "Adopted by ……………… (collège communal or conseil communal) at its meeting of ………………"),
            ]
            toVerify = t(
                "À vérifier : l’organe qui adopte le plan de formation (collège ou conseil communal) et la concertation préalable dépendent du statut du personnel de la commune (Code de la démocratie locale et de la décentralisation, principes généraux de la fonction publique locale) ; Parcours ne les a pas confirmés dans les textes. Référence : Conseil régional de la formation, recommandation n° 2 (plan de formation de chaque pouvoir local).",
                "To verify: the body that adopts the training plan (collège or conseil communal) and the prior consultation depend on the commune's staff regulations (Code de la démocratie locale et de la décentralisation, general principles of the local civil service); Parcours has not confirmed them in the texts. Reference: Conseil régional de la formation, recommendation no. 2 (a training plan for every local authority)."
            )
        }
        return """
            <section class="annex">
            <h2>\(heading)</h2>
            <div class="card">
            <p>\(intro)</p>
            <table>
            <thead><tr><th>\(t("Compétences visées", "Competences targeted"))</th><th>\(t("Action de formation", "Training action"))</th>\
            <th>\(t("Organisme", "Provider"))</th><th>\(t("Durée", "Duration"))</th><th>\(t("Agents", "Agents"))</th>\
            <th>\(t("Période", "Period"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            <p>\(t("Coût pour la commune :", "Cost to the commune:")) <b>\(HTMLText.escape(numbers.money(outcome?.spent ?? 0)))</b> \
            \(t("(part des sessions mutualisées et déplacements).", "(share of the mutualised sessions and travel)."))</p>
            \(adoption.map { "<p class=\"sign\">\($0)</p>" }.joined(separator: "\n"))
            <p class="note">\(toVerify)</p>
            </div>
            </section>

            """
    }
}
