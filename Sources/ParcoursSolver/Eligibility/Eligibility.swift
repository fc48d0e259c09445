import ParcoursModel

/// Eligibility of an agent for a session, to cover one of their needs: every constraint of
/// ``EligibilityConstraint`` in one place.
///
/// Rules:
/// - level fit: the course teaches the need's competence with entry level ≤ the agent's current level
///   < exit level (the agent can follow it and comes out higher; reaching the target is not required);
/// - travel (on-site sessions): road km = straight line × the territory's circuity ≤ the agent's limit,
///   or the policy's no-car limit when it is tighter and the agent has no car;
/// - remote access (remote sessions): a computer or tablet, and home internet or a computer at work;
/// - status: the session's eligible statuses are empty or contain the agent's;
/// - equipment: every required item is the agent's or provided by the session;
/// - language: the course's language is one of the agent's (case-insensitive ISO 639-1);
/// - schedule, unavailability, public holiday: every session day is a working day of the agent, outside
///   their unavailable periods, and not one of the context's holidays;
/// - registration: when the session has a registration period, it has not ended before the planning date.
public enum Eligibility {
    /// Every failed constraint, in ``EligibilityConstraint`` order; empty when the agent is eligible.
    public static func failures(
        agent: Agent, need: Need, course: Course, session: TrainingSession, context: EligibilityContext
    ) -> [EligibilityFailure] {
        [levelFit(need: need, course: course)].compactMap { $0 }
            + sessionFailures(agent: agent, course: course, session: session, context: context)
    }

    /// The failures that do not depend on the need (every constraint but level fit), in
    /// ``EligibilityConstraint`` order: one evaluation serves all the needs an agent may bring to a session.
    static func sessionFailures(
        agent: Agent, course: Course, session: TrainingSession, context: EligibilityContext
    ) -> [EligibilityFailure] {
        // Appended one by one: an eligible pair allocates nothing.
        var failures: [EligibilityFailure] = []
        if let failure = travel(agent: agent, session: session, context: context) { failures.append(failure) }
        if let failure = remoteAccess(agent: agent, session: session) { failures.append(failure) }
        if let failure = status(agent: agent, session: session) { failures.append(failure) }
        if let failure = equipment(agent: agent, session: session) { failures.append(failure) }
        if let failure = language(agent: agent, course: course) { failures.append(failure) }
        if let failure = schedule(agent: agent, session: session) { failures.append(failure) }
        if let failure = unavailability(agent: agent, session: session) { failures.append(failure) }
        if let failure = publicHoliday(session: session, context: context) { failures.append(failure) }
        if let failure = registration(session: session, context: context) { failures.append(failure) }
        return failures
    }

    /// Whether every constraint that depends on the agent, except level fit and travel, holds: what the
    /// planner checks once it has found travel within the limit from its table of road distances (the
    /// same rules as ``sessionFailures(agent:course:session:context:)``, stopping at the first failure).
    /// The date constraints that depend only on the session and the context are
    /// ``datesHold(session:context:)``.
    static func holdsForAgent(agent: Agent, course: Course, session: TrainingSession) -> Bool {
        remoteAccess(agent: agent, session: session) == nil && status(agent: agent, session: session) == nil
            && equipment(agent: agent, session: session) == nil && language(agent: agent, course: course) == nil
            && schedule(agent: agent, session: session) == nil && unavailability(agent: agent, session: session) == nil
    }

    /// Whether the session's days avoid the context's public holidays and its registration is still open
    /// on the planning date: the same for every agent sharing those holidays and that date.
    static func datesHold(session: TrainingSession, context: EligibilityContext) -> Bool {
        publicHoliday(session: session, context: context) == nil
            && registration(session: session, context: context) == nil
    }

    /// The road distance from an origin to a venue (straight line × the circuity factor for that distance)
    /// and the factor used: the rule of the travel constraint, shared with the planner's travel costs.
    static func road(from origin: Coordinate, to venue: Coordinate, circuity: Circuity) -> (
        straightLine: Double, factor: Double, kilometres: Double
    ) {
        let straight = origin.distanceKilometres(to: venue)
        let factor = circuity.factor(straightLine: straight)
        return (straight, factor, straight * factor)
    }

    /// The furthest the agent may travel: their own limit, or the policy's no-car limit when tighter.
    static func travelLimit(agent: Agent, policy: EligibilityPolicy) -> (noCar: Double?, kilometres: Double) {
        let noCarLimit = agent.hasCar ? nil : policy.noCarMaximumKilometres
        return (noCarLimit, min(agent.maximumTravelKilometres, noCarLimit ?? .infinity))
    }

