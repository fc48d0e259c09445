import Foundation
import ParcoursOutput
import ParcoursStore

/// The dashboard's sections about making plans: for the coordinator, the form to run one (the options
/// of `parcours plan`, or `replan` from a stored plan) and the territory's recent jobs; for the
/// coordinator and procurement, the form to compare two plans.
struct PlanRunForm {
    let shell: PageShell
    let territoryID: String
    /// The territory's plans, newest first.
    let plans: [PlanSummary]
    /// The territory's recent plan jobs, newest first (at most ``recentJobs``).
    let jobs: [Job]
    let canRun: Bool

    /// How many recent jobs the dashboard lists.
    static let recentJobs = 5

    var html: String {
        (canRun ? runSection + jobsSection : "") + compareSection
    }

    private func options(selected: Int64?) -> String {
        plans.map { plan in
            let label = plan.label.isEmpty ? "" : " — " + HTMLText.escape(plan.label)
            return
                "<option value=\"\(plan.id)\"\(plan.id == selected ? " selected" : "")>\(shell.t("plan", "plan")) \(plan.id)\(label)</option>"
        }.joined(separator: "\n")
    }

    private func field(_ name: String, _ french: String, _ english: String, type: String = "text", extra: String = "")
        -> String
    {
        """
        <label for="\(name)">\(shell.t(french, english))</label>
        <input type="\(type)" id="\(name)" name="\(name)"\(extra) aria-describedby="run-help">

        """
    }

    private var runSection: String {
        """
        <section aria-labelledby="run-title">
        <h2 id="run-title">\(shell.t("Faire un plan", "Make a plan"))</h2>
        <form method="post" action="\(shell.link("/territories/\(territoryID)/plans"))">
        <p class="help" id="run-help">\(shell.t("Chaque champ rempli change une règle de Config/planning.yaml pour ce plan seulement ; laissé vide, la règle s’applique. Le calcul tourne en arrière-plan : une page suit son avancement.", "Each field filled in changes one rule of Config/planning.yaml for this plan only; left empty, the rule applies. The plan is made in the background: a page follows its progress."))</p>
        \(field("label", "Libellé du plan", "Plan label"))\
        \(field("maximumTravelKm", "Trajet maximal (km par la route)", "Maximum travel (road km)", type: "number", extra: " min=\"0\" step=\"any\" inputmode=\"decimal\""))\
        \(field("minimumGroupSize", "Taille minimale d’un groupe", "Minimum group size", type: "number", extra: " min=\"1\" step=\"1\""))\
        <label for="remote">\(shell.t("Sessions à distance", "Remote sessions"))</label>
        <select id="remote" name="remote" aria-describedby="run-help"><option value="">\(shell.t("comme le prévoit la configuration", "as the configuration says"))</option>\
        <option value="yes">\(shell.t("autorisées", "allowed"))</option><option value="no">\(shell.t("exclues", "excluded"))</option></select>
        \(field("budget", "Budget par commune (€)", "Budget per commune (€)", type: "number", extra: " min=\"0\" step=\"any\" inputmode=\"decimal\""))\
        \(field("communes", "Communes participantes (codes INS ou INSEE, séparés par des virgules)", "Taking part (NIS or INSEE codes, comma-separated)"))\
        \(field("date", "Date du plan", "Plan date", type: "date"))\
        \(field("timeLimit", "Temps de calcul maximal (secondes)", "Maximum solving time (seconds)", type: "number", extra: " min=\"1\" step=\"any\""))\
        \(field("gapTargetPercent", "Écart visé avec le meilleur plan possible (%, 0 : chercher jusqu’au temps maximal)", "Gap to the best possible plan to reach (%, 0: search until the maximum time)", type: "number", extra: " min=\"0\" max=\"99\" step=\"any\" inputmode=\"decimal\""))\
        <fieldset>
        <legend>\(shell.t("Refaire un plan existant (facultatif)", "Re-plan a stored plan (optional)"))</legend>
        <label for="replanFrom">\(shell.t("Plan de départ", "Plan to start from"))</label>
        <select id="replanFrom" name="replanFrom"><option value="">\(shell.t("aucun : nouveau plan", "none: a new plan"))</option>
        \(options(selected: nil))</select>
        <label for="cancelSessions">\(shell.t("Sessions annulées (identifiants, séparés par des virgules)", "Cancelled sessions (ids, comma-separated)"))</label>
        <input type="text" id="cancelSessions" name="cancelSessions">
        <label for="removeAgents">\(shell.t("Agents partis (matricules, séparés par des virgules)", "Agents who left (ids, comma-separated)"))</label>
        <input type="text" id="removeAgents" name="removeAgents">
        <label for="pin">\(shell.t("Affectations gardées", "Assignments kept"))</label>
        <select id="pin" name="pin"><option value="unaffected">\(shell.t("celles que les changements ne touchent pas", "those the changes do not touch"))</option>\
        <option value="all">\(shell.t("toutes celles encore possibles", "all those still possible"))</option>\
        <option value="none">\(shell.t("aucune", "none"))</option></select>
        </fieldset>
        <div><button type="submit">\(shell.t("Lancer le calcul", "Start the plan"))</button></div>
        </form>
        </section>

        """
    }

    private var jobsSection: String {
        guard !jobs.isEmpty else { return "" }
        var rows = ""
        for job in jobs {
            let document = JobDocument(job, language: shell.language)
            let state =
                switch job.state {
                case .queued: shell.t("en attente", "queued")
                // Its progress is on the job's page: a heartbeat does not change the data revision.
                case .running: shell.t("en cours", "running")
                case .done: shell.t("terminé", "done")
                case .failed: shell.t("échec", "failed")
                }
            let plan =
                document.plan.map {
                    "<a href=\"\(shell.link("/plans/\($0.id)/report"))\">\(shell.t("plan", "plan")) \($0.id)</a>"
                } ?? ""
            rows += """
                <tr><td><a href="\(shell.link("/jobs/\(job.id)"))">\(shell.t("travail", "job")) \(job.id)</a></td><td>\(state)</td><td>\(plan)</td></tr>

                """
        }
        return """
            <section aria-labelledby="jobs-title">
            <h2 id="jobs-title">\(shell.t("Calculs récents", "Recent plan runs"))</h2>
            <table><thead><tr><th scope="col">\(shell.t("Travail", "Job"))</th><th scope="col">\(shell.t("État", "State"))</th>\
            <th scope="col">\(shell.t("Plan", "Plan"))</th></tr></thead><tbody>
            \(rows)</tbody></table>
            </section>

            """
    }

    private var compareSection: String {
        guard plans.count >= 2 else { return "" }
        return """
            <section aria-labelledby="compare-title">
            <h2 id="compare-title">\(shell.t("Comparer deux plans", "Compare two plans"))</h2>
            <form method="get" action="/territories/\(HTMLText.escape(territoryID))/compare">
            <input type="hidden" name="lang" value="\(shell.language.rawValue)">
            <label for="first">\(shell.t("Premier plan", "First plan"))</label>
            <select id="first" name="first">\(options(selected: plans[1].id))</select>
            <label for="second">\(shell.t("Second plan", "Second plan"))</label>
            <select id="second" name="second">\(options(selected: plans[0].id))</select>
            <div><button type="submit">\(shell.t("Comparer", "Compare"))</button></div>
            </form>
            </section>

            """
    }
}
