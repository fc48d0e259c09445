import ParcoursModel

/// Turns a final ``PlanState`` into the ``TrainingPlan`` people and documents use: sessions with their
/// communes and cost split, assignments, travel, spending per commune, waitlists and the reasons of
/// every unmet need, recomputed from the state (not from the search's running sums).
struct PlanReport: Sendable {
    let state: PlanState
    var instance: PlanningInstance { state.instance }
    var problem: PlanningProblem { instance.problem }

    func plan(
        bound: Double, seconds: Double, releasedPins: [(need: Int, session: Int, assignment: PreviousAssignment)]
    ) -> TrainingPlan {
        let waitlists = self.waitlists()
        let unmet = unmetNeeds(waitlists: waitlists)
        var sessions: [PlannedSession] = []
        var sessionShare = [Double](repeating: 0, count: instance.communeCodes.count)
        for session in 0..<instance.sessionCount where state.isOpen[session] {
            let seats = state.sessionSeats[session]
            let shares = seats.map { entry in
                CostShare(
                    communeCode: instance.communeCodes[entry.commune], seats: entry.seats,
                    amount: state.share(of: entry.commune, in: session, seats: seats))
            }
            for (entry, share) in zip(seats, shares) { sessionShare[entry.commune] += share.amount }
            sessions.append(
                PlannedSession(
                    sessionID: problem.sessions[session].id,
                    participants: state.members[session].map { agentID(Int(instance.optionAgent[Int($0)])) }.sorted(),
                    communes: shares.sorted { $0.communeCode < $1.communeCode },
                    fixedCost: instance.fixedCost[session],
                    seatCosts: instance.seatCost[session] * Double(state.load(session)),
                    waitlist: waitlists[problem.sessions[session].id] ?? []))
        }
        var assignments: [PlanAssignment] = []
        var coveredWeight = 0.0
        var kept = 0
        var communeCovered = [Double](repeating: 0, count: instance.communeCodes.count)
        let pinned = Set(instance.pins.map(\.need)).subtracting(releasedPins.map(\.need))
        let previous = previousSessionIDs
        for (index, need) in problem.needs.enumerated() {
            let option = Int(state.needCover[index])
            guard option >= 0 else { continue }
            let session = problem.sessions[Int(instance.optionSession[option])].id
            let changed = previous[index].map { $0 != session } ?? false
            if previous[index] == session { kept += 1 }
            coveredWeight += need.weight
            communeCovered[instance.agentCommune[instance.needAgent[index]]] += need.weight
            assignments.append(
                PlanAssignment(
                    agentID: need.agentID, competence: need.competence, sessionID: session, weight: need.weight,
                    isPinned: pinned.contains(index), isChanged: changed))
        }
        let changes = instance.previousCount - kept
        var travel: [AgentTravel] = []
        var communeTravel = [Double](repeating: 0, count: instance.communeCodes.count)
        var travelCosts = 0.0
        for agent in 0..<instance.agentCount where !state.agentActive[agent].isEmpty {
            let options = state.agentActive[agent].map(Int.init)
            let cost = options.reduce(0) { $0 + instance.optionTravelCost[$1] }
            travelCosts += cost
            communeTravel[instance.agentCommune[agent]] += cost
            travel.append(
                AgentTravel(
                    agentID: agentID(agent), communeCode: instance.communeCodes[instance.agentCommune[agent]],
                    roadKilometres: options.reduce(0) { $0 + instance.optionRoadKilometres[$1] }, cost: cost,
                    hours: state.usedHours[agent], allowanceHours: instance.allowance[agent]))
        }
        let communes = instance.communeCodes.indices.filter { instance.communeParticipates[$0] }.map { commune in
            CommuneOutcome(
                communeCode: instance.communeCodes[commune], sessionCosts: sessionShare[commune],
                travelCosts: communeTravel[commune],
                budget: instance.communeBudget[commune] == .infinity ? nil : instance.communeBudget[commune],
                needWeight: instance.communeNeedWeight[commune], coveredWeight: communeCovered[commune])
        }
        let policy = instance.policy
        let fairness =
            policy.fairness.bonusPerWeight > 0
            ? instance.communeCodes.indices.reduce(0) {
                $0 + policy.fairness.bonusPerWeight * min(instance.fairnessFloor[$1], communeCovered[$1])
            } : 0
        let open = (0..<instance.sessionCount).filter { state.isOpen[$0] }
        let objective = ObjectiveTerms(
            coveredWeight: coveredWeight, coveredValue: policy.valuePerWeight * coveredWeight, fairnessBonus: fairness,
            fixedCosts: open.reduce(0) { $0 + instance.fixedCost[$1] },
            seatCosts: open.reduce(0) { $0 + instance.seatCost[$1] * Double(state.load($1)) },
            travelCosts: travelCosts, changes: changes, changePenalties: policy.changePenalty * Double(changes))
        let released =
            instance.unknownPins.map { ReleasedPin(assignment: $0, reason: nil) }
            + releasedPins.map { pin in
                ReleasedPin(assignment: pin.assignment, reason: reason(need: pin.need, session: pin.session))
            }
        return TrainingPlan(
            sessions: sessions, assignments: assignments, travel: travel, communes: communes,
            unmetNeeds: unmet, releasedPins: released, objective: objective,
            bound: max(bound, objective.total), seconds: seconds)
    }

