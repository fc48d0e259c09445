import Foundation
import Hummingbird
import ParcoursModel
import ParcoursOutput
import ParcoursStore
import ParcoursWorkflow

/// Running a plan from the coordinator's dashboard, without script: the form (the options of `parcours
/// plan` and `replan`) posts to `/territories/{territory}/plans`, which queues the job and sends the
/// browser to the job's page; that page reloads itself every few seconds (the user may stop it) with the
/// job's progress until it ends, then links to the plan's report, unmet needs and comparison. A provider
/// follows a large catalogue import on the same page, its validation report shown once done.
struct PlanRunPage {
    let environment: ServiceEnvironment
    /// How often a job's page reloads while the job runs.
    static let refreshSeconds = 3

    func register(in registry: inout RouteRegistry) {
        registry.on(.post, "/territories/{territory}/plans") { request, context in
            let user = try PageAccess(.coordinator).user(of: context, request: request)
            let territoryID = try context.parameters.require("territory")
            guard user.territoryID(in: environment.configuration) == territoryID else {
                throw PageError.forbidden(request, user: user)
            }
            let shell = PageShell(request: request, user: user)
            let body = try await request.body.collect(upTo: 64 * 1024)
            let fields = (try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body))) ?? [:]
            guard var asked = PlanRequest(form: fields) else {
                return refused(
                    shell.language.pick(
                        "Un des nombres du formulaire n’en est pas un.", "One of the form's numbers is not a number."),
                    shell: shell, territoryID: territoryID)
            }
            asked.territory = territoryID
            do {
                let parameters = try await asked.parameters(
                    for: user, environment: environment, language: shell.language)
                let job = try await JobRoutes(environment: environment).enqueuePlan(parameters)
                return ResponseBody.seeOther(shell.link("/jobs/\(job.id)"))
            } catch let error as APIError {
                return refused(error.message, shell: shell, territoryID: territoryID)
            }
        }
        registry.on(.get, "/jobs/{id}") { request, context in
            let user = try PageAccess(.coordinator, .provider).user(of: context, request: request)
            let text = try context.parameters.require("id")
            guard let id = Int64(text), let job = try await environment.store.job(id: id),
                job.concerns(user, in: environment.configuration)
            else {
                throw PageError.notFound(
                    request, user: user, what: request.language.pick("Aucun travail \(text).", "No job \(text)."))
            }
            return ResponseBody.html(try await page(job, request: request, user: user))
        }
    }

    /// The form's values refused: what is wrong, and the way back.
    private func refused(_ message: String, shell: PageShell, territoryID: String) -> Response {
        ResponseBody.html(
            shell.page(
                title: shell.language.pick("Plan non lancé", "Plan not started"),
                content: """
                    <div class="error" role="alert"><p>\(HTMLText.escape(message))</p></div>
                    <p><a href="\(shell.link("/territories/\(territoryID)"))#run-title">\(shell.t("Revenir au formulaire", "Back to the form"))</a></p>
                    """), status: .unprocessableContent)
    }

    private func page(_ job: Job, request: Request, user: UserAccount) async throws -> String {
        let shell = PageShell(request: request, user: user)
        let document = JobDocument(job, language: shell.language)
        let running = job.state == .queued || job.state == .running
        let refreshing = running && request.uri.queryParameters.get("refresh") != "off"
        let isPlan = job.kind == PlanJobHandler.kind
        var content = "<p role=\"status\">\(stateText(document, shell: shell))</p>\n"
        if running {
            let percent = Int(document.progress?.percent ?? 0)
            content += """
                <p><label for="job-progress">\(shell.t("Avancement", "Progress"))</label>
                <progress id="job-progress" max="100" value="\(percent)">\(percent) %</progress> \(percent) %</p>

                """
            if let progress = document.progress, progress.phase == "solving" {
                content += solvingFigures(progress, shell: shell)
            }
            content +=
                refreshing
                ? "<p class=\"help\">\(shell.t("La page s’actualise toutes les \(Self.refreshSeconds) secondes.", "The page reloads every \(Self.refreshSeconds) seconds.")) <a href=\"\(shell.link("/jobs/\(job.id)?refresh=off"))\">\(shell.t("Arrêter l’actualisation automatique", "Stop reloading automatically"))</a></p>\n"
                : "<p class=\"help\"><a href=\"\(shell.link("/jobs/\(job.id)?refresh=off"))\">\(shell.t("Actualiser", "Reload"))</a> · <a href=\"\(shell.link("/jobs/\(job.id)"))\">\(shell.t("Actualiser automatiquement", "Reload automatically"))</a></p>\n"
        }
        if let reason = document.reason {
            let heading =
                job.state == .failed
                ? shell.t("Motif de l’échec :", "Why it failed:")
                : shell.t("Tentative précédente :", "Previous attempt:")
            content +=
                "<div class=\"\(job.state == .failed ? "error" : "note")\"><p><strong>\(heading)</strong> \(HTMLText.escape(reason))</p></div>\n"
        }
        if let plan = document.plan {
            content += try await planLinks(plan.id, shell: shell)
        }
        if let report = document.report {
            content += UploadPage(environment: environment).reportSection(report, shell: shell)
        }
        content +=
            isPlan
            ? "<p><a href=\"\(shell.link("/territories/\(job.territoryID ?? "")"))\">\(shell.t("Retour au tableau de bord", "Back to the dashboard"))</a></p>\n"
            : "<p><a href=\"\(shell.link("/catalogues/upload"))\">\(shell.t("Retour au catalogue", "Back to the catalogue"))</a></p>\n"
        let title =
            isPlan
            ? shell.language.pick("Calcul du plan — travail \(job.id)", "Plan run — job \(job.id)")
            : shell.language.pick("Import du catalogue — travail \(job.id)", "Catalogue import — job \(job.id)")
        return shell.page(title: title, content: content, refreshSeconds: refreshing ? Self.refreshSeconds : nil)
    }

    /// The job's state in a sentence.
    private func stateText(_ job: JobDocument, shell: PageShell) -> String {
        switch job.state {
        case .queued:
            shell.t(
                "En attente : le travail commencera dès qu’une instance sera libre.",
                "Queued: the job starts as soon as an instance is free.")
        case .running:
            shell.t("En cours", "Running") + " — " + phaseName(job.progress?.phase, shell: shell)
                + (job.attempts > 1 ? shell.t(" (tentative \(job.attempts))", " (attempt \(job.attempts))") : "")
        case .done: shell.t("Terminé.", "Done.")
        case .failed: shell.t("Échec.", "Failed.")
        }
    }

    private func phaseName(_ phase: String?, shell: PageShell) -> String {
        switch phase {
        case "solving": shell.t("recherche du meilleur plan", "searching for the best plan")
        case "saving": shell.t("enregistrement du plan", "storing the plan")
        case "importing": shell.t("lecture et enregistrement du fichier", "reading and storing the file")
        default: shell.t("préparation des données", "gathering the data")
        }
    }

    /// The planner's figures so far: the best plan's objective, the bound, the gap.
    private func solvingFigures(_ progress: JobProgress, shell: PageShell) -> String {
        let text = PlanText(shell.language)
        let dash = shell.t("pas encore", "not yet")
        return """
            <dl class="figures">
            <dt>\(shell.t("Valeur du meilleur plan trouvé", "Value of the best plan found"))</dt><dd>\(progress.objective.map { HTMLText.escape(text.euros($0)) } ?? dash)</dd>
            <dt>\(shell.t("Borne (meilleur plan possible)", "Bound (best possible plan)"))</dt><dd>\(progress.bound.map { HTMLText.escape(text.euros($0)) } ?? dash)</dd>
            <dt>\(shell.t("Écart à la borne", "Gap to the bound"))</dt><dd>\(progress.gap.map { HTMLText.escape(text.percent($0)) } ?? dash)</dd>
            <dt>\(shell.t("Temps de calcul", "Solving time"))</dt><dd>\(HTMLText.escape(shell.language.decimal(progress.seconds ?? 0, fractionDigits: 1))) s</dd>
            </dl>

            """
    }

    /// Where to go from a plan made: its report, its unmet needs, and the plan it re-planned.
    private func planLinks(_ id: Int64, shell: PageShell) async throws -> String {
        let summary = try await environment.store.plan(id: id)?.summary
        var links = """
            <li><a href="\(shell.link("/plans/\(id)/report"))">\(shell.t("Rapport du plan \(id)", "Report of plan \(id)"))</a></li>
            <li><a href="\(shell.link("/plans/\(id)/unmet-needs"))">\(shell.t("Besoins non couverts et leurs motifs", "Unmet needs and their reasons"))</a></li>

            """
        if let summary, let previous = summary.previousPlanID {
            let territoryID = summary.territoryID
            links +=
                "<li><a href=\"\(shell.link("/territories/\(territoryID)/compare?first=\(previous)&second=\(id)"))\">\(shell.t("Comparer au plan \(previous)", "Compare with plan \(previous)"))</a></li>\n"
        }
        return "<h2>\(shell.t("Plan \(id)", "Plan \(id)"))</h2>\n<ul>\n\(links)</ul>\n"
    }
}
