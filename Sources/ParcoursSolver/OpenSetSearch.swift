/// The search over which facilities open: subgradient optimisation of the Lagrangian relaxation
/// (the bound, and one candidate open set per iteration), each candidate allocated exactly by the
/// transportation solver, then local search (close, open, swap) on the best open set.
struct OpenSetSearch {
    let problem: FacilityProblem
    let clock: SearchClock
    let progress: (@Sendable (FacilitySolverProgress) -> Void)?
    private let relaxation: LagrangianRelaxation
    private let transportation: TransportationSolver
    private var evaluated: [[UInt64]: Double] = [:]
    /// The best lower bound proven.
    private(set) var bound = -Double.infinity
    /// The best multipliers, those giving ``bound``.
    private(set) var bestMultipliers: [Double] = []
    /// The best allocation found.
    private(set) var bestAllocation: TransportationSolver.Allocation?
    /// The open (closed) facilities of the last local optimum, by the cost of closing (opening) it alone.
    private var rankedClosings: [Int] = []
    private var rankedOpenings: [Int] = []

    init(problem: FacilityProblem, clock: SearchClock, progress: (@Sendable (FacilitySolverProgress) -> Void)?) {
        self.problem = problem
        self.clock = clock
        self.progress = progress
        relaxation = LagrangianRelaxation(problem: problem)
        transportation = TransportationSolver(problem: problem)
    }

    private var upperBound: Double { bestAllocation?.cost ?? .infinity }

    private func report() {
        progress?(FacilitySolverProgress(seconds: clock.seconds, objective: upperBound, bound: bound))
    }

    private func closed(_ gap: Double = 1e-9) -> Bool {
        upperBound.isFinite && upperBound - bound <= gap * abs(upperBound)
    }

    /// Subgradient optimisation: λ ← λ + θ (UB − L(λ)) g / ‖g‖², θ halved after 20 iterations without
    /// a better bound; stops when the bound gains less than 1e-6 in 150 iterations, or at `share` of
    /// the time limit.
    mutating func runLagrangian(share: Double, maximumIterations: Int = 5000) {
        var multipliers = bestMultipliers.isEmpty ? relaxation.initialMultipliers() : bestMultipliers
        var step = bestMultipliers.isEmpty ? 2.0 : 0.5
        var stale = 0
        var history: [Double] = []
        for _ in 0..<maximumIterations {
            if clock.seconds >= share * clock.limit || closed() || step < 1e-5 { break }
            history.append(bound)
            if history.count > 150, bound - history[history.count - 151] < 1e-6 * abs(bound) { break }
            let evaluation = relaxation.evaluate(multipliers)
            if evaluation.value > bound {
                if evaluation.value > bound + 1e-9 * abs(bound) { stale = 0 } else { stale += 1 }
                bound = evaluation.value
                bestMultipliers = multipliers
                report()
            } else {
                stale += 1
            }
            if !evaluation.value.isFinite { break }  // no open set can hold the demand
            if stale >= 20 {
                step /= 2
                stale = 0
            }
            tryOpenSet(repairing: evaluation)
            let norm = evaluation.subgradient.reduce(0) { $0 + $1 * $1 }
            if norm < 1e-12 { break }
            let target = upperBound.isFinite ? upperBound : evaluation.value + 0.05 * abs(evaluation.value) + 1
            let length = step * (target - evaluation.value) / norm
            for j in multipliers.indices { multipliers[j] += length * evaluation.subgradient[j] }
        }
    }

    /// The facilities the relaxation opens (even partly), completed to hold the demand by the best
    /// value per unit of capacity, then allocated exactly.
    private mutating func tryOpenSet(repairing evaluation: LagrangianRelaxation.Evaluation) {
        var isOpen = evaluation.openness.map { $0 > 0 }
        var capacity = zip(isOpen, problem.capacities).reduce(0) { $0 + ($1.0 ? $1.1 : 0) }
        let demand = problem.totalDemand
        if capacity < demand {
            let rest = (0..<problem.facilityCount).filter { !isOpen[$0] }.sorted {
                evaluation.facilityValues[$0] / problem.capacities[$0]
                    < evaluation.facilityValues[$1] / problem.capacities[$1]
            }
            for i in rest where capacity < demand {
                isOpen[i] = true
                capacity += problem.capacities[i]
            }
        }
        if costIgnoringCapacities(isOpen) < upperBound { evaluate(isOpen) }
    }

