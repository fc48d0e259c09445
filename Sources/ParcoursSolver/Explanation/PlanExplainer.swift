import ParcoursModel

/// The facts that explain a solved plan, computed from the plan and its problem, never guessed: for each
/// unmet need, what its reasons come down to and the nearest change that would cover it (verified against
/// the plan); for each assignment, why this session rather than another the agent could attend. Facts
/// only: ParcoursOutput words them.
public struct PlanExplainer: Sendable {
    public let problem: PlanningProblem
    public let plan: TrainingPlan
    private let instance: PlanningInstance
    /// The plan rebuilt as a search state, to test what one relaxed constraint would allow.
    private let state: PlanState
    private let sessionIndex: [String: Int]
    private let needIndex: [String: Int]

    public init(problem: PlanningProblem, plan: TrainingPlan) {
        self.problem = problem
        self.plan = plan
        let instance = PlanningInstance(problem: problem)
        let sessionIndex = Dictionary(
            problem.sessions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var state = PlanState(instance: instance)
        for session in plan.sessions {
            if let index = sessionIndex[session.sessionID], !state.isOpen[index] { state.open(index) }
        }
        for assignment in plan.assignments {
            guard let agent = instance.agentIndex[assignment.agentID], let session = sessionIndex[assignment.sessionID],
                state.isOpen[session],
                let option = instance.agentOptions[agent].first(where: {
                    Int(instance.optionSession[Int($0)]) == session
                })
            else { continue }
            if !state.isActive[Int(option)] { state.activate(Int(option)) }
        }
        self.instance = instance
        self.state = state
        self.sessionIndex = sessionIndex
        needIndex = Dictionary(
            problem.needs.enumerated().map { (Self.key($1.agentID, $1.competence), $0) },
            uniquingKeysWith: { first, _ in first })
    }

    private static func key(_ agentID: String, _ competence: CompetenceCode) -> String {
        "\(agentID)\u{1}\(competence)"
    }

    // MARK: Unmet needs

    /// What the need's reasons come down to, and the nearest change that would cover it.
    public func explain(_ unmet: UnmetNeed) -> UnmetNeedExplanation {
        UnmetNeedExplanation(
            need: unmet.need, communeCode: unmet.communeCode, reasons: unmet.reasons, summary: summary(of: unmet),
            nearestChange: nearestChange(for: unmet),
            constraintNames: Array(Set(unmet.reasons.flatMap(\.constraintNames))).sorted())
    }

    private func summary(of unmet: UnmetNeed) -> UnmetSummary {
        let reasons = unmet.reasons
        if reasons.count == 1, reasons[0].sessionID == nil { return .planWide(reasons[0]) }
        if let closest = reasons.filter(\.isAboutThePlan).min(by: { $0.closeness < $1.closeness }) {
            return .closest(closest, otherSessions: reasons.count - 1)
        }
        let ineligible: [(sessionID: String, failures: [EligibilityFailure])] = reasons.compactMap {
            guard case .ineligible(let id, let failures) = $0 else { return nil }
            return (id, failures)
        }
        let atLevel = ineligible.filter { !$0.failures.contains { $0.constraint == .levelFit } }
        guard !atLevel.isEmpty else { return levelSummary(unmet.need, ineligible.flatMap(\.failures)) }
        let counts = Dictionary(grouping: atLevel.flatMap { $0.failures.map(\.constraint) }, by: { $0 })
            .mapValues(\.count)
        // The most frequent constraint; on a tie, the first in EligibilityConstraint order.
        var common = EligibilityConstraint.travel
        var commonCount = 0
        for constraint in EligibilityConstraint.allCases where counts[constraint, default: 0] > commonCount {
            common = constraint
            commonCount = counts[constraint, default: 0]
        }
        let samples = atLevel.compactMap { item in
            item.failures.first { $0.constraint == common }.map { (item.sessionID, $0) }
        }
        let sample = samples.min { Self.road($0.1) < Self.road($1.1) }!
        return .commonFailure(
            sessionsAtLevel: atLevel.count, sharing: commonCount, sessionID: sample.0, failure: sample.1)
    }

    private static func road(_ failure: EligibilityFailure) -> Double {
        if case .travel(_, _, let road, _, _, _) = failure { return road }
        return 0
    }

    /// What every course teaching the competence says about levels, when none fits the agent's.
    private func levelSummary(_ need: Need, _ failures: [EligibilityFailure]) -> UnmetSummary {
        var entries: [Int] = []
        var exits: [Int] = []
        for case .levelFit(_, _, _, let entry?, let exit?) in failures {
            entries.append(entry)
            exits.append(exit)
        }
        if let highest = exits.max(), need.currentLevel >= highest { return .noCourseAbove(level: highest) }
        if let lowest = entries.min(), need.currentLevel < lowest { return .coursesStartAt(level: lowest) }
        return .noCourseUpwards
    }

    /// The smallest single relaxation that would let the need's agent join an open session, every other
    /// constraint holding; nil when none does.
    func nearestChange(for unmet: UnmetNeed) -> NearestChange? {
        guard let need = needIndex[Self.key(unmet.need.agentID, unmet.need.competence)],
            let agent = instance.agentIndex[unmet.need.agentID]
        else { return nil }
        let policy = instance.policy
        var candidates: [NearestChange] = []
        for reason in unmet.reasons {
            guard let id = reason.sessionID, let session = sessionIndex[id], state.isOpen[session] else { continue }
            switch reason {
            case .ineligible(_, let failures):
                guard failures.count == 1, case .travel(_, _, let road, _, _, let limit) = failures[0] else { continue }
                let travelCost =
                    2 * road * Double(instance.sessionDayCount[session]) * policy.travelCostPerKilometre
                if fits(need: need, agent: agent, session: session, travelCost: travelCost, ignoring: nil) {
                    candidates.append(.travelLimit(sessionID: id, kilometres: road, currentLimit: limit))
                }
            case .capacity(_, let maximum, let position):
                if fits(need: need, agent: agent, session: session, ignoring: .capacity) {
                    candidates.append(.moreSeats(sessionID: id, seats: max(position, 1), maximumSeats: maximum))
                }
            case .allowance(_, let hours, let used, let allowance):
                if fits(need: need, agent: agent, session: session, ignoring: .allowance) {
                    candidates.append(.allowance(sessionID: id, hours: used + hours, currentHours: allowance))
                }
            case .budget(_, let commune, let budget, let spent, let additional):
                if fits(need: need, agent: agent, session: session, ignoring: .budget) {
                    candidates.append(
                        .budget(sessionID: id, communeCode: commune, amount: spent + additional, currentAmount: budget))
                }
            case .valueBelowCost(_, _, let cost):
                let weight = problem.needs[need].weight
                if weight > 0, fits(need: need, agent: agent, session: session, ignoring: .valueBelowCost) {
                    candidates.append(
                        .valuePerWeight(sessionID: id, amount: cost / weight, currentAmount: policy.valuePerWeight))
                }
            default: continue
            }
        }
        return candidates.min { ($0.relativeChange, $0.sessionID) < ($1.relativeChange, $1.sessionID) }
    }

    /// Whether the agent could join the open session for the need with every constraint but `ignoring`
    /// holding. `travelCost` is given for a session the agent is not eligible for (its option does not exist).
    private func fits(
        need: Int, agent: Int, session: Int, travelCost givenTravelCost: Double? = nil, ignoring: PlanConstraint?
    ) -> Bool {
        let option = instance.agentOptions[agent].first { Int(instance.optionSession[Int($0)]) == session }.map(
            Int.init)
        guard let travelCost = givenTravelCost ?? option.map({ instance.optionTravelCost[$0] }) else { return false }
        guard state.isOpen[session], state.isFree(agent: agent, for: session) else { return false }
        if ignoring != .capacity, state.load(session) >= instance.maximumSeats[session] { return false }
        if ignoring != .allowance, !state.fitsAllowance(agent: agent, session: session) { return false }
        let commune = instance.agentCommune[agent]
        if ignoring != .budget, instance.communeBudget[commune] != .infinity {
            var seats = state.sessionSeats[session]
            let before = state.share(of: commune, in: session, seats: seats)
            if let index = seats.firstIndex(where: { $0.commune == commune }) {
                seats[index].seats += 1
            } else {
                seats.append(CommuneSeats(commune: commune, seats: 1))
            }
            let additional = state.share(of: commune, in: session, seats: seats) - before + travelCost
            if state.communeSpent[commune] + additional > instance.communeBudget[commune] + 1e-6 { return false }
        }
        if ignoring != .valueBelowCost {
            let weight = problem.needs[need].weight
            let value =
                instance.policy.valuePerWeight * weight
                + state.fairnessDelta(commune: commune, delta: weight)
            if value < instance.seatCost[session] + travelCost - 1e-9 { return false }
        }
        return true
    }

    // MARK: Assignments

    /// Why the assignment's session rather than another the agent could attend for the same need.
    public func explain(_ assignment: PlanAssignment) -> AssignmentExplanation {
        guard let agent = instance.agentIndex[assignment.agentID], let chosen = sessionIndex[assignment.sessionID],
            let need = needIndex[Self.key(assignment.agentID, assignment.competence)]
        else {
            return AssignmentExplanation(assignment: assignment, oneWayKilometres: nil, alternatives: [])
        }
        let chosenOption = option(agent: agent, session: chosen, need: need)
        let chosenKilometres = chosenOption.map { oneWayKilometres($0) }
        let chosenCost = chosenOption.map { instance.optionCost($0) }
        var alternatives: [AssignmentExplanation.Alternative] = []
        for session in instance.sessionsTeaching[assignment.competence] ?? [] where session != chosen {
            guard let option = option(agent: agent, session: session, need: need) else { continue }
            let verdict = alternativeVerdict(
                option: option, session: session, agent: agent, chosen: chosen, chosenKilometres: chosenKilometres,
                chosenCost: chosenCost)
            alternatives.append(.init(sessionID: problem.sessions[session].id, verdict: verdict))
        }
        return AssignmentExplanation(
            assignment: assignment, oneWayKilometres: problem.sessions[chosen].isRemote ? nil : chosenKilometres,
            alternatives: alternatives)
    }

    /// The agent's option at the session if it can cover the need.
    private func option(agent: Int, session: Int, need: Int) -> Int? {
        instance.agentOptions[agent].map(Int.init).first { option in
            Int(instance.optionSession[option]) == session
                && state.needRange(option).contains { Int(instance.optionNeeds[$0]) == need }
        }
    }

    private func oneWayKilometres(_ option: Int) -> Double {
        let days = instance.sessionDayCount[Int(instance.optionSession[option])]
        return days > 0 ? instance.optionRoadKilometres[option] / Double(2 * days) : 0
    }

    private func alternativeVerdict(
        option: Int, session: Int, agent: Int, chosen: Int, chosenKilometres: Double?, chosenCost: Double?
    ) -> AlternativeVerdict {
        guard state.isOpen[session] else {
            let eligible = instance.sessionOptions[session].count
            let minimum = instance.minimumSeats[session]
            return eligible < minimum
                ? .tooFewEligible(eligible: eligible, minimum: minimum)
                : .fixedCostNotWorthIt(fixedCost: instance.fixedCost[session])
        }
        if state.load(session) >= instance.maximumSeats[session] && !state.isActive[option] {
            return .full(maximumSeats: instance.maximumSeats[session])
        }
        for other in state.agentActive[agent].map({ Int(instance.optionSession[Int($0)]) })
        where other != chosen && other != session {
            if let clash = TimeClash(problem.sessions[session], problem.sessions[other]) { return .clash(clash) }
        }
        let kilometres = oneWayKilometres(option)
        let cost = instance.optionCost(option)
        if let chosenKilometres, kilometres > chosenKilometres + 0.05 {
            return .further(kilometres: kilometres, chosenKilometres: chosenKilometres)
        }
        if let chosenCost, cost > chosenCost + 0.005 { return .costlier(cost: cost, chosenCost: chosenCost) }
        return .alsoPossible
    }
}

/// What an unmet need's reasons come down to.
public struct UnmetNeedExplanation: Hashable, Sendable {
    public let need: Need
    public let communeCode: String?
    /// Every reason the plan found, one per session teaching the competence or a single plan-wide one.
    public let reasons: [UnmetReason]
    public let summary: UnmetSummary
    /// The smallest single change that would cover the need, verified against the plan; nil when none does.
    public let nearestChange: NearestChange?
    /// The stable names of the constraints involved (``EligibilityConstraint`` and ``PlanConstraint`` raw values).
    public let constraintNames: [String]

