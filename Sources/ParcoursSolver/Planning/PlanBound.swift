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
    /// What an option's reduced profit is made of, stored option by option for one linear pass.
    private struct OptionTerms {
        /// Minus its seat and trip costs.
        let base: Double
        /// Its session's hours.
        let hours: Double
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
    /// Every option's reduced profit at the current prices (``computeProfits()``).
    private(set) var profit: [Double]

    init(instance: PlanningInstance) {
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
        options = (0..<instance.optionCount).map { option in
            let agent = Int(instance.optionAgent[option])
            return OptionTerms(
                base: -instance.optionCost(option), hours: instance.sessionHours[Int(instance.optionSession[option])],
                agent: Int32(agent), commune: Int32(instance.agentCommune[agent]),
                start: instance.optionNeedStart[option], end: instance.optionNeedStart[option + 1])
        }
        entries = instance.optionNeeds.indices.map { k in
            let need = Int(instance.optionNeeds[k])
            return NeedTerms(need: Int32(need), value: instance.optionNeedValue[k], weight: instance.needWeight[need])
        }
        profit = Array(repeating: 0, count: instance.optionCount)
        needGradient = Array(repeating: 0, count: instance.needCount)
        needDirection = needGradient
        hourGradient = Array(repeating: 0, count: instance.agentCount)
        hourDirection = hourGradient
        fairnessGradient = Array(repeating: 0, count: instance.communeCodes.count)
        fairnessDirection = fairnessGradient
        computeProfits()
    }

    /// Every option's profit at the current prices: its needs at their reduced values
    /// max(0, vₒₙ + λ꜀·wₙ − μₙ), minus its costs and νₐ × its hours. One pass in option order (options are
    /// stored agent by agent, so the prices are read almost in order).
    private mutating func computeProfits() {
        let (needPrice, hourPrice, fairnessPrice) = (self.needPrice, self.hourPrice, self.fairnessPrice)
        options.withUnsafeBufferPointer { options in
            entries.withUnsafeBufferPointer { entries in
                profit.withUnsafeMutableBufferPointer { profit in
                    for (index, option) in options.enumerated() {
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
        var profits: [(profit: Double, option: Int32)] = []
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
            for session in 0..<instance.sessionCount {
                guard let total = select(session, into: &profits) else { continue }
                let hours = instance.sessionHours[session]
                value += total
                for chosen in profits {
                    let option = Int(chosen.option)
                    let agent = Int(instance.optionAgent[option])
                    hoursUsed[agent] += hours
                    let commune = instance.agentCommune[agent]
                    for k in needRange(option) where needValue(k, commune: commune) > 0 {
                        let need = Int(instance.optionNeeds[k])
                        coverCount[need] += 1
                        coveredWeight[commune] += instance.needWeight[need]
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

    /// The session's part of the relaxed solution at the current prices: its best options by reduced
    /// profit (between its minimum and maximum, beyond the minimum only while positive) left in `chosen`
    /// in decreasing order, and their total minus the fixed cost; nil (and `chosen` meaningless) when the
    /// session stays closed.
    func select(_ session: Int, into chosen: inout [(profit: Double, option: Int32)]) -> Double? {
        let options = instance.sessionOptions[session]
        let minimum = instance.minimumSeats[session]
        guard options.count >= minimum, instance.maximumSeats[session] >= minimum else { return nil }
        // Only the best `maximum` can be taken: kept in order in a small buffer (a partial selection, the
        // prefix a full sort by decreasing profit, then option, would give).
        let kept = min(instance.maximumSeats[session], options.count)
        chosen.removeAll(keepingCapacity: true)
        for option in options {
            let profit = profit[Int(option)]
            if chosen.count == kept {
                guard profit > chosen[kept - 1].profit else { continue }
                chosen.removeLast()
            }
            var position = chosen.count
            while position > 0 && chosen[position - 1].profit < profit { position -= 1 }
            chosen.insert((profit, option), at: position)
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

    @inline(__always) private func needRange(_ option: Int) -> Range<Int> {
        Int(instance.optionNeedStart[option])..<Int(instance.optionNeedStart[option + 1])
    }

    /// The scaled slack of a commune's fairness link: its covered weight in the relaxed solution minus y꜀,
    /// the relaxed bonus weight (F꜀ while λ꜀ < bonus; at λ꜀ = bonus any y꜀ in [0, F꜀] is optimal, and the
    /// one nearest the covered weight gives the subgradient that stays in bounds).
    @inline(__always) private func fairnessSlack(_ commune: Int, covered: Double) -> Double {
        let cap = fairnessCap[commune]
        let y = fairnessPrice[commune] < bonus ? cap : min(cap, covered)
        return (covered - y) / max(1, cap)
    }

    /// A need's value through the option's k-th need, at the current prices.
    @inline(__always) private func needValue(_ k: Int, commune: Int) -> Double {
        let need = Int(instance.optionNeeds[k])
        return instance.optionNeedValue[k] + fairnessPrice[commune] * instance.needWeight[need] - needPrice[need]
    }
}
