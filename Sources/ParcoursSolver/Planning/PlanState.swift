import ParcoursModel

/// A commune's seats in a session.
struct CommuneSeats: Sendable {
    var commune: Int
    var seats: Int
}

/// A plan under construction: open sessions, active options (an agent attending a session), which option
/// covers each need, and the running terms of the objective and of each commune's spending. Every
/// mutation keeps these consistent; copying the state (copy-on-write arrays) is how a search move is
/// undone.
struct PlanState: Sendable {
    let instance: PlanningInstance
    private(set) var isOpen: [Bool]
    private(set) var members: [[Int32]]
    private(set) var isActive: [Bool]
    private(set) var agentActive: [[Int32]]
    private(set) var usedHours: [Double]
    /// The option covering each need, -1 when uncovered.
    private(set) var needCover: [Int32]
    private(set) var communeCovered: [Double]
    /// Each commune's session-cost shares plus its agents' travel.
    private(set) var communeSpent: [Double]
    private(set) var sessionSeats: [[CommuneSeats]]
    /// Options and sessions that hold a pinned assignment: never removed or closed.
    private(set) var isPinnedOption: [Bool]
    private(set) var isPinnedSession: [Bool]
    private(set) var value = 0.0
    private(set) var fairness = 0.0
    private(set) var fixedCosts = 0.0
    private(set) var variableCosts = 0.0

    static let epsilon = 1e-9

    init(instance: PlanningInstance) {
        self.instance = instance
        isOpen = Array(repeating: false, count: instance.sessionCount)
        members = Array(repeating: [], count: instance.sessionCount)
        isActive = Array(repeating: false, count: instance.optionCount)
        agentActive = Array(repeating: [], count: instance.agentCount)
        usedHours = Array(repeating: 0, count: instance.agentCount)
        needCover = Array(repeating: -1, count: instance.needCount)
        communeCovered = Array(repeating: 0, count: instance.communeCodes.count)
        communeSpent = Array(repeating: 0, count: instance.communeCodes.count)
        sessionSeats = Array(repeating: [], count: instance.sessionCount)
        isPinnedOption = Array(repeating: false, count: instance.optionCount)
        isPinnedSession = Array(repeating: false, count: instance.sessionCount)
    }

    /// The objective: value (change penalties avoided included) + fairness bonus − costs − the penalty of
    /// changing every previous assignment.
    var objective: Double {
        value + fairness - fixedCosts - variableCosts - instance.policy.changePenalty * Double(instance.previousCount)
    }

    func load(_ session: Int) -> Int { members[session].count }

    @inline(__always) func needRange(_ option: Int) -> Range<Int> {
        Int(instance.optionNeedStart[option])..<Int(instance.optionNeedStart[option + 1])
    }

    /// The change of the fairness bonus when a commune's covered weight changes by `delta` (after a first
    /// change by `extra`).
    @inline(__always) func fairnessDelta(commune: Int, delta: Double, after extra: Double = 0) -> Double {
        let bonus = instance.policy.fairness.bonusPerWeight
        guard bonus > 0 else { return 0 }
        let floor = instance.fairnessFloor[commune]
        let covered = communeCovered[commune] + extra
        return bonus * (min(floor, covered + delta) - min(floor, covered))
    }

    /// What activating an option adds to the objective (its needs not yet covered, minus its seat and trip),
    /// whether or not it is feasible.
    func gain(_ option: Int) -> Double {
        let parts = gainParts(option)
        return parts.base
            + fairnessDelta(commune: instance.agentCommune[Int(instance.optionAgent[option])], delta: parts.weight)
    }

    /// The gain without the fairness bonus, and the need weight the option would newly cover. An option
    /// covering no new need gains what taking over a need (``takeoverNeed(_:)``) changes, minus its cost.
    func gainParts(_ option: Int) -> (base: Double, weight: Double) {
        var gained = 0.0
        var weight = 0.0
        for k in needRange(option) where needCover[Int(instance.optionNeeds[k])] < 0 {
            gained += instance.optionNeedValue[k]
            weight += instance.needWeight[Int(instance.optionNeeds[k])]
        }
        if weight == 0, let k = takeoverNeed(option) {
            gained = instance.optionNeedValue[k] - coverValue(of: Int(instance.optionNeeds[k]))
        }
        return (gained - instance.optionCost(option), weight)
    }

