import ParcoursModel

/// The group an aggregate describes.
public enum GroupScope: Hashable, Sendable {
    case territory(String)
    case commune(String)
    case jobFamily(String)
}

/// Figures of one competence over a group's assessed agents whose job family targets it.
/// Every figure is nil when fewer agents than the minimum cell size are concerned.
public struct CompetenceAggregate: Hashable, Sendable {
    public let competence: CompetenceCode
    /// Assessed agents of the group whose job family has a target on the competence.
    public let agentsWithTarget: Int
    /// How many of them are below their target.
    public let belowTarget: Int?
    /// Mean gap (target − current, 0 when reached) over those agents.
    public let meanGap: Double?
    /// How many of their levels were estimated from an assessment (not measured).
    public let estimated: Int?

    public init(competence: CompetenceCode, agentsWithTarget: Int, belowTarget: Int?, meanGap: Double?, estimated: Int?)
    {
        self.competence = competence
        self.agentsWithTarget = agentsWithTarget
        self.belowTarget = belowTarget
        self.meanGap = meanGap
        self.estimated = estimated
    }

    /// Whether the cell's figures are hidden (too few agents to be shown).
    public var isSuppressed: Bool { belowTarget == nil }

    /// The same cell with its figures hidden.
    func suppressed() -> CompetenceAggregate {
        CompetenceAggregate(
            competence: competence, agentsWithTarget: agentsWithTarget, belowTarget: nil, meanGap: nil, estimated: nil)
    }
}

/// The figures of one group (territory, commune or job family).
public struct GroupAggregate: Hashable, Sendable {
    public let scope: GroupScope
    /// Agents of the roster in the group.
    public let agents: Int
    /// Those with at least one shared Pix result.
    public let assessed: Int
    /// Fragile agents among the assessed; nil when `assessed` is below the minimum cell size.
    public private(set) var fragile: Int?
    /// `fragile / assessed`; nil when suppressed.
    public private(set) var fragileShare: Double?
    /// One per competence of the framework, in framework order.
    public private(set) var competences: [CompetenceAggregate]

    /// Whether the group's fragility figures are hidden (too few assessed agents, or hidden so that
    /// another hidden group cannot be recomputed by subtraction).
    public var isSuppressed: Bool { fragile == nil }

    /// Hides the fragility figures.
    mutating func suppressFragility() {
        fragile = nil
        fragileShare = nil
    }

    /// Hides the figures of the competence at `index`.
    mutating func suppressCompetence(at index: Int) {
        competences[index] = competences[index].suppressed()
    }

    /// Aggregates `diagnoses` (all in the group) under the policy's minimum cell size.
    public init(scope: GroupScope, diagnoses: [AgentDiagnosis], codes: [CompetenceCode], minimumCellSize: Int) {
        self.scope = scope
        agents = diagnoses.count
        let assessedDiagnoses = diagnoses.filter(\.isAssessed)
        assessed = assessedDiagnoses.count
        if assessed >= minimumCellSize {
            let fragileCount = assessedDiagnoses.count(where: \.isFragile)
            fragile = fragileCount
            fragileShare = Double(fragileCount) / Double(assessed)
        } else {
            fragile = nil
            fragileShare = nil
        }
        let standingsByCode = Dictionary(grouping: assessedDiagnoses.flatMap(\.standings), by: \.competence)
        competences = codes.map { code in
            let standings = standingsByCode[code] ?? []
            guard standings.count >= minimumCellSize, !standings.isEmpty else {
                return CompetenceAggregate(
                    competence: code, agentsWithTarget: standings.count, belowTarget: nil, meanGap: nil,
                    estimated: nil)
            }
            return CompetenceAggregate(
                competence: code, agentsWithTarget: standings.count,
                belowTarget: standings.count { $0.gap > 0 },
                meanGap: Double(standings.reduce(0) { $0 + $1.gap }) / Double(standings.count),
                estimated: standings.count { $0.current.source == .estimated })
        }
    }
}
