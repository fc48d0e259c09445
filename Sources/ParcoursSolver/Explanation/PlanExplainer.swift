import ParcoursModel

/// Plain-language explanations of a solved plan, computed from the plan and its problem, never guessed:
/// for each unmet need, its reason at every session that teaches the competence, a one-sentence summary
/// and the nearest change that would cover it (verified against the plan); for each assignment, why this
/// session rather than another the agent could attend.
public struct PlanExplainer: Sendable {
    public let problem: PlanningProblem
    public let plan: TrainingPlan
    /// Commune names by code, for the texts; a code without a name is written as is.
    public let communeNames: [String: String]
    private let instance: PlanningInstance
    /// The plan rebuilt as a search state, to test what one relaxed constraint would allow.
    private let state: PlanState
    private let sessionIndex: [String: Int]
    private let needIndex: [String: Int]

    public init(problem: PlanningProblem, plan: TrainingPlan, communeNames: [String: String] = [:]) {
        self.problem = problem
        self.plan = plan
        self.communeNames = communeNames
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

    /// A session as people name it: its id and venue (or "remote").
    public func label(ofSession id: String, in language: Language) -> String {
        guard let index = sessionIndex[id] else { return id }
        let place = problem.sessions[index].venue?.name ?? language.pick("à distance", "remote")
        return "\(id) (\(place))"
    }

    private func communeName(_ code: String) -> String { communeNames[code] ?? code }

    // MARK: Unmet needs

    /// Why the need is not covered, in plain language, with the nearest change that would cover it.
    public func explain(_ unmet: UnmetNeed, in language: Language) -> UnmetNeedExplanation {
        let details = unmet.reasons.map { reason in
            let text = reason.explanation(in: language, communeName: communeName)
            return reason.sessionID.map { "\(label(ofSession: $0, in: language)) : \(text)" } ?? text
        }
        let change = nearestChange(for: unmet)
        let changeText = change.map { change in
            change.explanation(
                in: language, label: label(ofSession: change.sessionID, in: language),
                communeName: communeName(unmet.communeCode ?? ""))
        }
        return UnmetNeedExplanation(
            need: unmet.need, communeCode: unmet.communeCode, summary: summary(of: unmet, in: language),
            details: details, nearestChange: change, nearestChangeText: changeText,
            constraintNames: Array(Set(unmet.reasons.flatMap(\.constraintNames))).sorted())
    }

    private func summary(of unmet: UnmetNeed, in language: Language) -> String {
        let reasons = unmet.reasons
        if reasons.count == 1, reasons[0].sessionID == nil {
            return reasons[0].explanation(in: language, communeName: communeName)
        }
        let sessionsNote: (Int) -> String = { others in
            others == 0
                ? ""
                : language.pick(
                    " (et \(others) autre\(others > 1 ? "s" : "") session\(others > 1 ? "s" : ""), voir le détail)",
                    " (and \(others) other session\(others > 1 ? "s" : ""), see the details)")
        }
        if let closest = reasons.filter({ $0.closeness < 8 }).min(by: { $0.closeness < $1.closeness }),
            let id = closest.sessionID
        {
            return "\(label(ofSession: id, in: language)) : "
                + closest.explanation(in: language, communeName: communeName) + sessionsNote(reasons.count - 1)
        }
        let ineligible: [(sessionID: String, failures: [EligibilityFailure])] = reasons.compactMap {
            guard case .ineligible(let id, let failures) = $0 else { return nil }
            return (id, failures)
        }
        let atLevel = ineligible.filter { !$0.failures.contains { $0.constraint == .levelFit } }
        guard !atLevel.isEmpty else { return levelSummary(unmet.need, ineligible.flatMap(\.failures), language) }
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
        let count = commonCount
        return language.pick(
            "\(atLevel.count) session\(atLevel.count > 1 ? "s" : "") à son niveau, \(count) écartée\(count > 1 ? "s" : "") "
                + "pour la même raison ; la plus proche, \(label(ofSession: sample.0, in: language)) : "
                + sample.1.explanation(in: language),
            "\(atLevel.count) session\(atLevel.count > 1 ? "s" : "") at the agent’s level, \(count) ruled out for the "
                + "same reason; the nearest, \(label(ofSession: sample.0, in: language)): "
                + sample.1.explanation(in: language))
    }

    private static func road(_ failure: EligibilityFailure) -> Double {
        if case .travel(_, _, let road, _, _, _) = failure { return road }
        return 0
    }

    /// What every course teaching the competence says about levels, when none fits the agent's.
    private func levelSummary(_ need: Need, _ failures: [EligibilityFailure], _ language: Language) -> String {
        var entries: [Int] = []
        var exits: [Int] = []
        for case .levelFit(_, _, _, let entry?, let exit?) in failures {
            entries.append(entry)
            exits.append(exit)
        }
        let competence = need.competence
        if let highest = exits.max(), need.currentLevel >= highest {
            return language.pick(
                "aucun cours n’enseigne \(competence) au-delà du niveau \(highest) (l’agent est au niveau \(need.currentLevel))",
                "no course teaches \(competence) above level \(highest) (the agent is at level \(need.currentLevel))")
        }
        if let lowest = entries.min(), need.currentLevel < lowest {
            return language.pick(
                "aucun cours n’enseigne \(competence) à partir du niveau \(need.currentLevel) : ils commencent au niveau \(lowest)",
                "no course teaches \(competence) from level \(need.currentLevel): they start at level \(lowest)")
        }
        return language.pick(
            "aucun cours n’enseigne \(competence) du niveau \(need.currentLevel) vers un niveau supérieur",
            "no course teaches \(competence) from level \(need.currentLevel) upwards")
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
    public func explain(_ assignment: PlanAssignment, in language: Language) -> AssignmentExplanation {
        let chosenLabel = label(ofSession: assignment.sessionID, in: language)
        guard let agent = instance.agentIndex[assignment.agentID], let chosen = sessionIndex[assignment.sessionID],
            let need = needIndex[Self.key(assignment.agentID, assignment.competence)]
        else {
            return AssignmentExplanation(assignment: assignment, summary: chosenLabel, alternatives: [])
        }
        let chosenOption = option(agent: agent, session: chosen, need: need)
        let chosenKilometres = chosenOption.map { oneWayKilometres($0) }
        let chosenCost = chosenOption.map { instance.optionCost($0) }
        var alternatives: [String] = []
        for session in instance.sessionsTeaching[assignment.competence] ?? [] where session != chosen {
            guard let option = option(agent: agent, session: session, need: need) else { continue }
            let id = problem.sessions[session].id
            let verdict = alternativeVerdict(
                option: option, session: session, agent: agent, chosen: chosen, chosenKilometres: chosenKilometres,
                chosenCost: chosenCost, language: language)
            alternatives.append("\(label(ofSession: id, in: language)) : \(verdict)")
        }
        let distance =
            chosenKilometres.map { kilometres in
                problem.sessions[chosen].isRemote
                    ? language.pick("à distance", "remote")
                    : language.pick(
                        "\(language.decimal(kilometres, fractionDigits: 1)) km par la route",
                        "\(language.decimal(kilometres, fractionDigits: 1)) km by road")
            } ?? ""
        let summary =
            alternatives.isEmpty
            ? language.pick(
                "\(chosenLabel), \(distance) : la seule session à laquelle l’agent a accès pour \(assignment.competence)",
                "\(chosenLabel), \(distance): the only session the agent can attend for \(assignment.competence)")
            : language.pick(
                "\(chosenLabel), \(distance) ; \(alternatives.count) autre\(alternatives.count > 1 ? "s" : "") "
                    + "session\(alternatives.count > 1 ? "s" : "") possible\(alternatives.count > 1 ? "s" : "")",
                "\(chosenLabel), \(distance); \(alternatives.count) other possible session\(alternatives.count > 1 ? "s" : "")"
            )
        return AssignmentExplanation(assignment: assignment, summary: summary, alternatives: alternatives)
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
        option: Int, session: Int, agent: Int, chosen: Int, chosenKilometres: Double?, chosenCost: Double?,
        language: Language
    ) -> String {
        guard state.isOpen[session] else {
            let eligible = instance.sessionOptions[session].count
            let minimum = instance.minimumSeats[session]
            return eligible < minimum
                ? language.pick(
                    "non ouverte : \(eligible) agents admissibles pour un minimum de \(minimum)",
                    "not opened: \(eligible) eligible agents for a minimum of \(minimum)")
                : language.pick(
                    "non ouverte : regrouper les agents ailleurs coûte moins que son coût fixe de "
                        + UnmetReason.euros(instance.fixedCost[session], language),
                    "not opened: grouping the agents elsewhere costs less than its fixed cost of "
                        + UnmetReason.euros(instance.fixedCost[session], language))
        }
        if state.load(session) >= instance.maximumSeats[session] && !state.isActive[option] {
            return language.pick(
                "complète (\(instance.maximumSeats[session]) places)", "full (\(instance.maximumSeats[session]) seats)")
        }
        for other in state.agentActive[agent].map({ Int(instance.optionSession[Int($0)]) })
        where other != chosen && other != session {
            if let clash = TimeClash(problem.sessions[session], problem.sessions[other]) {
                return clash.explanation(in: language)
            }
        }
        let kilometres = oneWayKilometres(option)
        let cost = instance.optionCost(option)
        if let chosenKilometres, kilometres > chosenKilometres + 0.05 {
            return language.pick(
                "plus loin : \(language.decimal(kilometres, fractionDigits: 1)) km contre "
                    + "\(language.decimal(chosenKilometres, fractionDigits: 1)) km",
                "further: \(language.decimal(kilometres, fractionDigits: 1)) km against "
                    + "\(language.decimal(chosenKilometres, fractionDigits: 1)) km")
        }
        if let chosenCost, cost > chosenCost + 0.005 {
            return language.pick(
                "plus coûteuse : \(UnmetReason.euros(cost, language)) (place et trajet) contre "
                    + UnmetReason.euros(chosenCost, language),
                "costlier: \(UnmetReason.euros(cost, language)) (seat and trip) against "
                    + UnmetReason.euros(chosenCost, language))
        }
        return language.pick(
            "possible aussi ; ce choix remplit mieux les sessions ouvertes (objectif du plan)",
            "also possible; this choice fills the open sessions better (the plan's objective)")
    }
}

/// An unmet need in plain language.
public struct UnmetNeedExplanation: Hashable, Sendable {
    public let need: Need
    public let communeCode: String?
    /// One sentence: the reason closest to being lifted, or what the sessions at the agent's level share.
    public let summary: String
    /// One line per session teaching the competence, or the single plan-wide reason.
    public let details: [String]
    public let nearestChange: NearestChange?
    /// The nearest change in plain language, when there is one.
    public let nearestChangeText: String?
    /// The stable names of the constraints involved (``EligibilityConstraint`` and ``PlanConstraint`` raw values).
    public let constraintNames: [String]
}

/// Why an assignment's session, in plain language.
public struct AssignmentExplanation: Hashable, Sendable {
    public let assignment: PlanAssignment
    /// The session chosen, its distance, and how many others were possible.
    public let summary: String
    /// One line per other session the agent could attend for the need: why not that one.
    public let alternatives: [String]
}
