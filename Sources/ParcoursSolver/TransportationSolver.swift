/// The cheapest allocation of every demand to a fixed set of open facilities, each loaded between
/// its minimum load and its capacity (a transportation problem, solved exactly as a min-cost flow).
///
/// Every customer starts at its cheapest open facility (a flow of least cost that ignores loads);
/// successive shortest paths then move demand from overloaded facilities to facilities with room
/// (or to underloaded ones) along the cheapest chains of customer moves. The graph has one node per
/// open facility plus a node T for the loads' slack, so a path search costs O(k²) for k open
/// facilities whatever the number of customers.
struct TransportationSolver {
    let problem: FacilityProblem
    /// `unitCosts[i * n + j]`: the cost of one unit of customer j's demand at facility i.
    private let unitCosts: [Double]

    /// A part of a customer's demand at an open facility (a local index into the open set).
    struct Share {
        var facility: Int
        var amount: Double
    }

    /// An optimal allocation for an open set.
    struct Allocation {
        /// The open facilities (global indices).
        var open: [Int]
        /// Per customer, its shares at local indices into `open`.
        var shares: [[Share]]
        /// The true cost: fixed costs of the loaded facilities plus allocation costs.
        var cost: Double

        /// The allocation as a solution.
        var solution: FacilitySolution {
            var allocations: [FacilityAllocation] = []
            for (j, customerShares) in shares.enumerated() {
                for share in customerShares where share.amount > 0 {
                    allocations.append(
                        FacilityAllocation(customer: j, facility: open[share.facility], amount: share.amount))
                }
            }
            return FacilitySolution(allocations: allocations)
        }
    }

    init(problem: FacilityProblem) {
        self.problem = problem
        let n = problem.customerCount
        unitCosts = problem.assignmentCosts.enumerated().map { $0.element / problem.demands[$0.offset % n] }
    }

    /// The optimal allocation to the facilities `open`, or nil when their capacities and minimum loads
    /// cannot fit the total demand.
    func solve(open: [Int]) -> Allocation? {
        var flow = FlowState(solver: self, open: open)
        guard flow.isFeasible else { return nil }
        guard flow.run() else { return nil }
        return flow.allocation()
    }

    @inline(__always)
    fileprivate func unitCost(_ facility: Int, _ customer: Int) -> Double {
        unitCosts[facility * problem.customerCount + customer]
    }
}

/// The working state of one transportation solve.
private struct FlowState {
    let solver: TransportationSolver
    let open: [Int]
    let k: Int
    let n: Int
    var shares: [[TransportationSolver.Share]]
    var customersAt: [[Int]]
    var loads: [Double]
    let lower: [Double]
    let upper: [Double]
    /// arcCost[a * k + b]: the cheapest per-unit change of moving demand of a customer at a to b, and
    /// arcCustomer the customer achieving it (-1: no customer at a). Kept up to date move by move: a
    /// customer arriving at a can only lower a's arcs; one leaving a stales the arcs it achieved.
    var arcCost: [Double]
    var arcCustomer: [Int]
    /// The arcs whose customer left their facility, rescanned before the next path search.
    var staleArcs: [Int] = []
    let epsilon: Double
    let isFeasible: Bool

    init(solver: TransportationSolver, open: [Int]) {
        self.solver = solver
        self.open = open
        let problem = solver.problem
        k = open.count
        n = problem.customerCount
        lower = open.map { problem.minimumLoads[$0] }
        upper = open.map { problem.capacities[$0] }
        let demand = problem.totalDemand
        epsilon = 1e-12 * max(1, demand)
        isFeasible = k > 0 && lower.reduce(0, +) <= demand + epsilon && upper.reduce(0, +) >= demand - epsilon
        shares = Array(repeating: [], count: n)
        customersAt = Array(repeating: [], count: k)
        loads = Array(repeating: 0, count: k)
        arcCost = Array(repeating: .infinity, count: k * k)
        arcCustomer = Array(repeating: -1, count: k * k)
        guard isFeasible else { return }
        for j in 0..<n {
            var best = 0
            var bestCost = Double.infinity
            for a in 0..<k {
                let cost = solver.unitCost(open[a], j)
                if cost < bestCost {
                    bestCost = cost
                    best = a
                }
            }
            shares[j] = [TransportationSolver.Share(facility: best, amount: problem.demands[j])]
            customersAt[best].append(j)
            loads[best] += problem.demands[j]
        }
    }

