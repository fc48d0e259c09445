/// An upper bound on the objective of every feasible plan, by Lagrangian relaxation.
///
/// Relaxed: "each need covered at most once" (multiplier μₙ ≥ 0 per need), "an agent's hours within
/// their allowance" (νₐ ≥ 0 per agent) and the fairness bonus's link to the covered weight (λ꜀ per
/// commune, 0 ≤ λ꜀ ≤ bonus) are moved into the objective; time clashes, budgets and pins are dropped
/// (dropping constraints only raises the optimum). The bonus of a commune is bonus × y꜀ with
/// y꜀ ≤ F꜀ (its floor, or the weight some session could cover if smaller) and y꜀ ≤ its covered weight;
/// relaxing the second with λ꜀ leaves (bonus − λ꜀)·F꜀ plus λ꜀ per unit of weight covered there. What is
/// left splits by session: open it or not, and if open take between its minimum and maximum of the
/// options with the best reduced profits
///   pₒ = Σₙ max(0, vₒₙ + λ꜀·wₙ − μₙ) − seat − trip − νₐ·hours,
/// which sorting solves exactly. Any μ, ν ≥ 0 and λ in [0, bonus] give a valid bound; deflected
/// subgradient steps towards a target level lower it (``run(iterations:target:gap:shouldStop:)``).
struct PlanBound {
    let instance: PlanningInstance
    private(set) var needPrice: [Double]
    private(set) var hourPrice: [Double]
    /// λ꜀: the price of a unit of weight covered in each commune, towards its fairness bonus.
    private(set) var fairnessPrice: [Double]
    /// F꜀: each commune's floor, capped by the weight some session could cover.
    private let fairnessCap: [Double]
    private let bonus: Double
    /// The lowest bound found.
    private(set) var best = Double.infinity
    /// How far below the best bound the steps aim (the level): at first the distance to the best plan,
    /// halved after 5 iterations without a lower bound.
    private var levelGap = 0.0
    private var sinceImprovement = 0
    /// The projected subgradient of the last iteration, per need, agent and commune.
    private var needGradient: [Double]
    private var hourGradient: [Double]
    private var fairnessGradient: [Double]
    /// The direction of the last step (deflected subgradient), per need, agent and commune.
    private var needDirection: [Double]
    private var hourDirection: [Double]
    private var fairnessDirection: [Double]
    /// Camerini–Fratta–Maffioli's deflection factor γ (1.5, their recommendation; on the Namur bench it
    /// reaches a given bound in fewer iterations than plain subgradient steps).
    private static let deflection = 1.5
    /// The change penalty of every previous assignment.
    private let constant: Double
    /// What an option's reduced profit is made of, stored session by session (in each session's
    /// ``PlanningInstance/sessionOptions`` order) for linear passes: the profits of a session's options are
    /// then contiguous, as is what an iteration reads of them.
    private struct OptionTerms {
        /// Minus its seat and trip costs.
        let base: Double
        /// Its session's hours.
        let hours: Double
        let option: Int32
        let agent: Int32
        let commune: Int32
        /// Its needs: `entries[start..<end]`.
        let start: Int32
        let end: Int32
    }
    /// A need an option covers: the need, its value through the option and its weight.
    private struct NeedTerms {
        let need: Int32
        let value: Double
        let weight: Double
    }
    private let options: [OptionTerms]
    private let entries: [NeedTerms]
    /// Where each session's options start in `options` and `profit` (one more entry: the end).
    private let sessionStart: [Int]
    /// Every option's reduced profit at the current prices (``computeProfits()``), in `options` order.
    private var reducedProfit: [Double]
    /// Threads an iteration's passes over options and sessions are cut over.
    private let workers: Int

    /// One thread per 10 000 options, up to the processors (``ParallelRanges/parts(items:minimumPerPart:)``).
    static func defaultWorkers(optionCount: Int) -> Int {
        ParallelRanges.parts(items: optionCount, minimumPerPart: 10_000)
    }

