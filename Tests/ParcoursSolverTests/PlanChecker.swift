import ParcoursModel

@testable import ParcoursSolver

/// Re-checks plans from the problem alone, by code apart from the engine's search and state: the
/// feasibility and objective of any choice of sessions for the needs, and the optimum of tiny problems by
/// enumerating every choice.
enum PlanChecker {
    /// The objective of covering each need by the session `choice[need]` (nil: uncovered), or nil when
    /// that breaks a rule: eligibility, remote not allowed, seats between minimum and maximum, time
    /// clash, allowance, budget.
    static func objective(of choice: [Int?], in problem: PlanningProblem) -> Double? {
        try? evaluate(choice, in: problem)
    }

    /// A broken rule, named.
    struct Violation: Error, CustomStringConvertible {
        let description: String
    }

    /// The objective of a choice, or the first rule it breaks.
    static func evaluate(_ choice: [Int?], in problem: PlanningProblem) throws(Violation) -> Double {
        let policy = problem.policy
        let agentIndex = Dictionary(uniqueKeysWithValues: problem.agents.enumerated().map { ($1.agent.externalID, $0) })
        let courses = Dictionary(uniqueKeysWithValues: problem.courses.map { ($0.id, $0) })
        var attendance: [Int: Set<Int>] = [:]  // session → agents
        var value = 0.0
        var covered: [String: Double] = [:]
        var communeWeight: [String: Double] = [:]
        for (index, need) in problem.needs.enumerated() {
            guard let agentNumber = agentIndex[need.agentID] else { continue }
            let planning = problem.agents[agentNumber]
            let commune = planning.agent.communeCode
            let participates = policy.participatingCommunes?.contains(commune) ?? true
            if participates { communeWeight[commune, default: 0] += need.weight }
            guard let session = choice[index] else { continue }
            guard participates else { throw Violation(description: "commune not participating") }
            let trainingSession = problem.sessions[session]
            guard let course = courses[trainingSession.courseID] else { throw Violation(description: "unknown course") }
            if trainingSession.isRemote && !policy.remoteAllowed { throw Violation(description: "remote") }
            var agent = planning.agent
            if let cap = policy.maximumTravelKilometres, cap < agent.maximumTravelKilometres {
                agent = Agent(
                    externalID: agent.externalID, lastName: agent.lastName, firstName: agent.firstName,
                    communeCode: agent.communeCode, jobFamilyID: agent.jobFamilyID, statusID: agent.statusID,
                    equipment: agent.equipment, workingTime: agent.workingTime, workingDays: agent.workingDays,
                    hasCar: agent.hasCar, maximumTravelKilometres: cap, unavailable: agent.unavailable,
                    languages: agent.languages)
            }
            let context = EligibilityContext(
                circuity: planning.circuity, publicHolidays: planning.publicHolidays, agentOrigin: planning.origin,
                planningDate: problem.planningDate,
                policy: EligibilityPolicy(noCarMaximumKilometres: policy.noCarMaximumKilometres))
            guard
                Eligibility.failures(
                    agent: agent, need: need, course: course, session: trainingSession, context: context
                )
                .isEmpty
            else { throw Violation(description: "\(need.agentID) not eligible for \(trainingSession.id)") }
            attendance[session, default: []].insert(agentNumber)
            value += policy.valuePerWeight * need.weight
            covered[commune, default: 0] += need.weight
        }
        var cost = 0.0
        var spent: [String: Double] = [:]
        var sessionsOf: [Int: [Int]] = [:]
        for (session, agents) in attendance {
            let trainingSession = problem.sessions[session]
            let minimum = max(trainingSession.minimumSeats, policy.minimumGroupSize ?? 0, 1)
            guard agents.count >= minimum, agents.count <= trainingSession.maximumSeats else {
                throw Violation(description: "\(trainingSession.id) has \(agents.count) seats")
            }
            cost += trainingSession.fixedCost + trainingSession.seatCost * Double(agents.count)
            var seats: [String: Int] = [:]
            for agent in agents {
                seats[problem.agents[agent].agent.communeCode, default: 0] += 1
                sessionsOf[agent, default: []].append(session)
                if let venue = trainingSession.venue {
                    let planning = problem.agents[agent]
                    let road = planning.circuity.roadKilometres(
                        straightLine: planning.origin.distanceKilometres(to: venue.coordinate))
                    let trip =
                        2 * road * Double(Set(trainingSession.days.map(\.day)).count)
                        * policy.travelCostPerKilometre
                    cost += trip
                    spent[planning.agent.communeCode, default: 0] += trip
                }
            }
            for (commune, count) in seats {
                switch policy.costSplit {
                case .proRataSeats:
                    spent[commune, default: 0] +=
                        (trainingSession.fixedCost + trainingSession.seatCost * Double(agents.count)) * Double(count)
                        / Double(agents.count)
                case .equalFixedShares:
                    spent[commune, default: 0] +=
                        trainingSession.fixedCost / Double(seats.count) + trainingSession.seatCost * Double(count)
                }
            }
        }
        for (agent, sessions) in sessionsOf {
            let hours = sessions.reduce(0.0) { total, session in
                total + problem.sessions[session].days.reduce(0.0) { $0 + Double($1.endMinute - $1.startMinute) / 60 }
            }
            let planning = problem.agents[agent]
            let allowance =
                planning.trainingHoursAllowance ?? policy.trainingHoursPerFullTime * planning.agent.workingTime
            guard hours <= allowance + 1e-7 else { throw Violation(description: "allowance of \(agent)") }
            for (position, first) in sessions.enumerated() {
                for second in sessions[(position + 1)...]
                where TimeClash(problem.sessions[first], problem.sessions[second]) != nil {
                    throw Violation(description: "clash for \(agent)")
                }
            }
        }
        for (commune, amount) in spent {
            if let budget = policy.budgets.amount(forCommune: commune), amount > budget + 1e-6 {
                throw Violation(description: "budget of \(commune): \(amount) > \(budget)")
            }
        }
        let fairness = communeWeight.reduce(0.0) { total, entry in
            total + policy.fairness.bonusPerWeight
                * min(policy.fairness.floorShare * entry.value, covered[entry.key] ?? 0)
        }
        var changes = 0
        for previous in problem.previousAssignments where !previous.isPinned {
            let index = problem.needs.firstIndex {
                $0.agentID == previous.agentID && $0.competence == previous.competence
            }
            let kept = index.flatMap { choice[$0] }.map { problem.sessions[$0].id == previous.sessionID } ?? false
            if !kept { changes += 1 }
        }
        return value + fairness - cost - policy.changePenalty * Double(changes)
    }

