import Foundation
import ParcoursConfig
import ParcoursModel
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow
import Testing

/// The planner's inputs gathered from the bundled Samples and Catalogues, as `parcours plan` and
/// `parcours demo` gather them.
@Suite struct PlanningInputsTests {
    static let planningDate = CalendarDay(year: 2026, month: 12, day: 1)

    /// A store holding the sample rosters, Pix exports and every bundled catalogue (built once).
    static let store = Task { () throws -> SQLiteStore in
        let store = try SQLiteStore(path: ":memory:")
        try await WorkflowFixtures.importSamples(into: store)
        try await WorkflowFixtures.importCatalogues(try WorkflowFixtures.bundledCatalogues, into: store)
        return store
    }

    static func inputs(_ territory: String, overrides: PlanningOverrides = PlanningOverrides()) async throws
        -> PlanningInputs
    {
        try #require(
            try await PlanningInputs(
                territoryID: territory, configuration: try WorkflowFixtures.configuration.get(),
                store: try await store.value, planningDate: planningDate, overrides: overrides))
    }

    @Test(arguments: [("namur", 325, Country.belgium), ("bastia", 223, Country.france)])
    func buildsAWellFormedProblemOfEachTerritory(territoryID: String, agentCount: Int, country: Country) async throws {
        let configuration = try WorkflowFixtures.configuration.get()
        let inputs = try await Self.inputs(territoryID)
        let territory = inputs.territory
        let problem = inputs.problem

        // Every agent of the territory's roster, starting from their commune, under its rules.
        #expect(problem.agents.count == agentCount)
        for planningAgent in problem.agents {
            #expect(planningAgent.origin == territory.commune(code: planningAgent.agent.communeCode)?.coordinate)
            #expect(planningAgent.circuity == territory.circuity)
            #expect(planningAgent.publicHolidays == configuration.publicHolidays[country])
        }
        #expect(problem.agents.first?.publicHolidays.contains { $0.kind == .legal } == true)

        // Needs of known agents only, each a real gap with a weight; none for agents without results.
        let agentIDs = Set(problem.agents.map(\.agent.externalID))
        #expect(!problem.needs.isEmpty)
        #expect(problem.needs.allSatisfy { agentIDs.contains($0.agentID) })
        #expect(problem.needs.allSatisfy { $0.currentLevel < $0.targetLevel && $0.weight > 0 })
        #expect(!inputs.unassessedAgents.isEmpty && Set(inputs.unassessedAgents).isSubset(of: agentIDs))
        let needing = Set(problem.needs.map(\.agentID))
        #expect(needing.isDisjoint(with: inputs.unassessedAgents))

        // Sessions with days, a known course, seats; on-site ones with a venue.
        let courseIDs = Set(problem.courses.map(\.id))
        #expect(problem.sessions.count == 90)
        #expect(problem.sessions.allSatisfy { courseIDs.contains($0.courseID) && !$0.days.isEmpty })
        #expect(problem.sessions.allSatisfy { $0.minimumSeats <= $0.maximumSeats })
        #expect(problem.sessions.contains { $0.isRemote })

        // The policy of the territory's country.
        #expect(problem.policy == configuration.planning.policy(for: country))
        #expect(problem.planningDate == Self.planningDate)
    }

    /// The inputs are usable, not only well-formed: the planner opens sessions shared by communes.
    @Test func theSamplesGetAPlanThatMutualisesSessions() async throws {
        let inputs = try await Self.inputs("namur", overrides: PlanningOverrides(timeLimitSeconds: 1))
        let plan = TrainingPlanner(problem: inputs.problem).solve()
        let sessions = Set(inputs.catalogue.sessions.map(\.id))
        let agents = Set(inputs.agents.map(\.agent.externalID))
        #expect(!plan.sessions.isEmpty && !plan.assignments.isEmpty)
        #expect(plan.assignments.allSatisfy { sessions.contains($0.sessionID) && agents.contains($0.agentID) })
        #expect(plan.sessions.contains { $0.communes.count > 1 })
    }

    @Test func takesThePolicyWithTheWhatIfOverrides() async throws {
        let overrides = PlanningOverrides(minimumGroupSize: 8, participatingCommunes: ["92054", "92045"])
        let inputs = try await Self.inputs("namur", overrides: overrides)
        let base = try WorkflowFixtures.configuration.get().planning.policy(for: .belgium)
        #expect(inputs.policy == (try overrides.applied(to: base, territory: inputs.territory)))
        #expect(inputs.problem.policy.minimumGroupSize == 8)
    }

    @Test func anUnknownTerritoryGivesNoInputs() async throws {
        let inputs = try await PlanningInputs(
            territoryID: "lyon", configuration: try WorkflowFixtures.configuration.get(),
            store: try await Self.store.value, planningDate: Self.planningDate)
        #expect(inputs == nil)
    }
}