    /// Computes every arc leaving facility a.
    private mutating func refreshArcs(from a: Int) {
        let row = a * k
        for b in 0..<k {
            arcCost[row + b] = .infinity
            arcCustomer[row + b] = -1
        }
        for j in customersAt[a] { lowerArcs(from: a, through: j) }
    }

    /// Lowers the arcs leaving a to what moving customer j (at a) would cost.
    @inline(__always)
    private mutating func lowerArcs(from a: Int, through j: Int) {
        let row = a * k
        let here = solver.unitCost(open[a], j)
        for b in 0..<k where b != a {
            let change = solver.unitCost(open[b], j) - here
            if change < arcCost[row + b] {
                arcCost[row + b] = change
                arcCustomer[row + b] = j
            }
        }
    }

    /// Rescans the customers of the stale arcs' facilities for those arcs.
    private mutating func refreshStaleArcs() {
        for arc in staleArcs {
            let (a, b) = (arc / k, arc % k)
            var best = Double.infinity
            var bestCustomer = -1
            for j in customersAt[a] {
                let change = solver.unitCost(open[b], j) - solver.unitCost(open[a], j)
                if change < best {
                    best = change
                    bestCustomer = j
                }
            }
            arcCost[arc] = best
            arcCustomer[arc] = bestCustomer
        }
        staleArcs.removeAll(keepingCapacity: true)
    }

    private func share(of customer: Int, at facility: Int) -> Double {
        shares[customer].first { $0.facility == facility }?.amount ?? 0
    }

    /// Moves `amount` of customer j's demand from a to b.
    private mutating func move(_ j: Int, from a: Int, to b: Int, amount: Double) {
        if let index = shares[j].firstIndex(where: { $0.facility == a }) {
            shares[j][index].amount -= amount
            if shares[j][index].amount <= 0 {
                shares[j].remove(at: index)
                customersAt[a].removeAll { $0 == j }
                let row = a * k
                for c in 0..<k where arcCustomer[row + c] == j {
                    arcCost[row + c] = .infinity
                    arcCustomer[row + c] = -1
                    staleArcs.append(row + c)
                }
            }
        }
        if let index = shares[j].firstIndex(where: { $0.facility == b }) {
            shares[j][index].amount += amount
        } else {
            shares[j].append(TransportationSolver.Share(facility: b, amount: amount))
            customersAt[b].append(j)
            lowerArcs(from: b, through: j)
        }
        loads[a] -= amount
        loads[b] += amount
    }

