import ParcoursModel

/// The primal side of the planner: pins, a construction guided by a Lagrangian relaxation, local moves,
/// and a large-neighbourhood search that empties a few related sessions and repairs them greedily,
/// keeping the result only when the objective does not fall.
struct PlanSearch {
    var state: PlanState
    /// Pins that could not be kept: the need and the session they named.
    private(set) var releasedPins: [(need: Int, session: Int, assignment: PreviousAssignment)] = []
    private var random: SplitMix64
    /// The large-neighbourhood search's neighbourhoods (``PlanningInstance/neighbourLists()``), once needed.
    private var neighbours: [[Int]] = []

    var instance: PlanningInstance { state.instance }

    init(instance: PlanningInstance, seed: UInt64) {
        state = PlanState(instance: instance)
        random = SplitMix64(seed: seed)
    }

    // MARK: Pins

    /// Opens the sessions of pinned assignments with their pinned participants, fills each to its minimum
    /// with the best other candidates, and releases the pins of sessions that cannot reach it.
    mutating func applyPins() {
        for pin in instance.pins {
            let agent = instance.needAgent[pin.need]
            guard agent >= 0, instance.needInPlan[pin.need],
                let option = instance.agentOptions[agent].first(where: {
                    Int(instance.optionSession[Int($0)]) == pin.session
                        && state.needRange(Int($0)).contains { instance.optionNeeds[$0] == Int32(pin.need) }
                })
            else {
                releasedPins.append(pin)
                continue
            }
            let session = pin.session
            if !state.isOpen[session] { state.open(session) }
            if !state.isActive[Int(option)] {
                let agentIndex = Int(instance.optionAgent[Int(option)])
                guard state.load(session) < instance.maximumSeats[session],
                    state.isFree(agent: agentIndex, for: session),
                    state.fitsAllowance(agent: agentIndex, session: session)
                else {
                    releasedPins.append(pin)
                    continue
                }
                state.activate(Int(option))
            }
            state.pin(Int(option))
        }
        for session in 0..<instance.sessionCount where state.isOpen[session] {
            fillToMinimum(session)
            if state.load(session) < instance.minimumSeats[session] {
                releasedPins += instance.pins.filter {
                    $0.session == session && !releasedPins.map(\.need).contains($0.need)
                }
                state.unpin(session: session)
                state.empty(session)
            }
        }
    }

    /// Adds the best available candidates to an open session until it reaches its minimum.
    private mutating func fillToMinimum(_ session: Int) {
        while state.load(session) < instance.minimumSeats[session] {
            let best = instance.sessionOptions[session].map(Int.init).filter {
                state.canActivate($0) && state.hasNeedToCover($0)
            }
            .max { (state.gain($0), $1) < (state.gain($1), $0) }
            guard let best else { return }
            state.activate(best)
        }
    }

    // MARK: Construction

    /// Builds a plan from the current state as a Lagrangian relaxation suggests (a Lagrangian
    /// heuristic): the sessions the relaxation opens, by decreasing relaxed value, each with the candidates
    /// of best reduced profit that can still join (the prices leave contested agents to the sessions that
    /// value them most), opened when the group reaches the minimum and pays at the plan's true values; then
    /// every agent takes free seats that pay. The planner polishes the best such plan with ``prune(until:)``.
    mutating func construct(guidedBy bound: PlanBound) {
        var openings: [(value: Double, session: Int)] = []
        var chosen: [(profit: Double, position: Int32)] = []
        for session in 0..<instance.sessionCount where !state.isOpen[session] {
            if let value = bound.select(session, into: &chosen) { openings.append((value, session)) }
        }
        openings.sort { ($0.value, $1.session) > ($1.value, $0.session) }
        var candidates: [(profit: Double, option: Int)] = []
        var group: [Int] = []
        for (_, session) in openings {
            let minimum = instance.minimumSeats[session]
            let maximum = instance.maximumSeats[session]
            // Every option by decreasing reduced profit; whether one can join is checked only as the group
            // reaches it (the state's checks are the costly part, and a group is a few of many options).
            candidates.removeAll(keepingCapacity: true)
            for (offset, option) in instance.sessionOptions[session].enumerated() {
                candidates.append((bound.profit(session: session, offset: offset), Int(option)))
            }
            candidates.sort { ($0.profit, $1.option) > ($1.profit, $0.option) }
            group.removeAll(keepingCapacity: true)
            var net = -instance.fixedCost[session]
            for candidate in candidates {
                guard group.count < maximum, candidate.profit > 0 || group.count < minimum else { break }
                let agent = agentOf(candidate.option)
                guard state.isFree(agent: agent, for: session), state.fitsAllowance(agent: agent, session: session),
                    let gain = state.gainCoveringNewNeed(candidate.option), gain > PlanState.epsilon
                else { continue }
                group.append(candidate.option)
                net += gain
            }
            guard group.count >= minimum, net > PlanState.epsilon,
                overBudgetCommune(session: session, group: group) == nil
            else { continue }
            state.open(session)
            for option in group { state.activate(option) }
        }
        fill(agents: Array(0..<instance.agentCount))
    }