    /// The optimum of a tiny problem: every need tries every session teaching its competence, or none.
    static func optimum(of problem: PlanningProblem) -> Double {
        let courses = Dictionary(uniqueKeysWithValues: problem.courses.map { ($0.id, $0) })
        let options: [[Int?]] = problem.needs.map { need in
            [nil]
                + problem.sessions.indices.filter { session in
                    courses[problem.sessions[session].courseID]?.competences.contains { $0.code == need.competence }
                        ?? false
                }
        }
        var position = [Int](repeating: 0, count: options.count)
        var best = 0.0  // covering nothing is always feasible
        while true {
            let choice = zip(options, position).map { $0[$1] }
            if let value = objective(of: choice, in: problem) { best = max(best, value) }
            var digit = 0
            while digit < position.count {
                position[digit] += 1
                if position[digit] < options[digit].count { break }
                position[digit] = 0
                digit += 1
            }
            if digit == position.count { return best }
        }
    }

    /// The plan's choice of session per need, by index.
    static func choice(of plan: TrainingPlan, in problem: PlanningProblem) -> [Int?] {
        let sessionIndex = Dictionary(uniqueKeysWithValues: problem.sessions.enumerated().map { ($1.id, $0) })
        var byNeed: [String: Int] = [:]
        for assignment in plan.assignments {
            byNeed["\(assignment.agentID)|\(assignment.competence)"] = sessionIndex[assignment.sessionID]
        }
        return problem.needs.map { byNeed["\($0.agentID)|\($0.competence)"] }
    }
}
