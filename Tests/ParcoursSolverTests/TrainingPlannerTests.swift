import ParcoursModel
import PropertyBased
import Testing

@testable import ParcoursSolver

@Suite struct TrainingPlannerTests {
    private let tiny = PlanningInstances.Size(agents: 4, sessions: 3, needsPerAgent: 1...2)

    @Test(arguments: 1...24)
    func tinyPlansMatchTheEnumeratedOptimum(seed: Int) {
        let problem = PlanningInstances.problem(seed: UInt64(seed), size: tiny)
        let optimum = PlanChecker.optimum(of: problem)
        let plan = TrainingPlanner(problem: problem).solve()
        #expect(abs(plan.objective.total - optimum) <= 1e-6 * max(1, abs(optimum)))
        #expect(plan.bound >= optimum - 1e-6 * max(1, abs(optimum)))
    }

    @Test func randomPlansKeepEveryRule() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...1_000_000)) { seed in
            let size = PlanningInstances.Size(agents: 30, sessions: 10, needsPerAgent: 0...2)
            let problem = PlanningInstances.problem(seed: UInt64(seed), size: size)
            let plan = TrainingPlanner(problem: problem).solve()
            expectConsistent(plan, with: problem)
        }
    }

    @Test func boundIsAtLeastTheEnumeratedOptimum() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...1_000_000)) { seed in
            let size = PlanningInstances.Size(agents: 4, sessions: 3, needsPerAgent: 1...2)
            let problem = PlanningInstances.problem(seed: UInt64(seed), size: size)
            let plan = TrainingPlanner(problem: problem).solve()
            let optimum = PlanChecker.optimum(of: problem)
            #expect(plan.bound >= optimum - 1e-6 * max(1, abs(optimum)))
            #expect(plan.objective.total <= optimum + 1e-6 * max(1, abs(optimum)))
            expectConsistent(plan, with: problem)
        }
    }

    @Test func sameSeedSamePlan() {
        let size = PlanningInstances.Size(agents: 60, sessions: 12, needsPerAgent: 1...2)
        var problem = PlanningInstances.problem(seed: 5, size: size)
        // The search must end by its own patience, not by the clock, which a loaded machine would stop
        // at a different point.
        problem.policy.timeLimitSeconds = 600
        let first = TrainingPlanner(problem: problem).solve()
        let second = TrainingPlanner(problem: problem).solve()
        #expect(first.assignments == second.assignments)
        #expect(first.objective == second.objective)
    }

    /// The plan is feasible and its reported objective is what an independent evaluation gives; cost
    /// shares add up to session costs; every need is either covered or unmet with a reason.
    private func expectConsistent(_ plan: TrainingPlan, with problem: PlanningProblem) {
        let choice = PlanChecker.choice(of: plan, in: problem)
        #expect(throws: Never.self) {
            let value = try PlanChecker.evaluate(choice, in: problem)
            #expect(abs(value - plan.objective.total) <= 1e-6 * max(1, abs(value)))
        }
        #expect(plan.bound.isFinite && plan.bound >= plan.objective.total - 1e-9)
        for session in plan.sessions {
            let shares = session.communes.reduce(0) { $0 + $1.amount }
            #expect(abs(shares - session.totalCost) <= 1e-6 * max(1, session.totalCost))
            #expect(session.communes.reduce(0) { $0 + $1.seats } == session.participants.count)
        }
        #expect(plan.assignments.count + plan.unmetNeeds.count == problem.needs.count)
        #expect(plan.unmetNeeds.allSatisfy { !$0.reasons.isEmpty })
    }
}
