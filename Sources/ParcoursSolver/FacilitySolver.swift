import Foundation

/// How a solve is run.
public struct FacilitySolverOptions: Sendable {
    /// The wall-clock budget, in seconds.
    public var timeLimit: Double
    /// The seed of every random choice: the same seed and problem give the same plan (unless the
    /// time limit cuts the search short).
    public var seed: UInt64

    public init(timeLimit: Double = 10, seed: UInt64 = 1) {
        self.timeLimit = timeLimit
        self.seed = seed
    }
}

/// A point of the solve's progress.
public struct FacilitySolverProgress: Sendable {
    /// Seconds since the start.
    public let seconds: Double
    /// The cost of the best plan found (infinite before the first).
    public let objective: Double
    /// The best lower bound proven.
    public let bound: Double
}

/// The outcome of a solve.
public struct FacilitySolverResult: Sendable {
    /// The best plan found.
    public let solution: FacilitySolution
    /// Its true cost.
    public let objective: Double
    /// A lower bound on the optimal cost (from the Lagrangian relaxation).
    public let bound: Double
}

/// Solves a ``FacilityProblem``: Lagrangian relaxation for the bound and for promising sets of open
/// facilities, exact transportation for each open set, local search on the open set (multi-source) or
/// on the assignments (single-source).
public struct FacilitySolver: Sendable {
    public let problem: FacilityProblem
    public let options: FacilitySolverOptions

    public init(problem: FacilityProblem, options: FacilitySolverOptions = FacilitySolverOptions()) {
        self.problem = problem
        self.options = options
    }

    /// The best plan found within the time limit, or nil when no plan was found (the problem may be
    /// infeasible). `progress` is called each time the plan or the bound improves.
    public func solve(progress: (@Sendable (FacilitySolverProgress) -> Void)? = nil) -> FacilitySolverResult? {
        let clock = SearchClock(limit: options.timeLimit)
        var search = OpenSetSearch(problem: problem, clock: clock, progress: progress)
        search.runLagrangian(share: problem.singleSource ? 0.3 : 0.15)
        search.improveOpenSet()
        if !problem.singleSource {
            search.iterateOpenSet(
                share: 0.85, seed: options.seed, patience: max(20, problem.facilityCount * problem.customerCount / 500))
            // A better plan sharpens the subgradient steps: refine the bound with the time left.
            search.runLagrangian(share: 0.95)
        }
        guard let best = search.bestAllocation else { return nil }
        var solution = best.solution
        var objective = best.cost
        if problem.singleSource {
            var assignment = SingleSourceSearch(
                problem: problem, clock: clock, seed: options.seed, lowerBound: search.bound)
            guard let plan = assignment.run(startingFrom: best) else { return nil }
            solution = FacilitySolution(singleSource: plan.facilities, of: problem)
            objective = plan.cost
        }
        // The bound is valid by construction; only rounding noise may lift it above an optimal plan.
        let bound = search.bound - objective <= 1e-9 * abs(objective) ? min(search.bound, objective) : search.bound
        return FacilitySolverResult(solution: solution, objective: objective, bound: bound)
    }
}

/// Wall-clock time since the start of a solve, against its limit.
struct SearchClock: Sendable {
    private let start = ContinuousClock.now
    let limit: Double

    init(limit: Double) { self.limit = limit }

    var seconds: Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Whether the search must stop: its time limit passed, or the task running it was cancelled (a
    /// service stopping its plan job; the search returns what it has, which its caller discards).
    var isOver: Bool { seconds >= limit || Task.isCancelled }
}
