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
/// Pins first, then a lazy greedy construction, a Lagrangian bound, a large-neighbourhood search
/// (empty a few related sessions, repair greedily, keep unless worse) and a final refinement of the bound.
/// Deterministic for the policy's seed unless the time limit cuts the search short.
public struct TrainingPlanner: Sendable {
    public let problem: PlanningProblem
    /// The search stops once the plan is proven within this fraction of the bound.
    static let gapTarget = 0.005

    public init(problem: PlanningProblem) {
        self.problem = problem
    }

    /// The best plan found within the policy's time limit. `progress` is called when the plan or the
    /// bound improves.
    public func solve(progress: (@Sendable (PlanningProgress) -> Void)? = nil) -> TrainingPlan {
        let clock = SearchClock(limit: problem.policy.timeLimitSeconds)
        let instance = PlanningInstance(problem: problem)
        var search = PlanSearch(instance: instance, seed: problem.policy.seed)
        search.applyPins()
        let pinned = search
        search.construct()
        var bound = PlanBound(instance: instance)
        var reported = (objective: -Double.infinity, bound: Double.infinity)
        func report() {
            let point = (search.state.objective, bound.best)
            guard point.0 > reported.objective || point.1 < reported.bound else { return }
            reported = point
            progress?(PlanningProgress(seconds: clock.seconds, objective: point.0, bound: point.1))
        }
        func closed() -> Bool {
            bound.best.isFinite && bound.best - search.state.objective <= Self.gapTarget * max(1, abs(bound.best))
        }
        report()
        // The bound in rounds, each followed by a Lagrangian heuristic at its prices.
        let share = clock.limit * 0.4
        for _ in 0..<4 where !closed() && clock.seconds <= share {
            bound.run(iterations: 50, target: search.state.objective, gap: Self.gapTarget) {
                clock.seconds > share
            }
            var guided = pinned
            guided.construct(guidedBy: bound)

            if guided.state.objective > search.state.objective + PlanState.epsilon { search = guided }
            report()
        }
        var stall = 0
        let patience = max(250, instance.sessionCount)
        while stall < patience, !clock.isOver, !closed() {
            if search.improve() {
                stall = 0
                report()
            } else {
                stall += 1
            }
        }
        search.prune()
        bound.run(iterations: 200, target: search.state.objective, gap: Self.gapTarget) { clock.isOver }
        report()
        return PlanReport(state: search.state).plan(
            bound: bound.best, seconds: clock.seconds, releasedPins: search.releasedPins)
    }
}
