import ParcoursSolver

/// What a re-plan changed, assignment by assignment, against the plan it started from.
public struct PlanChanges: Sendable {
    /// Assignments the new plan keeps as they were.
    public let kept: [PlanAssignment]
    public let moved: [Moved]
    public let dropped: [Dropped]
    /// Needs the previous plan did not cover and the new one does.
    public let added: [PlanAssignment]

    /// A need covered by another session than before.
    public struct Moved: Sendable {
        public let previous: PlanAssignment
        public let current: PlanAssignment
        /// What forced the move; nil when the solve chose it (a better grouping, a change worth its penalty).
        public let cause: ChangeCause?
    }

    /// A need the previous plan covered and the new one does not.
    public struct Dropped: Sendable {
        public let previous: PlanAssignment
        public let cause: ChangeCause?
        /// Why the new plan leaves the need unmet (empty when the need is no longer in the problem).
        public let reasons: [UnmetReason]
    }

    /// The changes from `replan.previous` to `plan`, solved from `problem` (the current inputs before
    /// the re-plan's cancellations and removals).
    public init(replan: Replan, current problem: PlanningProblem, plan: TrainingPlan) {
        let now = Dictionary(
            plan.assignments.map { (NeedKey(agentID: $0.agentID, competence: $0.competence), $0) },
            uniquingKeysWith: { first, _ in first })
        let unmet = Dictionary(
            plan.unmetNeeds.map { (NeedKey(agentID: $0.need.agentID, competence: $0.need.competence), $0.reasons) },
            uniquingKeysWith: { first, _ in first })
        var kept: [PlanAssignment] = []
        var moved: [Moved] = []
        var dropped: [Dropped] = []
        var before = Set<NeedKey>()
        for previous in replan.previous.plan.assignments {
            let key = NeedKey(agentID: previous.agentID, competence: previous.competence)
            before.insert(key)
            let cause = replan.cause(of: previous, current: problem)
            if let current = now[key] {
                if current.sessionID == previous.sessionID {
                    kept.append(current)
                } else {
                    moved.append(Moved(previous: previous, current: current, cause: cause))
                }
            } else {
                dropped.append(Dropped(previous: previous, cause: cause, reasons: unmet[key] ?? []))
            }
        }
        self.kept = kept
        self.moved = moved
        self.dropped = dropped
        added = plan.assignments.filter { !before.contains(NeedKey(agentID: $0.agentID, competence: $0.competence)) }
    }
}
