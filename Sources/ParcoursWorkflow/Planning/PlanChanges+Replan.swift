import ParcoursSolver

extension PlanChanges {
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
        self.init(
            kept: kept, moved: moved, dropped: dropped,
            added: plan.assignments.filter { !before.contains(NeedKey(agentID: $0.agentID, competence: $0.competence)) })
    }
}
