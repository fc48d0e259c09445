import ParcoursModel

/// Policy values that tighten eligibility, from Config.
public struct EligibilityPolicy: Hashable, Codable, Sendable {
    /// The furthest an agent without a car may travel to a session, in road kilometres.
    public let noCarMaximumKilometres: Double

    public init(noCarMaximumKilometres: Double) {
        self.noCarMaximumKilometres = noCarMaximumKilometres
    }
}

/// What eligibility needs to know besides the agent, need, course and session.
public struct EligibilityContext: Hashable, Sendable {
    /// The circuity rule of the agent's territory (road distance from the straight line).
    public let circuity: Circuity
    /// The days off on which no session may be attended: the country's holidays the caller chose to apply.
    public let publicHolidays: [PublicHoliday]
    /// The coordinate of the agent's commune, where their trips start.
    public let agentOrigin: Coordinate
    /// The day the plan is made: a session whose registration closed before it cannot be joined.
    public let planningDate: CalendarDay
    public let policy: EligibilityPolicy

    public init(
        circuity: Circuity, publicHolidays: [PublicHoliday], agentOrigin: Coordinate, planningDate: CalendarDay,
        policy: EligibilityPolicy
    ) {
        self.circuity = circuity
        self.publicHolidays = publicHolidays
        self.agentOrigin = agentOrigin
        self.planningDate = planningDate
        self.policy = policy
    }
}
