import Foundation
import ParcoursModel

/// Draws the agents of one commune from ``PopulationAssumptions``.
struct AgentDrawer {
    let territory: Territory
    let families: [String: JobFamily]
    let framework: CompetenceFramework
    let period: DayRange
    let assumptions: PopulationAssumptions

    init(
        territory: Territory, families: [String: JobFamily], framework: CompetenceFramework, period: DayRange,
        assumptions: PopulationAssumptions
    ) {
        self.territory = territory
        self.families = families
        self.framework = framework
        self.period = period
        self.assumptions = assumptions
    }

    mutating func draw(commune: Commune, number: Int, random: inout SeededGenerator) throws(SyntheticDataError)
        -> [SyntheticAgent]
    {
        guard let population = commune.population else { throw .noPopulation(commune: commune.code) }
        let country = territory.country
        let total = max(5, Int((Double(population) * assumptions.agentsPer100Inhabitants / 100).rounded()))
        let elected = min(total - 1, assumptions.electedCount(population: population, country: country))
        let staff = total - elected
        let mix = assumptions.familyMix.map { id, weight in
            let small = staff < assumptions.smallCommuneStaff && assumptions.specialistFamilies.contains(id)
            return (id, weight * (small ? 0.3 : 1) * (0.75 + 0.5 * random.unit()))
        }
        let communeEffect = random.normal() * assumptions.communeEffectSpread
        var agents: [SyntheticAgent] = []
        for index in 0..<total {
            let family = index < elected ? assumptions.electedFamily : random.pick(mix)
            agents.append(
                try agent(
                    commune: commune, communeNumber: number, sequence: index + 1, family: family,
                    communeEffect: communeEffect, random: &random))
        }
        return agents
    }

    private func agent(
        commune: Commune, communeNumber: Int, sequence: Int, family: String, communeEffect: Double,
        random: inout SeededGenerator
    ) throws(SyntheticDataError) -> SyntheticAgent {
        let country = territory.country
        let isElected = family == assumptions.electedFamily
        let status = try status(family: family, elected: isElected, random: &random)
        let equipment = Set(
            assumptions.equipmentRates(family: family).sorted { $0.key.rawValue < $1.key.rawValue }
                .filter { random.chance($0.value) }.map(\.key))
        let workingTime =
            isElected
            ? 0.5
            : random.chance(assumptions.partTimeRate(country: country, family: family))
                ? random.pick(assumptions.partTimeFractions) : 1.0
        let hasCar = random.chance(assumptions.carRate(country: country))
        let languages =
            ["fr"] + assumptions.otherLanguages(country: country).filter { random.chance($0.1) }.map(\.0)
        let agent = Agent(
            externalID: Self.externalID(country: country, commune: commune, number: communeNumber, sequence: sequence),
            lastName: random.element(of: SyntheticNames.lastNames(for: country)),
            firstName: random.element(of: SyntheticNames.firstNames(for: country)), communeCode: commune.code,
            jobFamilyID: family, statusID: status, equipment: equipment, workingTime: workingTime,
            workingDays: Self.workingDays(fraction: workingTime, random: &random), hasCar: hasCar,
            maximumTravelKilometres: random.pick(assumptions.travelLimits(country: country, hasCar: hasCar)),
            unavailable: unavailability(random: &random), languages: languages)
        let ability = random.normal() * assumptions.abilitySpread + communeEffect
        let levels = Dictionary(
            uniqueKeysWithValues: framework.codes.map { code in
                let reference = Double(max(1, families[family]?.target(for: code) ?? 1))
                let level = reference + assumptions.levelShift + ability + assumptions.competenceNoise * random.normal()
                return (code, min(assumptions.maximumLevel, max(0, Int(level.rounded()))))
            })
        let profiles = participation(
            taking: isElected ? assumptions.electedProfilesParticipation : assumptions.profilesParticipation,
            sharing: assumptions.profilesSharing, random: &random)
        let assessment = participation(
            taking: assumptions.assessmentParticipation, sharing: assumptions.assessmentSharing, random: &random)
        return SyntheticAgent(agent: agent, levels: levels, profilesCollection: profiles, assessment: assessment)
    }

    private func status(family: String, elected: Bool, random: inout SeededGenerator) throws(SyntheticDataError)
        -> String
    {
        let known = Set(territory.statuses.map(\.id))
        if elected {
            let id = assumptions.electedStatus(for: territory.country)
            if known.contains(id) { return id }
            if let any = territory.statuses.first(where: \.isElected) { return any.id }
            throw .missingStatuses(territory: territory.id)
        }
        let weights = assumptions.statusWeights(for: territory.country, family: family)
            .filter { known.contains($0.0) && $0.1 > 0 }
        if !weights.isEmpty { return random.pick(weights) }
        guard let any = territory.statuses.first(where: { !$0.isElected }) else {
            throw .missingStatuses(territory: territory.id)
        }
        return any.id
    }

    private func participation(taking: Double, sharing: Double, random: inout SeededGenerator)
        -> SyntheticAgent.Participation
    {
        guard random.chance(taking) else { return .none }
        return random.chance(sharing) ? .shared : .notShared
    }

    /// Planned leave (1–3 weeks) or a long absence (3–6 months) inside the planning period.
    private func unavailability(random: inout SeededGenerator) -> [DayRange] {
        let length = period.last.dayNumber - period.first.dayNumber
        guard length > 0 else { return [] }
        var ranges: [DayRange] = []
        if random.chance(assumptions.leaveRate) {
            let first = period.first.adding(days: random.integer(in: 0...length))
            ranges.append(DayRange(first: first, last: first.adding(days: 7 * random.integer(in: 1...3) - 1)))
        }
        if random.chance(assumptions.longAbsenceRate) {
            let first = period.first.adding(days: random.integer(in: 0...max(0, length / 2)))
            ranges.append(DayRange(first: first, last: first.adding(days: 30 * random.integer(in: 3...6))))
        }
        return ranges
    }

    /// Monday to Friday at full time (and at 90 %, shorter days); 80 % drops one day, Wednesday most
    /// often; half time works three days at the start or the end of the week.
    static func workingDays(fraction: Double, random: inout SeededGenerator) -> Set<Weekday> {
        let week: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        switch fraction {
        case 0.85...: return week
        case 0.7..<0.85:
            return week.subtracting([random.pick([(Weekday.wednesday, 0.6), (.friday, 0.25), (.monday, 0.15)])])
        default: return random.chance(0.5) ? [.monday, .tuesday, .wednesday] : [.wednesday, .thursday, .friday]
        }
    }

    /// The organisation's matricule: `NIS-nnnnn` in Belgium, six digits (commune number and sequence,
    /// leading zeros kept) in France.
    static func externalID(country: Country, commune: Commune, number: Int, sequence: Int) -> String {
        switch country {
        case .belgium: "\(commune.code)-" + String(format: "%05d", sequence)
        case .france: String(format: "%02d%04d", number, sequence)
        }
    }
}
