import ArgumentParser
import Foundation
import ParcoursOutput
import ParcoursWorkflow

extension DiagnosisOutput.Format: ExpressibleByArgument {}

/// `parcours diagnose --out DIR [--format html|csv|json] [--commune CODE]`: the competence-gap
/// diagnosis of the stored agents. Without `--commune`, a territory report (aggregates and
/// pseudonymous agents); with it, that commune's own report, which names its agents.
struct DiagnoseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diagnose",
        abstract: "Write the competence-gap diagnosis (HTML report, CSV tables, JSON) of the stored agents.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The folder to write into (created if needed).")
    var out: String

    @Option(name: .long, help: "Only this format: html, csv or json (default: all three).")
    var format: DiagnosisOutput.Format?

    @Option(name: .long, help: "A commune's own report (NIS or INSEE code): names its agents.")
    var commune: String?

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        if let commune, configuration.territory(ofCommune: commune) == nil {
            throw CommandFailure(
                lines: [
                    options.language.pick(
                        "--commune \(commune) : commune inconnue des territoires de Config/territories.yaml",
                        "--commune \(commune): not a commune of the territories in Config/territories.yaml")
                ])
        }
        let files = try await options.reportingFailures {
            let assembly = try await DiagnosisAssembly(configuration: configuration, store: store)
            if let note = assembly.linkingNote(language: options.language) {
                FileHandle.standardError.write(Data((note + "\n").utf8))
            }
            let report = assembly.report(
                audience: commune.map { .commune($0) } ?? .territories, language: options.language)
            return try DiagnosisOutput.write(
                report, formats: format.map { [$0] } ?? DiagnosisOutput.Format.allCases,
                to: URL(fileURLWithPath: out))
        }
        for file in files { print(file.path) }
    }
}
