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

    @Option(name: .long, help: "The day the plan is made, YYYY-MM-DD (default: today).")
    var date: String?

    func run() async throws {
        let language = options.language
        let configuration = try options.loadConfiguration()
        let store = try await options.openStore()
        let (stored, previous) = try await options.loadPlan(from, from: store)
        guard let territory = configuration.territory(id: previous.territoryID) else {
            throw CommandFailure(lines: [
                language.pick(
                    "le territoire \(previous.territoryID) du plan \(stored.id) n’est plus dans Config",
                    "territory \(previous.territoryID) of plan \(stored.id) is no longer in Config")
            ])
        }
        let planningDate =
            try date.map { text in
                guard let day = CalendarDay(iso: text) else {
                    throw CommandFailure(lines: [
                        language.pick(
                            "--date : date invalide (AAAA-MM-JJ) : \(text)",
                            "--date: invalid date (YYYY-MM-DD): \(text)")
                    ])
                }
                return day
            } ?? PlanRunner.today(in: territory)
        var overrides = previous.overrides
        if let timeLimit { overrides.timeLimitSeconds = timeLimit }
        let inputs: PlanningInputs
        let assembly = try await options.reportingFailures {
            try await DiagnosisAssembly(configuration: configuration, store: store)
        }
        let catalogue = try await options.reportingFailures {
            try await PlannableCatalogue(store: store, configuration: configuration, planningDate: planningDate)
        }
        do throws(PlanningInputError) {
            inputs = try PlanningInputs(
                territory: territory, diagnosis: assembly, catalogue: catalogue, planningDate: planningDate,
                overrides: overrides)
        } catch {
            throw CommandFailure(lines: [error.message(in: language)])
        }
        let replan = Replan(
            previous: previous, cancelledSessions: Set(cancelSession), removedAgents: Set(removeAgent), pin: pin)
        let current = inputs.problem
        let unknown = replan.unknownIDs(current: current)
        guard unknown.sessions.isEmpty, unknown.agents.isEmpty else {
            throw CommandFailure(lines: [
                language.pick(
                    "inconnus du plan \(stored.id) et des données actuelles : \((unknown.sessions + unknown.agents).joined(separator: ", "))",
                    "unknown to plan \(stored.id) and the current data: \((unknown.sessions + unknown.agents).joined(separator: ", "))"
                )
            ])
        }
        let runner = PlanRunner(options: options, configuration: configuration, store: store)
        let record = runner.solve(
            replan.problem(current: current), territory: territory, overrides: overrides,
            unassessed: inputs.unassessedAgents, cancelledSessions: replan.cancelledSessions.sorted(),
            removedAgents: replan.removedAgents.sorted())
        let label = ([stored.summary.label] + cancelSession.map { "-\($0)" } + removeAgent.map { "-agent \($0)" })
            .filter { !$0.isEmpty }.joined(separator: ", ")
        let id = try await runner.save(record, label: label, previousPlanID: stored.id)
        let changes = PlanRevisionChanges(
            previousPlanID: "\(stored.id)", previousProblem: previous.problem,
            changes: PlanChanges(replan: replan, current: current, plan: record.plan))
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
