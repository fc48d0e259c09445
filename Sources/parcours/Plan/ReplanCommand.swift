import ArgumentParser
import Foundation
import ParcoursModel
import ParcoursOutput
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow

/// `parcours replan --from PLAN`: a new version of a plan after a session was cancelled, an agent
/// left, or a newer catalogue or roster was imported, keeping unaffected assignments in place; says
/// exactly what moved and why.
struct ReplanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replan",
        abstract: "Re-solve a stored plan after changes, and report what moved and why.",
        discussion: """
            The inputs are read again from the database, so a catalogue or roster imported since is taken into \
            account. By default every assignment not affected by a change stays pinned; --pin all pins every \
            assignment still possible, --pin none lets any move (at the change penalty of planning.yaml).
            """)

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: "The plan to start from: its id or 'latest'.")
    var from: PlanReference

    @Option(name: .long, help: "A session cancelled since (repeatable).")
    var cancelSession: [String] = []

    @Option(name: .long, help: "An agent who left, by external id (repeatable).")
    var removeAgent: [String] = []

    @Option(name: .long, help: "Which assignments stay in place: unaffected (default), all or none.")
    var pin: PinRule = .unaffected

    @Option(name: .long, help: "The folder for the plan's documents, one sub-folder per territory.")
    var out: String = "out"

    @Option(name: .long, help: "The solver's time limit, in seconds (default: the previous plan's).")
    var timeLimit: Double?

    @Option(
        name: .long,
        help:
            "Stop once the plan is proven within this fraction of the best possible, e.g. 0.005 (default: the previous plan's)."
    )
    var gapTarget: Double?

    @Option(name: .long, help: "The day the plan is made, YYYY-MM-DD (default: today).")
    var date: String?

    func run() async throws {
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let (stored, previous) = try await options.loadPlan(from, from: store)
        let planningDate = try options.planningDate(date)
        let assembly = try await options.reportingFailures {
            try await DiagnosisAssembly(configuration: configuration, store: store)
        }
        let order = PlanOrder(
            territoryID: previous.territoryID,
            overrides: PlanningOverrides(timeLimitSeconds: timeLimit, gapTarget: gapTarget),
            planningDate: planningDate,
            replan: ReplanOrder(
                previousPlanID: stored.id, cancelledSessions: cancelSession, removedAgents: removeAgent, pin: pin))
        let runner = PlanRunner(options: options, configuration: configuration, store: store)
        let made = try await runner.make(order, previous: (stored, previous), assembly: assembly)
        let (id, record, territory) = (made.id, made.record, made.territory)
        guard let changes = made.changes else { return }
        let revision = try await runner.revision(ofPlan: id)
        let report = try await runner.writeDocuments(
            record, id: id, revision: revision, territory: territory, pseudonymizer: assembly.pseudonymizer,
            out: URL(fileURLWithPath: out).standardizedFileURL, changes: changes)
        print(
            runner.summary(PlanRunner.Outcome(id: id, territory: territory, record: record, report: report))
                .joined(separator: "\n"))
        let context = try await runner.context(
            of: record, id: id, revision: revision, territory: territory, pseudonymizer: assembly.pseudonymizer,
            changes: changes)
        print(
            ChangesText(wording: PlanWording(context: context), changes: changes.changes, previousID: stored.id).lines
                .joined(separator: "\n"))
    }
}

extension PinRule: ExpressibleByArgument {}