    /// A lower bound on the cost of the open set `isOpen`: its fixed costs plus each customer served
    /// whole by its cheapest open facility.
    private func costIgnoringCapacities(_ isOpen: [Bool]) -> Double {
        let open = isOpen.indices.filter { isOpen[$0] }
        var cost = open.reduce(0) { $0 + problem.fixedCosts[$1] }
        for j in 0..<problem.customerCount {
            var cheapest = Double.infinity
            for i in open { cheapest = min(cheapest, problem.cost(i, j)) }
            cost += cheapest
        }
        return cost
    }

    /// The cost of the best allocation to the open set `isOpen` (infinite when none), remembering it.
    @discardableResult
    private mutating func evaluate(_ isOpen: [Bool]) -> Double {
        let key = Self.key(isOpen)
        if let cost = evaluated[key] { return cost }
        let open = isOpen.indices.filter { isOpen[$0] }
        let allocation = transportation.solve(open: open)
        let cost = allocation?.cost ?? .infinity
        evaluated[key] = cost
        if let allocation, cost < upperBound {
            bestAllocation = allocation
            report()
        }
        return cost
    }

    private static func key(_ isOpen: [Bool]) -> [UInt64] {
        var words = Array(repeating: UInt64(0), count: (isOpen.count + 63) / 64)
        for (i, open) in isOpen.enumerated() where open { words[i / 64] |= 1 << UInt64(i % 64) }
        return words
    }

    /// Iterated local search on the open set until `share` of the time limit or `patience` kicks
    /// without a better plan: each kick closes one or two facilities and opens as many, drawn among
    /// the eight whose closing (opening) alone cost least at the last local optimum, then
    /// ``improveOpenSet(from:until:swapLimit:)`` descends from there.
    mutating func iterateOpenSet(share: Double, seed: UInt64, patience: Int) {
        var random = SplitMix64(seed: seed)
        var stale = 0
        while let best = bestAllocation, clock.seconds < share * clock.limit, !closed(), stale < patience {
            var isOpen = Self.loadedSet(of: best, facilityCount: problem.facilityCount)
            let open = rankedClosings.filter { isOpen[$0] }.prefix(8)
            let closedSet = rankedOpenings.filter { !isOpen[$0] }.prefix(8)
            guard !open.isEmpty, !closedSet.isEmpty else { return }
            for _ in 0...random.next(below: 2) {
                isOpen[open[open.startIndex + random.next(below: open.count)]] = false
                isOpen[closedSet[closedSet.startIndex + random.next(below: closedSet.count)]] = true
            }
            let before = best.cost
            improveOpenSet(from: isOpen, until: share)
            stale = upperBound < before - 1e-9 * abs(before) ? 0 : stale + 1
        }
    }

