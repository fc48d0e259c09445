/// Single-source assignment by iterated local search: descents over shifts (one customer to another
/// facility, opening or closing facilities as loads appear or vanish) and swaps (two customers trade
/// facilities), with capacity excess and minimum-load shortfall penalised by an adaptive weight
/// (strategic oscillation around the feasible region); perturbations close a facility, open one with
/// the customers it serves more cheaply, or move a few customers at random.
struct SingleSourceSearch {
    let problem: FacilityProblem
    let clock: SearchClock
    /// A lower bound: the search stops when it reaches it.
    let lowerBound: Double
    private var random: SplitMix64
    private var facilityOf: [Int]
    private var loads: [Double]
    private var counts: [Int]
    private var penalty: Double
    private let m: Int
    private let n: Int

    /// The best plan: each customer's facility, and the true cost.
    struct Plan {
        var facilities: [Int]
        var cost: Double
    }

    init(problem: FacilityProblem, clock: SearchClock, seed: UInt64, lowerBound: Double) {
        self.problem = problem
        self.clock = clock
        self.lowerBound = lowerBound
        random = SplitMix64(seed: seed)
        m = problem.facilityCount
        n = problem.customerCount
        facilityOf = Array(repeating: 0, count: n)
        loads = Array(repeating: 0, count: m)
        counts = Array(repeating: 0, count: m)
        var unitCost = 0.0
        for j in 0..<n { for i in 0..<m { unitCost += problem.cost(i, j) / problem.demands[j] } }
        penalty = max(1e-9, unitCost / Double(n * m))
    }

    /// Searches from the largest share of each customer in `allocation`; nil if no feasible plan was met.
    mutating func run(startingFrom allocation: TransportationSolver.Allocation) -> Plan? {
        for (j, shares) in allocation.shares.enumerated() {
            let largest = shares.max { $0.amount < $1.amount }!
            place(j, at: allocation.open[largest.facility])
        }
        var best: Plan?
        var stale = 0
        let patience = 2000 + 50 * m
        while !clock.isOver {
            descend()
            if violation() <= 0 {
                let cost = trueCost()
                if cost < (best?.cost ?? .infinity) - 1e-9 * abs(cost) {
                    best = Plan(facilities: facilityOf, cost: cost)
                    stale = 0
                    if cost <= lowerBound + 1e-9 * abs(cost) { break }
                } else {
                    stale += 1
                }
                penalty = max(penalty / 1.1, 1e-9)
                if let best, cost > best.cost * 1.002 { restore(best) }
            } else {
                penalty *= 1.5
                stale += 1
            }
            if stale > patience { break }
            perturb()
        }
        return best
    }

    // MARK: state

    private mutating func place(_ j: Int, at i: Int) {
        facilityOf[j] = i
        loads[i] += problem.demands[j]
        counts[i] += 1
    }

    private mutating func shift(_ j: Int, to b: Int) {
        let a = facilityOf[j]
        loads[a] -= problem.demands[j]
        counts[a] -= 1
        if counts[a] == 0 { loads[a] = 0 }
        place(j, at: b)
    }

    private mutating func restore(_ plan: Plan) {
        for i in 0..<m {
            loads[i] = 0
            counts[i] = 0
        }
        for (j, i) in plan.facilities.enumerated() { place(j, at: i) }
    }

    /// The excess over capacity plus the shortfall under the minimum load of facility i.
    @inline(__always)
    private func violation(_ i: Int, load: Double, count: Int) -> Double {
        guard count > 0 else { return 0 }
        let capacity = problem.capacities[i]
        let minimum = problem.minimumLoads[i]
        let over = load - capacity > 1e-9 * max(1, capacity) ? load - capacity : 0
        let under = minimum - load > 1e-9 * max(1, minimum) ? minimum - load : 0
        return over + under
    }

    private func violation() -> Double {
        (0..<m).reduce(0) { $0 + violation($1, load: loads[$1], count: counts[$1]) }
    }

    private func trueCost() -> Double {
        var cost = 0.0
        for i in 0..<m where counts[i] > 0 { cost += problem.fixedCosts[i] }
        for j in 0..<n { cost += problem.cost(facilityOf[j], j) }
        return cost
    }

    // MARK: moves