    public init(
        need: Need, communeCode: String?, reasons: [UnmetReason], summary: UnmetSummary, nearestChange: NearestChange?,
        constraintNames: [String]
    ) {
        self.need = need
        self.communeCode = communeCode
        self.reasons = reasons
        self.summary = summary
        self.nearestChange = nearestChange
        self.constraintNames = constraintNames
    }
}

/// The gist of an unmet need's reasons.
public enum UnmetSummary: Hashable, Sendable {
    /// A single reason that is about no session (no course, commune out, agent unknown).
    case planWide(UnmetReason)
    /// The reason closest to being lifted at a session the agent could attend; `otherSessions` more have reasons.
    case closest(UnmetReason, otherSessions: Int)
    /// `sessionsAtLevel` sessions teach the competence at the agent's level, `sharing` of them rule the
    /// agent out for the same constraint; `failure` at `sessionID` is the nearest case.
    case commonFailure(sessionsAtLevel: Int, sharing: Int, sessionID: String, failure: EligibilityFailure)
    /// No course teaches the competence beyond `level`, which the agent has reached.
    case noCourseAbove(level: Int)
    /// Courses teaching the competence start at `level`, above the agent's.
    case coursesStartAt(level: Int)
    /// No course teaches the competence from the agent's level upwards.
    case noCourseUpwards
}

/// Why an assignment's session.
public struct AssignmentExplanation: Hashable, Sendable {
    public let assignment: PlanAssignment
    /// The road distance to the session, one way; nil for a remote session.
    public let oneWayKilometres: Double?
    /// Every other session the agent could attend for the need, with why not that one.
    public let alternatives: [Alternative]

    public struct Alternative: Hashable, Sendable {
        public let sessionID: String
        public let verdict: AlternativeVerdict
    }
}

/// Why not another session the agent could attend for the same need.
public enum AlternativeVerdict: Hashable, Sendable {
    /// Not opened: fewer eligible agents than its minimum.
    case tooFewEligible(eligible: Int, minimum: Int)
    /// Not opened: grouping the agents elsewhere costs less than its fixed cost.
    case fixedCostNotWorthIt(fixedCost: Double)
    case full(maximumSeats: Int)
    /// It clashes with another session of the agent.
    case clash(TimeClash)
    /// Further by road (one way) than the chosen session.
    case further(kilometres: Double, chosenKilometres: Double)
    /// Seat and trip cost more than at the chosen session.
    case costlier(cost: Double, chosenCost: Double)
    /// Just as good: the choice fills the open sessions better (the plan's objective).
    case alsoPossible
}
