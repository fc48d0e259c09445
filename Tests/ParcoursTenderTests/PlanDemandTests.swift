import ParcoursModel
import ParcoursSolver
import ParcoursTender
import Testing

@Suite struct PlanDemandTests {
    static func agent(_ id: String, equipment: Set<Equipment>) -> Agent {
        Agent(
            externalID: id, lastName: "Nom", firstName: "Prénom", communeCode: "1", jobFamilyID: "accueil",
            statusID: "statutaire", equipment: equipment, workingTime: 1, workingDays: [.monday, .tuesday],
            hasCar: true, maximumTravelKilometres: 30, unavailable: [], languages: ["fr"])
    }

    @Test func mapsAPlansUnmetNeedsOntoADemand() throws {
        let equipped = Self.agent("a1", equipment: [.workComputer, .homeInternet])
        let bare = Self.agent("a2", equipment: [.smartphone])
        let needs = [
            Need(
                agentID: "a1", competence: CompetenceCode("1.1"), currentLevel: 1, targetLevel: 3,
                levelSource: .measured, weight: 2),
            Need(
                agentID: "a2", competence: CompetenceCode("4.1"), currentLevel: 0, targetLevel: 2,
                levelSource: .measured, weight: 3),
            Need(
                agentID: "ghost", competence: CompetenceCode("4.1"), currentLevel: 0, targetLevel: 1,
                levelSource: .none, weight: 1),
        ]
        let origin = Coordinate(latitude: 50.2, longitude: 4.9)
        let problem = PlanningProblem(
            agents: [equipped, bare].map {
                PlanningAgent(agent: $0, origin: origin, circuity: Circuity(factor: 1.3), publicHolidays: [])
            },
            needs: needs, courses: [], sessions: [], planningDate: SmallWorld.launch,
            policy: PlanningPolicy(
                valuePerWeight: 100, travelCostPerKilometre: 0.4, noCarMaximumKilometres: 10,
                trainingHoursPerFullTime: 40,
                timeLimitSeconds: 1))
        let plan = TrainingPlanner(problem: problem).solve()
        #expect(plan.unmetNeeds.count == 3)
        let (demand, leftOut) = TenderDemand.fromPlan(plan, agents: [equipped, bare], launchDate: SmallWorld.launch)
        // The agent outside the problem is left out; no course teaches the others' competences.
        #expect(leftOut == 1)
        #expect(demand.needs.map(\.agent) == ["a1", "a2"])
        #expect(demand.needs.allSatisfy { $0.reason == "no-course" && $0.commune == "1" })
        #expect(demand.needs.map(\.remotePossible) == [true, false])
        #expect(demand.needs.map(\.equipmentLacking) == [[], [.workComputer]])
        // And the demand drafts a package like any other.
        let package = try #require(try SmallWorld.planner().packages(for: demand).first)
        #expect(package.lots.map(\.theme.id) == ["alpha", "beta"])
    }

    @Test func groupsTheReasonsByWhatATenderCanAnswer() {
        #expect(UnmetReasonGroups.group(of: ["level-fit", "travel"]) == "distance")
        #expect(UnmetReasonGroups.group(of: ["minimum-not-reached", "level-fit"]) == "minimum")
        #expect(UnmetReasonGroups.group(of: ["schedule", "public-holiday"]) == "dates")
        #expect(UnmetReasonGroups.group(of: ["level-fit"]) == "level")
        #expect(UnmetReasonGroups.group(of: ["unknown-agent"]) == nil)
    }
}