    /// `workers`: threads an iteration is cut over (default: ``defaultWorkers(optionCount:)``).
    init(instance: PlanningInstance, workers: Int? = nil) {
        self.instance = instance
        needPrice = Array(repeating: 0, count: instance.needCount)
        hourPrice = Array(repeating: 0, count: instance.agentCount)
        var coverable = [Double](repeating: 0, count: instance.communeCodes.count)
        var seen = [Bool](repeating: false, count: instance.needCount)
        for need in instance.optionNeeds.map(Int.init) where !seen[need] {
            seen[need] = true
            coverable[instance.agentCommune[instance.needAgent[need]]] += instance.needWeight[need]
        }
        bonus = max(0, instance.policy.fairness.bonusPerWeight)
        fairnessCap = zip(instance.fairnessFloor, coverable).map { min($0, $1) }
        // Starts as if every commune stayed below its floor, the usual case when seats are scarce.
        fairnessPrice = Array(repeating: bonus, count: instance.communeCodes.count)
        constant = -instance.policy.changePenalty * Double(instance.previousCount)
        var options: [OptionTerms] = []
        var entries: [NeedTerms] = []
        var sessionStart: [Int] = [0]
        options.reserveCapacity(instance.optionCount)
        entries.reserveCapacity(instance.optionNeeds.count)
        for session in 0..<instance.sessionCount {
            for option in instance.sessionOptions[session].map(Int.init) {
                let agent = Int(instance.optionAgent[option])
                let start = Int32(entries.count)
                for k in Int(instance.optionNeedStart[option])..<Int(instance.optionNeedStart[option + 1]) {
                    let need = Int(instance.optionNeeds[k])
                    entries.append(
                        NeedTerms(
                            need: Int32(need), value: instance.optionNeedValue[k], weight: instance.needWeight[need]))
                }
                options.append(
                    OptionTerms(
                        base: -instance.optionCost(option), hours: instance.sessionHours[session],
                        option: Int32(option),
                        agent: Int32(agent), commune: Int32(instance.agentCommune[agent]), start: start,
                        end: Int32(entries.count)))
            }
            sessionStart.append(options.count)
        }
        self.options = options
        self.entries = entries
        self.sessionStart = sessionStart
        reducedProfit = Array(repeating: 0, count: options.count)
        self.workers = max(1, workers ?? Self.defaultWorkers(optionCount: options.count))
        needGradient = Array(repeating: 0, count: instance.needCount)
        needDirection = needGradient
        hourGradient = Array(repeating: 0, count: instance.agentCount)
        hourDirection = hourGradient
        fairnessGradient = Array(repeating: 0, count: instance.communeCodes.count)
        fairnessDirection = fairnessGradient
        computeProfits()
    }

    /// Every option's profit at the current prices: its needs at their reduced values
    /// max(0, vₒₙ + λ꜀·wₙ − μₙ), minus its costs and νₐ × its hours. One pass over the option terms, cut
    /// into ranges over ``workers`` threads.
    private mutating func computeProfits() {
        let (options, entries) = (self.options, self.entries)
        let (needPrice, hourPrice, fairnessPrice) = (self.needPrice, self.hourPrice, self.fairnessPrice)
        reducedProfit.withUnsafeMutableBufferPointer { buffer in
            let profit = DisjointWrites(buffer: buffer)
            ParallelRanges.forEach(count: options.count, parts: workers) { range in
                options.withUnsafeBufferPointer { options in
                    entries.withUnsafeBufferPointer { entries in
                        for index in range {
                            let option = options[index]
                            let lambda = fairnessPrice[Int(option.commune)]
                            var total = option.base - hourPrice[Int(option.agent)] * option.hours
                            for entry in entries[Int(option.start)..<Int(option.end)] {
                                let value = entry.value + lambda * entry.weight - needPrice[Int(entry.need)]
                                if value > 0 { total += value }
                            }
                            profit[index] = total
                        }
                    }
                }
            }
        }
    }

    /// Every session's part of the relaxed solution (``select(_:into:)``), sessions cut into ranges over
    /// ``workers`` threads: each open session's total in `totals` (nil when it stays closed) and its chosen
    /// positions in `chosen[sessionStart[session]...]`, `counts[session]` of them.
    private func selectSessions(totals: inout [Double?], chosen: inout [Int32], counts: inout [Int]) {
        let bound = self
        totals.withUnsafeMutableBufferPointer { totalsBuffer in
            chosen.withUnsafeMutableBufferPointer { chosenBuffer in
                counts.withUnsafeMutableBufferPointer { countsBuffer in
                    let (totals, chosen, counts) = (
                        DisjointWrites(buffer: totalsBuffer), DisjointWrites(buffer: chosenBuffer),
                        DisjointWrites(buffer: countsBuffer)
                    )
                    ParallelRanges.forEach(count: instance.sessionCount, parts: workers) { sessions in
                        var profits: [(profit: Double, position: Int32)] = []
                        for session in sessions {
                            let total = bound.select(session, into: &profits)
                            totals[session] = total
                            counts[session] = total == nil ? 0 : profits.count
                            guard total != nil else { continue }
                            for (offset, entry) in profits.enumerated() {
                                chosen[bound.sessionStart[session] + offset] = entry.position
                            }
                        }
                    }
                }
            }
        }
    }

