import ParcoursModel
import Testing

@testable import ParcoursSolver

/// The facts behind explanations, on small hand-made plans whose reasons are known (ParcoursOutput's
/// PlanWordingTests check how they read).
@Suite struct PlanExplainerTests {
    static let c11 = CompetenceCode("1.1")
    static let c21 = CompetenceCode("2.1")
    static let monday = CalendarDay(year: 2027, month: 3, day: 15)
    static let namur = Coordinate(latitude: 50.4669, longitude: 4.8675)
    static let dinant = Coordinate(latitude: 50.2606, longitude: 4.9122)
    static let circuity = Circuity(factor: 1.3)
    static let course = Course(
        id: "C1", providerID: "P", title: "Rechercher", objectives: "", content: "",
        competences: [TaughtCompetence(code: c11, entryLevel: 0, exitLevel: 3, source: .declared, confidence: 1)],
        hours: 3.5, price: nil, format: .onSite, language: "fr")

    static func agent(_ id: String, at origin: Coordinate, commune: String, limit: Double = 25) -> PlanningAgent {
        PlanningAgent(
            agent: Agent(
                externalID: id, lastName: "N", firstName: "P", communeCode: commune, jobFamilyID: "f",
                statusID: "statutaire", equipment: [.workComputer], workingTime: 1,
                workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday], hasCar: true,
                maximumTravelKilometres: limit, unavailable: [], languages: ["fr"]),
            origin: origin, circuity: circuity, publicHolidays: [])
    }

    static func need(_ agent: String, _ competence: CompetenceCode = c11, current: Int = 1, weight: Double = 2) -> Need
    {
        Need(
            agentID: agent, competence: competence, currentLevel: current, targetLevel: current + 2,
            levelSource: .measured, weight: weight)
    }

    static func session(_ id: String, at place: Coordinate, named name: String, minimum: Int, maximum: Int)
        -> TrainingSession
    {
        TrainingSession(
            id: id, courseID: "C1", days: [SessionDay(day: monday, startMinute: 540, endMinute: 750)],
            venue: Venue(name: name, address: "Rue", communeCode: nil, coordinate: place), minimumSeats: minimum,
            maximumSeats: maximum, fixedCost: 100, seatCost: 0, equipmentProvided: [], equipmentRequired: [],
            eligibleStatuses: [], registration: nil)
    }

    static func solve(agents: [PlanningAgent], needs: [Need], sessions: [TrainingSession]) -> PlanExplainer {
        let problem = PlanningProblem(
            agents: agents, needs: needs, courses: [course], sessions: sessions, planningDate: monday,
            policy: PlanningPolicy(
                valuePerWeight: 120, travelCostPerKilometre: 0.3, noCarMaximumKilometres: 10,
                trainingHoursPerFullTime: 35, timeLimitSeconds: 2))
        return PlanExplainer(problem: problem, plan: TrainingPlanner(problem: problem).solve())
    }

    @Test func anAgentTooFarGetsTheTravelLimitThatWouldCoverThem() throws {
        let explainer = Self.solve(
            agents: [
                Self.agent("N1", at: Self.namur, commune: "92094"), Self.agent("N2", at: Self.namur, commune: "92094"),
                Self.agent("D1", at: Self.dinant, commune: "91034", limit: 20),
            ], needs: [Self.need("N1"), Self.need("N2"), Self.need("D1")],
            sessions: [Self.session("S1", at: Self.namur, named: "Salle du Beffroi", minimum: 2, maximum: 4)])
        let unmet = try #require(explainer.plan.unmetNeeds.first)
        #expect(unmet.need.agentID == "D1")
        let explanation = explainer.explain(unmet)
        let road = Self.dinant.distanceKilometres(to: Self.namur) * 1.3
        #expect(explanation.nearestChange == .travelLimit(sessionID: "S1", kilometres: road, currentLimit: 20))
        #expect(explanation.constraintNames == ["travel"])
        guard case .commonFailure(1, 1, "S1", .travel(_, _, let failedRoad, _, _, 20)) = explanation.summary else {
            Issue.record("expected one session ruled out by travel, got \(explanation.summary)")
            return
        }
        #expect(abs(failedRoad - road) < 1e-9)
    }

    @Test func theLastOnAFullSessionIsToldTheirWaitlistPlaceAndTheSeatsThatWouldTakeThem() throws {
        let explainer = Self.solve(
            agents: ["N1", "N2", "N3"].map { Self.agent($0, at: Self.namur, commune: "92094") },
            needs: [Self.need("N1", weight: 3), Self.need("N2", weight: 2), Self.need("N3", weight: 1)],
            sessions: [Self.session("S1", at: Self.namur, named: "Salle du Beffroi", minimum: 1, maximum: 2)])
        let unmet = try #require(explainer.plan.unmetNeeds.first)
        #expect(unmet.need.agentID == "N3")
        let explanation = explainer.explain(unmet)
        #expect(
            explanation.summary
                == .closest(.capacity(sessionID: "S1", maximumSeats: 2, waitlistPosition: 1), otherSessions: 0))
        #expect(explanation.nearestChange == .moreSeats(sessionID: "S1", seats: 1, maximumSeats: 2))
    }

    @Test func levelsNoCourseReachesAndCompetencesNoCourseTeachesAreSaidSo() throws {
        let explainer = Self.solve(
            agents: [Self.agent("N1", at: Self.namur, commune: "92094")],
            needs: [Self.need("N1", current: 3), Self.need("N1", Self.c21)],
            sessions: [Self.session("S1", at: Self.namur, named: "Salle du Beffroi", minimum: 1, maximum: 2)])
        let texts = explainer.plan.unmetNeeds.map { explainer.explain($0) }
        #expect(texts.map(\.summary) == [.noCourseAbove(level: 3), .planWide(.noSession(competence: Self.c21))])
        #expect(texts.allSatisfy { $0.nearestChange == nil })
    }

    @Test func anAssignmentSaysWhyNotTheOtherOpenSession() throws {
        let explainer = Self.solve(
            agents: [
                Self.agent("N1", at: Self.namur, commune: "92094", limit: 60),
                Self.agent("N2", at: Self.namur, commune: "92094", limit: 60),
                Self.agent("D1", at: Self.dinant, commune: "91034", limit: 60),
                Self.agent("D2", at: Self.dinant, commune: "91034", limit: 60),
            ], needs: ["N1", "N2", "D1", "D2"].map { Self.need($0) },
            sessions: [
                Self.session("S1", at: Self.namur, named: "Salle du Beffroi", minimum: 2, maximum: 2),
                Self.session("S2", at: Self.dinant, named: "Centre culturel", minimum: 2, maximum: 2),
            ])
        let assignment = try #require(explainer.plan.assignments.first { $0.agentID == "D1" })
        #expect(assignment.sessionID == "S2")
        let explanation = explainer.explain(assignment)
        #expect(explanation.oneWayKilometres == 0)
        // S1 is open but full with the two Namur agents.
        #expect(explanation.alternatives == [.init(sessionID: "S1", verdict: .full(maximumSeats: 2))])
    }
}