    /// What deactivating an active option takes from the objective, without deactivating it: the values of
    /// the needs it covers, less what the agent's other sessions that teach them would cover them for
    /// (as ``deactivate(_:)`` hands them over), and the fairness bonus of the weight left uncovered, minus
    /// its seat and trip.
    func loss(ofDeactivating option: Int) -> Double {
        let agent = Int(instance.optionAgent[option])
        var lost = -instance.optionCost(option)
        var uncoveredWeight = 0.0
        for k in needRange(option) where needCover[Int(instance.optionNeeds[k])] == Int32(option) {
            let need = instance.optionNeeds[k]
            var replacement: Double?
            for other in agentActive[agent] where Int(other) != option {
                for j in needRange(Int(other)) where instance.optionNeeds[j] == need {
                    replacement = max(replacement ?? -.infinity, instance.optionNeedValue[j])
                }
            }
            if let replacement {
                lost += instance.optionNeedValue[k] - replacement
            } else {
                lost += instance.optionNeedValue[k]
                uncoveredWeight += instance.needWeight[Int(need)]
            }
        }
        return lost - fairnessDelta(commune: instance.agentCommune[agent], delta: -uncoveredWeight)
    }

    /// What activating the option adds to the objective when it covers at least one need not covered yet
    /// (``coversNewNeed(_:)`` and then ``gain(_:)`` in one pass over its needs); nil when it covers none.
    func gainCoveringNewNeed(_ option: Int) -> Double? {
        var gained = 0.0
        var weight = 0.0
        for k in needRange(option) where needCover[Int(instance.optionNeeds[k])] < 0 {
            gained += instance.optionNeedValue[k]
            weight += instance.needWeight[Int(instance.optionNeeds[k])]
        }
        guard weight > 0 else { return nil }
        return gained - instance.optionCost(option)
            + fairnessDelta(commune: instance.agentCommune[Int(instance.optionAgent[option])], delta: weight)
    }

    /// Whether activating the option would cover at least one need not covered yet (attending for nothing
    /// is never planned).
    func coversNewNeed(_ option: Int) -> Bool {
        needRange(option).contains { needCover[Int(instance.optionNeeds[$0])] < 0 }
    }

    /// Whether activating the option gives the agent a need to attend for: a need not covered yet, or one
    /// taken over from another of their sessions. An agent whose needs are all covered may still fill a
    /// seat a session needs to reach its minimum, attending it for one of those needs.
    func hasNeedToCover(_ option: Int) -> Bool {
        coversNewNeed(option) || takeoverNeed(option) != nil
    }

    /// A need of the option (its index in the option's needs) that another attended session covers along
    /// with other needs, so that both attendances keep a need of their own if this one takes it over.
    func takeoverNeed(_ option: Int) -> Int? {
        needRange(option).first { k in
            let cover = Int(needCover[Int(instance.optionNeeds[k])])
            return cover >= 0 && cover != option && coveredCount(cover) >= 2
        }
    }

    /// The number of needs the option covers.
    private func coveredCount(_ option: Int) -> Int {
        needRange(option).count { needCover[Int(instance.optionNeeds[$0])] == Int32(option) }
    }

    /// The value the need's covering option gets from it.
    private func coverValue(of need: Int) -> Double {
        let cover = Int(needCover[need])
        return instance.optionNeedValue[needRange(cover).first { instance.optionNeeds[$0] == Int32(need) }!]
    }

    /// Whether the agent attends no session clashing with (or equal to) `session`.
    func isFree(agent: Int, for session: Int) -> Bool {
        for other in agentActive[agent] {
            let attended = Int(instance.optionSession[Int(other)])
            if attended == session || instance.clash(session, attended) { return false }
        }
        return true
    }

