import ArgumentParser
import Foundation
import ParcoursCatalogue

/// `parcours validate catalogue FILE [--profile auto|fr|be] [--json]`: checks a provider
/// catalogue and reports every problem, storing nothing. Exit status 0 when nothing is in error
/// (warnings allowed), 1 when some courses are in error, 2 when the file is refused as a whole.
struct ValidateCatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Check a provider catalogue (LHEO, XCRI-CAP, Parcours CSV) and report its problems.",
        discussion: "Exit status: 0 nothing in error, 1 some courses in error, 2 file refused.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var catalogue: CatalogueOptions

    @Argument(help: "The catalogue file (.xml or .csv).")
    var file: String

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let language = options.language
        let summary: CatalogueSummary
        do {
            summary = try catalogue.reader(configuration: configuration).read(path: file) { _, _ in }
        } catch let refusal as CatalogueRefusal {
            if json {
                print(CatalogueReportText.json(CatalogueReportText.RefusalJSON(refusal, language: language)))
            }
            throw CatalogueReportText.failure(refusal, language: language)
        }
        if json {
            print(CatalogueReportText.json(CatalogueReportText.JSONReport(summary, language: language)))
        } else {
            CatalogueReportText.lines(summary, language: language).forEach { print($0) }
        }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
