import ArgumentParser
import Foundation
import ParcoursCatalogue
import ParcoursModel

/// `parcours inspect catalogue FILE [--json]`: what would be imported from a catalogue,
/// normalised (see ``CatalogueInspectJSON``), storing nothing. Problems go to stderr; exit status
/// as `validate catalogue` (0, 1 when some courses are in error and left out, 2 file refused).
struct InspectCatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Show the courses and sessions a provider catalogue would import, normalised, storing nothing.")

    @OptionGroup var options: GlobalOptions
    @OptionGroup var catalogue: CatalogueOptions

    @Argument(help: "The catalogue file (.xml or .csv).")
    var file: String

    @Flag(name: .long, help: "Print one JSON object {format, providers, courses}.")
    var json = false

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let language = options.language
        var document: CatalogueInspectJSON?
        var titles: [String] = []
        let summary: CatalogueSummary
        do {
            var collected: [CatalogueCourse] = []
            summary = try catalogue.reader(configuration: configuration).read(path: file) { course, _ in
                collected.append(course)
            }
            var output = CatalogueInspectJSON(format: summary.format)
            output.set(providers: summary.providers)
            for course in collected {
                output.append(course)
                let codes = course.competences.map {
                    "\($0.code)(\($0.entryLevel)→\($0.exitLevel) \($0.source.rawValue))"
                }
                titles.append(
                    "\(course.id)\t\(course.title)\t\(course.sessions.count)\t\(codes.joined(separator: " "))")
            }
            document = output
        } catch let refusal as CatalogueRefusal {
            throw CatalogueReportText.failure(refusal, language: language)
        }
        if json, let document {
            print(CatalogueReportText.json(document))
        } else {
            print(language.pick("formation\tintitulé\tsessions\tcompétences", "course\ttitle\tsessions\tcompetences"))
            titles.forEach { print($0) }
        }
        let problems = CatalogueReportText.lines(summary, language: language)
        FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}