    func fitsAllowance(agent: Int, session: Int) -> Bool {
        usedHours[agent] + instance.sessionHours[session] <= instance.allowance[agent] + 1e-7
    }

    /// The extra amount the agent's commune would pay if the option were activated: its new share of the
    /// session minus its current one, plus the trip. (Other communes' shares can only fall.)
    func additionalSpending(_ option: Int) -> Double {
        let session = Int(instance.optionSession[option])
        let commune = instance.agentCommune[Int(instance.optionAgent[option])]
        var seats = sessionSeats[session]
        let before = share(of: commune, in: session, seats: seats)
        if let index = seats.firstIndex(where: { $0.commune == commune }) {
            seats[index].seats += 1
        } else {
            seats.append(CommuneSeats(commune: commune, seats: 1))
        }
        return share(of: commune, in: session, seats: seats) - before + instance.optionTravelCost[option]
    }

    func fitsBudget(_ option: Int) -> Bool {
        let commune = instance.agentCommune[Int(instance.optionAgent[option])]
        let budget = instance.communeBudget[commune]
        return budget == .infinity || communeSpent[commune] + additionalSpending(option) <= budget + 1e-6
    }

    /// Whether the option can be activated now: its session open with a free seat, the agent free at
    /// that time, within their allowance and their commune's budget.
    func canActivate(_ option: Int) -> Bool {
        canSeat(option) && fitsBudget(option)
    }

    /// Whether the option's session is open with a free seat and the agent is free at that time and within
    /// their allowance; budgets are not checked (a group's cost shares depend on all its members).
    func canSeat(_ option: Int) -> Bool {
        let session = Int(instance.optionSession[option])
        let agent = Int(instance.optionAgent[option])
        return isOpen[session] && !isActive[option] && members[session].count < instance.maximumSeats[session]
            && isFree(agent: agent, for: session) && fitsAllowance(agent: agent, session: session)
    }

    /// A commune's share of a session's cost given the seats of every commune, by the policy's rule.
    func share(of commune: Int, in session: Int, seats: [CommuneSeats]) -> Double {
        guard let own = seats.first(where: { $0.commune == commune }), own.seats > 0 else { return 0 }
        return Self.share(
            seats: own.seats, totalSeats: seats.reduce(0) { $0 + $1.seats }, communes: seats.count,
            fixedCost: instance.fixedCost[session], seatCost: instance.seatCost[session],
            rule: instance.policy.costSplit)
    }

    /// A commune's share of a session's cost: pro rata of seats, or an equal part of the fixed cost plus
    /// its seats.
    static func share(
        seats: Int, totalSeats: Int, communes: Int, fixedCost: Double, seatCost: Double, rule: CostSplitRule
    ) -> Double {
        switch rule {
        case .proRataSeats: (fixedCost + seatCost * Double(totalSeats)) * Double(seats) / Double(totalSeats)
        case .equalFixedShares: fixedCost / Double(communes) + seatCost * Double(seats)
        }
    }

    // MARK: Mutations

    mutating func open(_ session: Int) {
        precondition(!isOpen[session])
        isOpen[session] = true
        fixedCosts += instance.fixedCost[session]
    }

    mutating func close(_ session: Int) {
        precondition(isOpen[session] && members[session].isEmpty)
        isOpen[session] = false
        fixedCosts -= instance.fixedCost[session]
    }