    static func levelFit(need: Need, course: Course) -> EligibilityFailure? {
        if course.competences.contains(where: {
            $0.code == need.competence && $0.entryLevel <= need.currentLevel && need.currentLevel < $0.exitLevel
        }) {
            return nil
        }
        let taught = course.competences.filter { $0.code == need.competence }
        return .levelFit(
            competence: need.competence, currentLevel: need.currentLevel, targetLevel: need.targetLevel,
            entryLevel: taught.first?.entryLevel, exitLevel: taught.first?.exitLevel)
    }

    static func travel(agent: Agent, session: TrainingSession, context: EligibilityContext) -> EligibilityFailure? {
        guard let venue = session.venue else { return nil }
        let road = road(from: context.agentOrigin, to: venue.coordinate, circuity: context.circuity)
        let limit = travelLimit(agent: agent, policy: context.policy)
        guard road.kilometres > limit.kilometres else { return nil }
        return .travel(
            straightLineKilometres: road.straightLine, circuityFactor: road.factor, roadKilometres: road.kilometres,
            agentLimitKilometres: agent.maximumTravelKilometres, noCarLimitKilometres: limit.noCar,
            limitKilometres: limit.kilometres)
    }

    static func remoteAccess(agent: Agent, session: TrainingSession) -> EligibilityFailure? {
        guard session.isRemote, !agent.hasRemoteAccess else { return nil }
        return .remoteAccess(hasDevice: agent.hasRemoteDevice, hasConnection: agent.hasConnection)
    }

    static func status(agent: Agent, session: TrainingSession) -> EligibilityFailure? {
        guard !session.eligibleStatuses.isEmpty, !session.eligibleStatuses.contains(agent.statusID) else {
            return nil
        }
        return .status(statusID: agent.statusID, eligibleStatuses: session.eligibleStatuses.sorted())
    }

    static func equipment(agent: Agent, session: TrainingSession) -> EligibilityFailure? {
        guard
            session.equipmentRequired.contains(where: {
                !agent.equipment.contains($0) && !session.equipmentProvided.contains($0)
            })
        else { return nil }
        let missing = Equipment.allCases.filter {
            session.equipmentRequired.contains($0) && !agent.equipment.contains($0)
                && !session.equipmentProvided.contains($0)
        }
        return missing.isEmpty ? nil : .equipment(missing: missing)
    }

    static func language(agent: Agent, course: Course) -> EligibilityFailure? {
        if agent.languages.contains(course.language) { return nil }
        let spoken = agent.languages.contains { $0.lowercased() == course.language.lowercased() }
        return spoken ? nil : .language(courseLanguage: course.language, agentLanguages: agent.languages)
    }

    static func schedule(agent: Agent, session: TrainingSession) -> EligibilityFailure? {
        guard session.days.contains(where: { !agent.workingDays.contains($0.day.weekday) }) else { return nil }
        let days = sessionDays(session).filter { !agent.workingDays.contains($0.weekday) }
        return days.isEmpty ? nil : .schedule(nonWorkingDays: days)
    }

    static func unavailability(agent: Agent, session: TrainingSession) -> EligibilityFailure? {
        guard !agent.unavailable.isEmpty else { return nil }
        let days = sessionDays(session).filter { day in agent.unavailable.contains { $0.contains(day) } }
        return days.isEmpty ? nil : .unavailability(days: days)
    }

    static func publicHoliday(session: TrainingSession, context: EligibilityContext) -> EligibilityFailure? {
        guard
            context.publicHolidays.contains(where: { holiday in session.days.contains { $0.day == holiday.day } })
        else { return nil }
        let days = Set(sessionDays(session))
        let holidays = context.publicHolidays.filter { days.contains($0.day) }.sorted { $0.day < $1.day }
        return holidays.isEmpty ? nil : .publicHoliday(holidays: holidays)
    }

    static func registration(session: TrainingSession, context: EligibilityContext) -> EligibilityFailure? {
        guard let period = session.registration, period.last < context.planningDate else { return nil }
        return .registration(closedOn: period.last, planningDate: context.planningDate)
    }

    /// The distinct calendar days of a session, in order.
    private static func sessionDays(_ session: TrainingSession) -> [CalendarDay] {
        Array(Set(session.days.map(\.day))).sorted()
    }
}