    private func agentID(_ agent: Int) -> String { problem.agents[agent].agent.externalID }

    /// The session of each need's unpinned previous assignment, if any.
    private var previousSessionIDs: [String?] {
        var byKey: [String: String] = [:]
        for previous in problem.previousAssignments where !previous.isPinned {
            byKey["\(previous.agentID)\u{1}\(previous.competence)"] = previous.sessionID
        }
        guard !byKey.isEmpty else { return Array(repeating: nil, count: problem.needs.count) }
        return problem.needs.map { byKey["\($0.agentID)\u{1}\($0.competence)"] }
    }

    // MARK: Unmet needs

    /// Every uncovered need, its reasons worded from this report when first read, each capacity reason
    /// with the agent's 1-based place on the session's waitlist.
    private func unmetNeeds(waitlists: [String: [WaitlistEntry]]) -> [UnmetNeed] {
        let positions = waitlists.mapValues { list in
            Dictionary(list.enumerated().map { ($1.agentID, $0 + 1) }, uniquingKeysWith: { a, _ in a })
        }
        var result: [UnmetNeed] = []
        for (index, need) in problem.needs.enumerated() where state.needCover[index] < 0 && need.weight > 0 {
            let agent = instance.needAgent[index]
            guard agent >= 0 else {
                result.append(UnmetNeed(need: need, communeCode: nil, reasons: [.unknownAgent]))
                continue
            }
            let commune = instance.communeCodes[instance.agentCommune[agent]]
            guard instance.communeParticipates[instance.agentCommune[agent]] else {
                result.append(
                    UnmetNeed(
                        need: need, communeCode: commune, reasons: [.communeNotParticipating(communeCode: commune)]))
                continue
            }
            guard let sessions = instance.sessionsTeaching[need.competence], !sessions.isEmpty else {
                result.append(
                    UnmetNeed(need: need, communeCode: commune, reasons: [.noSession(competence: need.competence)]))
                continue
            }
            result.append(
                UnmetNeed(need: need, communeCode: commune) { [self] in
                    sessions.map { session in
                        let reason = reason(need: index, session: session)
                        guard case .capacity(let id, let maximum, _) = reason else { return reason }
                        return .capacity(
                            sessionID: id, maximumSeats: maximum, waitlistPosition: positions[id]?[need.agentID] ?? 0)
                    }
                })
        }
        return result
    }

