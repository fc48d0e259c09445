import ParcoursModel

/// An agent as the planner sees them: the roster's agent with where their trips start and the rules of
/// their territory and country.
public struct PlanningAgent: Hashable, Codable, Sendable {
    public let agent: Agent
    /// The coordinate of the agent's commune, where their trips start.
    public let origin: Coordinate
    /// The circuity rule of the agent's territory.
    public let circuity: Circuity
    /// The public holidays of the agent's country that the plan respects.
    public let publicHolidays: [PublicHoliday]
    /// Training hours the agent may spend in the plan; nil for the policy's hours per full time × the
    /// agent's working time.
    public let trainingHoursAllowance: Double?

    public init(
        agent: Agent, origin: Coordinate, circuity: Circuity, publicHolidays: [PublicHoliday],
        trainingHoursAllowance: Double? = nil
    ) {
        self.agent = agent
        self.origin = origin
        self.circuity = circuity
        self.publicHolidays = publicHolidays
        self.trainingHoursAllowance = trainingHoursAllowance
    }
}

/// An assignment of a previous plan, given to a re-plan: kept as is when pinned, otherwise changing it
/// costs the policy's change penalty.
public struct PreviousAssignment: Hashable, Codable, Sendable {
    public let agentID: String
    public let competence: CompetenceCode
    public let sessionID: String
    public let isPinned: Bool

    public init(agentID: String, competence: CompetenceCode, sessionID: String, isPinned: Bool) {
        self.agentID = agentID
        self.competence = competence
        self.sessionID = sessionID
        self.isPinned = isPinned
    }
}

/// Everything a training plan is solved from. Needs refer to agents by external id and sessions to
/// courses by id; a need of an unknown agent, or a session of an unknown course, is left out of the plan
/// (the first is reported unmet, the second teaches nothing).
public struct PlanningProblem: Codable, Sendable {
    public var agents: [PlanningAgent]
    public var needs: [Need]
    public var courses: [Course]
    public var sessions: [TrainingSession]
    /// The day the plan is made: sessions whose registration closed before it cannot be joined.
    public var planningDate: CalendarDay
    public var policy: PlanningPolicy
    /// The previous plan's assignments, for a re-plan; empty for a first plan.
    public var previousAssignments: [PreviousAssignment]

    public init(
        agents: [PlanningAgent], needs: [Need], courses: [Course], sessions: [TrainingSession],
        planningDate: CalendarDay, policy: PlanningPolicy, previousAssignments: [PreviousAssignment] = []
    ) {
        self.agents = agents
        self.needs = needs
        self.courses = courses
        self.sessions = sessions
        self.planningDate = planningDate
        self.policy = policy
        self.previousAssignments = previousAssignments
    }
}