    /// Runs subgradient iterations until `iterations` are done, the level gap vanishes, the bound comes
    /// within `gap` (a fraction of the bound) of `target` (the best plan's objective), or `shouldStop` says
    /// so (checked from the second iteration).
    ///
    /// A step moves the prices along d = g + β·d′ (g the projected subgradient, d′ the previous step's
    /// direction, β = −γ·g·d′/|d′|² when they form an obtuse angle, else 0: Camerini, Fratta and
    /// Maffioli's deflection, which damps the zigzag of plain steps) by Polyak's length (value − level)/|d|²,
    /// where the level is the best bound minus the level gap, never below the best plan (no bound can be).
    /// Aiming at the plan's objective alone overshoots once the bound is near the optimum (the plan is
    /// then the farther of the two); halving the level gap on a stall brings the level up to the bound.
    mutating func run(iterations: Int, target: Double, gap: Double = 0, shouldStop: () -> Bool) {
        var coverCount = [Int32](repeating: 0, count: instance.needCount)
        var hoursUsed = [Double](repeating: 0, count: instance.agentCount)
        var coveredWeight = [Double](repeating: 0, count: instance.communeCodes.count)
        var totals = [Double?](repeating: nil, count: instance.sessionCount)
        var chosen = [Int32](repeating: 0, count: options.count)
        var counts = [Int](repeating: 0, count: instance.sessionCount)
        for iteration in 0..<iterations {
            // The first iteration always runs: any multipliers give a valid bound, so a plan never
            // leaves without one however little time is left.
            if iteration > 0 && shouldStop() { return }
            for index in coverCount.indices { coverCount[index] = 0 }
            for index in hoursUsed.indices { hoursUsed[index] = 0 }
            for index in coveredWeight.indices { coveredWeight[index] = 0 }
            var value = constant
            computeProfits()
            for commune in fairnessCap.indices { value += (bonus - fairnessPrice[commune]) * fairnessCap[commune] }
            for need in 0..<instance.needCount { value += needPrice[need] }
            for agent in 0..<instance.agentCount { value += hourPrice[agent] * instance.allowance[agent] }
            selectSessions(totals: &totals, chosen: &chosen, counts: &counts)
            for session in 0..<instance.sessionCount {
                guard let total = totals[session] else { continue }
                value += total
                for position in chosen[sessionStart[session]..<sessionStart[session] + counts[session]] {
                    let terms = options[Int(position)]
                    hoursUsed[Int(terms.agent)] += terms.hours
                    let commune = Int(terms.commune)
                    let lambda = fairnessPrice[commune]
                    for entry in entries[Int(terms.start)..<Int(terms.end)]
                    where entry.value + lambda * entry.weight - needPrice[Int(entry.need)] > 0 {
                        coverCount[Int(entry.need)] += 1
                        coveredWeight[commune] += entry.weight
                    }
                }
            }
            let scale = max(1, abs(value))
            if best == .infinity {
                best = value
                levelGap = max(value - target, 1e-6 * scale)
            } else if value < best - 1e-9 * max(1, abs(best)) {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 5 {
                    levelGap /= 2
                    sinceImprovement = 0
                }
            }
            if best - target <= max(gap * abs(best), 1e-9 * max(1, abs(target))) { return }
            if levelGap < 1e-7 * scale { return }
            // The level the step aims at: below the best bound by the level gap, never below the best plan
            // (no bound can be).
            let level = max(target, best - levelGap)
            // Subgradient, projected: 1 − times each need is covered; allowance − hours used per agent;
            // covered weight − y꜀ per commune (components that would leave the multipliers' bounds are 0).
            var product = 0.0
            var previous = 0.0
            for need in 0..<instance.needCount {
                var g = 1 - Double(coverCount[need])
                if g > 0 && needPrice[need] <= 0 { g = 0 }
                needGradient[need] = g
                product += g * needDirection[need]
                previous += needDirection[need] * needDirection[need]
            }
            for agent in 0..<instance.agentCount {
                var g = (instance.allowance[agent] - hoursUsed[agent]) / max(1, instance.allowance[agent])
                if g > 0 && hourPrice[agent] <= 0 { g = 0 }
                hourGradient[agent] = g
                product += g * hourDirection[agent]
                previous += hourDirection[agent] * hourDirection[agent]
            }
            for commune in fairnessCap.indices {
                var g = bonus > 0 ? fairnessSlack(commune, covered: coveredWeight[commune]) : 0
                if (g < 0 && fairnessPrice[commune] >= bonus) || (g > 0 && fairnessPrice[commune] <= 0) { g = 0 }
                fairnessGradient[commune] = g
                product += g * fairnessDirection[commune]
                previous += fairnessDirection[commune] * fairnessDirection[commune]
            }
            let beta = product < 0 && previous > 0 ? -Self.deflection * product / previous : 0
            var norm = 0.0
            for need in 0..<instance.needCount {
                let d = needGradient[need] + beta * needDirection[need]
                needDirection[need] = d
                norm += d * d
            }
            for agent in 0..<instance.agentCount {
                let d = hourGradient[agent] + beta * hourDirection[agent]
                hourDirection[agent] = d
                norm += d * d
            }
            for commune in fairnessCap.indices {
                let d = fairnessGradient[commune] + beta * fairnessDirection[commune]
                fairnessDirection[commune] = d
                norm += d * d
            }
            guard norm > 0 else { return }
            let length = (value - level) / norm
            for need in 0..<instance.needCount {
                needPrice[need] = max(0, needPrice[need] - length * needDirection[need])
            }
            for agent in 0..<instance.agentCount {
                let scale = max(1, instance.allowance[agent])
                hourPrice[agent] = max(0, hourPrice[agent] - length * hourDirection[agent] / scale)
            }
            for commune in fairnessCap.indices where bonus > 0 {
                fairnessPrice[commune] = min(
                    bonus,
                    max(0, fairnessPrice[commune] - length * fairnessDirection[commune] / max(1, fairnessCap[commune])))
            }
        }
    }

