import ArgumentParser
import Foundation
import ParcoursWorkflow

/// `parcours admin purge [--dry-run]`: applies the retention period of `Config/retention.yaml` now, as
/// `parcours serve` does once a day: agents with no news for longer are erased, keeping the aggregates.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the agents with no news for longer than the retention period (Config/retention.yaml).")

    @OptionGroup var options: GlobalOptions

    @Flag(name: .long, help: "Count the agents due without erasing anything.")
    var dryRun = false

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let purge = RetentionPurge(store: store, configuration: configuration)
        let months = configuration.retention.months
        if dryRun {
            let due = try await options.reportingFailures { try await purge.dueAgents(at: Date()) }
            print(
                language.pick(
                    "\(due.count) agent(s) sans nouvelles depuis plus de \(months) mois : seraient effacés (rien n’est modifié)",
                    "\(due.count) agent(s) with no news for more than \(months) months: would be erased (nothing changed)"
                ))
            return
        }
        let outcome: AgentEraser.Outcome?
        do {
            outcome = try await options.reportingFailures {
                try await purge.run(at: Date(), route: "parcours admin purge")
            }
        } catch let refusal as AgentEraser.Refusal {
            throw CommandFailure(lines: [refusal.message(in: language)])
        }
        guard let outcome else {
            print(
                language.pick(
                    "Aucun agent sans nouvelles depuis plus de \(months) mois.",
                    "No agent without news for more than \(months) months."))
            return
        }
        print(ErasureLines.outcome(outcome, in: language))
    }
}