    /// The facilities whose closing or opening the local search evaluates exactly: all of them on
    /// small problems; on large ones the twelve open and twelve closed whose change is estimated
    /// cheapest from the current allocation (a closed customer moves whole to its next cheapest open
    /// facility; an opened facility takes the customers it saves most on, within its capacity).
    private func flipCandidates(_ isOpen: [Bool]) -> [Int] {
        let m = problem.facilityCount
        let n = problem.customerCount
        guard m * n > 20000, let allocation = transportation.solve(open: isOpen.indices.filter { isOpen[$0] })
        else { return Array(0..<m) }
        var current = Array(repeating: 0.0, count: n)
        var closing = Array(repeating: 0.0, count: m)
        let open = allocation.open
        for (j, shares) in allocation.shares.enumerated() {
            for share in shares where share.amount > 0 {
                let i = open[share.facility]
                let fraction = share.amount / problem.demands[j]
                current[j] += problem.cost(i, j) * fraction
                let next = open.filter { $0 != i }.map { problem.cost($0, j) }.min() ?? .infinity
                closing[i] += (next - problem.cost(i, j)) * fraction
            }
        }
        var closings: [(facility: Int, estimate: Double)] = []
        var openings: [(facility: Int, estimate: Double)] = []
        for i in 0..<m {
            if isOpen[i] {
                closings.append((i, closing[i] - problem.fixedCosts[i]))
                continue
            }
            var gains: [(perUnit: Double, demand: Double)] = []
            for j in 0..<n where current[j] > problem.cost(i, j) {
                gains.append(((current[j] - problem.cost(i, j)) / problem.demands[j], problem.demands[j]))
            }
            gains.sort { $0.perUnit > $1.perUnit }
            var load = 0.0
            var saving = 0.0
            for gain in gains {
                let take = min(gain.demand, problem.capacities[i] - load)
                if take <= 0 { break }
                load += take
                saving += gain.perUnit * take
            }
            openings.append((i, problem.fixedCosts[i] - saving))
        }
        closings.sort { $0.estimate < $1.estimate }
        openings.sort { $0.estimate < $1.estimate }
        return closings.prefix(12).map(\.facility) + openings.prefix(12).map(\.facility)
    }

    /// The facilities an allocation loads.
    private static func loadedSet(of allocation: TransportationSolver.Allocation, facilityCount: Int) -> [Bool] {
        var isOpen = Array(repeating: false, count: facilityCount)
        for shares in allocation.shares {
            for share in shares where share.amount > 0 { isOpen[allocation.open[share.facility]] = true }
        }
        return isOpen
    }

    /// Local search from the open set `start` (the best plan's when nil): the best of all single
    /// closings and openings, else the first improving swap among the `swapLimit` most promising
    /// (by the costs of their closing and their opening alone), until none improves.
    mutating func improveOpenSet(from start: [Bool]? = nil, until share: Double = 1, swapLimit: Int = 80) {
        var isOpen = start ?? bestAllocation.map { Self.loadedSet(of: $0, facilityCount: problem.facilityCount) } ?? []
        var before = start.map { evaluate($0) } ?? upperBound
        while !isOpen.isEmpty, before.isFinite, clock.seconds < share * clock.limit, !closed() {
            var closings: [(facility: Int, cost: Double)] = []
            var openings: [(facility: Int, cost: Double)] = []
            var bestFlip = (facility: -1, cost: before - 1e-9 * abs(before))
            for i in flipCandidates(isOpen) {
                if clock.isOver { return }
                isOpen[i].toggle()
                let cost = evaluate(isOpen)
                isOpen[i].toggle()
                if isOpen[i] { closings.append((i, cost)) } else { openings.append((i, cost)) }
                if cost < bestFlip.cost { bestFlip = (i, cost) }
            }
            if bestFlip.facility >= 0 {
                isOpen[bestFlip.facility].toggle()
                before = bestFlip.cost
                continue
            }
            if start == nil || before <= upperBound {
                rankedClosings = closings.sorted { $0.cost < $1.cost }.map(\.facility)
                rankedOpenings = openings.sorted { $0.cost < $1.cost }.map(\.facility)
            }
            var improved = false
            var pairs: [(closing: Int, opening: Int, cost: Double)] = []
            for closing in closings {
                for opening in openings {
                    pairs.append((closing.facility, opening.facility, closing.cost + opening.cost))
                }
            }
            pairs.sort { $0.cost < $1.cost }
            for pair in pairs.prefix(swapLimit) {
                if clock.isOver { return }
                isOpen[pair.closing] = false
                isOpen[pair.opening] = true
                let cost = evaluate(isOpen)
                if cost < before - 1e-9 * abs(before) {
                    before = cost
                    improved = true
                    break
                }
                isOpen[pair.closing] = true
                isOpen[pair.opening] = false
            }
            if !improved { return }
        }
    }
}
