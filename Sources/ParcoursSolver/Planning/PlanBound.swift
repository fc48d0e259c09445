/// An upper bound on the objective of every feasible plan, by Lagrangian relaxation.
///
/// Relaxed: "each need covered at most once" (multiplier μₙ ≥ 0 per need) and "an agent's hours within
/// their allowance" (νₐ ≥ 0 per agent) are moved into the objective; time clashes, budgets and pins are
/// dropped (dropping constraints only raises the optimum). What is left splits by session: open it or
/// not, and if open take between its minimum and maximum of the options with the best reduced profits
///   pₒ = Σₙ max(0, vₒₙ − μₙ) − seat − trip − νₐ·hours,
/// which sorting solves exactly. The fairness bonus is bounded apart: a commune's bonus never exceeds
/// bonus × min(floor, weight of its needs that some session could cover). Any μ, ν ≥ 0 give a valid
/// bound; subgradient steps (Polyak's rule towards the best plan's objective) lower it.
struct PlanBound {
    let instance: PlanningInstance
    private(set) var needPrice: [Double]
    private(set) var hourPrice: [Double]
    /// The lowest bound found.
    private(set) var best = Double.infinity
    private var step = 1.0
    private var sinceImprovement = 0
    /// The bound's constant parts: the fairness bound and the change penalty of every previous assignment.
    private let constant: Double

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
        let bonus = instance.policy.fairness.bonusPerWeight
        let fairness = bonus > 0 ? zip(instance.fairnessFloor, coverable).reduce(0) { $0 + bonus * min($1.0, $1.1) } : 0
        constant = fairness - instance.policy.changePenalty * Double(instance.previousCount)
    }

    /// Runs subgradient iterations until `iterations` are done, the step vanishes, the bound meets
    /// `target` (the best plan's objective), or `shouldStop` says so (checked from the second iteration).
    mutating func run(iterations: Int, target: Double, shouldStop: () -> Bool) {
        var coverCount = [Int32](repeating: 0, count: instance.needCount)
        var hoursUsed = [Double](repeating: 0, count: instance.agentCount)
        var profits: [(profit: Double, option: Int32)] = []
        for iteration in 0..<iterations {
            // The first iteration always runs: any multipliers give a valid bound, so a plan never
            // leaves without one however little time is left.
            if step < 1e-6 || (iteration > 0 && shouldStop()) { return }
            for index in coverCount.indices { coverCount[index] = 0 }
            for index in hoursUsed.indices { hoursUsed[index] = 0 }
            var value = constant
            for need in 0..<instance.needCount { value += needPrice[need] }
            for agent in 0..<instance.agentCount { value += hourPrice[agent] * instance.allowance[agent] }
            for session in 0..<instance.sessionCount {
                let options = instance.sessionOptions[session]
                let minimum = instance.minimumSeats[session]
                guard options.count >= minimum, instance.maximumSeats[session] >= minimum else { continue }
                profits.removeAll(keepingCapacity: true)
                let hours = instance.sessionHours[session]
                for option in options {
                    profits.append((reducedProfit(Int(option), hours: hours), option))
                }
                profits.sort { ($0.profit, $1.option) > ($1.profit, $0.option) }
                var taken = 0
                var total = -instance.fixedCost[session]
                while taken < min(instance.maximumSeats[session], profits.count),
                    profits[taken].profit > 0 || taken < minimum
                {
                    total += profits[taken].profit
                    taken += 1
                }
                guard total > 0 else { continue }
                value += total
                for chosen in profits[..<taken] {
                    let option = Int(chosen.option)
                    hoursUsed[Int(instance.optionAgent[option])] += hours
                    for k in needRange(option)
                    where instance.optionNeedValue[k] > needPrice[Int(instance.optionNeeds[k])] {
                        coverCount[Int(instance.optionNeeds[k])] += 1
                    }
                }
            }
            if best == .infinity || value < best - 1e-9 * max(1, abs(best)) {
                best = value
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 15 {
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
            if best <= target + 1e-9 * max(1, abs(target)) { return }
        }
    }

    @inline(__always) private func needRange(_ option: Int) -> Range<Int> {
        Int(instance.optionNeedStart[option])..<Int(instance.optionNeedStart[option + 1])
    }

    @inline(__always) private func reducedProfit(_ option: Int, hours: Double) -> Double {
        var profit = -instance.optionCost(option) - hourPrice[Int(instance.optionAgent[option])] * hours
        for k in needRange(option) {
            profit += max(0, instance.optionNeedValue[k] - needPrice[Int(instance.optionNeeds[k])])
        }
        return profit
    }
}
