/// Where a current level comes from.
public enum LevelSource: String, Hashable, Codable, Sendable {
    /// A level Pix measured (profiles collection).
    case measured
    /// A level estimated from an assessment's mastery ratio, by the documented rule.
    case estimated
    /// No result for this competence: the agent is taken to be at level 0.
    case none
}

/// A competence gap of one agent: the unit the solver tries to cover.
public struct Need: Hashable, Codable, Sendable {
    public let agentID: String
    public let competence: CompetenceCode
    public let currentLevel: Int
    public let targetLevel: Int
    public let levelSource: LevelSource
    /// Importance of covering this need (job-family priority × gap, per the policy).
    public let weight: Double

    public init(
        agentID: String, competence: CompetenceCode, currentLevel: Int, targetLevel: Int,
        levelSource: LevelSource, weight: Double
    ) {
        self.agentID = agentID
        self.competence = competence
        self.currentLevel = currentLevel
        self.targetLevel = targetLevel
        self.levelSource = levelSource
        self.weight = weight
    }

    /// Levels missing: target − current, never negative.
    public var gap: Int { max(0, targetLevel - currentLevel) }
}
