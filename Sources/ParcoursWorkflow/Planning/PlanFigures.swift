import ParcoursModel
import ParcoursSolver

/// The figures a what-if comparison puts side by side, computed from a stored plan: coverage of the
/// need weight by competence, job family and commune, costs, sessions opened, agents travelling far,
/// and fairness between communes.
public struct PlanFigures: Codable, Hashable, Sendable {
    public let planID: Int64
    public let label: String
    public let territoryID: String
    public let byCompetence: [String: Coverage]
    public let byJobFamily: [String: Coverage]
    public let byCommune: [String: Coverage]
    public let total: Coverage
    public let fixedCosts: Double
    public let seatCosts: Double
    public let travelCosts: Double
    /// Session shares plus travel, by commune code.
    public let costByCommune: [String: Double]
    public let sessionsOpened: Int
    public let agentsTrained: Int
    /// The distance of ``agentsTravellingFar``, in road km one way.
    public let farKilometres: Double
    /// Agents whose furthest session venue is more than ``farKilometres`` away by road.
    public let agentsTravellingFar: Int
    /// The smallest and the mean share of need weight covered among communes with needs.
    public let fairnessMinimum: Double
    public let fairnessMean: Double
    public let objective: Double
    public let gap: Double

    public var totalCost: Double { fixedCosts + seatCosts + travelCosts }

    /// Needs and need weight, and the part covered.
    public struct Coverage: Codable, Hashable, Sendable {
        public var needs = 0
        public var coveredNeeds = 0
        public var weight = 0.0
        public var coveredWeight = 0.0

        public init() {}

        /// The share (0…1) of need weight covered; 0 without needs.
        public var share: Double { weight > 0 ? coveredWeight / weight : 0 }

        mutating func add(_ need: Need, covered: Bool) {
            needs += 1
            weight += need.weight
            if covered {
                coveredNeeds += 1
                coveredWeight += need.weight
            }
        }
    }

    public init(planID: Int64, label: String, record: PlanRecord, farKilometres: Double) {
        self.planID = planID
        self.label = label
        territoryID = record.territoryID
        let plan = record.plan
        let agents = record.agentsByID
        let covered = Set(plan.assignments.map { NeedKey(agentID: $0.agentID, competence: $0.competence) })
        var byCompetence: [String: Coverage] = [:]
        var byJobFamily: [String: Coverage] = [:]
        var byCommune: [String: Coverage] = [:]
        var total = Coverage()
        for need in record.problem.needs {
            let isCovered = covered.contains(NeedKey(agentID: need.agentID, competence: need.competence))
            byCompetence[need.competence.description, default: Coverage()].add(need, covered: isCovered)
            total.add(need, covered: isCovered)
            guard let agent = agents[need.agentID]?.agent else { continue }
            byJobFamily[agent.jobFamilyID, default: Coverage()].add(need, covered: isCovered)
            byCommune[agent.communeCode, default: Coverage()].add(need, covered: isCovered)
        }
        self.byCompetence = byCompetence
        self.byJobFamily = byJobFamily
        self.byCommune = byCommune
        self.total = total
        fixedCosts = plan.objective.fixedCosts
        seatCosts = plan.objective.seatCosts
        travelCosts = plan.objective.travelCosts
        costByCommune = Dictionary(plan.communes.map { ($0.communeCode, $0.spent) }, uniquingKeysWith: +)
        sessionsOpened = plan.sessions.count
        agentsTrained = Set(plan.assignments.map(\.agentID)).count
        self.farKilometres = farKilometres
        agentsTravellingFar = Self.furthestTrips(record).values.filter { $0 > farKilometres }.count
        let shares = byCommune.values.filter { $0.weight > 0 }.map(\.share)
        fairnessMinimum = shares.min() ?? 0
        fairnessMean = shares.isEmpty ? 0 : shares.reduce(0, +) / Double(shares.count)
        objective = plan.objective.total
        gap = plan.gap
    }

    /// The road distance, one way, from each trained agent's commune to the furthest venue of the
    /// on-site sessions they attend.
    static func furthestTrips(_ record: PlanRecord) -> [String: Double] {
        let agents = record.agentsByID
        let venues = Dictionary(
            record.problem.sessions.compactMap { session in session.venue.map { (session.id, $0.coordinate) } },
            uniquingKeysWith: { first, _ in first })
        var furthest: [String: Double] = [:]
        for assignment in record.plan.assignments {
            guard let agent = agents[assignment.agentID], let venue = venues[assignment.sessionID] else { continue }
            let road = agent.circuity.roadKilometres(straightLine: agent.origin.distanceKilometres(to: venue))
            furthest[assignment.agentID] = max(furthest[assignment.agentID] ?? 0, road)
        }
        return furthest
    }
}
