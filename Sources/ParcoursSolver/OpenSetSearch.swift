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
        _ = evaluate(isOpen)
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

    /// Local search on the best open set: the best of all single closings and openings, else the
    /// first improving swap (most promising pairs first), until none improves.
    mutating func improveOpenSet() {
        while let current = bestAllocation, !clock.isOver, !closed() {
            var isOpen = Array(repeating: false, count: problem.facilityCount)
            var loaded = Array(repeating: false, count: current.open.count)
            for shares in current.shares {
                for share in shares where share.amount > 0 { loaded[share.facility] = true }
            }
            for (a, i) in current.open.enumerated() where loaded[a] { isOpen[i] = true }
            let before = current.cost
            var closings: [(facility: Int, cost: Double)] = []
            var openings: [(facility: Int, cost: Double)] = []
            for i in 0..<problem.facilityCount {
                if clock.isOver { return }
                isOpen[i].toggle()
                let cost = evaluate(isOpen)
                isOpen[i].toggle()
                if isOpen[i] { closings.append((i, cost)) } else { openings.append((i, cost)) }
            }
            if upperBound < before - 1e-9 * abs(before) { continue }
            var improved = false
            var pairs: [(closing: Int, opening: Int, cost: Double)] = []
            for closing in closings {
                for opening in openings {
                    pairs.append((closing.facility, opening.facility, closing.cost + opening.cost))
                }
            }
            pairs.sort { $0.cost < $1.cost }
            for pair in pairs {
                if clock.isOver { return }
                isOpen[pair.closing] = false
                isOpen[pair.opening] = true
                evaluate(isOpen)
                isOpen[pair.closing] = true
                isOpen[pair.opening] = false
                if upperBound < before - 1e-9 * abs(before) {
                    improved = true
                    break
                }
            }
            if !improved { return }
        }
    }
}