    /// Attends the option's session (capacity, clash, allowance and budget are the caller's to check) and
    /// covers its needs that no other attended session covers, or else takes over ``takeoverNeed(_:)``.
    mutating func activate(_ option: Int) {
        let session = Int(instance.optionSession[option])
        let agent = Int(instance.optionAgent[option])
        let commune = instance.agentCommune[agent]
        isActive[option] = true
        members[session].append(Int32(option))
        agentActive[agent].append(Int32(option))
        usedHours[agent] += instance.sessionHours[session]
        variableCosts += instance.optionCost(option)
        changeSeats(session: session, commune: commune, by: 1)
        communeSpent[commune] += instance.optionTravelCost[option]
        let takeover = coversNewNeed(option) ? nil : takeoverNeed(option)
        for k in needRange(option) where needCover[Int(instance.optionNeeds[k])] < 0 {
            cover(need: Int(instance.optionNeeds[k]), by: option, value: instance.optionNeedValue[k], commune: commune)
        }
        if let k = takeover {
            let need = Int(instance.optionNeeds[k])
            value += instance.optionNeedValue[k] - coverValue(of: need)
            needCover[need] = Int32(option)
        }
    }

    /// Leaves the option's session; its needs go to another attended session that teaches them, if any.
    mutating func deactivate(_ option: Int) {
        let session = Int(instance.optionSession[option])
        let agent = Int(instance.optionAgent[option])
        let commune = instance.agentCommune[agent]
        isActive[option] = false
        members[session].remove(at: members[session].firstIndex(of: Int32(option))!)
        agentActive[agent].remove(at: agentActive[agent].firstIndex(of: Int32(option))!)
        usedHours[agent] -= instance.sessionHours[session]
        variableCosts -= instance.optionCost(option)
        changeSeats(session: session, commune: commune, by: -1)
        communeSpent[commune] -= instance.optionTravelCost[option]
        for k in needRange(option) where needCover[Int(instance.optionNeeds[k])] == Int32(option) {
            let need = Int(instance.optionNeeds[k])
            needCover[need] = -1
            value -= instance.optionNeedValue[k]
            let weight = instance.needWeight[need]
            fairness += fairnessDelta(commune: commune, delta: -weight)
            communeCovered[commune] -= weight
            recover(need: need, agent: agent, commune: commune)
        }
    }

    /// Marks an active option and its session as holding a pinned assignment.
    mutating func pin(_ option: Int) {
        isPinnedOption[option] = true
        isPinnedSession[Int(instance.optionSession[option])] = true
    }

    /// Releases the pins of a session (when it cannot reach its minimum).
    mutating func unpin(session: Int) {
        isPinnedSession[session] = false
        for option in members[session] { isPinnedOption[Int(option)] = false }
    }

    /// Leaves every participant out of a session and closes it.
    mutating func empty(_ session: Int) {
        while let option = members[session].last { deactivate(Int(option)) }
        close(session)
    }

    private mutating func cover(need: Int, by option: Int, value needValue: Double, commune: Int) {
        needCover[need] = Int32(option)
        value += needValue
        let weight = instance.needWeight[need]
        fairness += fairnessDelta(commune: commune, delta: weight)
        communeCovered[commune] += weight
    }

    /// Covers a need left uncovered through the best other attended session that teaches it.
    private mutating func recover(need: Int, agent: Int, commune: Int) {
        var best: (option: Int, value: Double)?
        for other in agentActive[agent] {
            for k in needRange(Int(other)) where instance.optionNeeds[k] == Int32(need) {
                if best == nil || instance.optionNeedValue[k] > best!.value {
                    best = (Int(other), instance.optionNeedValue[k])
                }
            }
        }
        if let best { cover(need: need, by: best.option, value: best.value, commune: commune) }
    }

    /// Moves a commune's seat count in a session and re-spreads the session's cost over its communes.
    private mutating func changeSeats(session: Int, commune: Int, by delta: Int) {
        var seats = sessionSeats[session]
        for entry in seats { communeSpent[entry.commune] -= share(of: entry.commune, in: session, seats: seats) }
        if let index = seats.firstIndex(where: { $0.commune == commune }) {
            seats[index].seats += delta
            if seats[index].seats == 0 { seats.remove(at: index) }
        } else {
            seats.append(CommuneSeats(commune: commune, seats: delta))
        }
        for entry in seats { communeSpent[entry.commune] += share(of: entry.commune, in: session, seats: seats) }
        sessionSeats[session] = seats
    }
}