    /// The best group to open a closed session with, and its net value (participants' gains − fixed
    /// cost); nil when the minimum cannot be reached within the constraints.
    func bestOpening(_ session: Int) -> (net: Double, group: [Int])? {
        guard !state.isOpen[session] else { return nil }
        let minimum = instance.minimumSeats[session]
        let maximum = instance.maximumSeats[session]
        guard instance.sessionOptions[session].count >= minimum, maximum >= minimum else { return nil }
        var candidates: [Candidate] = []
        for option in instance.sessionOptions[session].map(Int.init) {
            let agent = agentOf(option)
            guard state.isFree(agent: agent, for: session), state.fitsAllowance(agent: agent, session: session),
                state.hasNeedToCover(option)
            else { continue }
            let parts = state.gainParts(option)
            let gain =
                parts.base + state.fairnessDelta(commune: instance.agentCommune[agent], delta: parts.weight)
            candidates.append(Candidate(gain: gain, option: option, base: parts.base, weight: parts.weight))
        }
        guard candidates.count >= minimum else { return nil }
        candidates.sort { ($0.gain, $1.option) > ($1.gain, $0.option) }
        if instance.policy.fairness.bonusPerWeight > 0 {
            candidates = fairnessOrdered(candidates, count: maximum)
        }
        var group: [Candidate] = []
        var next = 0
        while next < candidates.count, group.count < maximum,
            candidates[next].gain > PlanState.epsilon || group.count < minimum
        {
            group.append(candidates[next])
            next += 1
        }
        // Budgets: leave out the weakest member of a commune over budget, bring in the next candidate.
        while let commune = overBudgetCommune(session: session, group: group.map(\.option)) {
            guard let weakest = group.lastIndex(where: { instance.agentCommune[agentOf($0.option)] == commune }) else {
                return nil
            }
            group.remove(at: weakest)
            while group.count < minimum {
                guard next < candidates.count else { return nil }
                if instance.agentCommune[agentOf(candidates[next].option)] != commune { group.append(candidates[next]) }
                next += 1
            }
        }
        guard group.count >= minimum else { return nil }
        return (group.reduce(0) { $0 + $1.gain } - instance.fixedCost[session], group.map(\.option))
    }

    private func agentOf(_ option: Int) -> Int { Int(instance.optionAgent[option]) }

    /// A candidate member of a session to open: its gain, and the parts of it (``PlanState/gainParts(_:)``).
    private struct Candidate {
        var gain: Double
        let option: Int
        let base: Double
        let weight: Double
    }

