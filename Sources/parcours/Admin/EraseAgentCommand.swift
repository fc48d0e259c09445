import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursStore
import ParcoursWorkflow

/// `parcours admin erase-agent --commune C --agent ID`: erases an agent while keeping the aggregates, as
/// the service's `POST /api/agents/{id}/erasure` does (one transaction, one audit entry); prints what
/// changed, never a name.
struct EraseAgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-agent",
        abstract: "Erase an agent's personal data, keeping the aggregates (GDPR art. 17).",
        discussion: """
            The roster row keeps the commune, job family, status and working time under a new surrogate id; \
            names, equipment, unavailabilities and languages are cleared; the Pix participations linked to the \
            agent are re-keyed to the surrogate with their names cleared; stored plans get the same substitution. \
            The commune must also drop the agent from its roster, or the next roster import brings them back.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The agent's commune: its NIS or INSEE code.")
    var commune: String

    @Option(name: .long, help: "The agent's external id (matricule) in the commune's roster.")
    var agent: String

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let outcome: AgentEraser.Outcome
        do {
            outcome = try await options.reportingFailures {
                try await AgentEraser(store: store, configuration: configuration).erase(
                    [AgentEraser.AgentKey(communeCode: commune, externalID: agent)], userID: AuditEntry.systemUserID,
                    route: "parcours admin erase-agent", subject: "agent erasure, commune \(commune)")
            }
        } catch let refusal as AgentEraser.Refusal {
            throw CommandFailure(lines: [refusal.message(in: language)])
        }
        print(ErasureLines.outcome(outcome, in: language))
        print(
            language.pick(
                "Retirez aussi l’agent du registre de la commune : le prochain import du registre le ferait revenir.",
                "Also remove the agent from the commune's roster: the next roster import would bring them back."))
    }
}

/// The words of an erasure's outcome on stdout.
enum ErasureLines {
    static func outcome(_ outcome: AgentEraser.Outcome, in language: Language) -> String {
        let plans = outcome.plans.map(String.init).joined(separator: ", ")
        return language.pick(
            "Effacé : \(outcome.agents) agent(s), \(outcome.participations) participation(s) Pix rattachée(s), \(outcome.plans.count) plan(s) réécrit(s)\(plans.isEmpty ? "" : " (\(plans))")",
            "Erased: \(outcome.agents) agent(s), \(outcome.participations) linked Pix participation(s), \(outcome.plans.count) plan(s) rewritten\(plans.isEmpty ? "" : " (\(plans))")"
        )
    }
}
