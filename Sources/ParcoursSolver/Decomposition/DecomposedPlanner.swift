import Dispatch
import ParcoursModel
import Synchronization

/// One part of a problem planned piece by piece: its agents may only attend its own sessions.
public struct PlanningPart: Sendable {
    /// A name for reports, e.g. a département code.
    public let id: String
    /// A size estimate (inhabitants, agents): the largest parts are started first, so that the last ones
    /// to finish are small.
    public let size: Double
    /// Builds the part's problem when a worker takes it; the problem is dropped once the part is solved.
    public let problem: @Sendable () throws -> PlanningProblem

    public init(id: String, size: Double, problem: @escaping @Sendable () throws -> PlanningProblem) {
        self.id = id
        self.size = size
        self.problem = problem
    }
}

/// What is kept of a solved part: its sizes, objective, bound and times.
public struct PartOutcome: Codable, Sendable {
    public let id: String
    public let agents: Int
    public let needs: Int
    public let sessions: Int
    public let openSessions: Int
    public let coveredNeeds: Int
    public let objective: Double
    /// The part's upper bound on its own best objective.
    public let bound: Double
    /// Seconds to build the part's problem.
    public let buildSeconds: Double
    /// Seconds the planner took.
    public let solveSeconds: Double

    /// (bound − objective) / |bound|, as ``TrainingPlan/gap``.
    public var gap: Double { relativeGap(objective: objective, bound: bound) }
}

/// A problem planned part by part: the parts' plans side by side.
///
/// Parts share no agent, session or commune, and every term of the objective (value, fairness bonus,
/// costs, budgets) belongs to one commune or session, so the decomposed problem's objective is the sum of
/// the parts' and the sum of their bounds is an upper bound on its best objective. It is **not** a bound
/// on the undivided problem, which also lets agents attend other parts' sessions: ``crossPartReach``
/// says how many agents that restriction concerns.
public struct DecomposedPlan: Sendable {
    /// The parts, in the order they were given.
    public let parts: [PartOutcome]
    /// Agents, in all parts, whose travel limit reaches the venue of an on-site session of another part.
    public let crossPartReach: Int

    public var agents: Int { parts.reduce(0) { $0 + $1.agents } }
    public var needs: Int { parts.reduce(0) { $0 + $1.needs } }
    public var sessions: Int { parts.reduce(0) { $0 + $1.sessions } }
    public var openSessions: Int { parts.reduce(0) { $0 + $1.openSessions } }
    public var coveredNeeds: Int { parts.reduce(0) { $0 + $1.coveredNeeds } }
    public var objective: Double { parts.reduce(0) { $0 + $1.objective } }
    /// The sum of the parts' bounds: an upper bound on the decomposed problem's best objective.
    public var bound: Double { parts.reduce(0) { $0 + $1.bound } }
    public var gap: Double { relativeGap(objective: objective, bound: bound) }
    /// The part with the largest gap.
    public var worstPart: PartOutcome? { parts.max { $0.gap < $1.gap } }
}

/// Plans the parts of a decomposed problem with ``TrainingPlanner``, `jobs` parts at a time, largest first.
/// Each part's problem is built when a worker takes it and dropped once its figures are kept, so memory
/// holds at most `jobs` parts.
public struct DecomposedPlanner: Sendable {
    public let parts: [PlanningPart]
    public let jobs: Int

    public init(parts: [PlanningPart], jobs: Int) {
        self.parts = parts
        self.jobs = max(1, jobs)
    }

    /// Solves every part; `finished` is called (from the worker) as each part ends. The first error a part's
    /// builder throws stops the workers taking new parts and is rethrown.
    public func solve(finished: (@Sendable (PartOutcome) -> Void)? = nil) throws -> DecomposedPlan {
        let parts = self.parts
        let order = parts.indices.sorted { (-parts[$0].size, $0) < (-parts[$1].size, $1) }
        let shared = SharedProgress(count: parts.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(1, parts.count))) { _ in
            while let next = shared.take(), next < order.count {
                let index = order[next]
                do {
                    let result = try Self.solve(parts[index])
                    shared.keep(result, at: index)
                    finished?(result.outcome)
                } catch {
                    shared.fail(error)
                }
            }
        }
        let results = try shared.results()
        return DecomposedPlan(
            parts: results.map(\.outcome), crossPartReach: CrossPartReach.count(results.map(\.reach)))
    }

    private static func solve(_ part: PlanningPart) throws -> (outcome: PartOutcome, reach: CrossPartReach.Part) {
        let clock = SearchClock(limit: .infinity)
        let problem = try part.problem()
        let built = clock.seconds
        let plan = TrainingPlanner(problem: problem).solve()
        let outcome = PartOutcome(
            id: part.id, agents: problem.agents.count, needs: problem.needs.count, sessions: problem.sessions.count,
            openSessions: plan.sessions.count, coveredNeeds: plan.assignments.count, objective: plan.objective.total,
            bound: plan.bound, buildSeconds: built, solveSeconds: clock.seconds - built)
        return (outcome, CrossPartReach.Part(problem: problem))
    }
}

/// The workers' shared queue position, results and first error.
private final class SharedProgress: Sendable {
    private let state:
        Mutex<(next: Int, results: [(outcome: PartOutcome, reach: CrossPartReach.Part)?], error: (any Error)?)>

    init(count: Int) {
        state = Mutex((0, Array(repeating: nil, count: count), nil))
    }

    /// The next position in the queue, or nil once a part failed.
    func take() -> Int? {
        state.withLock { state in
            guard state.error == nil else { return nil }
            defer { state.next += 1 }
            return state.next
        }
    }

    func keep(_ result: (outcome: PartOutcome, reach: CrossPartReach.Part), at index: Int) {
        state.withLock { $0.results[index] = result }
    }

    func fail(_ error: any Error) {
        state.withLock { state in
            if state.error == nil { state.error = error }
        }
    }

    func results() throws -> [(outcome: PartOutcome, reach: CrossPartReach.Part)] {
        try state.withLock { state in
            if let error = state.error { throw error }
            return state.results.map { $0! }
        }
    }
}

func relativeGap(objective: Double, bound: Double) -> Double {
    let difference = max(0, bound - objective)
    return difference == 0 ? 0 : difference / max(abs(bound), 1e-9)
}