    /// Runs successive shortest paths until every load is within its bounds; false if stuck.
    mutating func run() -> Bool {
        let t = k  // the slack node
        var distance = Array(repeating: Double.infinity, count: k + 1)
        var parent = Array(repeating: -1, count: k + 1)
        var inQueue = Array(repeating: false, count: k + 1)
        var relaxations = Array(repeating: 0, count: k + 1)
        var queue: [Int] = []
        var rounds = 0
        while true {
            rounds += 1
            if rounds > 50 * (n + k) { return false }
            var excess = 0.0
            var deficit = 0.0
            for a in 0..<k {
                excess += max(0, loads[a] - upper[a])
                deficit += max(0, lower[a] - loads[a])
            }
            if excess <= epsilon && deficit <= epsilon { return true }
            if rounds == 1 {
                for a in 0..<k { refreshArcs(from: a) }
            } else {
                refreshStaleArcs()
            }
            for v in 0...k {
                distance[v] = .infinity
                parent[v] = -1
                inQueue[v] = false
                relaxations[v] = 0
            }
            queue.removeAll(keepingCapacity: true)
            for a in 0..<k where loads[a] - upper[a] > epsilon {
                distance[a] = 0
                queue.append(a)
                inQueue[a] = true
            }
            if deficit - excess > epsilon {
                distance[t] = 0
                queue.append(t)
                inQueue[t] = true
            }
            var head = 0
            while head < queue.count {
                let v = queue[head]
                head += 1
                inQueue[v] = false
                relaxations[v] += 1
                if relaxations[v] > k + 2 { return false }  // a negative cycle: numerical trouble
                let base = distance[v]
                if v == t {
                    for a in 0..<k where loads[a] - lower[a] > epsilon && loads[a] <= upper[a] + epsilon {
                        if base < distance[a] {
                            distance[a] = base
                            parent[a] = t
                            if !inQueue[a] {
                                queue.append(a)
                                inQueue[a] = true
                            }
                        }
                    }
                    continue
                }
                if upper[v] - loads[v] > epsilon && loads[v] >= lower[v] - epsilon && base < distance[t] {
                    distance[t] = base
                    parent[t] = v
                    if !inQueue[t] {
                        queue.append(t)
                        inQueue[t] = true
                    }
                }
                let row = v * k
                for b in 0..<k where arcCustomer[row + b] >= 0 {
                    let candidate = base + arcCost[row + b]
                    if candidate < distance[b] - 1e-15 {
                        distance[b] = candidate
                        parent[b] = v
                        if !inQueue[b] {
                            queue.append(b)
                            inQueue[b] = true
                        }
                    }
                }
            }
            // The nearest sink: an underloaded facility, or T when there is more excess than deficit.
            var sink = -1
            var best = Double.infinity
            for a in 0..<k where lower[a] - loads[a] > epsilon && distance[a] < best {
                best = distance[a]
                sink = a
            }
            if excess - deficit > epsilon && distance[t] < best {
                best = distance[t]
                sink = t
            }
            guard sink >= 0 else { return false }
            // Walk back to the source, finding the bottleneck.
            var path: [Int] = [sink]
            var v = sink
            while parent[v] >= 0 {
                v = parent[v]
                path.append(v)
                if path.count > k + 2 { return false }
            }
            path.reverse()
            let source = path[0]
            var amount = source == t ? deficit - excess : loads[source] - upper[source]
            amount = min(amount, sink == t ? excess - deficit : lower[sink] - loads[sink])
            for index in 0..<(path.count - 1) {
                let (a, b) = (path[index], path[index + 1])
                if a == t {
                    amount = min(amount, loads[b] - lower[b])
                } else if b == t {
                    amount = min(amount, upper[a] - loads[a])
                } else {
                    amount = min(amount, share(of: arcCustomer[a * k + b], at: a))
                }
            }
            guard amount > 0 else { return false }
            // The customers are read before moving: a move changes the arcs of the facilities it touches.
            let moves = (0..<(path.count - 1)).compactMap { index -> (customer: Int, from: Int, to: Int)? in
                let (a, b) = (path[index], path[index + 1])
                return a == t || b == t ? nil : (arcCustomer[a * k + b], a, b)
            }
            for step in moves { move(step.customer, from: step.from, to: step.to, amount: amount) }
        }
    }

    /// The allocation reached, with its true cost.
    func allocation() -> TransportationSolver.Allocation {
        let problem = solver.problem
        var cost = 0.0
        var used = Array(repeating: false, count: k)
        for j in 0..<n {
            for share in shares[j] where share.amount > 0 {
                cost += problem.cost(open[share.facility], j) * (share.amount / problem.demands[j])
                used[share.facility] = true
            }
        }
        for a in 0..<k where used[a] { cost += problem.fixedCosts[open[a]] }
        return TransportationSolver.Allocation(open: open, shares: shares, cost: cost)
    }
}
