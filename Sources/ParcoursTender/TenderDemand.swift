import ParcoursModel

/// A need no catalogue session covered, as the plan reports it: the input of a tender.
public struct UncoveredNeed: Hashable, Codable, Sendable {
    /// The agent's pseudonymised key: a tender never carries names.
    public let agent: String
    /// NIS or INSEE code of the agent's commune.
    public let commune: String
    public let competence: CompetenceCode
    public let currentLevel: Int
    public let targetLevel: Int
    public let weight: Double
    /// Whether the agent can follow a remote session (a device and a connection).
    public let remotePossible: Bool
    /// Equipment the agent lacks for an on-site session; the provider is asked to bring it.
    public let equipmentLacking: Set<Equipment>
    /// Why the plan left it uncovered (`no-course`, `level`, `distance`, `status`, `equipment`, `dates`,
    /// `minimum`, `budget`…), as the plan names its reason groups.
    public let reason: String

    public init(
        agent: String, commune: String, competence: CompetenceCode, currentLevel: Int, targetLevel: Int,
        weight: Double, remotePossible: Bool, equipmentLacking: Set<Equipment>, reason: String
    ) {
        self.agent = agent
        self.commune = commune
        self.competence = competence
        self.currentLevel = currentLevel
        self.targetLevel = targetLevel
        self.weight = weight
        self.remotePossible = remotePossible
        self.equipmentLacking = equipmentLacking
        self.reason = reason
    }
}

/// A coordinator's addition: a theme tendered for a commune's agents whatever the plan said.
public struct ThemeAddition: Hashable, Codable, Sendable {
    public let theme: String
    public let commune: String
    public let agents: Int
    public let fromLevel: Int
    public let toLevel: Int
    public let format: TeachingFormat

    public init(theme: String, commune: String, agents: Int, fromLevel: Int, toLevel: Int, format: TeachingFormat) {
        self.theme = theme
        self.commune = commune
        self.agents = agents
        self.fromLevel = fromLevel
        self.toLevel = toLevel
        self.format = format
    }
}

/// A coordinator's removal: the uncovered needs matching every field given are not tendered.
public struct NeedRemoval: Hashable, Codable, Sendable {
    public let agent: String?
    public let commune: String?
    public let competence: CompetenceCode?
    public let theme: String?

    public init(agent: String? = nil, commune: String? = nil, competence: CompetenceCode? = nil, theme: String? = nil) {
        self.agent = agent
        self.commune = commune
        self.competence = competence
        self.theme = theme
    }

    /// Whether the need (taught by `themeID`) matches every field given.
    func matches(_ need: UncoveredNeed, themeID: String?) -> Bool {
        (agent.map { $0 == need.agent } ?? true) && (commune.map { $0 == need.commune } ?? true)
            && (competence.map { $0 == need.competence } ?? true) && (theme.map { $0 == themeID } ?? true)
    }
}

/// An unmet need of a plan that is not tendered: a catalogue session could take the agent, and the plan
/// left it out for `reason` (`budget`: the commune's budget; `cost`: not worth the seat, the trip or the
/// session's cost; `allowance`: no training hours left). Counted in the package's notes, never bought.
public struct SetAsideNeed: Hashable, Codable, Sendable {
    /// NIS or INSEE code of the agent's commune.
    public let commune: String
    public let competence: CompetenceCode
    public let reason: String

    public init(commune: String, competence: CompetenceCode, reason: String) {
        self.commune = commune
        self.competence = competence
        self.reason = reason
    }
}

/// What a tender is drafted from: the uncovered needs of a plan, the coordinator's changes, and when.
public struct TenderDemand: Hashable, Codable, Sendable {
    /// The day the procedure is to be launched: the thresholds in force that day apply.
    public let launchDate: CalendarDay
    /// When sessions may take place; nil for the default window of the group policy.
    public let window: DayRange?
    public let needs: [UncoveredNeed]
    public let additions: [ThemeAddition]
    public let removals: [NeedRemoval]
    /// The coordinator's own words on the context, put at the head of the technical part.
    public let contextFR: String?
    /// The plan's unmet needs a catalogue session could take: reported, not tendered.
    public let setAside: [SetAsideNeed]

    public init(
        launchDate: CalendarDay, window: DayRange? = nil, needs: [UncoveredNeed], additions: [ThemeAddition] = [],
        removals: [NeedRemoval] = [], contextFR: String? = nil, setAside: [SetAsideNeed] = []
    ) {
        self.launchDate = launchDate
        self.window = window
        self.needs = needs
        self.additions = additions
        self.removals = removals
        self.contextFR = contextFR
        self.setAside = setAside
    }
}
