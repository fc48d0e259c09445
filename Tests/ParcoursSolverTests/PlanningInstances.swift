import ParcoursModel

@testable import ParcoursSolver

/// Random planning problems for the tests, drawn from a seed: a few communes around Namur, agents
/// with varied limits, status, days and allowances, sessions of courses on two competences with
/// dates that may clash, costs, minimums and maximums, and a policy with or without budgets and fairness.
enum PlanningInstances {
    static let monday = CalendarDay(year: 2027, month: 3, day: 1)
    static let codes = [CompetenceCode("3.2"), CompetenceCode("4.1")]

    struct Size {
        var agents: Int
        var sessions: Int
        var needsPerAgent: ClosedRange<Int>
    }

    static func problem(seed: UInt64, size: Size) -> PlanningProblem {
        var random = SplitMix64(seed: seed &* 0x2545_f491_4f6c_dd1d &+ 7)
        let communes = [
            ("92094", Coordinate(latitude: 50.4669, longitude: 4.8675)),
            ("92003", Coordinate(latitude: 50.4950, longitude: 4.7340)),
            ("92138", Coordinate(latitude: 50.3540, longitude: 4.8890)),
        ]
        let circuity = Circuity(factor: 1.3, shortTripBelowKilometres: 5, shortTripFactor: 1.5)
        var agents: [PlanningAgent] = []
        var needs: [Need] = []
        for index in 0..<size.agents {
            let commune = communes[random.next(below: communes.count)]
            let agent = Agent(
                externalID: "A\(index)", lastName: "N", firstName: "P", communeCode: commune.0, jobFamilyID: "f",
                statusID: random.next(below: 6) == 0 ? "apprenti" : "titulaire",
                equipment: random.next(below: 4) == 0 ? [] : [.workComputer],
                workingTime: random.next(below: 4) == 0 ? 0.5 : 1,
                workingDays: random.next(below: 5) == 0
                    ? [.monday, .tuesday, .wednesday] : [.monday, .tuesday, .wednesday, .thursday, .friday],
                hasCar: random.next(below: 5) != 0, maximumTravelKilometres: [15, 25, 60][random.next(below: 3)],
                unavailable: [], languages: ["fr"])
            agents.append(
                PlanningAgent(
                    agent: agent, origin: commune.1, circuity: circuity, publicHolidays: [],
                    trainingHoursAllowance: random.next(below: 3) == 0 ? 3.5 : nil))
            let count =
                size.needsPerAgent.lowerBound
                + random.next(below: size.needsPerAgent.upperBound - size.needsPerAgent.lowerBound + 1)
            for code in codes.prefix(count) {
                let current = random.next(below: 3)
                needs.append(
                    Need(
                        agentID: agent.externalID, competence: code, currentLevel: current, targetLevel: current + 2,
                        levelSource: .measured, weight: Double(1 + random.next(below: 3))))
            }
        }
        let courses = [
            course("C1", [(codes[0], 0, 3)]), course("C2", [(codes[1], 0, 2)]),
            course("C3", [(codes[0], 1, 4), (codes[1], 1, 4)]),
        ]
        var sessions: [TrainingSession] = []
        for index in 0..<size.sessions {
            let venue = communes[random.next(below: communes.count)]
            let day = monday.adding(days: random.next(below: 3))
            let morning = random.next(below: 2) == 0
            let minimum = 1 + random.next(below: 2)
            sessions.append(
                TrainingSession(
                    id: "S\(index)", courseID: courses[random.next(below: courses.count)].id,
                    days: [SessionDay(day: day, startMinute: morning ? 540 : 780, endMinute: morning ? 750 : 990)],
                    venue: random.next(below: 6) == 0
                        ? nil : Venue(name: "Salle", address: "Rue", communeCode: venue.0, coordinate: venue.1),
                    minimumSeats: minimum, maximumSeats: minimum + random.next(below: 3),
                    fixedCost: Double(50 + random.next(below: 400)), seatCost: Double(random.next(below: 40)),
                    equipmentProvided: [], equipmentRequired: [],
                    eligibleStatuses: random.next(below: 4) == 0 ? ["titulaire"] : [], registration: nil))
        }
        var budgets = CommuneBudgets()
        if random.next(below: 2) == 0 { budgets.perCommune["92094"] = Double(100 + random.next(below: 400)) }
        let policy = PlanningPolicy(
            valuePerWeight: 120, travelCostPerKilometre: 0.3, noCarMaximumKilometres: 10,
            budgets: budgets, costSplit: random.next(below: 2) == 0 ? .proRataSeats : .equalFixedShares,
            fairness: random.next(below: 2) == 0
                ? FairnessPolicy() : FairnessPolicy(floorShare: 0.5, bonusPerWeight: 60),
            trainingHoursPerFullTime: 7, timeLimitSeconds: 120, seed: seed)
        return PlanningProblem(
            agents: agents, needs: needs, courses: courses, sessions: sessions, planningDate: monday, policy: policy)
    }

    private static func course(_ id: String, _ taught: [(CompetenceCode, Int, Int)]) -> Course {
        Course(
            id: id, providerID: "P", title: id, objectives: "", content: "",
            competences: taught.map {
                TaughtCompetence(code: $0.0, entryLevel: $0.1, exitLevel: $0.2, source: .declared, confidence: 1)
            }, hours: 3.5, price: nil, format: .onSite, language: "fr")
    }
}