    /// The first `count` candidates re-ranked one by one with the fairness bonus each would still earn
    /// after those chosen before it (agents of one commune share its floor), then the rest unchanged.
    private func fairnessOrdered(_ candidates: [Candidate], count: Int) -> [Candidate] {
        var rest = candidates
        var chosen: [Candidate] = []
        var extra: [Int: Double] = [:]
        while chosen.count < count, !rest.isEmpty {
            var best = 0
            var bestGain = -Double.infinity
            for (index, candidate) in rest.enumerated() {
                let commune = instance.agentCommune[agentOf(candidate.option)]
                let gain =
                    candidate.base
                    + state.fairnessDelta(commune: commune, delta: candidate.weight, after: extra[commune, default: 0])
                if gain > bestGain {
                    bestGain = gain
                    best = index
                }
            }
            var picked = rest.remove(at: best)
            extra[instance.agentCommune[agentOf(picked.option)], default: 0] += picked.weight
            picked.gain = bestGain
            chosen.append(picked)
        }
        return chosen + rest
    }

    /// A commune whose budget the group would exceed if the session opened with it, if any.
    private func overBudgetCommune(session: Int, group: [Int]) -> Int? {
        guard instance.hasBudgets else { return nil }
        var seats: [CommuneSeats] = []
        var travel: [Int: Double] = [:]
        for option in group {
            let commune = instance.agentCommune[agentOf(option)]
            if let index = seats.firstIndex(where: { $0.commune == commune }) {
                seats[index].seats += 1
            } else {
                seats.append(CommuneSeats(commune: commune, seats: 1))
            }
            travel[commune, default: 0] += instance.optionTravelCost[option]
        }
        for entry in seats where instance.communeBudget[entry.commune] < .infinity {
            let spending =
                state.communeSpent[entry.commune] + state.share(of: entry.commune, in: session, seats: seats)
                + travel[entry.commune, default: 0]
            if spending > instance.communeBudget[entry.commune] + 1e-6 { return entry.commune }
        }
        return nil
    }

    /// Opens sessions among `sessions` while one has a positive net value, best first. Values only fall
    /// as needs get covered, so a stale value is an upper estimate: the top one is re-evaluated and
    /// opened when it stays on top (lazy greedy). `noise` perturbs the values (a factor drawn once per
    /// session) to diversify the search.
    mutating func openGreedily(among sessions: [Int], noise: Double) {
        var pool = sessions.filter {
            !state.isOpen[$0] && instance.sessionOptions[$0].count >= instance.minimumSeats[$0]
        }
        var factor: [Double] = pool.map { _ in noise == 0 ? 1 : 1 + noise * (random.unit() - 0.5) }
        var estimate = [Double](repeating: .infinity, count: pool.count)
        while !pool.isEmpty {
            var top = 0
            for index in pool.indices where (estimate[index], pool[top]) > (estimate[top], pool[index]) { top = index }
            guard estimate[top] > PlanState.epsilon else { return }
            let session = pool[top]
            guard let opening = bestOpening(session), opening.net > PlanState.epsilon else {
                pool.remove(at: top)
                factor.remove(at: top)
                estimate.remove(at: top)
                continue
            }
            let value = opening.net * factor[top]
            let others = pool.indices.lazy.filter { $0 != top }.map { estimate[$0] }.max() ?? -.infinity
            if value >= others {
                state.open(session)
                for option in opening.group { state.activate(option) }
                pool.remove(at: top)
                factor.remove(at: top)
                estimate.remove(at: top)
            } else {
                estimate[top] = value
            }
        }
    }

    /// Gives the agents free seats of open sessions wherever it adds to the objective, best gains first.
    mutating func fill(agents: [Int]) {
        var candidates: [(gain: Double, option: Int)] = []
        for agent in agents {
            for option in instance.agentOptions[agent] where state.canActivate(Int(option)) {
                let gain = state.gain(Int(option))
                if gain > PlanState.epsilon { candidates.append((gain, Int(option))) }
            }
        }
        candidates.sort { ($0.gain, $1.option) > ($1.gain, $0.option) }
        for candidate in candidates
        where state.canActivate(candidate.option) && state.gain(candidate.option) > PlanState.epsilon {
            state.activate(candidate.option)
        }
    }

