import ArgumentParser
import Foundation
import ParcoursConfig
import ParcoursDiagnose
import ParcoursModel
import ParcoursSolver
import ParcoursSynthetic

/// `parcours bench plan`: plans a synthetic territory (agents drawn at the programme's density, their
/// needs from the job-family targets, synthetic sessions across the communes) and reports the solve's
/// time, peak memory, objective, bound and gap, and the time to word every unmet reason afterwards.
struct BenchPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Solve a synthetic training plan and report time, memory, objective, bound and gap.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "About this many agents, drawn across the territory's communes by population.")
    var agents: Int

    @Option(help: "Sessions to draw (default: one per 19 agents, about 400 for Namur's 7 500).")
    var sessions: Int?

    @Option(help: "The territory: an id of Config/territories.yaml.")
    var territory: String = "namur"

    @Option(help: "Seed of the synthetic data and of the solver.")
    var seed: UInt64 = 1

    @Option(help: "The solver's time limit in seconds (default: Config/planning.yaml).")
    var timeLimit: Double?

    @Flag(help: "One JSON object on stdout.")
    var json = false

    @Flag(help: "Print the objective, bound and gap on stderr each time one improves.")
    var progress = false

    func validate() throws {
        if agents < 1 { throw ValidationError("--agents must be positive") }
        if let sessions, sessions < 1 { throw ValidationError("--sessions must be positive") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        guard let territory = configuration.territory(id: territory) else {
            throw CommandFailure(lines: ["--territory: unknown territory \(self.territory)"])
        }
        let problem = try Self.problem(
            territory: territory, configuration: configuration, agents: agents, sessions: sessions, seed: seed,
            timeLimit: timeLimit)
        let start = ContinuousClock.now
        let plan = TrainingPlanner(problem: problem).solve(progress: progress ? Self.printProgress : nil)
        let seconds = (ContinuousClock.now - start).seconds
        let coveredNeeds = plan.assignments.count
        // Unmet reasons are worded when first read: timed apart, as a document reading them all would.
        let wordingStart = ContinuousClock.now
        let reasonCount = plan.unmetNeeds.reduce(0) { $0 + $1.reasons.count }
        let wordingSeconds = (ContinuousClock.now - wordingStart).seconds
        if json {
            print(
                """
                {"territory":"\(territory.id)","agents":\(problem.agents.count),"needs":\(problem.needs.count),\
                "sessions":\(problem.sessions.count),"openSessions":\(plan.sessions.count),\
                "coveredNeeds":\(coveredNeeds),"seconds":\(seconds),"peakMiB":\(ProcessUsage.peakMiB),\
                "objective":\(plan.objective.total),"bound":\(plan.bound),"gap":\(plan.gap),\
                "unmetReasons":\(reasonCount),"reasonsSeconds":\(wordingSeconds)}
                """)
        } else {
            print(
                """
                \(territory.name): \(problem.agents.count) agents, \(problem.needs.count) needs, \
                \(problem.sessions.count) sessions
                plan: \(plan.sessions.count) sessions open, \(coveredNeeds) needs covered, \
                \(plan.unmetNeeds.count) unmet
                time \(String(format: "%.3f", seconds)) s, peak memory \(String(format: "%.0f", ProcessUsage.peakMiB)) MiB
                objective \(String(format: "%.2f", plan.objective.total)), bound \(String(format: "%.2f", plan.bound)), \
                gap \(String(format: "%.3f", plan.gap * 100)) %
                \(reasonCount) unmet reasons worded in \(String(format: "%.3f", wordingSeconds)) s (on first read)
                """)
        }
    }

    /// The synthetic problem: agents at the density that gives about `agents` for the territory, their
    /// needs as the diagnosis computes them (every level taken as measured), the policy of the
    /// territory's country.
    static func problem(
        territory: Territory, configuration: Configuration, agents: Int, sessions: Int?, seed: UInt64,
        timeLimit: Double?
    ) throws -> PlanningProblem {
        let inhabitants = territory.communes.reduce(0) { $0 + ($1.population ?? 0) }
        guard inhabitants > 0 else { throw CommandFailure(lines: ["\(territory.id): no commune population"]) }
        return try problem(
            territory: territory, configuration: configuration,
            agentsPer100Inhabitants: 100 * Double(agents) / Double(inhabitants), sessions: sessions, seed: seed,
            timeLimit: timeLimit)
    }

    /// The synthetic problem at a given density of agents: ``problem(territory:configuration:agents:sessions:seed:timeLimit:)``
    /// without the count (the national benchmark applies one density to every département).
    static func problem(
        territory: Territory, configuration: Configuration, agentsPer100Inhabitants: Double, sessions: Int?,
        seed: UInt64, timeLimit: Double?
    ) throws -> PlanningProblem {
        let period = DayRange(
            first: CalendarDay(year: 2027, month: 1, day: 4), last: CalendarDay(year: 2027, month: 6, day: 30))
        let population: SyntheticPopulation
        do {
            population = try SyntheticPopulation(
                territory: territory, jobFamilies: configuration.jobFamilies, framework: configuration.framework,
                period: period, seed: seed, agentsPer100Inhabitants: agentsPer100Inhabitants)
        } catch {
            throw CommandFailure(lines: ["bench plan: \(error)"])
        }
        let codes = configuration.framework.competences.map(\.code)
        let families = Dictionary(uniqueKeysWithValues: configuration.jobFamilies.map { ($0.id, $0) })
        let holidays = configuration.publicHolidays[territory.country] ?? []
        let communes = Dictionary(territory.communes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var planningAgents: [PlanningAgent] = []
        var needs: [Need] = []
        for synthetic in population.agents {
            let agent = synthetic.agent
            guard let commune = communes[agent.communeCode] else { continue }
            planningAgents.append(
                PlanningAgent(
                    agent: agent, origin: commune.coordinate, circuity: territory.circuity, publicHolidays: holidays))
            let assessed = AssessedAgent(
                agent: agent, levels: synthetic.levels.mapValues { CurrentLevel(level: $0, source: .measured) })
            needs +=
                AgentDiagnosis(
                    assessed, family: families[agent.jobFamilyID], codes: codes, policy: configuration.policy
                ).needs
        }
        let catalogue = SyntheticCatalogue(
            territory: territory, framework: configuration.framework,
            sessionCount: sessions ?? max(1, Int((Double(planningAgents.count) / 19).rounded())), period: period,
            holidays: holidays, seed: seed)
        var policy = configuration.planning.policy(for: territory.country)
        policy.seed = seed
        if let timeLimit { policy.timeLimitSeconds = timeLimit }
        return PlanningProblem(
            agents: planningAgents, needs: needs, courses: catalogue.courses, sessions: catalogue.sessions,
            planningDate: period.first.adding(days: -30), policy: policy)
    }

    @Sendable private static func printProgress(_ point: PlanningProgress) {
        let line = String(
            format: "%8.3f s  objective %.2f  bound %.2f  gap %.3f %%\n", point.seconds, point.objective, point.bound,
            point.gap * 100)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
