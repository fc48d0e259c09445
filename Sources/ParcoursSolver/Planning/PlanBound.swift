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
/// which sorting solves exactly. Any μ, ν ≥ 0 and λ in [0, bonus] give a valid bound; subgradient steps
/// (Polyak's rule towards the best plan's objective) lower it.
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
    /// Polyak's factor: starts at 2 and halves after 5 iterations without a lower bound (a quick
    /// schedule: the bound is wanted in a few hundred iterations).
    private var step = 2.0
    private var sinceImprovement = 0
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

    /// Runs subgradient iterations until `iterations` are done, the step vanishes, the bound comes within
    /// `gap` (a fraction of the bound) of `target` (the best plan's objective), or `shouldStop` says so
    /// (checked from the second iteration).
    mutating func run(iterations: Int, target: Double, gap: Double = 0, shouldStop: () -> Bool) {
        var coverCount = [Int32](repeating: 0, count: instance.needCount)
        var hoursUsed = [Double](repeating: 0, count: instance.agentCount)
        var coveredWeight = [Double](repeating: 0, count: instance.communeCodes.count)
        var profits: [(profit: Double, option: Int32)] = []
        for iteration in 0..<iterations {
            // The first iteration always runs: any multipliers give a valid bound, so a plan never
            // leaves without one however little time is left.
            if step < 1e-6 || (iteration > 0 && shouldStop()) { return }
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
            if best == .infinity || value < best - 1e-9 * max(1, abs(best)) {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 5 {
                    step /= 2
                    sinceImprovement = 0
                }
            }
            // Subgradient: 1 − times each need is covered; allowance − hours used per agent.
            var norm = 0.0
            for need in 0..<instance.needCount {
                let g = 1 - Double(coverCount[need])
                if g < 0 || needPrice[need] > 0 { norm += g * g }
            }
            for agent in 0..<instance.agentCount {
                let g = (instance.allowance[agent] - hoursUsed[agent]) / max(1, instance.allowance[agent])
                if g < 0 || hourPrice[agent] > 0 { norm += g * g }
            }
            // Fairness: covered weight − y꜀ (steps that would leave [0, bonus] are left out of the norm).
            for commune in fairnessCap.indices where bonus > 0 {
                let g = fairnessSlack(commune, covered: coveredWeight[commune])
                if (g < 0 && fairnessPrice[commune] < bonus) || (g > 0 && fairnessPrice[commune] > 0) { norm += g * g }
            }
            guard norm > 0 else { return }  // the relaxed solution is feasible for the relaxed constraints
            let length = step * max(value - target, 1e-6 * max(1, abs(value))) / norm
            for need in 0..<instance.needCount {
                needPrice[need] = max(0, needPrice[need] - length * (1 - Double(coverCount[need])))
            }
            for agent in 0..<instance.agentCount {
                let scale = max(1, instance.allowance[agent])
                let g = (instance.allowance[agent] - hoursUsed[agent]) / scale
                hourPrice[agent] = max(0, hourPrice[agent] - length * g / scale)
            }
            for commune in fairnessCap.indices where bonus > 0 {
                let g = fairnessSlack(commune, covered: coveredWeight[commune])
                fairnessPrice[commune] = min(
                    bonus, max(0, fairnessPrice[commune] - length * g / max(1, fairnessCap[commune])))
            }
            if best - target <= max(gap * abs(best), 1e-9 * max(1, abs(target))) { return }
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
