import ParcoursModel

/// Where an agent stands on one competence that their job family targets.
public struct Standing: Hashable, Sendable {
    public let competence: CompetenceCode
    /// The current level; level 0 with source `.none` when no result covers the competence.
    public let current: CurrentLevel
    public let targetLevel: Int
    /// The job family's priority for the competence.
    public let priority: Double
    /// The weight of the need per the policy; 0 when there is no gap.
    public let weight: Double

    /// Levels missing: target − current, never negative.
    public var gap: Int { max(0, targetLevel - current.level) }
}

/// The diagnosis of one agent: where they stand on each targeted competence, their needs, and
/// whether they are "fragile" per the policy.
public struct AgentDiagnosis: Hashable, Sendable {
    public let agent: Agent
    public let isAssessed: Bool
    public let isFragile: Bool
    /// One per competence with a target above 0 for the agent's job family, in framework order.
    public let standings: [Standing]

    /// The needs: standings with a gap, as the solver takes them (keyed by the agent's external id).
    public var needs: [Need] {
        standings.filter { $0.gap > 0 }.map { standing in
            Need(
                agentID: agent.externalID, competence: standing.competence, currentLevel: standing.current.level,
                targetLevel: standing.targetLevel, levelSource: standing.current.source, weight: standing.weight)
        }
    }

    /// Diagnoses `assessed` against `family` (nil when the roster names an unknown family: no targets).
    /// An agent who is not assessed gets no standings: their levels are unknown, not zero.
    public init(
        _ assessed: AssessedAgent, family: JobFamily?, codes: [CompetenceCode], policy: DiagnosisPolicy
    ) {
        agent = assessed.agent
        isAssessed = assessed.isAssessed
        guard assessed.isAssessed else {
            isFragile = false
            standings = []
            return
        }
        isFragile = policy.fragility.isFragile(levels: assessed.levels.mapValues(\.level))
        standings = codes.compactMap { code in
            guard let family, let target = family.targets[code], target > 0 else { return nil }
            let current = assessed.levels[code] ?? CurrentLevel(level: 0, source: .none)
            let priority = family.priorities[code] ?? 1
            return Standing(
                competence: code, current: current, targetLevel: target, priority: priority,
                weight: policy.weight(gap: max(0, target - current.level), priority: priority))
        }
    }
}
