import ParcoursModel
import ParcoursSolver

/// How the plan's reasons (``EligibilityConstraint`` and ``PlanConstraint`` names) group for a tender.
public enum UnmetReasonGroups {
    public static let groups: [String: String] = [
        "no-session": "no-course", "level-fit": "level", "travel": "distance", "remote-access": "remote-access",
        "remote-not-allowed": "remote-access", "status": "status", "equipment": "equipment", "language": "language",
        "schedule": "dates", "unavailability": "dates", "public-holiday": "dates", "registration": "dates",
        "time-clash": "dates", "minimum-not-reached": "minimum", "session-not-opened": "minimum",
        "capacity": "capacity", "allowance": "allowance", "budget": "budget", "value-below-cost": "budget",
    ]

    /// When sessions fail for different reasons, the group named first here is the need's: the reasons a
    /// tendered module can answer (no course, distance, too few agents, dates) come first.
    public static let priority = [
        "no-course", "distance", "minimum", "dates", "level", "budget", "equipment", "status", "language", "capacity",
        "allowance", "remote-access",
    ]

    /// The group of a need's reasons; nil when none is a reason a tender answers (unknown agent, commune
    /// not taking part).
    public static func group(of names: [String]) -> String? {
        let present = Set(names.compactMap { groups[$0] })
        return priority.first(where: present.contains)
    }
}

extension TenderDemand {
    /// The demand of a plan's unmet needs: each need with its agent's commune, whether the agent can
    /// follow a remote session and the devices it lacks (from `agents`), and the plan's reasons grouped;
    /// plus the coordinator's changes. Needs of agents outside the problem or of communes not taking part
    /// are left out; their number is returned.
    public static func fromPlan(
        _ plan: TrainingPlan, agents: [Agent], launchDate: CalendarDay, window: DayRange? = nil,
        additions: [ThemeAddition] = [], removals: [NeedRemoval] = [], contextFR: String? = nil
    ) -> (demand: TenderDemand, leftOut: Int) {
        let byID = Dictionary(agents.map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        var needs: [UncoveredNeed] = []
        var leftOut = 0
        for unmet in plan.unmetNeeds {
            guard let agent = byID[unmet.need.agentID], let commune = unmet.communeCode,
                let reason = UnmetReasonGroups.group(of: unmet.reasons.flatMap(\.constraintNames))
            else {
                leftOut += 1
                continue
            }
            needs.append(
                UncoveredNeed(
                    agent: unmet.need.agentID, commune: commune, competence: unmet.need.competence,
                    currentLevel: unmet.need.currentLevel, targetLevel: unmet.need.targetLevel,
                    weight: unmet.need.weight,
                    remotePossible: agent.hasRemoteAccess,
                    equipmentLacking: agent.equipment.contains(.workComputer) ? [] : [.workComputer], reason: reason))
        }
        return (
            TenderDemand(
                launchDate: launchDate, window: window, needs: needs, additions: additions, removals: removals,
                contextFR: contextFR), leftOut
        )
    }
}
