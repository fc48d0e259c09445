import ParcoursModel

/// A failed eligibility constraint with the facts that explain it.
public enum EligibilityFailure: Hashable, Codable, Sendable {
    /// The course does not teach the competence (`entryLevel` and `exitLevel` nil), or not from the
    /// agent's current level to a level above it.
    case levelFit(
        competence: CompetenceCode, currentLevel: Int, targetLevel: Int, entryLevel: Int?, exitLevel: Int?)
    /// The venue is further by road than the agent may travel. `roadKilometres` = `straightLineKilometres`
    /// × `circuityFactor`; `limitKilometres` is the agent's limit, or the policy's tighter no-car limit.
    case travel(
        straightLineKilometres: Double, circuityFactor: Double, roadKilometres: Double,
        agentLimitKilometres: Double, noCarLimitKilometres: Double?, limitKilometres: Double)
    /// A remote session, and the agent lacks a device, a connection, or both.
    case remoteAccess(hasDevice: Bool, hasConnection: Bool)
    /// The agent's status is not among the session's eligible ones (sorted).
    case status(statusID: String, eligibleStatuses: [String])
    /// Required equipment neither the agent's nor provided (in declaration order).
    case equipment(missing: [Equipment])
    /// The course's language is none of the agent's.
    case language(courseLanguage: String, agentLanguages: [String])
    /// Session days that are not working days of the agent.
    case schedule(nonWorkingDays: [CalendarDay])
    /// Session days within one of the agent's unavailable periods.
    case unavailability(days: [CalendarDay])
    /// Session days that are public holidays.
    case publicHoliday(holidays: [PublicHoliday])
    /// Registration closed on `closedOn`, before the planning date.
    case registration(closedOn: CalendarDay, planningDate: CalendarDay)

    /// The constraint that failed.
    public var constraint: EligibilityConstraint {
        switch self {
        case .levelFit: .levelFit
        case .travel: .travel
        case .remoteAccess: .remoteAccess
        case .status: .status
        case .equipment: .equipment
        case .language: .language
        case .schedule: .schedule
        case .unavailability: .unavailability
        case .publicHoliday: .publicHoliday
        case .registration: .registration
        }
    }
}
