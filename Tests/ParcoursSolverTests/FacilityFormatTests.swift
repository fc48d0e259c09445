import Testing

@testable import ParcoursSolver

@Suite struct FacilityFormatTests {
    private let beasley = "2 3\n10 5.\ncapacity 7.\n2 1 4\n3 2 2\n1 8 1\n"

    @Test func readsTheBeasleyLayoutCustomerMajor() throws {
        let problem = try FacilityProblem(parsing: beasley, layout: .beasley, capacity: 6)
        #expect(problem.capacities == [6, 6])
        #expect(problem.fixedCosts == [5, 7])
        #expect(problem.demands == [2, 3, 1])
        #expect(problem.cost(1, 0) == 4 && problem.cost(0, 2) == 8)
    }

    @Test func readsTheFacilityMajorLayout() throws {
        let text = "2 3\n10 5\n9 7\n2 3 1\n1 2 8\n4 2 1\n"
        let problem = try FacilityProblem(parsing: text, layout: .facilityMajor)
        #expect(problem.capacities == [10, 9])
        #expect(problem.cost(0, 2) == 8 && problem.cost(1, 0) == 4)
    }

    @Test func namesTheLineAndFieldOfAProblem() {
        #expect(
            throws: FacilityProblemFormatError(
                line: 3, field: "capacity of facility 2",
                message: "the placeholder 'capacity' needs a capacity to be given")
        ) { try FacilityProblem(parsing: beasley, layout: .beasley) }
        #expect(
            throws: FacilityProblemFormatError(
                line: 5, field: "cost of customer 2 at facility 2", message: "'x' is not a non-negative number")
        ) { try FacilityProblem(parsing: "2 3\n10 5.\n10 7.\n2 1 4\n3 2 x\n1 8 1\n", layout: .beasley) }
        #expect(throws: FacilityProblemFormatError.self) {
            try FacilityProblem(parsing: "2 3\n10 5.\n10 7.\n2 1 4\n3 2 2\n1 8\n", layout: .beasley)
        }
    }

    @Test func ignoresWhatFollowsTheLastCost() throws {
        let padded = try FacilityProblem(parsing: beasley + "9 9.\n\0\0", layout: .beasley, capacity: 6)
        #expect(padded == (try FacilityProblem(parsing: beasley, layout: .beasley, capacity: 6)))
    }

    @Test func solutionFilesRoundTripAndCostIsRecomputed() throws {
        let problem = try FacilityProblem(parsing: beasley, layout: .beasley, capacity: 6)
        let split = FacilitySolution(allocations: [
            FacilityAllocation(customer: 0, facility: 0, amount: 2),
            FacilityAllocation(customer: 1, facility: 0, amount: 1.0 / 3),
            FacilityAllocation(customer: 1, facility: 1, amount: 3 - 1.0 / 3),
            FacilityAllocation(customer: 2, facility: 1, amount: 1),
        ])
        let text = split.text(singleSource: false)
        #expect(try FacilitySolution(parsing: text, of: problem) == split)
        // Fixed 5 + 7; customer 0 all at 0 (1); customer 1 a ninth at 0, the rest at 1 (cost 2 each way);
        // customer 2 at 1 (1).
        #expect(abs(try problem.cost(of: split) - 16) < 1e-12)
        let single = problem.withSingleSource(true)
        let assignment = FacilitySolution(singleSource: [0, 1, 1], of: single)
        #expect(assignment.text(singleSource: true) == "0\n1\n1\n")
        #expect(try single.cost(of: assignment) == 5 + 7 + 1 + 2 + 1)
        #expect(throws: FacilitySolutionError.self) { try single.cost(of: split) }
        let tight = try FacilityProblem(parsing: beasley, layout: .beasley, capacity: 4, singleSource: true)
        let overloaded = FacilitySolution(singleSource: [0, 0, 1], of: tight)
        #expect(throws: FacilitySolutionError.self) { try tight.cost(of: overloaded) }
        #expect(throws: FacilitySolutionError.self) {
            try problem.withMinimumLoadFraction(0.5).cost(of: FacilitySolution(singleSource: [0, 0, 1], of: single))
        }
    }
}
