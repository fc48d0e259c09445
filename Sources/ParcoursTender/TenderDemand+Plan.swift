import ParcoursModel
import ParcoursSolver

/// How the plan's reasons (``EligibilityConstraint`` and ``PlanConstraint`` names) sort an unmet need for a
/// tender: what no catalogue session can offer (tendered, by group), and what a session could take but the
/// plan turned down (set aside).
public enum UnmetReasonGroups {
    /// Reasons a catalogue session cannot take the agent, by the group a tender names them by.
    public static let groups: [String: String] = [
        "no-session": "no-course", "level-fit": "level", "travel": "distance", "remote-access": "remote-access",
        "remote-not-allowed": "remote-access", "status": "status", "equipment": "equipment", "language": "language",
        "schedule": "dates", "unavailability": "dates", "public-holiday": "dates", "registration": "dates",
        "time-clash": "dates", "minimum-not-reached": "minimum", "capacity": "capacity",
    ]

    /// Reasons a session could take the agent but the plan did not, by group: the commune's budget, a cost
    /// above what the need is worth, no training hours left. Buying a new module would not remove them.
    public static let setAside: [String: String] = [
        "budget": "budget", "value-below-cost": "cost", "session-not-opened": "cost", "allowance": "allowance",
    ]

    /// When sessions fail for different reasons, the group named first here is the need's: the reasons a
    /// tendered module can answer (no course, distance, too few agents, dates) come first.
    public static let priority = [
        "no-course", "distance", "minimum", "dates", "level", "capacity", "equipment", "status", "language",
        "remote-access",
    ]

    /// A reason group (tendered or set aside) in words, as the documents and the command line name it.
    public static func describe(_ group: String, in language: Language) -> String {
        switch group {
        case "no-course":
            language.pick(
                "aucune formation au catalogue pour cette compétence", "no catalogue course for the competence")
        case "level": language.pick("pas de formation au bon niveau", "no course at the right level")
        case "distance": language.pick("formations trop éloignées", "courses too far away")
        case "remote-access":
            language.pick("pas d'équipement pour suivre à distance", "no equipment to follow a remote course")
        case "status": language.pick("statut de l'agent non admis", "the agent's status is not admitted")
        case "equipment": language.pick("équipement requis manquant", "required equipment missing")
        case "dates": language.pick("dates incompatibles", "dates do not fit")
        case "minimum": language.pick("effectif minimal non atteint", "minimum group size not reached")
        case "capacity": language.pick("sessions complètes", "sessions full")
        case "language": language.pick("langue de la formation", "language of the course")
        case "budget":
            language.pick(
                "le budget de la commune ne couvrait pas la place et le déplacement",
                "the commune's budget could not pay for the seat and the trip")
        case "cost":
            language.pick(
                "la place, le déplacement ou la session coûtaient plus que le besoin ne vaut",
                "the seat, the trip or the session cost more than the need is worth")
        case "allowance":
            language.pick("l'agent n'a plus d'heures de formation disponibles", "the agent has no training hours left")
        case "free-session":
            language.pick(
                "une session gratuite (CNFPT, offre subventionnée) peut accueillir l'agent : à demander à l'organisme",
                "a free session (CNFPT, subsidised offer) can take the agent: to ask the provider for")
        default: group
        }
    }

    /// The group of a need's reasons; nil when none is a reason a tender answers (unknown agent, commune
    /// not taking part, or only reasons of ``setAside``).
    public static func group(of names: [String]) -> String? {
        let present = Set(names.compactMap { groups[$0] })
        return priority.first(where: present.contains)
    }

    /// Whether the reason is about one of `sessions` and the agent could attend it: only the plan kept
    /// them apart (full, not opened, clash, hours, budget), not eligibility or a remote session the policy
    /// excludes.
    static func isAttainable(_ reason: UnmetReason, amongSessions sessions: Set<String>) -> Bool {
        guard let id = reason.sessionID, sessions.contains(id) else { return false }
        switch reason {
        case .ineligible, .remoteNotAllowed: return false
        default: return true
        }
    }

    /// Why a session could have taken the need, when one could: the ``setAside`` group of the first reason
    /// about a session whose every cause is in ``setAside``; nil when no session could.
    public static func setAsideGroup(of reasons: [UnmetReason]) -> String? {
        for reason in reasons where reason.sessionID != nil {
            let names = reason.constraintNames
            if let first = names.first, names.allSatisfy({ setAside[$0] != nil }) { return setAside[first] }
        }
        return nil
    }
}

extension TenderDemand {
    /// The demand of a plan's unmet needs that no catalogue session can take: each with its agent's
    /// commune, whether the agent can follow a remote session and the devices it lacks (from `agents`), and
    /// the plan's reasons grouped. Set aside, not tendered: needs a free session of `sessions` (price 0:
    /// CNFPT, subsidised offers) could take, the agent being eligible for it (`free-session`), never sent to
    /// procurement; and needs a session could take but the plan turned down (budget, cost, allowance).
    /// Needs of agents outside the problem or of communes not taking part are left out; their number is
    /// returned. The coordinator's changes are added.
    public static func fromPlan(
        _ plan: TrainingPlan, agents: [Agent], sessions: [TrainingSession], launchDate: CalendarDay,
        window: DayRange? = nil, additions: [ThemeAddition] = [], removals: [NeedRemoval] = [],
        contextFR: String? = nil
    ) -> (demand: TenderDemand, leftOut: Int) {
        let byID = Dictionary(agents.map { ($0.externalID, $0) }, uniquingKeysWith: { first, _ in first })
        let free = Set(sessions.filter(\.isFree).map(\.id))
        var needs: [UncoveredNeed] = []
        var setAside: [SetAsideNeed] = []
        var leftOut = 0
        for unmet in plan.unmetNeeds {
            guard let agent = byID[unmet.need.agentID], let commune = unmet.communeCode else {
                leftOut += 1
                continue
            }
            if unmet.reasons.contains(where: { UnmetReasonGroups.isAttainable($0, amongSessions: free) }) {
                setAside.append(
                    SetAsideNeed(commune: commune, competence: unmet.need.competence, reason: "free-session"))
                continue
            }
            if let reason = UnmetReasonGroups.setAsideGroup(of: unmet.reasons) {
                setAside.append(SetAsideNeed(commune: commune, competence: unmet.need.competence, reason: reason))
                continue
            }
            guard let reason = UnmetReasonGroups.group(of: unmet.reasons.flatMap(\.constraintNames)) else {
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
                contextFR: contextFR, setAside: setAside), leftOut
        )
    }
}
