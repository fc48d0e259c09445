import ArgumentParser
import Foundation
import ParcoursCatalogue
import ParcoursModel
import ParcoursStore

/// `parcours import catalogue FILE… [--provider ID] [--strict] [--profile auto|fr|be]`: stores
/// provider catalogues, one transaction per file. Courses in error are left out and listed; a
/// refused file stores nothing; `--strict` refuses a file with any course in error. Each file
/// makes a new version of its providers' catalogues, replacing the previous one; older versions
/// are kept. Exit status: the worst of the files, as `validate catalogue` (0, 1, 2).
struct ImportCatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Store provider catalogues (LHEO, XCRI-CAP, Parcours CSV) in the database, one transaction per file.",
        discussion: "Exit status: 0 nothing in error, 1 some courses left out, 2 a file refused (nothing of it stored)."
    )

    @OptionGroup var options: GlobalOptions
    @OptionGroup var catalogue: CatalogueOptions

    @Argument(help: "The catalogue files (.xml or .csv).")
    var files: [String]

    @Option(name: .long, help: "The provider's identity (e.g. SIRET:…, BCE:…) for a single-provider file.")
    var provider: String?

    @Flag(name: .long, help: "Refuse a file as a whole when any of its courses is in error.")
    var strict = false

    /// Why a file is refused after reading it (nothing of it is stored).
    private struct Refused: Error {
        let fr: String
        let en: String
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let reader = catalogue.reader(configuration: configuration)
        let language = options.language
        var status: Int32 = 0
        for file in files {
            let source = try options.reportingFailures { try SourceFile(path: file) }
            var summary: CatalogueSummary?
            do {
                let outcome = try await store.importCatalogue(source) { add in
                    var seen: String?
                    let read = try reader.read(path: file) { course, found in
                        guard let provider else { return try add(course, found) }
                        if let seen, seen != found.id {
                            throw Refused(
                                fr:
                                    "--provider ne vaut que pour un fichier d'un seul organisme (trouvés : \(seen), \(found.id))",
                                en: "--provider only applies to a single-provider file (found \(seen), \(found.id))")
                        }
                        seen = found.id
                        try add(
                            course.with(providerID: provider),
                            CatalogueProvider(
                                id: provider, name: found.name, siret: found.siret,
                                belgianCompanyNumber: found.belgianCompanyNumber, country: found.country))
                    }
                    if strict, read.errorCount > 0 {
                        summary = read
                        throw Refused(
                            fr:
                                "refusé (--strict) : \(read.rejectedCourses.count) formation(s) en erreur, rien n'est enregistré",
                            en: "refused (--strict): \(read.rejectedCourses.count) course(s) in error, nothing stored")
                    }
                    summary = read
                    return read.format.rawValue
                }
                print(
                    ImportSummary.line(
                        file: file, outcome: outcome, importedFR: "formations importées",
                        importedEN: "courses imported", language: language))
                if let summary {
                    CatalogueReportText.lines(summary, language: language).dropFirst().forEach { print($0) }
                    status = max(status, summary.exitStatus)
                }
            } catch let refusal as CatalogueRefusal {
                FileHandle.standardError.write(Data((refusal.formatted(language: language) + "\n").utf8))
                status = 2
            } catch let refused as Refused {
                let lines =
                    [file + ": " + language.pick(refused.fr, refused.en)]
                    + (summary.map { CatalogueReportText.lines($0, language: language).dropFirst() } ?? [])
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                status = 2
            } catch let error as StoreError {
                throw CommandFailure(lines: [error.description])
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
