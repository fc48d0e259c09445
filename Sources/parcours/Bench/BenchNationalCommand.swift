import ArgumentParser
import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursSolver
import ParcoursSynthetic

/// `parcours bench national FILE`: the national stretch benchmark. Every French commune of a national
/// commune list gets synthetic agents at one density (Namur's by default) and synthetic sessions; each
/// département is planned on its own by ``TrainingPlanner`` (``DecomposedPlanner``), and the objectives and
/// bounds are summed.
struct BenchNationalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "Plan every French commune, département by département, and report time, memory and gap.",
        discussion: """
            FILE is a national commune list such as shared/reference/geo/fr-communes-2026.csv (columns \
            insee_code, name, dep, postal_codes, lat_centroid, lon_centroid, population_municipale, nuts3). \
            Each département, or each area of one larger than --part-inhabitants (a commune larger than that \
            divided into equal shares first), is a part with its own agents (the density of \
            --density-territory, seed + part index) and sessions (one per 19 agents); France's holidays, \
            statuses and planning policy come from Config, the circuity from --circuity-territory. The summed \
            bound is an upper bound on the best plan in which agents only attend their own part's sessions, \
            not on the undivided national problem: the report counts the agents whose travel limit reaches \
            another part's venue.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The national commune list (CSV).")
    var file: String

    @Option(help: "About this many agents nationally (default: the density of --density-territory).")
    var agents: Int?

    @Option(
        help:
            "The territory of Config/territories.yaml whose density applies: --density-agents agents for its inhabitants."
    )
    var densityTerritory = "namur"

    @Option(help: "Agents of --density-territory that set the density.")
    var densityAgents = 7500

    @Option(help: "The French territory of Config/territories.yaml whose circuity every département takes.")
    var circuityTerritory = "bastia"

    @Option(help: "Only these départements, comma-separated (e.g. 2A,2B,75).")
    var departements: String?

    @Option(
        help: """
            Départements of more inhabitants are planned in areas of at most this many (about Namur's \
            population by default); 0 plans each département whole.
            """)
    var partInhabitants = 500_000

    @Option(help: "Parts planned at once (default: the active processors).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seed of the synthetic data and of the solver; part i uses seed + i.")
    var seed: UInt64 = 1

    @Option(help: "Each département's time limit in seconds (default: Config/planning.yaml).")
    var timeLimit: Double?

    @Option(help: "Each département's gap target, e.g. 0.02 (default: Config/planning.yaml).")
    var gapTarget: Double?

    @Flag(help: "One JSON object on stdout, with every département's figures.")
    var json = false

    @Flag(help: "Print each département's figures on stderr as it finishes.")
    var progress = false

    func validate() throws {
        if let agents, agents < 1 { throw ValidationError("--agents must be positive") }
        if densityAgents < 1 { throw ValidationError("--density-agents must be positive") }
        if jobs < 1 { throw ValidationError("--jobs must be positive") }
        if partInhabitants < 0 { throw ValidationError("--part-inhabitants must not be negative") }
        if let timeLimit, !(timeLimit > 0) { throw ValidationError("--time-limit must be positive") }
        if let gapTarget, !(0..<1).contains(gapTarget) { throw ValidationError("--gap-target must be in [0, 1)") }
    }

    func run() async throws {
        let configuration = try options.loadConfiguration()
        guard let circuitySource = configuration.territory(id: circuityTerritory) else {
            throw CommandFailure(lines: ["--circuity-territory: unknown territory \(circuityTerritory)"])
        }
        let start = ContinuousClock.now
        let national: DepartementTerritories
        do {
            national = try DepartementTerritories(
                path: file, circuity: circuitySource.circuity, statuses: configuration.statuses[.france] ?? [])
        } catch {
            throw CommandFailure(lines: ["bench national: \(error)"])
        }
        var territories = national.territories
        if let departements {
            let wanted = departements.split(separator: ",").map(String.init)
            let known = Set(territories.map(\.id))
            if let unknown = wanted.first(where: { !known.contains($0) }) {
                throw CommandFailure(lines: ["--departements: no commune of département \(unknown) in \(file)"])
            }
            territories = territories.filter { wanted.contains($0.id) }
        }
        let chosen = Set(territories.map(\.id))
        let inhabitants = territories.reduce(0) { $0 + Self.inhabitants($1) }
        let density = try self.density(configuration: configuration, inhabitants: inhabitants)
        let readSeconds = (ContinuousClock.now - start).seconds
        let seed = self.seed
        let timeLimit = self.timeLimit
        let gapTarget = self.gapTarget
        let areas = territories.flatMap { $0.areas(maximumInhabitants: partInhabitants) }
        let parts = areas.enumerated().map { index, territory in
            PlanningPart(id: territory.id, size: Double(Self.inhabitants(territory))) {
                var problem = try BenchPlanCommand.problem(
                    territory: territory, configuration: configuration, agentsPer100Inhabitants: density,
                    sessions: nil, seed: seed &+ UInt64(index), timeLimit: timeLimit)
                if let gapTarget { problem.policy.gapTarget = gapTarget }
                return problem
            }
        }
        let plan = try DecomposedPlanner(parts: parts, jobs: jobs).solve(
            finished: progress ? Self.printPart : nil)
        let seconds = (ContinuousClock.now - start).seconds
        let report = NationalReport(
            plan: plan, departements: territories.count, partInhabitants: partInhabitants,
            skipped: national.skipped.count { chosen.contains($0.departement) }, inhabitants: inhabitants,
            density: density, jobs: jobs, readSeconds: readSeconds, seconds: seconds,
            cpuSeconds: ProcessUsage.cpuSeconds, peakMiB: ProcessUsage.peakMiB,
            loadAverages: ProcessUsage.loadAverages)
        print(json ? report.json : report.text(in: options.language))
    }

    /// Agents per 100 inhabitants: from --agents over the parts' inhabitants, else the density territory's.
    private func density(configuration: Configuration, inhabitants: Int) throws -> Double {
        guard inhabitants > 0 else { throw CommandFailure(lines: ["bench national: no inhabitants in \(file)"]) }
        if let agents { return 100 * Double(agents) / Double(inhabitants) }
        guard let reference = configuration.territory(id: densityTerritory) else {
            throw CommandFailure(lines: ["--density-territory: unknown territory \(densityTerritory)"])
        }
        let referenceInhabitants = Self.inhabitants(reference)
        guard referenceInhabitants > 0 else {
            throw CommandFailure(lines: ["--density-territory: \(densityTerritory) has no commune population"])
        }
        return 100 * Double(densityAgents) / Double(referenceInhabitants)
    }

    private static func inhabitants(_ territory: Territory) -> Int {
        territory.communes.reduce(0) { $0 + ($1.population ?? 0) }
    }

    @Sendable private static func printPart(_ part: PartOutcome) {
        let line = String(
            format: "%@: %d agents, %d sessions, build %.2f s, solve %.2f s, gap %.3f %%\n", part.id, part.agents,
            part.sessions, part.buildSeconds, part.solveSeconds, part.gap * 100)
        FileHandle.standardError.write(Data(line.utf8))
    }
}
