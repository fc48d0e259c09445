import Foundation
import ParcoursModel
import ParcoursSolver
import ParcoursStore
import ParcoursWorkflow
import Testing

/// Plans stored and read back, and re-plans after a cancelled session, on a small problem: four
/// agents of one commune needing 3.2, three sessions of two seats.
@Suite struct PlanRecordTests {
    static let place = Coordinate(latitude: 50.4669, longitude: 4.8675)
    static let competence = CompetenceCode("3.2")

    static func problem() -> PlanningProblem {
        let circuity = Circuity(factor: 1.3)
        let agents = (1...4).map { index in
            PlanningAgent(
                agent: Agent(
                    externalID: "A\(index)", lastName: "N", firstName: "P", communeCode: "92094", jobFamilyID: "f",
                    statusID: "titulaire", equipment: [.workComputer], workingTime: 1,
                    workingDays: [.monday, .tuesday, .wednesday, .thursday, .friday], hasCar: true,
                    maximumTravelKilometres: 30, unavailable: [], languages: ["fr"]),
                origin: place, circuity: circuity, publicHolidays: [])
        }
        let needs = agents.map {
            Need(
                agentID: $0.agent.externalID, competence: competence, currentLevel: 0, targetLevel: 2,
                levelSource: .measured, weight: 2)
        }
        let course = Course(
            id: "C1", providerID: "P", title: "Documents", objectives: "", content: "",
            competences: [
                TaughtCompetence(code: competence, entryLevel: 0, exitLevel: 3, source: .declared, confidence: 1)
            ],
            hours: 3, price: nil, format: .onSite, language: "fr")
        let sessions = (1...3).map { index in
            TrainingSession(
                id: "S\(index)", courseID: "C1",
                days: [
                    SessionDay(day: CalendarDay(year: 2027, month: 3, day: index), startMinute: 540, endMinute: 720)
                ],
                venue: Venue(name: "Salle", address: "Rue", communeCode: "92094", coordinate: place), minimumSeats: 1,
                maximumSeats: 2, fixedCost: Double(40 + index), seatCost: 0, equipmentProvided: [],
                equipmentRequired: [], eligibleStatuses: [], registration: nil)
        }
        let policy = PlanningPolicy(
            valuePerWeight: 120, travelCostPerKilometre: 0.3, noCarMaximumKilometres: 10, trainingHoursPerFullTime: 35,
            timeLimitSeconds: 2)
        return PlanningProblem(
            agents: agents, needs: needs, courses: [course], sessions: sessions,
            planningDate: CalendarDay(year: 2027, month: 1, day: 4), policy: policy)
    }

    static func record(_ problem: PlanningProblem) -> PlanRecord {
        let (plan, trace) = PlanJob.solve(problem)
        return PlanRecord(
            territoryID: "namur", problem: problem, overrides: PlanningOverrides(minimumGroupSize: 1),
            unassessedAgents: ["A9"], plan: plan, progress: trace)
    }

    @Test func aPlanRoundTripsThroughTheStore() async throws {
        let store = try SQLiteStore(path: ":memory:")
        let record = Self.record(Self.problem())
        let id = try await store.savePlan(
            NewPlan(
                territoryID: "namur", label: "test", previousPlanID: nil, inputs: [], document: try record.encoded()))
        let read = try PlanRecord(stored: try #require(try await store.plan(id: id)))
        #expect(read.plan.assignments == record.plan.assignments)
        #expect(read.plan.sessions == record.plan.sessions)
        #expect(read.plan.unmetNeeds == record.plan.unmetNeeds)
        #expect(read.plan.objective == record.plan.objective)
        #expect(read.plan.bound == record.plan.bound)
        #expect(read.problem.needs == record.problem.needs)
        #expect(read.problem.sessions == record.problem.sessions)
        #expect(read.problem.policy == record.problem.policy)
        #expect(read.overrides == record.overrides)
        #expect(read.unassessedAgents == ["A9"])
        #expect(read.progress.count == record.progress.count)
        #expect(record.plan.assignments.count == 4)
    }

    @Test func aPlanOfAnotherFormatIsRefusedByName() async throws {
        let store = try SQLiteStore(path: ":memory:")
        let id = try await store.savePlan(
            NewPlan(
                territoryID: "namur", label: "", previousPlanID: nil, inputs: [], document: Data("{\"format\":99}".utf8)
            ))
        let stored = try #require(try await store.plan(id: id))
        #expect(throws: PlanRecordError.otherFormat(planID: id, format: 99)) {
            try PlanRecord(stored: stored)
        }
    }

    @Test func cancellingASessionMovesExactlyItsParticipants() throws {
        let current = Self.problem()
        let previous = Self.record(current)
        let cancelled = try #require(previous.plan.sessions.first)
        let replan = Replan(
            previous: previous, cancelledSessions: [cancelled.sessionID], removedAgents: [], pin: .unaffected)
        let problem = replan.problem(current: current)
        #expect(!problem.sessions.contains { $0.id == cancelled.sessionID })
        #expect(problem.previousAssignments.allSatisfy { $0.isPinned })
        #expect(problem.previousAssignments.count == 4 - cancelled.participants.count)
        let plan = PlanJob.solve(problem).plan
        let changes = PlanChanges(replan: replan, current: current, plan: plan)
        let changed = Set(changes.moved.map(\.previous.agentID) + changes.dropped.map(\.previous.agentID))
        #expect(changed == Set(cancelled.participants))
        #expect(changes.moved.allSatisfy { $0.cause == .sessionCancelled(cancelled.sessionID) })
        #expect(Set(changes.kept.map(\.agentID)) == Set(["A1", "A2", "A3", "A4"]).subtracting(cancelled.participants))
        #expect(changes.added.isEmpty)
    }

    @Test func removingAnAgentDropsTheirAssignmentsWithTheCause() throws {
        let current = Self.problem()
        let previous = Self.record(current)
        let replan = Replan(previous: previous, cancelledSessions: [], removedAgents: ["A1"], pin: .unaffected)
        let plan = PlanJob.solve(replan.problem(current: current)).plan
        let changes = PlanChanges(replan: replan, current: current, plan: plan)
        #expect(changes.dropped.map(\.previous.agentID) == ["A1"])
        #expect(changes.dropped.first?.cause == .agentRemoved)
        #expect(changes.moved.isEmpty)
    }
}
