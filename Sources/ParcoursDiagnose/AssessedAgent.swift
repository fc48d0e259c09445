import ParcoursModel

/// A current level and where it comes from (measured by Pix, or estimated from mastery).
public struct CurrentLevel: Hashable, Sendable {
    public let level: Int
    public let source: LevelSource

    public init(level: Int, source: LevelSource) {
        self.level = level
        self.source = source
    }
}

/// An agent of a roster with the levels their consolidated Pix results give; empty `levels` means
/// the agent has no shared Pix result ("not assessed").
public struct AssessedAgent: Hashable, Sendable {
    public let agent: Agent
    public let levels: [CompetenceCode: CurrentLevel]

    public init(agent: Agent, levels: [CompetenceCode: CurrentLevel]) {
        self.agent = agent
        self.levels = levels
    }

    public var isAssessed: Bool { !levels.isEmpty }
}
