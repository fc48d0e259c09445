import Foundation
import Testing

@testable import ParcoursSolver

@Suite struct FacilitySolverTests {
    private func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    private func check(_ result: FacilitySolverResult, of problem: FacilityProblem) throws {
        let cost = try problem.cost(of: result.solution)
        #expect(abs(cost - result.objective) <= 1e-9 * abs(cost))
        #expect(result.bound <= result.objective + 1e-9 * abs(result.objective))
    }

    @Test func reachesThePublishedOptimumOfCap41() throws {
        let problem = try FacilityProblem(parsing: fixture("cap41.txt"), layout: .beasley)
        #expect(problem.facilityCount == 16 && problem.customerCount == 50)
        let result = try #require(FacilitySolver(problem: problem).solve())
        try check(result, of: problem)
        #expect(abs(result.objective - 1_040_444.375) <= 1e-6)
    }

    @Test func comesWithinHalfAPercentOfHolmbergP1() throws {
        let problem = try FacilityProblem(
            parsing: fixture("holmberg-p1.txt"), layout: .facilityMajor, singleSource: true)
        #expect(problem.facilityCount == 10 && problem.customerCount == 50)
        let result = try #require(
            FacilitySolver(problem: problem, options: FacilitySolverOptions(timeLimit: 2)).solve())
        try check(result, of: problem)
        #expect(result.objective >= 8848 - 1e-6)
        #expect(result.objective <= 8848 * 1.005)
    }

    /// Single-source on 4 sessions × 6 customers, multi-source (every unit of demand enumerated)
    /// on 3 × 4; with and without minimum loads; 12 seeds each.
    @Test(arguments: [true, false], [false, true])
    func matchesEnumerationOnSmallProblems(singleSource: Bool, minimumLoads: Bool) throws {
        for seed in UInt64(1)...12 {
            let problem = RandomProblem.make(
                seed: seed, facilities: singleSource ? 4 : 3, customers: singleSource ? 6 : 4,
                singleSource: singleSource, minimumLoads: minimumLoads)
            let optimum =
                singleSource ? EnumeratedOptimum.singleSource(problem) : EnumeratedOptimum.multiSource(problem)
            let result = FacilitySolver(problem: problem, options: FacilitySolverOptions(timeLimit: 0.3)).solve()
            guard let optimum else {
                #expect(result == nil, "seed \(seed): no feasible plan exists")
                continue
            }
            let found = try #require(result, "seed \(seed)")
            try check(found, of: problem)
            #expect(abs(found.objective - optimum) <= 1e-9 * optimum, "seed \(seed)")
            #expect(found.bound <= optimum + 1e-9 * optimum, "seed \(seed)")
        }
    }

    @Test func plansOfRandomProblemsAreFeasibleAndBounded() throws {
        for seed in UInt64(100)...119 {
            let single = seed % 2 == 0
            let problem = RandomProblem.make(
                seed: seed, facilities: 8, customers: 30, singleSource: single, minimumLoads: seed % 3 == 0)
            guard let result = FacilitySolver(problem: problem, options: FacilitySolverOptions(timeLimit: 0.2)).solve()
            else { continue }
            // cost(of:) throws if a customer is not fully served, a capacity or minimum load is broken,
            // or a single-source customer is split.
            try check(result, of: problem)
        }
    }

    @Test func isDeterministicForASeed() throws {
        let problem = RandomProblem.make(seed: 7, facilities: 5, customers: 15, singleSource: true, minimumLoads: true)
        let options = FacilitySolverOptions(timeLimit: 30, seed: 3)
        let first = FacilitySolver(problem: problem, options: options).solve()
        let second = FacilitySolver(problem: problem, options: options).solve()
        #expect(first?.solution == second?.solution)
    }
}
