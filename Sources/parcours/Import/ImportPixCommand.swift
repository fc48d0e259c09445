import ArgumentParser
import Foundation
import ParcoursImport
import ParcoursStore

/// `parcours import pix FILE…`: stores Pix Orga exports. All the files are one transaction: on
/// any problem nothing is stored, nothing is printed on stdout and every problem is listed on
/// stderr. A file whose content was imported before changes nothing.
struct ImportPixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pix", abstract: "Store Pix Orga campaign exports (CSV) in the database.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The Pix Orga exports (CSV), profiles collections or assessments.")
    var files: [String]

    func run() async throws {
        let framework = try options.loadConfiguration().framework
        let store = try await options.openStore()
        let outcomes = try await options.reportingFailures {
            try await PixImport.run(paths: files, into: store, framework: framework, language: options.language)
        }
        for (path, outcome) in zip(files, outcomes) {
            print(
                ImportSummary.line(
                    file: path, outcome: outcome, importedFR: "participations importées",
                    importedEN: "participations imported", language: options.language))
        }
    }
}
