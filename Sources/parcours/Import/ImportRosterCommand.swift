import ArgumentParser
import Foundation
import ParcoursImport
import ParcoursStore

/// `parcours import roster FILE`: stores an agent roster. The roster is the complete list of the
/// communes it names (their agents it no longer lists are removed). On any problem nothing is
/// stored, nothing is printed on stdout and every problem is listed on stderr.
struct ImportRosterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "Store an agent roster (CSV, French or English headers) in the database.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The agent roster (CSV).")
    var file: String

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let outcome = try await options.reportingFailures {
            try await RosterImport.run(path: file, into: store, configuration: configuration)
        }
        print(
            ImportSummary.line(
                file: file, outcome: outcome, importedFR: "agents importés", importedEN: "agents imported",
                language: options.language))
    }
}
