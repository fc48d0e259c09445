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
/// the relaxation opens, filled at its prices) of which the best plan is kept, polished by local moves
/// from the round where the bound settles on, then a large-neighbourhood search (empty a few related
/// sessions, repair greedily, keep unless worse) and a final refinement of the bound. The search stops once the plan is proven within the policy's gap
/// target, on a stall, at the end of its iteration budgets, or on the time limit. Phases are budgeted in
/// iterations, not time: deterministic for the policy's seed unless the time limit cuts the search short.
public struct TrainingPlanner: Sendable {
    public let problem: PlanningProblem

    /// Rounds of the bound, each followed by a Lagrangian heuristic, and subgradient iterations per round.
    static let boundRounds = 8
    static let iterationsPerRound = 25
    /// The large-neighbourhood search's budget in moves, as a multiple of its patience (its stall limit).
    static let movesPerPatience = 20
    /// Subgradient iterations of the final refinement of the bound.
    static let finalIterations = 200

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
        // The bound in rounds, each followed by a Lagrangian heuristic at its prices. Every phase counts
        // iterations or moves, so that a seed gives one plan whatever the machine's load; the time limit
        // is the only wall-clock cut-off. Local moves are the costly part of a round: the heuristic plans
        // are compared as built until the bound settles (a round moves it by less than half the gap
        // target); then the best is polished, and so is every later one before it is compared (in dense
        // areas a plan built worse than another may polish into a much better one).
        var polishing = false
        for _ in 0..<Self.boundRounds where !closed() && !clock.isOver {
            let boundBefore = bound.best
            bound.run(iterations: Self.iterationsPerRound, target: search.state.objective, gap: gapTarget) {
                clock.isOver
            }
            var guided = pinned
            guided.construct(guidedBy: bound)
            if polishing { guided.prune { clock.isOver } }
            if guided.state.objective > search.state.objective + PlanState.epsilon { search = guided }
            if !polishing, boundBefore - bound.best < gapTarget / 2 * abs(bound.best) {
                polishing = true
                search.prune { clock.isOver }
            }
            report()
        }
        if !polishing { search.prune { clock.isOver } }
        report()
        var stall = 0
        var moves = 0
        let patience = max(250, instance.sessionCount)
        while stall < patience, moves < Self.movesPerPatience * patience, !closed(), !clock.isOver {
            moves += 1
            if search.improve() {
                stall = 0
                report()
            } else {
                stall += 1
            }
        }
        // The local moves again only if the large-neighbourhood search changed the plan they left.
        if moves > 0 { search.prune { clock.isOver } }
        if !closed() {
            bound.run(iterations: Self.finalIterations, target: search.state.objective, gap: gapTarget) {
                clock.isOver
            }
        }
        report()
        return PlanReport(state: search.state).plan(
            bound: bound.best, seconds: clock.seconds, releasedPins: search.releasedPins)
    }
}
