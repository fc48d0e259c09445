import ParcoursModel
import Testing

@testable import ParcoursSolver

@Suite struct DecomposedPlannerTests {
    static let size = PlanningInstances.Size(agents: 14, sessions: 7, needsPerAgent: 1...2)

    /// The problem with every agent's origin and venue moved `degrees` of latitude north.
    static func moved(_ problem: PlanningProblem, degrees: Double) -> PlanningProblem {
        func move(_ point: Coordinate) -> Coordinate {
            Coordinate(latitude: point.latitude + degrees, longitude: point.longitude)
        }
        var moved = problem
        moved.agents = problem.agents.map {
            PlanningAgent(
                agent: $0.agent, origin: move($0.origin), circuity: $0.circuity, publicHolidays: $0.publicHolidays,
                trainingHoursAllowance: $0.trainingHoursAllowance)
        }
        moved.sessions = problem.sessions.map { session in
            TrainingSession(
                id: session.id, courseID: session.courseID, days: session.days,
                venue: session.venue.map {
                    Venue(
                        name: $0.name, address: $0.address, communeCode: $0.communeCode, coordinate: move($0.coordinate)
                    )
                }, minimumSeats: session.minimumSeats, maximumSeats: session.maximumSeats, fixedCost: session.fixedCost,
                seatCost: session.seatCost, equipmentProvided: session.equipmentProvided,
                equipmentRequired: session.equipmentRequired, eligibleStatuses: session.eligibleStatuses,
                registration: session.registration)
        }
        return moved
    }

    @Test(arguments: [1, 2])
    func sumsThePartsEachPlannedAlone(jobs: Int) throws {
        let problems = [
            PlanningInstances.problem(seed: 11, size: Self.size),
            Self.moved(PlanningInstances.problem(seed: 12, size: Self.size), degrees: 5),
            PlanningInstances.problem(seed: 13, size: Self.size),
        ]
        let parts = problems.enumerated().map { index, problem in
            PlanningPart(id: "P\(index)", size: Double(index)) { problem }
        }
        let plan = try DecomposedPlanner(parts: parts, jobs: jobs).solve()
        #expect(plan.parts.map(\.id) == ["P0", "P1", "P2"])  // the given order, though solved largest first
        var objective = 0.0
        var bound = 0.0
        for (part, problem) in zip(plan.parts, problems) {
            let alone = TrainingPlanner(problem: problem).solve()
            #expect(part.objective == alone.objective.total)
            #expect(part.bound == alone.bound)
            #expect(part.agents == problem.agents.count && part.sessions == problem.sessions.count)
            #expect(part.coveredNeeds == alone.assignments.count && part.openSessions == alone.sessions.count)
            objective += alone.objective.total
            bound += alone.bound
        }
        #expect(abs(plan.objective - objective) < 1e-9 && abs(plan.bound - bound) < 1e-9)
        #expect(plan.bound >= plan.objective)
        #expect(plan.gap == (plan.bound - plan.objective) / abs(plan.bound))
        #expect(plan.worstPart?.gap == plan.parts.map(\.gap).max())
        #expect(plan.agents == problems.reduce(0) { $0 + $1.agents.count })
    }

    /// Parts 0 and 2 share an area, part 1 lies 5° north: the agents within reach of another part's venue
    /// are those of parts 0 and 2 whose travel limit reaches a venue of the other one.
    @Test func countsAgentsWithinReachOfAnotherPartsVenue() throws {
        let near = [
            PlanningInstances.problem(seed: 21, size: Self.size), PlanningInstances.problem(seed: 22, size: Self.size),
        ]
        let far = Self.moved(PlanningInstances.problem(seed: 23, size: Self.size), degrees: 5)
        let problems = [near[0], far, near[1]]
        func reaching(_ problem: PlanningProblem, venuesOf other: PlanningProblem) -> Int {
            let policy = EligibilityPolicy(noCarMaximumKilometres: problem.policy.noCarMaximumKilometres)
            return problem.agents.count { planning in
                let limit = Eligibility.travelLimit(agent: planning.agent, policy: policy).kilometres
                return other.sessions.contains { session in
                    guard let venue = session.venue else { return false }
                    return Eligibility.road(from: planning.origin, to: venue.coordinate, circuity: planning.circuity)
                        .kilometres <= limit
                }
            }
        }
        let expected = reaching(near[0], venuesOf: near[1]) + reaching(near[1], venuesOf: near[0])
        #expect(expected > 0)
        let parts = problems.enumerated().map { index, problem in
            PlanningPart(id: "P\(index)", size: 1) { problem }
        }
        #expect(try DecomposedPlanner(parts: parts, jobs: 2).solve().crossPartReach == expected)
    }

    @Test func rethrowsAPartsFailure() {
        struct Unreadable: Error {}
        let parts = [
            PlanningPart(id: "ok", size: 1) { PlanningInstances.problem(seed: 31, size: Self.size) },
            PlanningPart(id: "bad", size: 2) { throw Unreadable() },
        ]
        #expect(throws: Unreadable.self) { try DecomposedPlanner(parts: parts, jobs: 1).solve() }
    }
}