    /// Why a need is not covered at a session teaching its competence.
    func reason(need: Int, session: Int) -> UnmetReason {
        let agent = instance.needAgent[need]
        let trainingSession = problem.sessions[session]
        guard agent >= 0 else { return .unknownAgent }
        guard
            let option = instance.agentOptions[agent].first(where: {
                Int(instance.optionSession[Int($0)]) == session
                    && state.needRange(Int($0)).contains { instance.optionNeeds[$0] == Int32(need) }
            }).map(Int.init)
        else {
            guard let course = instance.sessionCourse[session] else {
                return .noSession(competence: problem.needs[need].competence)
            }
            let failures = Eligibility.failures(
                agent: instance.plannedAgents[agent], need: problem.needs[need], course: problem.courses[course],
                session: trainingSession, context: instance.contexts[agent])
            return failures.isEmpty
                ? .remoteNotAllowed(sessionID: trainingSession.id)
                : .ineligible(
                    sessionID: trainingSession.id, failures: failures)
        }
        let eligible = instance.sessionOptions[session].count
        let minimum = instance.minimumSeats[session]
        guard state.isOpen[session] else {
            return eligible < minimum
                ? .minimumNotReached(sessionID: trainingSession.id, minimumSeats: minimum, eligibleAgents: eligible)
                : .sessionNotOpened(
                    sessionID: trainingSession.id, fixedCost: instance.fixedCost[session], minimumSeats: minimum,
                    eligibleAgents: eligible)
        }
        for other in state.agentActive[agent].map({ Int(instance.optionSession[Int($0)]) })
        where other != session {
            if let clash = TimeClash(trainingSession, problem.sessions[other]) { return .timeClash(clash) }
        }
        if !state.fitsAllowance(agent: agent, session: session) {
            return .allowance(
                sessionID: trainingSession.id, sessionHours: instance.sessionHours[session],
                usedHours: state.usedHours[agent], allowanceHours: instance.allowance[agent])
        }
        if state.load(session) >= instance.maximumSeats[session] {
            return .capacity(
                sessionID: trainingSession.id, maximumSeats: instance.maximumSeats[session], waitlistPosition: 0)
        }
        if !state.fitsBudget(option) {
            let commune = instance.agentCommune[agent]
            return .budget(
                sessionID: trainingSession.id, communeCode: instance.communeCodes[commune],
                budget: instance.communeBudget[commune], spent: state.communeSpent[commune],
                additionalCost: state.additionalSpending(option))
        }
        let range = state.needRange(option)
        let k = range.first { instance.optionNeeds[$0] == Int32(need) }!
        return .valueBelowCost(
            sessionID: trainingSession.id, value: instance.optionNeedValue[k], cost: instance.optionCost(option))
    }

    /// Per full session, the agents left out only because it is full, highest need weight first (one entry
    /// per agent, their heaviest such need): the uncovered needs of options of full sessions whose agent is
    /// free at that time and within their allowance (where ``reason(need:session:)`` gives `capacity`).
    private func waitlists() -> [String: [WaitlistEntry]] {
        // Per full session, per agent, their heaviest need left out (the first of equal weights).
        var heaviest: [Int: [Int: Int]] = [:]
        for session in 0..<instance.sessionCount
        where state.isOpen[session] && state.load(session) >= instance.maximumSeats[session] {
            var byAgent: [Int: Int] = [:]
            for option in instance.sessionOptions[session].map(Int.init) {
                var free: Bool?
                for k in state.needRange(option) {
                    let need = Int(instance.optionNeeds[k])
                    guard state.needCover[need] < 0, instance.needWeight[need] > 0, instance.needInPlan[need] else {
                        continue
                    }
                    if free == nil { free = isFreeAndWithinAllowance(option) }
                    guard free == true else { break }
                    let agent = Int(instance.optionAgent[option])
                    if let kept = byAgent[agent], instance.needWeight[kept] >= instance.needWeight[need] { continue }
                    byAgent[agent] = need
                }
            }
            if !byAgent.isEmpty { heaviest[session] = byAgent }
        }
        return Dictionary(
            uniqueKeysWithValues: heaviest.map { session, byAgent in
                let entries = byAgent.values.map { index in
                    let need = problem.needs[index]
                    return WaitlistEntry(agentID: need.agentID, competence: need.competence, weight: need.weight)
                }
                return (
                    problem.sessions[session].id, entries.sorted { ($1.weight, $0.agentID) < ($0.weight, $1.agentID) }
                )
            })
    }

    /// Whether the option's agent attends no session clashing with the option's session and has the hours
    /// it takes left (the checks ``reason(need:session:)`` makes before `capacity`).
    private func isFreeAndWithinAllowance(_ option: Int) -> Bool {
        let session = Int(instance.optionSession[option])
        let agent = Int(instance.optionAgent[option])
        for other in state.agentActive[agent] {
            let attended = Int(instance.optionSession[Int(other)])
            if attended != session && instance.clash(session, attended) { return false }
        }
        return state.fitsAllowance(agent: agent, session: session)
    }
}
