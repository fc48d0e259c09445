import Foundation
import ParcoursModel
import ParcoursSolver

/// A session's document: dates, venue, expected group size, communes represented, the group's level
/// range per competence taught, equipment to provide and to bring, and the participants. The provider's
/// copy (`commune` nil) shows every participant by pseudonym; a commune's copy names its own agents and
/// keeps the others' pseudonyms.
public enum PlanSessionHTML {
    public static func render(_ context: PlanContext, session id: String, commune: String?) -> String {
        let page = SessionPage(context: context, id: id, commune: commune)
        return HTMLPage.document(
            language: context.language, title: page.title, css: ReportStyle.css + ReportStyle.planCSS, body: page.body)
    }
}

private struct SessionPage {
    let context: PlanContext
    let id: String
    let commune: String?
    var numbers: NumberText { NumberText(language: context.language) }
    func t(_ french: String, _ english: String) -> String { HTMLText.escape(context.t(french, english)) }

    var session: TrainingSession? { context.session(id) }
    var course: Course? { context.course(ofSession: id) }
    var planned: PlannedSession? { context.plan.sessions.first { $0.sessionID == id } }

    var title: String { HTMLText.escape(course?.title ?? id) }

    var body: String {
        guard let session, let planned else {
            return
                "<h1>\(title)</h1><p class=\"empty\">\(t("Session non ouverte dans ce plan.", "Session not opened in this plan."))</p>"
        }
        return header(session) + facts(session, planned) + levels(planned) + participants(planned)
    }

    func header(_ session: TrainingSession) -> String {
        let audience =
            commune.map { code in
                t("Exemplaire de la commune de ", "Copy of the commune of ")
                    + HTMLText.escape(context.communeName(code))
                    + t(
                        " : ses agents sont nommés, les autres pseudonymisés.",
                        ": its agents are named, others pseudonymised.")
            }
            ?? t(
                "Exemplaire de l’organisme de formation : participants pseudonymisés.",
                "Training provider's copy: participants pseudonymised.")
        return """
            <header>
            <h1>\(title)</h1>
            <p class="meta">\(HTMLText.escape(course.map { context.providerName($0.providerID) } ?? "")) · \(audience)</p>
            </header>

            """
    }

    func facts(_ session: TrainingSession, _ planned: PlannedSession) -> String {
        let dates = DateText(language: context.language)
        let days = dates.dayLines(session.days).map { "<li>\(HTMLText.escape($0))</li>" }
            .joined()
        let venue =
            session.venue.map {
                "\(HTMLText.escape($0.name))<br>\(HTMLText.escape($0.address))<br><span class=\"note\">GPS \(String(format: "%.5f, %.5f", $0.coordinate.latitude, $0.coordinate.longitude))</span>"
            }
            ?? t(
                "À distance : envoyez le lien de connexion aux participants.",
                "Remote: send the link to join to the participants.")
        let communes = planned.communes.map { "\(HTMLText.escape(context.communeName($0.communeCode))) (\($0.seats))" }
            .joined(separator: ", ")
        let provided = Equipment.allCases.filter { session.equipmentProvided.contains($0) }
        let bring = Equipment.allCases.filter {
            session.equipmentRequired.contains($0) && !session.equipmentProvided.contains($0)
        }
        let provide =
            provided.isEmpty
            ? t("rien", "nothing")
            : provided.map { "\(HTMLText.escape($0.label(in: context.language))) × \(planned.participants.count)" }
                .joined(separator: ", ")
        let brought =
            bring.isEmpty
            ? t("rien", "nothing")
            : HTMLText.escape(bring.map { $0.label(in: context.language) }.joined(separator: ", "))
        return """
            <div class="row">
            <div class="card side">
            <h3>\(t("Dates", "Dates"))</h3><ul>\(days)</ul>
            <h3>\(t("Lieu", "Venue"))</h3><p>\(venue)</p>
            </div>
            <div class="card side">
            <h3>\(t("Groupe", "Group"))</h3>
            <p><b>\(planned.participants.count)</b> \(t("participants attendus", "participants expected")) \
            (\(t("minimum", "minimum")) \(session.minimumSeats), \(t("maximum", "maximum")) \(session.maximumSeats))\
            \(planned.waitlist.isEmpty ? "" : " · \(planned.waitlist.count) " + t("en liste d’attente", "on the waiting list"))</p>
            <p>\(t("Communes représentées (places) :", "Communes represented (seats):")) \(communes)</p>
            <h3>\(t("Matériel", "Equipment"))</h3>
            <p>\(t("À fournir par l’organisme :", "To be provided by the provider:")) \(provide)<br>\
            \(t("Apporté par les participants :", "Brought by the participants:")) \(brought)</p>
            </div>
            </div>

            """
    }

