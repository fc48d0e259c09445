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
        let (demand, leftOut) = TenderDemand.fromPlan(
            plan, agents: [equipped, bare], sessions: [], launchDate: SmallWorld.launch)
        // The agent outside the problem is left out; no course teaches the others' competences.
        #expect(leftOut == 1)
        #expect(demand.needs.map(\.agent) == ["a1", "a2"])
        #expect(demand.needs.allSatisfy { $0.reason == "no-course" && $0.commune == "1" })
        #expect(demand.needs.map(\.remotePossible) == [true, false])
        #expect(demand.needs.map(\.equipmentLacking) == [[], [.workComputer]])
        // And the demand drafts a package like any other.
        #expect(demand.setAside.isEmpty)
        let package = try #require(try SmallWorld.planner().packages(for: demand).first)
        #expect(package.lots.map(\.theme.id) == ["alpha", "beta"])
        // Set-aside needs are counted in the package's notes, never put in a lot.
        let withSetAside = TenderDemand(
            launchDate: SmallWorld.launch, needs: demand.needs,
            setAside: [
                SetAsideNeed(commune: "1", competence: CompetenceCode("1.1"), reason: "budget"),
                SetAsideNeed(commune: "1", competence: CompetenceCode("4.1"), reason: "budget"),
            ])
        let counted = try #require(try SmallWorld.planner().packages(for: withSetAside).first)
        #expect(counted.leftOut.setAside == ["budget": 2])
        #expect(counted.lots.map(\.trainees) == package.lots.map(\.trainees))
    }

    @Test func setsAsideWhatASessionCouldTake() {
        let far = UnmetReason.ineligible(
            sessionID: "s1",
            failures: [
                .travel(
                    straightLineKilometres: 40, circuityFactor: 1.3, roadKilometres: 52, agentLimitKilometres: 30,
                    noCarLimitKilometres: nil, limitKilometres: 30)
            ])
        let full = UnmetReason.capacity(sessionID: "s2", maximumSeats: 12, waitlistPosition: 3)
        let budget = UnmetReason.budget(
            sessionID: "s3", communeCode: "92094", budget: 1000, spent: 950, additionalCost: 120)
        let dear = UnmetReason.valueBelowCost(sessionID: "s4", value: 80, cost: 300)
        let notOpened = UnmetReason.sessionNotOpened(
            sessionID: "s5", fixedCost: 900, minimumSeats: 6, eligibleAgents: 7)
        // Too far from one session and full at the other: no session can take the agent, tendered.
        #expect(UnmetReasonGroups.setAsideGroup(of: [far, full]) == nil)
        #expect(UnmetReasonGroups.group(of: [far, full].flatMap(\.constraintNames)) == "distance")
        // One session could take the agent but for the commune's budget, or the cost: set aside.
        #expect(UnmetReasonGroups.setAsideGroup(of: [far, budget]) == "budget")
        #expect(UnmetReasonGroups.setAsideGroup(of: [full, dear]) == "cost")
        #expect(UnmetReasonGroups.setAsideGroup(of: [notOpened]) == "cost")
        // No course at all: nothing to set aside.
        #expect(UnmetReasonGroups.setAsideGroup(of: [.noSession(competence: CompetenceCode("1.1"))]) == nil)
        // A set-aside reason never names the group of a tendered need.
        #expect(UnmetReasonGroups.group(of: ["budget", "allowance", "value-below-cost"]) == nil)
    }

    /// A free session (price 0, e.g. CNFPT) full with one agent: the other agent it could take is set
    /// aside (`free-session`), never tendered; at a paid session in the same situation, it is tendered.
    @Test func needsAFreeSessionCouldCoverStayOutOfTheDemand() throws {
        let agents = ["a1", "a2"].map { Self.agent($0, equipment: [.workComputer]) }
        let origin = Coordinate(latitude: 50.2, longitude: 4.9)
        let code = CompetenceCode("1.1")
        let course = Course(
            id: "C1", providerID: "P", title: "Rechercher", objectives: "", content: "",
            competences: [TaughtCompetence(code: code, entryLevel: 0, exitLevel: 3, source: .declared, confidence: 1)],
            hours: 3, price: nil, format: .onSite, language: "fr")
        func problem(seatCost: Double) -> PlanningProblem {
            let session = TrainingSession(
                id: "S1", courseID: "C1",
                days: [SessionDay(day: CalendarDay(year: 2026, month: 5, day: 11), startMinute: 540, endMinute: 720)],
                venue: Venue(name: "Salle", address: "Rue", communeCode: "1", coordinate: origin), minimumSeats: 1,
                maximumSeats: 1, fixedCost: 0, seatCost: seatCost, equipmentProvided: [], equipmentRequired: [],
                eligibleStatuses: [], registration: nil)
            return PlanningProblem(
                agents: agents.map {
                    PlanningAgent(agent: $0, origin: origin, circuity: Circuity(factor: 1.3), publicHolidays: [])
                },
                needs: agents.map {
                    Need(
                        agentID: $0.externalID, competence: code, currentLevel: 1, targetLevel: 3,
                        levelSource: .measured, weight: 2)
                }, courses: [course], sessions: [session], planningDate: SmallWorld.launch,
                policy: PlanningPolicy(
                    valuePerWeight: 100, travelCostPerKilometre: 0.4, noCarMaximumKilometres: 10,
                    trainingHoursPerFullTime: 40, timeLimitSeconds: 1))
        }
        for (seatCost, coverable) in [(0.0, 1), (50.0, 0)] {
            let problem = problem(seatCost: seatCost)
            let plan = TrainingPlanner(problem: problem).solve()
            let unmet = try #require(plan.unmetNeeds.first)
            #expect(plan.unmetNeeds.count == 1)
            #expect(unmet.reasons.map(\.constraintNames) == [["capacity"]])
            let result = TenderDemand.fromPlan(
                plan, agents: agents, sessions: problem.sessions, launchDate: SmallWorld.launch)
            #expect(result.demand.setAside.map(\.reason) == (coverable == 1 ? ["free-session"] : []))
            #expect(result.demand.needs.count == 1 - coverable)
        }
    }

    @Test func groupsTheReasonsByWhatATenderCanAnswer() {
        #expect(UnmetReasonGroups.group(of: ["level-fit", "travel"]) == "distance")
        #expect(UnmetReasonGroups.group(of: ["minimum-not-reached", "level-fit"]) == "minimum")
        #expect(UnmetReasonGroups.group(of: ["schedule", "public-holiday"]) == "dates")
        #expect(UnmetReasonGroups.group(of: ["level-fit"]) == "level")
        #expect(UnmetReasonGroups.group(of: ["unknown-agent"]) == nil)
    }
}
