/// min Σ vᵢ yᵢ subject to Σ wᵢ yᵢ ≥ R, yᵢ ∈ {0, 1}, with vᵢ > 0 and wᵢ > 0: which facilities the
/// Lagrangian relaxation opens to hold the total demand. Depth-first branch and bound over the items
/// by increasing value per unit of weight, pruned by the LP bound (the greedy fractional cover).
struct CoveringKnapsack {
    let values: [Double]
    let weights: [Double]
    let requirement: Double

    /// The optimal choice and its value, or nil if the search needs more than `nodeLimit` nodes or no
    /// choice covers the requirement.
    func solve(nodeLimit: Int = 20000) -> (value: Double, chosen: [Bool])? {
        let order = values.indices.sorted { values[$0] / weights[$0] < values[$1] / weights[$1] }
        let v = order.map { values[$0] }
        let w = order.map { weights[$0] }
        var suffixWeight = Array(repeating: 0.0, count: v.count + 1)
        for k in stride(from: v.count - 1, through: 0, by: -1) { suffixWeight[k] = suffixWeight[k + 1] + w[k] }
        guard suffixWeight[0] >= requirement else { return nil }
        var best = Double.infinity
        var bestChoice: [Bool] = []
        var choice = Array(repeating: false, count: v.count)
        var nodes = 0
        let tolerance = 1e-12 * max(1, requirement)

        func lowerBound(from start: Int, remaining: Double) -> Double {
            var need = remaining
            var bound = 0.0
            for k in start..<v.count {
                if w[k] >= need { return bound + v[k] * need / w[k] }
                bound += v[k]
                need -= w[k]
            }
            return .infinity
        }

        func search(_ k: Int, cost: Double, remaining: Double) -> Bool {
            nodes += 1
            if nodes > nodeLimit { return false }
            if remaining <= tolerance {
                if cost < best {
                    best = cost
                    bestChoice = choice
                }
                return true
            }
            if k == v.count || suffixWeight[k] < remaining - tolerance { return true }
            if cost + lowerBound(from: k, remaining: remaining) >= best * (1 - 1e-12) { return true }
            choice[k] = true
            guard search(k + 1, cost: cost + v[k], remaining: remaining - w[k]) else { return false }
            choice[k] = false
            return search(k + 1, cost: cost, remaining: remaining)
        }

        guard search(0, cost: 0, remaining: requirement), best.isFinite else { return nil }
        var chosen = Array(repeating: false, count: values.count)
        for (k, item) in order.enumerated() where bestChoice[k] { chosen[item] = true }
        return (best, chosen)
    }
}