    /// Local moves until none pays or `shouldStop` says so (checked between sessions and passes; every move
    /// keeps the plan feasible): close a session whose agents are better off elsewhere or at home, move an
    /// agent to another open session, drop an attendance that costs more than it brings.
    mutating func prune(until shouldStop: () -> Bool = { false }) {
        for session in 0..<instance.sessionCount
        where state.isOpen[session] && !state.isPinnedSession[session] && mayGainByClosing(session) {
            if shouldStop() { return }
            let before = state
            state.empty(session)
            fill(agents: before.members[session].map { Int(instance.optionAgent[Int($0)]) })
            if state.objective <= before.objective + PlanState.epsilon { state = before }
        }
        var improved = true
        var rounds = 0
        while improved && rounds < 10 && !shouldStop() {
            improved = relocateAndDrop()
            rounds += 1
        }
    }

    /// Whether closing the session, its members then taking free seats elsewhere, could raise the
    /// objective: whether its fixed cost plus what the members could at most gain in other open sessions
    /// with a free seat (every need of those options counted as new) exceeds what the members lose by
    /// leaving. Each member's loss is counted alone; together they lose at least that much (members are
    /// different agents, and the fairness bonus is concave). Skipping the others saves copying the state.
    private func mayGainByClosing(_ session: Int) -> Bool {
        let bonus = max(0, instance.policy.fairness.bonusPerWeight)
        var balance = instance.fixedCost[session]
        for option in state.members[session].map(Int.init) {
            balance -= state.loss(ofDeactivating: option)
            for other in instance.agentOptions[agentOf(option)].map(Int.init) {
                let elsewhere = Int(instance.optionSession[other])
                guard elsewhere != session, state.isOpen[elsewhere], !state.isActive[other],
                    state.load(elsewhere) < instance.maximumSeats[elsewhere]
                else { continue }
                var gain = -instance.optionCost(other)
                for k in state.needRange(other) {
                    gain += instance.optionNeedValue[k] + bonus * instance.needWeight[Int(instance.optionNeeds[k])]
                }
                balance += max(0, gain)
            }
        }
        return balance > PlanState.epsilon
    }

    /// One pass of moves and drops over every attendance, each undone unless the objective rises and the
    /// budgets hold. Returns whether anything changed.
    private mutating func relocateAndDrop() -> Bool {
        var changed = false
        for session in 0..<instance.sessionCount where state.isOpen[session] {
            for option in state.members[session].map(Int.init) where !state.isPinnedOption[option] {
                guard state.load(session) > instance.minimumSeats[session] else { break }
                let agent = agentOf(option)
                let before = state.objective
                state.deactivate(option)
                if state.objective > before + PlanState.epsilon && withinBudgets() {
                    changed = true
                    continue
                }
                var moved = false
                for other in instance.agentOptions[agent].map(Int.init) where other != option {
                    guard state.canActivate(other), state.coversNewNeed(other) else { continue }
                    state.activate(other)
                    if state.objective > before + PlanState.epsilon && withinBudgets() {
                        moved = true
                        break
                    }
                    state.deactivate(other)
                }
                if moved {
                    changed = true
                } else {
                    state.activate(option)
                }
            }
        }
        for session in 0..<instance.sessionCount
        where state.isOpen[session] && state.load(session) == instance.maximumSeats[session] {
            while swapIntoFullSession(session) { changed = true }
        }
        return changed
    }

    /// Replaces a participant of a full session by a waiting agent when the objective rises: waiting
    /// agents by decreasing gain, against participants by increasing loss.
    private mutating func swapIntoFullSession(_ session: Int) -> Bool {
        var losses: [(loss: Double, option: Int)] = []
        for option in state.members[session].map(Int.init) where !state.isPinnedOption[option] {
            losses.append((state.loss(ofDeactivating: option), option))
        }
        guard let smallestLoss = losses.map(\.loss).min() else { return false }
        // Only agents who would gain more than the cheapest member loses can take a seat.
        var waiting: [(gain: Double, option: Int)] = []
        for option in instance.sessionOptions[session].map(Int.init) where !state.isActive[option] {
            guard let gain = state.gainCoveringNewNeed(option) else { continue }
            let agent = agentOf(option)
            guard gain > smallestLoss + PlanState.epsilon, state.isFree(agent: agent, for: session),
                state.fitsAllowance(agent: agent, session: session)
            else { continue }
            waiting.append((gain, option))
        }
        guard !waiting.isEmpty else { return false }
        waiting.sort { ($0.gain, $1.option) > ($1.gain, $0.option) }
        losses.sort { ($0.loss, $0.option) < ($1.loss, $1.option) }
        for candidate in waiting {
            for member in losses where candidate.gain > member.loss + PlanState.epsilon {
                let before = state.objective
                state.deactivate(member.option)
                if state.canActivate(candidate.option) {
                    state.activate(candidate.option)
                    if state.objective > before + PlanState.epsilon && withinBudgets() { return true }
                    state.deactivate(candidate.option)
                }
                state.activate(member.option)
            }
        }
        return false
    }

