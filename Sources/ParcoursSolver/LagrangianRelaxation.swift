/// The Lagrangian relaxation of the demand constraints Σᵢ xᵢⱼ = 1 of the multi-source problem,
/// strengthened by the aggregate capacity cut Σᵢ sᵢ yᵢ ≥ Σⱼ dⱼ. For multipliers λ, each facility is a
/// continuous knapsack (serve the customers of most negative reduced cost cᵢⱼ − λⱼ per unit of demand,
/// up to its capacity and at least its minimum load), and the choice of facilities is a 0-1
/// covering knapsack (solved exactly by branch and bound, or its LP when that is too long). Its value is a lower bound on the multi-source optimum, hence also on the
/// single-source one.
struct LagrangianRelaxation {
    let problem: FacilityProblem
    private let totalDemand: Double

    /// One evaluation of the relaxation.
    struct Evaluation {
        /// L(λ), a lower bound on the optimum.
        var value = 0.0
        /// yᵢ in [0, 1]: how much of each facility the relaxation opens.
        var openness: [Double]
        /// 1 − Σᵢ yᵢ xᵢⱼ for each customer.
        var subgradient: [Double]
        /// The reduced value vᵢ of opening each facility (infinite when it cannot open).
        var facilityValues: [Double]
    }

    init(problem: FacilityProblem) {
        self.problem = problem
        totalDemand = problem.totalDemand
    }

    /// Multipliers to start from: each customer's cheapest cost including its pro-rata share of the
    /// facility's fixed cost at full load.
    func initialMultipliers() -> [Double] {
        (0..<problem.customerCount).map { j in
            (0..<problem.facilityCount).map {
                problem.cost($0, j) + problem.fixedCosts[$0] * problem.demands[j] / max(problem.capacities[$0], 1e-9)
            }.min() ?? 0
        }
    }

    /// Evaluates L(`multipliers`).
    func evaluate(_ multipliers: [Double]) -> Evaluation {
        let m = problem.facilityCount
        let n = problem.customerCount
        var evaluation = Evaluation(
            openness: Array(repeating: 0, count: m), subgradient: Array(repeating: 1, count: n),
            facilityValues: Array(repeating: 0, count: m))
        var fractions = Array(repeating: [(customer: Int, fraction: Double)](), count: m)
        var candidates: [(customer: Int, perUnit: Double)] = []
        candidates.reserveCapacity(n)
        for i in 0..<m {
            let capacity = problem.capacities[i]
            let minimum = problem.minimumLoads[i]
            candidates.removeAll(keepingCapacity: true)
            for j in 0..<n {
                let reduced = problem.cost(i, j) - multipliers[j]
                if reduced < 0 { candidates.append((j, reduced / problem.demands[j])) }
            }
            var load = 0.0
            var value = problem.fixedCosts[i]
            var chosen: [(customer: Int, fraction: Double)] = []
            for (customer, fraction) in cheapestFill(&candidates, capacity: capacity) {
                let demand = problem.demands[customer]
                load += fraction * demand
                value += fraction * (problem.cost(i, customer) - multipliers[customer])
                chosen.append((customer, fraction))
            }
            if load < minimum {
                // Reach the minimum load with the least costly other customers.
                var taken = Array(repeating: false, count: n)
                for choice in chosen { taken[choice.customer] = true }
                var others: [(customer: Int, perUnit: Double)] = []
                for j in 0..<n where !taken[j] {
                    others.append((j, (problem.cost(i, j) - multipliers[j]) / problem.demands[j]))
                }
                others.sort { $0.perUnit < $1.perUnit }
                for candidate in others where load < minimum {
                    let demand = problem.demands[candidate.customer]
                    let fraction = min(1, (minimum - load) / demand)
                    load += fraction * demand
                    value += fraction * demand * candidate.perUnit
                    chosen.append((candidate.customer, fraction))
                }
                if load < minimum * (1 - 1e-12) { value = .infinity }
            }
            evaluation.facilityValues[i] = value
            fractions[i] = chosen
        }
        // Choose facilities: min Σ vᵢ yᵢ subject to Σ sᵢ yᵢ ≥ Σ dⱼ, exactly when the knapsack search is
        // small enough, else its LP.
        var total = multipliers.reduce(0, +)
        var capacity = 0.0
        var rest: [Int] = []
        for i in 0..<m where evaluation.facilityValues[i].isFinite {
            if evaluation.facilityValues[i] <= 0 {
                evaluation.openness[i] = 1
                capacity += problem.capacities[i]
                total += evaluation.facilityValues[i]
            } else {
                rest.append(i)
            }
        }
        if capacity < totalDemand {
            let requirement = totalDemand - capacity
            let knapsack = CoveringKnapsack(
                values: rest.map { evaluation.facilityValues[$0] }, weights: rest.map { problem.capacities[$0] },
                requirement: requirement)
            if let (value, chosen) = knapsack.solve() {
                for (k, i) in rest.enumerated() where chosen[k] { evaluation.openness[i] = 1 }
                total += value
            } else {
                // Too many nodes (or no cover): the LP of the knapsack is still a valid bound.
                rest.sort {
                    evaluation.facilityValues[$0] / problem.capacities[$0]
                        < evaluation.facilityValues[$1] / problem.capacities[$1]
                }
                for i in rest where capacity < totalDemand {
                    let share = min(1, (totalDemand - capacity) / problem.capacities[i])
                    evaluation.openness[i] = share
                    capacity += share * problem.capacities[i]
                    total += share * evaluation.facilityValues[i]
                }
                if capacity < totalDemand * (1 - 1e-12) { total = .infinity }
            }
        }
        evaluation.value = total
        for i in 0..<m where evaluation.openness[i] > 0 {
            for choice in fractions[i] {
                evaluation.subgradient[choice.customer] -= evaluation.openness[i] * choice.fraction
            }
        }
        return evaluation
    }

    /// The customers a facility of `capacity` serves in its continuous knapsack: all of `candidates`
    /// when their demand fits, else the cheapest per unit up to the capacity (the last one in part).
    /// A quickselect on the cost per unit, linear on average instead of a full sort; reorders
    /// `candidates`.
    private func cheapestFill(
        _ candidates: inout [(customer: Int, perUnit: Double)], capacity: Double
    ) -> [(customer: Int, fraction: Double)] {
        var room = capacity
        var lo = 0
        var hi = candidates.count
        var chosen: [(customer: Int, fraction: Double)] = []
        while lo < hi && room > 0 {
            // Three-way partition of lo..<hi around the middle element: [lo, less) < pivot,
            // [less, greater) == pivot, [greater, hi) > pivot.
            let pivot = candidates[(lo + hi) / 2].perUnit
            var less = lo
            var index = lo
            var greater = hi
            while index < greater {
                let value = candidates[index].perUnit
                if value < pivot {
                    candidates.swapAt(less, index)
                    less += 1
                    index += 1
                } else if value > pivot {
                    greater -= 1
                    candidates.swapAt(index, greater)
                } else {
                    index += 1
                }
            }
            var lessDemand = 0.0
            for k in lo..<less { lessDemand += problem.demands[candidates[k].customer] }
            if lessDemand > room {
                hi = less  // the capacity runs out among the cheaper ones
                continue
            }
            for k in lo..<less { chosen.append((candidates[k].customer, 1)) }
            room -= lessDemand
            for k in less..<greater where room > 0 {
                let demand = problem.demands[candidates[k].customer]
                let fraction = min(1, room / demand)
                room -= fraction * demand
                chosen.append((candidates[k].customer, fraction))
            }
            lo = greater
        }
        return chosen
    }
}
