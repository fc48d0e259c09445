import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow

/// `parcours explain --plan PLAN (--agent ID | --session ID | --commune C)`: why the plan is as it is,
/// for one agent, one session or one commune. With `--commune`, only that commune's agents are named:
/// other communes' agents appear as counts.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a stored plan for one agent, one session or one commune.")

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The plan: its id or 'latest'.")
    var plan: PlanReference = .latest

    @Option(name: .long, help: "An agent's external id: each need, covered where, or why not.")
    var agent: String?

    @Option(name: .long, help: "A session id: who attends, from which communes, what it costs, or why it is not open.")
    var session: String?

    @Option(name: .long, help: "A commune code: its agents (by name), their sessions, its cost and unmet needs.")
    var commune: String?

    func validate() throws {
        guard [agent, session, commune].compactMap({ $0 }).count == 1 else {
            throw ValidationError("give exactly one of --agent, --session, --commune")
        }
    }

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let (stored, record) = try await options.loadPlan(plan, from: store)
        guard let territory = configuration.territory(id: record.territoryID) else {
            throw CommandFailure(lines: [
                language.pick(
                    "le territoire \(record.territoryID) du plan \(stored.id) n’est plus dans Config",
                    "territory \(record.territoryID) of plan \(stored.id) is no longer in Config")
            ])
        }
        let pseudonymizer = try await options.reportingFailures {
            try await Pseudonymizer(store: store, configuration: configuration)
        }
        let context = try await PlanRunner(options: options, configuration: configuration, store: store).context(
            of: record, id: stored.id, revision: 0, territory: territory, pseudonymizer: pseudonymizer)
        let explainer = ExplainLines(wording: PlanWording(context: context), record: record, planID: stored.id)
        let lines: [String]?
        if let agent {
            lines = explainer.agent(agent)
        } else if let session {
            lines = explainer.session(session)
        } else {
            lines = commune.flatMap { explainer.commune($0) }
        }
        guard let lines else {
            let what = agent ?? session ?? commune ?? ""
            throw CommandFailure(lines: [
                language.pick(
                    "« \(what) » n’est pas dans le plan \(stored.id)", "'\(what)' is not in plan \(stored.id)")
            ])
        }
        print(lines.joined(separator: "\n"))
    }
}
