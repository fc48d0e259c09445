@testable import ParcoursSolver

/// Optima of tiny problems found by enumerating every assignment, independently of the engine.
enum EnumeratedOptimum {
    /// The single-source optimum: every assignment of customers to facilities.
    static func singleSource(_ problem: FacilityProblem) -> Double? {
        let units = (0..<problem.customerCount).map { (customer: $0, amount: problem.demands[$0]) }
        return enumerate(problem, units: units)
    }

    /// The multi-source optimum of a problem with integer demands, capacities and minimum loads: the
    /// transportation constraints are totally unimodular, so some optimum serves whole units, and
    /// enumerating the facility of every unit of demand finds it.
    static func multiSource(_ problem: FacilityProblem) -> Double? {
        var units: [(customer: Int, amount: Double)] = []
        for j in 0..<problem.customerCount {
            for _ in 0..<Int(problem.demands[j]) { units.append((j, 1)) }
        }
        return enumerate(problem, units: units)
    }

    private static func enumerate(_ problem: FacilityProblem, units: [(customer: Int, amount: Double)]) -> Double? {
        let m = problem.facilityCount
        var choice = Array(repeating: 0, count: units.count)
        var best: Double?
        while true {
            var loads = Array(repeating: 0.0, count: m)
            var cost = 0.0
            for (unit, facility) in zip(units, choice) {
                loads[facility] += unit.amount
                cost += problem.cost(facility, unit.customer) * unit.amount / problem.demands[unit.customer]
            }
            var feasible = true
            for i in 0..<m where loads[i] > 0 {
                cost += problem.fixedCosts[i]
                if loads[i] > problem.capacities[i] || loads[i] < problem.minimumLoads[i] { feasible = false }
            }
            if feasible, cost < (best ?? .infinity) { best = cost }
            // Next choice, as a number in base m.
            var position = 0
            while position < choice.count {
                choice[position] += 1
                if choice[position] < m { break }
                choice[position] = 0
                position += 1
            }
            if position == choice.count { return best }
        }
    }
}

/// Random small problems with integer data, reproducible from a seed.
enum RandomProblem {
    static func make(
        seed: UInt64, facilities: Int, customers: Int, singleSource: Bool, minimumLoads: Bool
    ) -> FacilityProblem {
        var random = SplitMix64(seed: seed)
        func integer(_ range: ClosedRange<Int>) -> Double {
            Double(range.lowerBound + random.next(below: range.upperBound - range.lowerBound + 1))
        }
        let demands = (0..<customers).map { _ in integer(1...3) }
        let total = demands.reduce(0, +)
        let capacities = (0..<facilities).map { _ in max(integer(2...6), (total / Double(facilities - 1)).rounded(.up))
        }
        let minimums = capacities.map { minimumLoads ? (($0 * Double(random.next(below: 60)) / 100).rounded(.up)) : 0 }
        return FacilityProblem(
            fixedCosts: (0..<facilities).map { _ in integer(0...40) }, capacities: capacities,
            minimumLoads: minimums, demands: demands,
            assignmentCosts: (0..<(facilities * customers)).map { _ in integer(1...30) },
            singleSource: singleSource)
    }
}
