/// A point of a planning solve's progress.
public struct PlanningProgress: Codable, Sendable {
    /// Seconds since the start.
    public let seconds: Double
    /// The objective of the best plan found.
    public let objective: Double
    /// The best upper bound proven (infinite before the first).
    public let bound: Double

    /// (bound − objective) / |bound|.
    public var gap: Double {
        guard bound.isFinite else { return .infinity }
        let difference = max(0, bound - objective)
        return difference == 0 ? 0 : difference / max(abs(bound), 1e-9)
    }
}

/// Solves a ``PlanningProblem``: which sessions open and who attends them for which need.
///
/// Pins first, then a Lagrangian bound in rounds, each followed by a Lagrangian heuristic (the sessions
/// the relaxation opens, filled at its prices) of which the best plan is kept and polished by local moves,
/// then a large-neighbourhood search (empty a few related sessions, repair greedily, keep unless worse)
/// and a final refinement of the bound. The search stops on the time limit, on a stall, or once the plan
/// is proven within the policy's gap target. Deterministic for the policy's seed unless the time limit
/// cuts the search short.
public struct TrainingPlanner: Sendable {
    public let problem: PlanningProblem

    public init(problem: PlanningProblem) {
        self.problem = problem
    }

    /// The best plan found within the policy's time limit. `progress` is called when the plan or the
    /// bound improves.
    public func solve(progress: (@Sendable (PlanningProgress) -> Void)? = nil) -> TrainingPlan {
        let clock = SearchClock(limit: problem.policy.timeLimitSeconds)
        let gapTarget = problem.policy.gapTarget ?? 0
        let instance = PlanningInstance(problem: problem)
        var search = PlanSearch(instance: instance, seed: problem.policy.seed)
        search.applyPins()
        let pinned = search
        var bound = PlanBound(instance: instance)
        search.construct(guidedBy: bound)
        var reported = (objective: -Double.infinity, bound: Double.infinity)
        func report() {
            let point = (search.state.objective, bound.best)
            guard point.0 > reported.objective || point.1 < reported.bound else { return }
            reported = point
            progress?(PlanningProgress(seconds: clock.seconds, objective: point.0, bound: point.1))
        }
        func closed() -> Bool {
            bound.best.isFinite
                && bound.best - search.state.objective
                    <= max(gapTarget * abs(bound.best), 1e-6 * max(1, abs(bound.best)))
        }
        report()
        // The bound in rounds, each followed by a Lagrangian heuristic at its prices.
        let share = clock.limit * 0.4
        for _ in 0..<8 where !closed() && clock.seconds <= share {
            bound.run(iterations: 25, target: search.state.objective, gap: gapTarget) {
                clock.seconds > share
            }
            var guided = pinned
            guided.construct(guidedBy: bound)
            if guided.state.objective > search.state.objective + PlanState.epsilon { search = guided }
            report()
        }
        search.prune()
        report()
        var stall = 0
        let patience = max(250, instance.sessionCount)
        // A fifth of the time is left to the final bound.
        while stall < patience, clock.seconds < clock.limit * 0.8, !closed() {
            if search.improve() {
                stall = 0
                report()
            } else {
                stall += 1
            }
        }
        search.prune()
        bound.run(iterations: 200, target: search.state.objective, gap: gapTarget) { clock.isOver }
        report()
        return PlanReport(state: search.state).plan(
            bound: bound.best, seconds: clock.seconds, releasedPins: search.releasedPins)
    }
}
