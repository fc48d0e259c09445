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
        let store = try options.openStore()
        let language = options.language
        let sources = try options.reportingFailures { try files.map { try SourceFile(path: $0) } }
        let paths = Dictionary(zip(sources, files), uniquingKeysWith: { first, _ in first })
        let progress = ImportProgress(language: language)
        defer { progress.finish() }
        let outcomes = try options.reportingFailures {
            try store.importPixExports(sources) { source, add in
                let path = paths[source] ?? source.name
                let reader = try PixExportReader(path: path, framework: framework)
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                var rows = 0
                try reader.forEachParticipation { participation in
                    try add(participation)
                    rows += 1
                    if rows % 1000 == 0 {
                        progress.update(file: source.name, bytes: reader.bytesConsumed, totalBytes: size, rows: rows)
                    }
                }
            }
        }
        progress.finish()
        for (path, outcome) in zip(files, outcomes) {
            print(
                ImportSummary.line(
                    file: path, outcome: outcome, importedFR: "participations importées",
                    importedEN: "participations imported", language: language))
        }
    }
}