    /// The reduced profit of the session's option at `offset` in its ``PlanningInstance/sessionOptions``.
    func profit(session: Int, offset: Int) -> Double {
        reducedProfit[sessionStart[session] + offset]
    }

    /// The session's part of the relaxed solution at the current prices: its best options by reduced
    /// profit (between its minimum and maximum, beyond the minimum only while positive) left in `chosen`
    /// (positions in the option terms) in decreasing order, and their total minus the fixed cost; nil (and
    /// `chosen` meaningless) when the session stays closed.
    func select(_ session: Int, into chosen: inout [(profit: Double, position: Int32)]) -> Double? {
        let positions = sessionStart[session]..<sessionStart[session + 1]
        let minimum = instance.minimumSeats[session]
        guard positions.count >= minimum, instance.maximumSeats[session] >= minimum else { return nil }
        // Only the best `maximum` can be taken: kept in order in a small buffer (a partial selection, the
        // prefix a full sort by decreasing profit, then option, would give).
        let kept = min(instance.maximumSeats[session], positions.count)
        chosen.removeAll(keepingCapacity: true)
        for position in positions {
            let profit = reducedProfit[position]
            if chosen.count == kept {
                guard profit > chosen[kept - 1].profit else { continue }
                chosen.removeLast()
            }
            var slot = chosen.count
            while slot > 0 && chosen[slot - 1].profit < profit { slot -= 1 }
            chosen.insert((profit, Int32(position)), at: slot)
        }
        var taken = 0
        var total = -instance.fixedCost[session]
        while taken < chosen.count, chosen[taken].profit > 0 || taken < minimum {
            total += chosen[taken].profit
            taken += 1
        }
        chosen.removeLast(chosen.count - taken)
        return total > 0 ? total : nil
    }

    /// The scaled slack of a commune's fairness link: its covered weight in the relaxed solution minus y꜀,
    /// the relaxed bonus weight (F꜀ while λ꜀ < bonus; at λ꜀ = bonus any y꜀ in [0, F꜀] is optimal, and the
    /// one nearest the covered weight gives the subgradient that stays in bounds).
    @inline(__always) private func fairnessSlack(_ commune: Int, covered: Double) -> Double {
        let cap = fairnessCap[commune]
        let y = fairnessPrice[commune] < bonus ? cap : min(cap, covered)
        return (covered - y) / max(1, cap)
    }
}