    /// Re-deals the seats of the open sessions among `sessions` by an exact assignment: every agent with
    /// at most one of these sessions (and no pin there) leaves it, then each such agent, and each agent
    /// who would gain from one of them, gets at most one of them as an ``AssignmentFlow`` decides
    /// (minimums first, then the most profit). A session left below its minimum is closed and its agents
    /// seated elsewhere if they gain from it.
    mutating func reassign(among sessions: [Int]) {
        let open = sessions.filter { state.isOpen[$0] }
        guard !open.isEmpty else { return }
        let local = Dictionary(open.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var movable: [Int] = []
        var seen = Set<Int>()
        for session in open {
            for option in state.members[session].map(Int.init) where !state.isPinnedOption[option] {
                let agent = agentOf(option)
                let inNeighbourhood = state.agentActive[agent].count {
                    local[Int(instance.optionSession[Int($0)])] != nil
                }
                if inNeighbourhood == 1, seen.insert(agent).inserted { movable.append(agent) }
            }
        }
        for agent in movable {
            for option in state.agentActive[agent].map(Int.init) where local[Int(instance.optionSession[option])] != nil
            {
                state.deactivate(option)
            }
        }
        for session in open {
            for option in instance.sessionOptions[session].map(Int.init) where !state.isActive[option] {
                let agent = agentOf(option)
                guard !seen.contains(agent), state.gain(option) > PlanState.epsilon,
                    !state.agentActive[agent].contains(where: { local[Int(instance.optionSession[Int($0)])] != nil })
                else { continue }
                seen.insert(agent)
                movable.append(agent)
            }
        }
        var flow = AssignmentFlow(
            lower: open.map { max(0, instance.minimumSeats[$0] - state.load($0)) },
            upper: open.map { instance.maximumSeats[$0] - state.load($0) })
        var agentChoices: [[Int]] = []
        for agent in movable {
            var choices: [(session: Int, profit: Double)] = []
            var options: [Int] = []
            for option in instance.agentOptions[agent].map(Int.init) {
                let session = Int(instance.optionSession[option])
                guard let index = local[session], state.isFree(agent: agent, for: session),
                    state.fitsAllowance(agent: agent, session: session), state.hasNeedToCover(option)
                else { continue }
                choices.append((index, state.gain(option)))
                options.append(option)
            }
            flow.addAgent(choices: choices)
            agentChoices.append(options)
        }
        // Seated as dealt before budgets are checked: a commune's share of a session depends on every
        // member, so the first member seated alone would seem to pay the whole fixed cost.
        var seated: [(profit: Double, option: Int)] = []
        for (position, session) in flow.solve().enumerated() {
            guard let session,
                let option = agentChoices[position].first(where: { Int(instance.optionSession[$0]) == open[session] }),
                state.canSeat(option)
            else { continue }
            seated.append((state.gain(option), option))
            state.activate(option)
        }
        if leaveOverBudgetCommunes(seated) { fill(agents: movable) }
        var unseated: [Int] = []
        for session in open
        where state.load(session) < instance.minimumSeats[session] && !state.isPinnedSession[session] {
            unseated += state.members[session].map { agentOf(Int($0)) }
            state.empty(session)
        }
        fill(agents: movable + unseated)
    }

    /// Tries every choice of which sessions of `core` are open (pinned ones stay open), each re-dealt by
    /// ``reassign(among:)`` with the agents of the sessions it closes seated elsewhere when they gain, and
    /// keeps the best within budgets. Sessions that only open together, splitting agents between them, are
    /// found this way where opening one at a time cannot.
    mutating func chooseOpenings(among core: [Int]) {
        let start = state
        var best = state
        for pattern in 0..<(1 << core.count) {
            state = start
            var freed: [Int] = []
            var possible = true
            for (bit, session) in core.enumerated() {
                let wanted = pattern & (1 << bit) != 0
                if state.isOpen[session] && !wanted {
                    guard !state.isPinnedSession[session] else {
                        possible = false
                        break
                    }
                    freed += state.members[session].map { agentOf(Int($0)) }
                    state.empty(session)
                } else if !state.isOpen[session] && wanted {
                    guard instance.sessionOptions[session].count >= instance.minimumSeats[session] else {
                        possible = false
                        break
                    }
                    state.open(session)
                }
            }
            guard possible else { continue }
            reassign(among: core)
            fill(agents: freed)
            if withinBudgets(), state.objective > best.objective + PlanState.epsilon { best = state }
        }
        state = best
    }

    /// Takes out, least profitable first, the seats just dealt to agents of communes over budget until
    /// their spending fits (or none of theirs is left). Returns whether it took any out.
    private mutating func leaveOverBudgetCommunes(_ seated: [(profit: Double, option: Int)]) -> Bool {
        guard !withinBudgets() else { return false }
        for candidate in seated.sorted(by: { ($0.profit, $0.option) < ($1.profit, $1.option) }) {
            let commune = instance.agentCommune[agentOf(candidate.option)]
            guard state.communeSpent[commune] > instance.communeBudget[commune] + 1e-6 else { continue }
            state.deactivate(candidate.option)
        }
        return true
    }

    func withinBudgets() -> Bool {
        !instance.hasBudgets || zip(state.communeSpent, instance.communeBudget).allSatisfy { $0 <= $1 + 1e-6 }
    }

    // MARK: Large-neighbourhood search

    /// One move: pick a session; either choose which of it and two of its neighbours open
    /// (``chooseOpenings(among:)``), or empty it (or, when it is closed, try to open it first) and up to two
    /// open neighbours, reopen greedily (with noise) among it and its neighbours, give the freed agents
    /// free seats anywhere and re-deal the neighbourhood; keep the result unless the objective falls.
    /// Returns whether it rose.
    mutating func improve() -> Bool {
        guard instance.sessionCount > 0 else { return false }
        if neighbours.isEmpty { neighbours = instance.neighbourLists() }
        let seed = random.next(below: instance.sessionCount)
        let neighbourhood = [seed] + neighbours[seed]
        let before = state
        if random.unit() < 0.3 {
            var others = neighbours[seed]
            var core = [seed]
            while core.count < 3, !others.isEmpty { core.append(others.remove(at: random.next(below: others.count))) }
            chooseOpenings(among: core)
            return state.objective > before.objective + PlanState.epsilon
        }
        let openSeedFirst = !state.isOpen[seed] && random.unit() < 0.5
        var freed: [Int] = []
        var emptied: [Int] = []
        let destroyCount = 1 + random.next(below: 3)
        for session in neighbourhood where state.isOpen[session] && !state.isPinnedSession[session] {
            guard emptied.count < destroyCount else { break }
            if session != seed && random.unit() < 0.5 { continue }
            freed += state.members[session].map { Int(instance.optionAgent[Int($0)]) }
            state.empty(session)
            emptied.append(session)
        }
        if openSeedFirst, let opening = bestOpening(seed) {
            state.open(seed)
            for option in opening.group { state.activate(option) }
        }
        let tabu = emptied.first == seed && random.unit() < 0.5 ? seed : -1
        openGreedily(among: neighbourhood.filter { $0 != tabu }, noise: random.unit())
        fill(agents: freed)
        reassign(among: neighbourhood)
        if state.objective < before.objective - PlanState.epsilon || !withinBudgets() {
            state = before
            return false
        }
        return state.objective > before.objective + PlanState.epsilon
    }
}

extension SplitMix64 {
    /// A uniform number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
