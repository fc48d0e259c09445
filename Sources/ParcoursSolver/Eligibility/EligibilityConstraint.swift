/// A named condition an agent must meet to attend a session for one of their needs. The raw values are
/// stable names that explanations, reports and tests use; the case order is the order failures are reported in.
public enum EligibilityConstraint: String, Hashable, Codable, Sendable, CaseIterable {
    /// The course teaches the need's competence from a level the agent has to a level above it.
    case levelFit = "level-fit"
    /// The on-site venue is within the agent's road-distance limit (tighter without a car).
    case travel
    /// A remote session needs a device (computer or tablet) and a connection.
    case remoteAccess = "remote-access"
    /// The agent's employment status is among the session's eligible statuses.
    case status
    /// The equipment the session requires is the agent's or provided.
    case equipment
    /// The course is taught in one of the agent's languages.
    case language
    /// Every session day is one of the agent's working days.
    case schedule
    /// No session day falls in one of the agent's unavailable periods.
    case unavailability
    /// No session day is a public holiday.
    case publicHoliday = "public-holiday"
    /// Registration has not closed before the planning date.
    case registration
}
