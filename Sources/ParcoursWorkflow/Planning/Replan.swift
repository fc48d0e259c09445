import ParcoursModel
import ParcoursSolver

/// Which of the previous plan's assignments a re-plan keeps as they are.
public enum PinRule: String, Hashable, Sendable, CaseIterable {
    /// Every assignment not affected by a change (its session cancelled, withdrawn or changed, its
    /// agent removed) is pinned; affected ones may move at the policy's change penalty.
    case unaffected
    /// Every assignment whose agent, need and session are still there is pinned, even if the session changed.
    case all
    /// None is pinned: any assignment may move, each move costing the change penalty.
    case none
}

/// A re-plan: the previous plan, what changed since, and the inputs as the store holds them now (a
/// newer roster or catalogue is picked up there).
public struct Replan: Sendable {
    public let previous: PlanRecord
    /// Sessions to cancel and agents to remove now, beside those of earlier re-plans.
    public let cancelledSessions: Set<String>
    public let removedAgents: Set<String>
    public let pin: PinRule

    public init(previous: PlanRecord, cancelledSessions: Set<String>, removedAgents: Set<String>, pin: PinRule) {
        self.previous = previous
        self.cancelledSessions = cancelledSessions.union(previous.cancelledSessions)
        self.removedAgents = removedAgents.union(previous.removedAgents)
        self.pin = pin
    }

    /// Ids in `cancelledSessions` or `removedAgents` that neither the previous plan nor the current inputs
    /// know: most likely typing mistakes.
    public func unknownIDs(current: PlanningProblem) -> (sessions: [String], agents: [String]) {
        let sessions = Set(previous.problem.sessions.map(\.id) + current.sessions.map(\.id))
        let agents = Set(previous.problem.agents.map(\.agent.externalID) + current.agents.map(\.agent.externalID))
        return (cancelledSessions.subtracting(sessions).sorted(), removedAgents.subtracting(agents).sorted())
    }

    /// The problem to solve: `current` without the cancelled sessions, the removed agents and their
    /// needs, with the previous assignments that still make sense, pinned by ``pin``.
    public func problem(current: PlanningProblem) -> PlanningProblem {
        var problem = current
        problem.sessions.removeAll { cancelledSessions.contains($0.id) }
        problem.agents.removeAll { removedAgents.contains($0.agent.externalID) }
        problem.needs.removeAll { removedAgents.contains($0.agentID) }
        let sessions = Dictionary(problem.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let needs = Set(problem.needs.map { NeedKey(agentID: $0.agentID, competence: $0.competence) })
        problem.previousAssignments = previous.plan.assignments.compactMap { assignment in
            guard needs.contains(NeedKey(agentID: assignment.agentID, competence: assignment.competence)),
                let session = sessions[assignment.sessionID]
            else { return nil }
            let unchanged = previous.session(assignment.sessionID) == session
            let pinned =
                switch pin {
                case .all: true
                case .none: false
                case .unaffected: unchanged
                }
            return PreviousAssignment(
                agentID: assignment.agentID, competence: assignment.competence, sessionID: assignment.sessionID,
                isPinned: pinned)
        }
        return problem
    }

    /// Why an assignment of the previous plan could not stay as it was, when something outside the
    /// solve caused it; nil when the solve chose to move it.
    public func cause(of assignment: PlanAssignment, current: PlanningProblem) -> ChangeCause? {
        if removedAgents.contains(assignment.agentID) { return .agentRemoved }
        if !current.agents.contains(where: { $0.agent.externalID == assignment.agentID }) { return .agentNotInRoster }
        if !current.needs.contains(where: { $0.agentID == assignment.agentID && $0.competence == assignment.competence }
        ) {
            return .needGone
        }
        if cancelledSessions.contains(assignment.sessionID) { return .sessionCancelled(assignment.sessionID) }
        guard let session = current.sessions.first(where: { $0.id == assignment.sessionID }) else {
            return .sessionWithdrawn(assignment.sessionID)
        }
        return previous.session(assignment.sessionID) == session ? nil : .sessionChanged(assignment.sessionID)
    }
}

/// An agent's need, as a key.
struct NeedKey: Hashable {
    let agentID: String
    let competence: CompetenceCode
}