    /// The change of penalised cost if customer j moves to facility b.
    @inline(__always)
    private func shiftDelta(_ j: Int, to b: Int) -> Double {
        let a = facilityOf[j]
        let demand = problem.demands[j]
        var delta = problem.cost(b, j) - problem.cost(a, j)
        if counts[a] == 1 { delta -= problem.fixedCosts[a] }
        if counts[b] == 0 { delta += problem.fixedCosts[b] }
        let before = violation(a, load: loads[a], count: counts[a]) + violation(b, load: loads[b], count: counts[b])
        let after =
            violation(a, load: loads[a] - demand, count: counts[a] - 1)
            + violation(b, load: loads[b] + demand, count: counts[b] + 1)
        return delta + penalty * (after - before)
    }

    /// The change of penalised cost if customers j and k trade facilities.
    @inline(__always)
    private func swapDelta(_ j: Int, _ k: Int) -> Double {
        let a = facilityOf[j]
        let b = facilityOf[k]
        let change = problem.demands[k] - problem.demands[j]
        let delta = problem.cost(b, j) + problem.cost(a, k) - problem.cost(a, j) - problem.cost(b, k)
        let before = violation(a, load: loads[a], count: counts[a]) + violation(b, load: loads[b], count: counts[b])
        let after =
            violation(a, load: loads[a] + change, count: counts[a])
            + violation(b, load: loads[b] - change, count: counts[b])
        return delta + penalty * (after - before)
    }

    /// Best-improvement shifts per customer, then first-improvement swaps, until neither improves.
    private mutating func descend() {
        let threshold = -1e-9
        var improved = true
        while improved && !clock.isOver {
            improved = false
            for j in 0..<n {
                var bestDelta = threshold
                var bestFacility = -1
                for b in 0..<m where b != facilityOf[j] {
                    let delta = shiftDelta(j, to: b)
                    if delta < bestDelta {
                        bestDelta = delta
                        bestFacility = b
                    }
                }
                if bestFacility >= 0 {
                    shift(j, to: bestFacility)
                    improved = true
                }
            }
            if improved { continue }
            for j in 0..<n {
                for k in (j + 1)..<n where facilityOf[k] != facilityOf[j] {
                    if swapDelta(j, k) < threshold {
                        let a = facilityOf[j]
                        shift(j, to: facilityOf[k])
                        shift(k, to: a)
                        improved = true
                    }
                }
            }
        }
    }

    /// Leaves the current local optimum: closes an open facility, opens a closed one with the
    /// customers it serves more cheaply, or moves a few customers at random.
    private mutating func perturb() {
        let open = (0..<m).filter { counts[$0] > 0 }
        let closed = (0..<m).filter { counts[$0] == 0 }
        let kind = random.next(below: 4)
        if kind == 1 || kind == 3, !closed.isEmpty {
            openFacility(closed[random.next(below: closed.count)])
        }
        if kind == 0 || kind == 3, open.count > 1 {
            closeFacility(open[random.next(below: open.count)])
        }
        if kind == 2 {
            for _ in 0..<max(2, n / 20) {
                let j = random.next(below: n)
                let b = open[random.next(below: open.count)]
                if b != facilityOf[j] { shift(j, to: b) }
            }
        }
    }

    /// Moves every customer of facility i to its best other open facility.
    private mutating func closeFacility(_ i: Int) {
        let others = (0..<m).filter { counts[$0] > 0 && $0 != i }
        guard !others.isEmpty else { return }
        for j in 0..<n where facilityOf[j] == i {
            var best = others[0]
            var bestDelta = Double.infinity
            for b in others {
                let delta = shiftDelta(j, to: b)
                if delta < bestDelta {
                    bestDelta = delta
                    best = b
                }
            }
            shift(j, to: best)
        }
    }

    /// Opens facility i with the customers it serves more cheaply, most saving first, within its capacity.
    private mutating func openFacility(_ i: Int) {
        let gains = (0..<n).map { (customer: $0, gain: problem.cost(facilityOf[$0], $0) - problem.cost(i, $0)) }
            .filter { $0.gain > 0 }.sorted { $0.gain > $1.gain }
        for candidate in gains where loads[i] + problem.demands[candidate.customer] <= problem.capacities[i] {
            shift(candidate.customer, to: i)
        }
    }
}

/// A small deterministic pseudo-random generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in 0..<bound.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
