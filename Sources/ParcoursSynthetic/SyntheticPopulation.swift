import ParcoursModel

/// A synthetic agent: what the roster says about them, the levels Pix would measure, and the campaigns
/// they took part in. Invented people; nothing here describes a real person.
public struct SyntheticAgent: Hashable, Sendable {
    public let agent: Agent
    /// The levels Pix would measure, all 16 competences (0–7).
    public let levels: [CompetenceCode: Int]
    /// Whether they took the profiles collection, and whether they sent their results.
    public let profilesCollection: Participation
    /// Whether they took the assessment campaign, and whether they shared their results.
    public let assessment: Participation

    /// Taking part in a campaign.
    public enum Participation: Hashable, Sendable {
        case none
        case notShared
        case shared
    }
}

/// A synthetic population of one territory (or some of its communes), drawn from a seed.
public struct SyntheticPopulation: Sendable {
    public let territory: Territory
    public let communes: [Commune]
    public let seed: UInt64
    /// Agents, commune by commune in the territory's order.
    public let agents: [SyntheticAgent]

    /// Draws the population of `communes` (all of the territory's when nil) with `seed`. Each commune
    /// has its own random stream, so a commune's agents do not depend on which other communes are drawn.
    public init(
        territory: Territory, communes codes: [String]? = nil, jobFamilies: [JobFamily], framework: CompetenceFramework,
        period: DayRange, seed: UInt64, agentsPer100Inhabitants: Double = 1.5
    ) throws(SyntheticDataError) {
        var assumptions = PopulationAssumptions()
        assumptions.agentsPer100Inhabitants = agentsPer100Inhabitants
        let chosen: [Commune]
        if let codes {
            chosen = try codes.map { code throws(SyntheticDataError) in
                guard let commune = territory.commune(code: code) else {
                    throw .unknownCommune(code, territory: territory.id)
                }
                return commune
            }
        } else {
            chosen = territory.communes
        }
        let families = Dictionary(uniqueKeysWithValues: jobFamilies.map { ($0.id, $0) })
        for (id, _) in assumptions.familyMix + [(assumptions.electedFamily, 1)] where families[id] == nil {
            throw .missingJobFamily(id)
        }
        var drawer = AgentDrawer(
            territory: territory, families: families, framework: framework, period: period,
            assumptions: assumptions)
        var agents: [SyntheticAgent] = []
        for (index, commune) in chosen.enumerated() {
            var random = SeededGenerator(seed: seed, stream: commune.code)
            let communeIndex = (territory.communes.firstIndex(of: commune) ?? index) + 1
            agents += try drawer.draw(commune: commune, number: communeIndex, random: &random)
        }
        self.territory = territory
        self.communes = chosen
        self.seed = seed
        self.agents = agents
    }
}

/// Why a synthetic population cannot be drawn.
public enum SyntheticDataError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCommune(String, territory: String)
    case missingJobFamily(String)
    case missingStatuses(territory: String)
    case noPopulation(commune: String)

    public var description: String {
        switch self {
        case .unknownCommune(let code, let territory): "commune \(code) is not in territory \(territory)"
        case .missingJobFamily(let id): "job family \(id) is not in Config/job-families.yaml"
        case .missingStatuses(let territory): "no employment status of Config/statuses.yaml fits territory \(territory)"
        case .noPopulation(let commune): "commune \(commune) has no population in the gazetteer"
        }
    }
}
