import Foundation
import Hummingbird
import ParcoursOutput
import ParcoursStore

/// A provider's upload page: a file field (no script needed), the validation report of the file just
/// sent (a large file is imported by a job, whose page shows the report once done), and the catalogue's
/// stored versions.
struct UploadPage {
    let environment: ServiceEnvironment

    func register(in registry: inout RouteRegistry) {
        registry.on(.get, "/catalogues/upload") { request, context in
            let user = try PageAccess(.provider).user(of: context, request: request)
            return ResponseBody.html(try await page(request, user: user, outcome: nil))
        }
        registry.on(.post, "/catalogues/upload") { request, context in
            let user = try PageAccess(.provider).user(of: context, request: request)
            let body = try await request.body.collect(upTo: CatalogueRoutes.maximumBytes + 64 * 1024)
            let shell = PageShell(request: request, user: user)
            let outcome: Outcome
            if let file = MultipartFile(
                field: "catalogue", body: Data(buffer: body), contentType: request.headers[.contentType] ?? ""),
                ["xml", "csv"].contains((file.fileName as NSString).pathExtension.lowercased())
            {
                if file.data.count > environment.jobs.backgroundImportBytes {
                    // Too large to import while the browser waits: the job's page follows it.
                    let job = try await CatalogueImportJobHandler.enqueue(
                        file.data, name: file.fileName, by: user, language: shell.language, environment: environment)
                    return ResponseBody.seeOther(shell.link("/jobs/\(job.id)"))
                }
                do {
                    outcome = .report(
                        try await CatalogueRoutes(environment: environment).upload(
                            file.data, name: file.fileName, by: user, language: shell.language))
                } catch let error as APIError {
                    outcome = .refused(error.message)
                }
            } else {
                outcome = .refused(
                    shell.language.pick(
                        "Choisissez un fichier .xml (LHEO, XCRI-CAP) ou .csv (modèle Parcours).",
                        "Choose a .xml (LHEO, XCRI-CAP) or .csv (Parcours template) file."))
            }
            let status: HTTPResponse.Status = if case .refused = outcome { .unprocessableContent } else { .ok }
            return ResponseBody.html(try await page(request, user: user, outcome: outcome), status: status)
        }
    }

    enum Outcome {
        case report(UploadReport)
        case refused(String)
    }

    private func page(_ request: Request, user: UserAccount, outcome: Outcome?) async throws -> String {
        let shell = PageShell(request: request, user: user)
        var content = ""
        switch outcome {
        case .report(let report): content += reportSection(report, shell: shell)
        case .refused(let message):
            content +=
                "<div class=\"error\" role=\"alert\"><p><strong>\(shell.t("Fichier refusé, rien n’est enregistré :", "File refused, nothing is stored:"))</strong> \(HTMLText.escape(message))</p></div>\n"
        case nil: break
        }
        content += """
            <form method="post" action="\(shell.link("/catalogues/upload"))" enctype="multipart/form-data">
            <label for="catalogue">\(shell.t("Fichier du catalogue", "Catalogue file"))</label>
            <p class="help" id="catalogue-help">\(shell.t("LHEO ou XCRI-CAP (.xml), ou le modèle CSV de Parcours (.csv). Le fichier est enregistré en entier ou pas du tout.", "LHEO or XCRI-CAP (.xml), or Parcours's CSV template (.csv). The file is stored whole or not at all."))</p>
            <input type="file" id="catalogue" name="catalogue" accept=".xml,.csv" required aria-describedby="catalogue-help">
            <div><button type="submit">\(shell.t("Envoyer", "Send"))</button></div>
            </form>
            <h2>\(shell.t("Versions enregistrées", "Stored versions"))</h2>

            """
        let versions = try await environment.store.catalogueVersions(of: user.providerID ?? "")
        if versions.isEmpty {
            content += "<p>\(shell.t("Aucune version pour l’instant.", "No version yet."))</p>\n"
        } else {
            content += """
                <table><thead><tr><th scope="col">\(shell.t("Fichier", "File"))</th><th scope="col">\(shell.t("Format", "Format"))</th>\
                <th scope="col">\(shell.t("Importé le", "Imported on"))</th><th scope="col">\(shell.t("Formations", "Courses"))</th>\
                <th scope="col">Sessions</th><th scope="col">\(shell.t("En cours", "Current"))</th></tr></thead><tbody>

                """
            for version in versions.reversed() {
                let date = HTMLText.escape(DateText(language: shell.language).shortDay(version.importedAt))
                content += """
                    <tr><td>\(HTMLText.escape(version.fileName))</td><td>\(HTMLText.escape(version.format))</td><td>\(date)</td>\
                    <td class="n">\(version.courseCount)</td><td class="n">\(version.sessionCount)</td>\
                    <td>\(version.isCurrent ? shell.t("oui", "yes") : shell.t("non", "no"))</td></tr>

                    """
            }
            content += "</tbody></table>\n"
        }
        return shell.page(title: shell.language.pick("Votre catalogue", "Your catalogue"), content: content)
    }

    /// The validation report of an upload, as a section.
    func reportSection(_ report: UploadReport, shell: PageShell) -> String {
        let headline =
            report.stored
            ? shell.t(
                "Catalogue enregistré : \(shell.language.integer(report.acceptedCourses)) formations, \(shell.language.integer(report.acceptedSessions)) sessions.",
                "Catalogue stored: \(shell.language.integer(report.acceptedCourses)) courses, \(shell.language.integer(report.acceptedSessions)) sessions."
            )
            : shell.t(
                "Ce fichier avait déjà été enregistré : rien n’a changé.",
                "This file had been stored before: nothing changed.")
        var out = """
            <section aria-labelledby="report-title">
            <h2 id="report-title">\(shell.t("Rapport de validation", "Validation report")) — \(HTMLText.escape(report.file))</h2>
            <p class="ok" role="status">\(headline)</p>

            """
        guard report.stored else { return out + "</section>\n" }
        out += """
            <p>\(shell.t("Erreurs", "Errors"))\(shell.colon) \(report.errorCount) · \(shell.t("Avertissements", "Warnings"))\(shell.colon) \(report.warningCount)\
            \(report.rejectedCourses.isEmpty ? "" : " · " + shell.t("Formations écartées", "Courses left out") + shell.colon + " " + HTMLText.escape(report.rejectedCourses.joined(separator: ", ")))</p>

            """
        for note in report.notes { out += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
        if !report.diagnostics.isEmpty {
            out += """
                <table><thead><tr><th scope="col">\(shell.t("Gravité", "Severity"))</th><th scope="col">\(shell.t("Ligne", "Line"))</th>\
                <th scope="col">\(shell.t("Champ", "Field"))</th><th scope="col">\(shell.t("Formation", "Course"))</th><th scope="col">\(shell.t("Problème", "Problem"))</th></tr></thead><tbody>

                """
            for diagnostic in report.diagnostics {
                let severity =
                    diagnostic.severity == "error" ? shell.t("erreur", "error") : shell.t("avertissement", "warning")
                out += """
                    <tr><td>\(severity)</td><td class="n">\(diagnostic.line.map(String.init) ?? "")</td>\
                    <td>\(HTMLText.escape(diagnostic.field ?? ""))</td><td>\(HTMLText.escape(diagnostic.course ?? ""))</td><td>\(HTMLText.escape(diagnostic.message))</td></tr>

                    """
            }
            out += "</tbody></table>\n"
        }
        return out + "</section>\n"
    }
}