    /// The group's levels per competence the course teaches: current levels' range and targets' range.
    func levels(_ planned: PlannedSession) -> String {
        let needs = context.needsByKey
        let covered = context.plan.assignments.filter { $0.sessionID == id }
        var rows = ""
        for taught in course?.competences ?? [] {
            let levels = covered.filter { $0.competence == taught.code }.compactMap {
                needs[NeedKey(agentID: $0.agentID, competence: $0.competence)]
            }
            guard let low = levels.map(\.currentLevel).min(), let high = levels.map(\.currentLevel).max(),
                let targetLow = levels.map(\.targetLevel).min(), let targetHigh = levels.map(\.targetLevel).max()
            else { continue }
            rows += """
                <tr><td>\(taught.code.rawValue) \(HTMLText.escape(context.competenceTitle(taught.code)))</td>\
                <td class="n">\(levels.count)</td><td class="n">\(range(low, high))</td><td class="n">\(range(targetLow, targetHigh))</td>\
                <td class="n">\(taught.entryLevel) → \(taught.exitLevel)</td></tr>

                """
        }
        guard !rows.isEmpty else { return "" }
        return """
            <div class="card">
            <h3>\(t("Niveaux du groupe", "The group's levels"))</h3>
            <table>
            <thead><tr><th>\(t("Compétence", "Competence"))</th><th>\(t("Participants", "Participants"))</th>\
            <th>\(t("Niveaux actuels", "Current levels"))</th><th>\(t("Niveaux visés", "Target levels"))</th>\
            <th>\(t("Cours (entrée → sortie)", "Course (entry → exit)"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>

            """
    }

    func range(_ low: Int, _ high: Int) -> String {
        low == high ? "\(low)" : "\(low)–\(high)"
    }

    func participants(_ planned: PlannedSession) -> String {
        let needs = context.needsByKey
        let covered = context.plan.assignments.filter { $0.sessionID == id }
        let rows = covered.map { assignment -> (String, String) in
            let agent = context.agent(assignment.agentID)?.agent
            let named = commune != nil && agent?.communeCode == commune
            let who =
                named ? agent.map { "\($0.lastName) \($0.firstName)" } ?? "" : context.pseudonym(assignment.agentID)
            let need = needs[NeedKey(agentID: assignment.agentID, competence: assignment.competence)]
            let levels = need.map { " (\($0.currentLevel) → \($0.targetLevel))" } ?? ""
            return (
                (named ? "0" : "1") + who,
                """
                <tr><td>\(HTMLText.escape(who))</td><td>\(HTMLText.escape(agent.map { context.communeName($0.communeCode) } ?? ""))</td>\
                <td>\(assignment.competence.rawValue)\(levels)</td></tr>

                """
            )
        }.sorted { $0.0 < $1.0 }.map(\.1).joined()
        return """
            <div class="card">
            <h3>\(t("Participants", "Participants"))</h3>
            <table>
            <thead><tr><th>\(commune == nil ? t("Participant (pseudonyme)", "Participant (pseudonym)") : t("Participant", "Participant"))</th>\
            <th>\(t("Commune", "Commune"))</th><th>\(t("Compétence (niveau actuel → visé)", "Competence (current → target level)"))</th></tr></thead>
            <tbody>
            \(rows)</tbody>
            </table>
            </div>

            """
    }
}
